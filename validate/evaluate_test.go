package validate

import (
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/internal/golden"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/ocr/mrz"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func day(s string) document.Date {
	d, err := document.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// month returns the period covering a whole month, "2026-06".
func month(s string) document.Period {
	from := day(s + "-01")
	return document.Period{From: from, To: from.AddDate(0, 1, -1)}
}

func text(d document.Document) document.Document {
	if d.TextSource == "" {
		d.TextSource = document.SourceTextLayer
		d.Confidence = 100
	}
	if d.Format == "" {
		d.Format = "application/pdf"
	}
	d.Path = "/dossier/" + d.File
	d.Pages = 1
	return d
}

// rsDossier is a complete dossier for RS/permanent-residence-renewal on
// 2026-12-01, for a Chinese national.
func rsDossier() []document.Document {
	return []document.Document{
		text(document.Document{File: "zahtev.pdf", Type: document.ApplicationForm, Language: "sr", Country: "RS"}),
		text(document.Document{File: "licna-karta.jpg", Type: document.ResidencePermit, Language: "sr", Country: "RS",
			Issued: day("2022-01-15"), Expires: day("2027-01-15"), Number: "RS1234567"}),
		text(document.Document{File: "pasos.jpg", Type: document.Passport, Language: "zh", Country: "CN",
			Issued: day("2020-05-01"), Expires: day("2030-05-01"), Number: "E12345678",
			MRZ: &mrz.Result{Format: mrz.TD3, Valid: true, IssuingState: "CHN", Nationality: "CHN"}}),
		{File: "foto.jpg", Type: document.Photo, Format: "image/jpeg", Photo: &document.PhotoCheck{WidthPx: 413, HeightPx: 531, Compliant: true}},
		text(document.Document{File: "criminal-record-rs.pdf", Type: document.CriminalRecord, Language: "sr", Country: "RS",
			Issued: day("2026-11-10")}),
		text(document.Document{File: "criminal-record-cn.pdf", Type: document.CriminalRecord, Language: "zh", Country: "CN",
			Issued: day("2026-10-20"), Number: "(2026) 京证字 0001234"}),
		text(document.Document{File: "apostille-1.pdf", Type: document.Apostille, Language: "zh", Country: "CN",
			Issued: day("2026-10-25"), References: []string{"(2026)京证字0001234"}}),
		text(document.Document{File: "prevod-1.pdf", Type: document.Translation, Language: "sr", Country: "RS",
			Issued: day("2026-11-02"), Sworn: true, Translates: document.CriminalRecord, References: []string{"2026 京证字 0001234"}}),
		text(document.Document{File: "ugovor-o-zakupu.pdf", Type: document.ProofOfAddress, Language: "sr", Country: "RS",
			Issued: day("2026-09-01")}),
		text(document.Document{File: "izvodi.pdf", Type: document.BankStatement, Language: "sr", Country: "RS",
			Periods: []document.Period{month("2026-06"), month("2026-07"), month("2026-08"), month("2026-09"), month("2026-10"), month("2026-11")}}),
		text(document.Document{File: "polisa.pdf", Type: document.HealthInsurance, Language: "sr", Country: "RS",
			ValidFrom: day("2026-06-01"), Expires: day("2027-06-30")}),
		text(document.Document{File: "uplatnica.pdf", Type: document.PaymentReceipt, Language: "sr", Country: "RS"}),
	}
}

// frDossier is a complete dossier for FR/carte-de-sejour-renewal on
// 2026-12-01, for a Moroccan national.
func frDossier() []document.Document {
	return []document.Document{
		text(document.Document{File: "passeport.pdf", Type: document.Passport, Language: "fr", Country: "MA",
			Expires: day("2031-01-01"), MRZ: &mrz.Result{Format: mrz.TD3, Valid: true, IssuingState: "MAR", Nationality: "MAR"}}),
		text(document.Document{File: "titre-de-sejour.jpg", Type: document.ResidencePermit, Language: "fr", Country: "FR",
			Expires: day("2027-03-15")}),
		text(document.Document{File: "facture-edf.pdf", Type: document.ProofOfAddress, Language: "fr", Country: "FR",
			Issued: day("2026-10-05")}),
		text(document.Document{File: "bulletins.pdf", Type: document.Payslip, Language: "fr", Country: "FR",
			Periods: []document.Period{month("2026-08"), month("2026-09"), month("2026-10")}}),
		{File: "photo.jpg", Type: document.Photo, Format: "image/jpeg", Photo: &document.PhotoCheck{WidthPx: 413, HeightPx: 531, DPI: 300, WidthMM: 35, HeightMM: 45, Compliant: true}},
		text(document.Document{File: "timbre.pdf", Type: document.PaymentReceipt, Language: "fr", Country: "FR"}),
		text(document.Document{File: "contrat-republique.pdf", Type: document.RepublicContract, Language: "fr", Country: "FR",
			Issued: day("2026-11-01")}),
	}
}

type edit func([]document.Document) []document.Document

// set changes the document named file.
func set(file string, f func(*document.Document)) edit {
	return func(docs []document.Document) []document.Document {
		for i := range docs {
			if docs[i].File == file {
				f(&docs[i])
				return docs
			}
		}
		panic("no document " + file)
	}
}

func drop(files ...string) edit {
	return func(docs []document.Document) []document.Document {
		return slices.DeleteFunc(docs, func(d document.Document) bool { return slices.Contains(files, d.File) })
	}
}

func add(ds ...document.Document) edit {
	return func(docs []document.Document) []document.Document { return append(docs, ds...) }
}

type evalCase struct {
	name  string
	proc  string
	edits []edit
	facts Facts
	want  map[string]Status // requirements not listed must be ok
	// notReady: the dossier is not ready for another reason than its
	// requirements (a file that could not be read, a duplicate).
	notReady bool
	// contains: substrings the message of a requirement must hold.
	contains map[string][]string
	files    map[string][]string // exact Files of a requirement
	on       document.Date       // the reference date; zero: 2026-12-01
}

// dossiers are the ready dossiers the cases start from, by procedure.
var dossiers = map[string]func() []document.Document{
	"RS/permanent-residence-renewal": rsDossier,
	"FR/carte-de-sejour-renewal":     frDossier,
	"FR/carte-de-resident":           frResDossier,
	"BE/residence-card-renewal":      beDossier,
	"RU/residence-permit-renewal":    ruDossier,
}

var on = day("2026-12-01")

var evalCases = []evalCase{
	// Serbia.
	{name: "rs ready", proc: "RS/permanent-residence-renewal",
		files: map[string][]string{
			"criminal-record-origin": {"apostille-1.pdf", "criminal-record-cn.pdf", "prevod-1.pdf"},
			"photos":                 {"foto.jpg"},
		}},
	{name: "rs ready, nationality given as alpha-3", proc: "RS/permanent-residence-renewal", facts: Facts{Nationality: "chn"}},
	{name: "rs missing application form", proc: "RS/permanent-residence-renewal", edits: []edit{drop("zahtev.pdf")},
		want:     map[string]Status{"application-form": Missing},
		contains: map[string][]string{"application-form": {"No application form", "Zahtev"}}},
	{name: "rs criminal record too old", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("criminal-record-rs.pdf", func(d *document.Document) { d.Issued = day("2026-07-01") })},
		want:  map[string]Status{"criminal-record-rs": TooOld},
		contains: map[string][]string{"criminal-record-rs": {
			"criminal-record-rs.pdf was issued on 2026-07-01, more than 3 months before 2026-12-01: ask the police (MUP) for a new certificate"}}},
	{name: "rs criminal record issued exactly 3 months before", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("criminal-record-rs.pdf", func(d *document.Document) { d.Issued = day("2026-09-01") })}},
	{name: "rs passport expired", proc: "RS/permanent-residence-renewal",
		edits:    []edit{set("pasos.jpg", func(d *document.Document) { d.Expires = day("2026-11-01") })},
		want:     map[string]Status{"passport": Expired},
		contains: map[string][]string{"passport": {"pasos.jpg expired on 2026-11-01, before 2026-12-01"}}},
	// Audit RS #4: the seed's 6 months is a warning; the passport must be valid.
	{name: "rs passport valid less than 6 months: a warning", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("pasos.jpg", func(d *document.Document) { d.Expires = day("2027-03-01") })},
		want:  map[string]Status{"passport": ExpiresSoon},
		contains: map[string][]string{"passport": {
			"pasos.jpg expires on 2027-03-01, within 6 months of 2026-12-01: the counter may ask for 6 months of validity, so consider renewing it first"}}},
	{name: "rs passport valid 9 months", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("pasos.jpg", func(d *document.Document) { d.Expires = day("2027-09-01") })}},
	{name: "rs passport expiry unreadable", proc: "RS/permanent-residence-renewal",
		edits:    []edit{set("pasos.jpg", func(d *document.Document) { d.Expires = document.Date{} })},
		want:     map[string]Status{"passport": NeedsReview},
		contains: map[string][]string{"passport": {"could not be read", "2026-12-01"}}},
	{name: "rs health insurance too short", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("polisa.pdf", func(d *document.Document) { d.Expires = day("2027-03-31") })},
		want:  map[string]Status{"health-insurance": Insufficient},
		contains: map[string][]string{"health-insurance": {
			"polisa.pdf covers until 2027-03-31, less than 6 months after 2026-12-01 (it must cover until at least 2027-06-01)"}}},
	{name: "rs health insurance starts after filing", proc: "RS/permanent-residence-renewal",
		edits:    []edit{set("polisa.pdf", func(d *document.Document) { d.ValidFrom = day("2026-12-15") })},
		want:     map[string]Status{"health-insurance": Insufficient},
		contains: map[string][]string{"health-insurance": {"only starts on 2026-12-15"}}},
	{name: "rs health insurance ended", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("polisa.pdf", func(d *document.Document) { d.Expires = day("2026-11-30") })},
		want:  map[string]Status{"health-insurance": Expired}},
	{name: "rs missing translation", proc: "RS/permanent-residence-renewal", edits: []edit{drop("prevod-1.pdf")},
		want: map[string]Status{"criminal-record-origin": NeedsTranslation},
		contains: map[string][]string{"criminal-record-origin": {
			"criminal-record-cn.pdf is in Chinese, not in Serbian", "criminal-record-cn-translation.pdf"}}},
	{name: "rs unsworn translation", proc: "RS/permanent-residence-renewal",
		edits:    []edit{set("prevod-1.pdf", func(d *document.Document) { d.Sworn = false })},
		want:     map[string]Status{"criminal-record-origin": NeedsTranslation},
		contains: map[string][]string{"criminal-record-origin": {"prevod-1.pdf, the translation of criminal-record-cn.pdf, does not say it was made by a sworn translator"}},
		files:    map[string][]string{"criminal-record-origin": {"apostille-1.pdf", "criminal-record-cn.pdf", "prevod-1.pdf"}}},
	{name: "rs translation into the wrong language", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("prevod-1.pdf", func(d *document.Document) { d.Language = "en" })},
		want:  map[string]Status{"criminal-record-origin": NeedsTranslation}},
	{name: "rs translation paired by file name", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("prevod-1.pdf", func(d *document.Document) {
			d.File, d.References, d.Translates = "criminal-record-cn.sr.pdf", nil, ""
		})},
		files: map[string][]string{"criminal-record-origin": {"apostille-1.pdf", "criminal-record-cn.pdf", "criminal-record-cn.sr.pdf"}}},
	{name: "rs translation paired by translated type", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("prevod-1.pdf", func(d *document.Document) { d.References = nil })}},
	{name: "rs translation of another document does not count", proc: "RS/permanent-residence-renewal",
		edits:    []edit{set("prevod-1.pdf", func(d *document.Document) { d.References = []string{"X-999"}; d.Translates = document.BirthCertificate })},
		want:     map[string]Status{"criminal-record-origin": NeedsTranslation, CheckPairs: NeedsReview},
		contains: map[string][]string{CheckPairs: {"prevod-1.pdf is the translation of a birth certificate no. X-999 that is not in the dossier"}}},
	{name: "rs missing apostille", proc: "RS/permanent-residence-renewal", edits: []edit{drop("apostille-1.pdf")},
		want: map[string]Status{"criminal-record-origin": NeedsLegalization},
		contains: map[string][]string{"criminal-record-origin": {
			"criminal-record-cn.pdf was issued in CN and no apostille goes with it", "criminal-record-cn-apostille.pdf"}}},
	{name: "rs missing apostille and translation", proc: "RS/permanent-residence-renewal", edits: []edit{drop("apostille-1.pdf", "prevod-1.pdf")},
		want:     map[string]Status{"criminal-record-origin": NeedsLegalization},
		contains: map[string][]string{"criminal-record-origin": {"no apostille", "it also needs a translation"}}},
	{name: "rs apostille paired by file name", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("apostille-1.pdf", func(d *document.Document) { d.File, d.References = "criminal-record-cn_apostille.pdf", nil })}},
	{name: "rs criminal record from a third country", proc: "RS/permanent-residence-renewal",
		edits:    []edit{set("criminal-record-cn.pdf", func(d *document.Document) { d.Country = "DE" })},
		want:     map[string]Status{"criminal-record-origin": NonCompliant},
		contains: map[string][]string{"criminal-record-origin": {"criminal-record-cn.pdf was issued in DE, but this one must be issued in CN (your nationality)"}}},
	{name: "rs only the Serbian criminal record", proc: "RS/permanent-residence-renewal",
		edits:    []edit{drop("criminal-record-cn.pdf", "apostille-1.pdf", "prevod-1.pdf")},
		want:     map[string]Status{"criminal-record-origin": Missing},
		contains: map[string][]string{"criminal-record-origin": {"No criminal record issued in CN (your nationality)", "criminal-record-rs.pdf (issued in RS) does not count"}}},
	{name: "rs only the foreign criminal record", proc: "RS/permanent-residence-renewal",
		edits: []edit{drop("criminal-record-rs.pdf")},
		want:  map[string]Status{"criminal-record-rs": Missing}},
	{name: "rs criminal record of unknown country", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("criminal-record-rs.pdf", func(d *document.Document) { d.Country = "" })},
		want:  map[string]Status{"criminal-record-rs": NeedsReview, "criminal-record-origin": OK}},
	{name: "rs card expired before filing", proc: "RS/permanent-residence-renewal",
		edits:    []edit{set("licna-karta.jpg", func(d *document.Document) { d.Expires = day("2026-11-20") })},
		want:     map[string]Status{"residence-card": Expired},
		contains: map[string][]string{"residence-card": {"licna-karta.jpg expired on 2026-11-20, before 2026-12-01", "€100–500"}}},
	{name: "rs card expires on the filing date", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("licna-karta.jpg", func(d *document.Document) { d.Expires = day("2026-12-01") })}},
	{name: "rs photo non-compliant", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("foto.jpg", func(d *document.Document) {
			d.Photo = &document.PhotoCheck{Compliant: false, Problems: []string{"background is not white", "head too small (27 mm)"}}
		})},
		want: map[string]Status{"photos": NonCompliant},
		contains: map[string][]string{"photos": {
			"foto.jpg does not meet the photo rules (background is not white; head too small (27 mm))"}}},
	{name: "rs no photo", proc: "RS/permanent-residence-renewal", edits: []edit{drop("foto.jpg")},
		want:     map[string]Status{"photos": Missing},
		contains: map[string][]string{"photos": {"bring two prints"}}},
	{name: "rs photo not measured", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("foto.jpg", func(d *document.Document) { d.Photo = nil })},
		want:  map[string]Status{"photos": NeedsReview}},
	{name: "rs low OCR confidence", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("ugovor-o-zakupu.pdf", func(d *document.Document) {
			d.TextSource, d.Confidence, d.Format = document.SourceOCR, 35, "image/jpeg"
		})},
		want:     map[string]Status{"proof-of-address": NeedsReview},
		contains: map[string][]string{"proof-of-address": {"ugovor-o-zakupu.pdf was read by OCR with low confidence (35%)"}}},
	{name: "rs low OCR confidence but valid MRZ", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("pasos.jpg", func(d *document.Document) { d.TextSource, d.Confidence = document.SourceOCR, 20 })}},
	{name: "rs issue date unreadable", proc: "RS/permanent-residence-renewal",
		edits:    []edit{set("criminal-record-rs.pdf", func(d *document.Document) { d.Issued = document.Date{} })},
		want:     map[string]Status{"criminal-record-rs": NeedsReview},
		contains: map[string][]string{"criminal-record-rs": {"The issue date of criminal-record-rs.pdf could not be read: check by hand that it was issued on or after 2026-09-01"}}},
	{name: "rs unreadable file instead of the insurance", proc: "RS/permanent-residence-renewal",
		edits: []edit{drop("polisa.pdf"), add(document.Document{File: "scan-07.pdf", Type: document.Unknown, Error: "encrypted PDF"})},
		want:  map[string]Status{"health-insurance": Missing},
		contains: map[string][]string{
			"health-insurance":     {"scan-07.pdf (encrypted PDF) could not be read and may be it"},
			"means-of-subsistence": nil,
		},
		files:    map[string][]string{"health-insurance": {"scan-07.pdf"}},
		notReady: true},
	{name: "rs unreadable insurance never satisfies", proc: "RS/permanent-residence-renewal",
		edits:    []edit{set("polisa.pdf", func(d *document.Document) { d.Error = "PDF is damaged" })},
		want:     map[string]Status{"health-insurance": Missing},
		notReady: true},
	{name: "rs bank statements for 4 months", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("izvodi.pdf", func(d *document.Document) { d.Periods = d.Periods[:4] })},
		want:  map[string]Status{"means-of-subsistence": Insufficient},
		contains: map[string][]string{"means-of-subsistence": {
			"cover 4 of the 6 months needed between 2026-05 and 2026-11 (missing 2026-05, 2026-10, 2026-11)"}}},
	{name: "rs bank statements, one month late is tolerated", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("izvodi.pdf", func(d *document.Document) {
			d.Periods = []document.Period{month("2026-05"), month("2026-06"), month("2026-07"), month("2026-08"), month("2026-09"), month("2026-10")}
		})}},
	{name: "rs bank statements in several files", proc: "RS/permanent-residence-renewal",
		edits: []edit{drop("izvodi.pdf"),
			add(text(document.Document{File: "izvod-h1.pdf", Type: document.BankStatement, Language: "sr", ValidFrom: day("2026-06-01"), Expires: day("2026-08-31")}),
				text(document.Document{File: "izvod-h2.pdf", Type: document.BankStatement, Language: "sr", ValidFrom: day("2026-09-01"), Expires: day("2026-11-30")}))},
		files: map[string][]string{"means-of-subsistence": {"izvod-h1.pdf", "izvod-h2.pdf"}}},
	{name: "rs employment contract instead of statements", proc: "RS/permanent-residence-renewal",
		edits: []edit{drop("izvodi.pdf"), add(text(document.Document{File: "ugovor-o-radu.pdf", Type: document.EmploymentContract, Language: "sr"}))},
		files: map[string][]string{"means-of-subsistence": {"ugovor-o-radu.pdf"}}},
	{name: "rs statements in English", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("izvodi.pdf", func(d *document.Document) { d.Language = "en" })},
		want:  map[string]Status{"means-of-subsistence": NeedsTranslation}},
	{name: "rs empty dossier", proc: "RS/permanent-residence-renewal",
		edits: []edit{func([]document.Document) []document.Document { return nil }},
		want: map[string]Status{"application-form": Missing, "residence-card": Missing, "passport": Missing, "photos": Missing,
			"criminal-record-rs": Missing, "criminal-record-origin": Missing, "proof-of-address": Missing,
			"means-of-subsistence": Missing, "health-insurance": Missing, "fee-receipt": Missing}},

	// France.
	{name: "fr ready", proc: "FR/carte-de-sejour-renewal"},
	{name: "fr filing late", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{set("titre-de-sejour.jpg", func(d *document.Document) { d.Expires = day("2027-01-10") })},
		want:  map[string]Status{"residence-card": NonCompliant},
		contains: map[string][]string{"residence-card": {
			"Filing on 2026-12-01 is late: titre-de-sejour.jpg expires on 2027-01-10", "between 2026-09-12 and 2026-11-11", "€180 regularisation fee"}}},
	{name: "fr filing on the 60th day", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{set("titre-de-sejour.jpg", func(d *document.Document) { d.Expires = day("2027-01-30") })}},
	{name: "fr filing on the 120th day", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{set("titre-de-sejour.jpg", func(d *document.Document) { d.Expires = day("2027-03-31") })}},
	{name: "fr filing too early", proc: "FR/carte-de-sejour-renewal",
		edits:    []edit{set("titre-de-sejour.jpg", func(d *document.Document) { d.Expires = day("2027-06-01") })},
		want:     map[string]Status{"residence-card": NonCompliant},
		contains: map[string][]string{"residence-card": {"too early", "between 2027-02-01 and 2027-04-02"}}},
	{name: "fr card expired", proc: "FR/carte-de-sejour-renewal",
		edits:    []edit{set("titre-de-sejour.jpg", func(d *document.Document) { d.Expires = day("2026-11-30") })},
		want:     map[string]Status{"residence-card": Expired},
		contains: map[string][]string{"residence-card": {"€180"}}},
	{name: "fr passport expires soon", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{set("passeport.pdf", func(d *document.Document) { d.Expires = day("2027-03-01") })},
		want:  map[string]Status{"passport": ExpiresSoon}},
	{name: "fr passport expired", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{set("passeport.pdf", func(d *document.Document) { d.Expires = day("2026-11-30") })},
		want:  map[string]Status{"passport": Expired}},
	{name: "fr proof of address too old", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{set("facture-edf.pdf", func(d *document.Document) { d.Issued = day("2026-05-31") })},
		want:  map[string]Status{"proof-of-address": TooOld},
		contains: map[string][]string{"proof-of-address": {
			"facture-edf.pdf was issued on 2026-05-31, more than 6 months before 2026-12-01: add a bill or a rent receipt from the last 6 months"}}},
	{name: "fr two payslips only", proc: "FR/carte-de-sejour-renewal",
		edits:    []edit{set("bulletins.pdf", func(d *document.Document) { d.Periods = d.Periods[1:] })},
		want:     map[string]Status{"employment": Insufficient, "recent-payslips": Insufficient},
		contains: map[string][]string{"employment": {"Only 2 of the 3 payslips needed were found (bulletins.pdf)"}}},
	{name: "fr payslips in separate files", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{drop("bulletins.pdf"),
			add(text(document.Document{File: "paie-09.pdf", Type: document.Payslip, Language: "fr", Issued: day("2026-09-30")}),
				text(document.Document{File: "paie-10.pdf", Type: document.Payslip, Language: "fr", Issued: day("2026-10-31")}),
				text(document.Document{File: "paie-11.pdf", Type: document.Payslip, Language: "fr", Issued: day("2026-11-30")}))},
		files: map[string][]string{"employment": {"paie-09.pdf", "paie-10.pdf", "paie-11.pdf"}}},
	{name: "fr employer certificate too old", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{drop("bulletins.pdf"), add(text(document.Document{File: "attestation-employeur.pdf", Type: document.EmploymentCertificate, Language: "fr", Issued: day("2026-07-01")}))},
		want:  map[string]Status{"recent-payslips": Missing, "employment": TooOld}},
	{name: "fr old certificate but a contract", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{drop("bulletins.pdf"), add(
			text(document.Document{File: "attestation-employeur.pdf", Type: document.EmploymentCertificate, Language: "fr", Issued: day("2026-07-01")}),
			text(document.Document{File: "contrat.pdf", Type: document.EmploymentContract, Language: "fr"}))},
		files: map[string][]string{"employment": {"contrat.pdf"}},
		want:  map[string]Status{"recent-payslips": Missing}},
	{name: "fr contract in English without translation", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{drop("bulletins.pdf"), add(text(document.Document{File: "contract.pdf", Type: document.EmploymentContract, Language: "en"}))},
		want:  map[string]Status{"recent-payslips": Missing, "employment": NeedsTranslation}},
	{name: "fr contract in English with a sworn translation", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{drop("bulletins.pdf"), add(
			text(document.Document{File: "contract.pdf", Type: document.EmploymentContract, Language: "en"}),
			text(document.Document{File: "traductions/traduction-contract.pdf", Type: document.Translation, Language: "fr", Sworn: true}))},
		files: map[string][]string{"employment": {"contract.pdf", "traductions/traduction-contract.pdf"}},
		want:  map[string]Status{"recent-payslips": Missing}},
	{name: "fr photo with a white background", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{set("photo.jpg", func(d *document.Document) {
			d.Photo = &document.PhotoCheck{Compliant: false, Problems: []string{"white background (France wants light grey or blue)"}}
		})},
		want: map[string]Status{"photo": NonCompliant}},
	{name: "fr unreadable payslips", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{set("bulletins.pdf", func(d *document.Document) { d.Error = "no text and OCR failed" })},
		want:  map[string]Status{"employment": Missing, "recent-payslips": Missing},
		contains: map[string][]string{"employment": {
			"bulletins.pdf (no text and OCR failed) could not be read and may be it"}}},
	{name: "rs family basis without family documents", proc: "RS/permanent-residence-renewal", facts: Facts{Basis: "family"},
		want: map[string]Status{"family-documents": Missing}},

	// France, carte de résident.
	{name: "fr résident ready (5-year route, B1)", proc: "FR/carte-de-resident",
		files: map[string][]string{
			"residence-5-years":         {"titre-2019.jpg", "titre-2022.jpg", "titre-2025.jpg"},
			"tax-notices-5-years":       {"avis-impot-2022.pdf", "avis-impot-2023.pdf", "avis-impot-2024.pdf", "avis-impot-2025.pdf", "avis-impot-2026.pdf"},
			"december-payslips-5-years": {"bulletins-decembre.pdf"},
		}},
	{name: "fr résident 3-year route for a Senegalese national", proc: "FR/carte-de-resident", facts: Facts{Nationality: "SN"},
		edits: []edit{drop("titre-2019.jpg", "avis-impot-2022.pdf", "avis-impot-2023.pdf")},
		files: map[string][]string{"residence-3-years": {"titre-2022.jpg", "titre-2025.jpg"}}},
	{name: "fr résident residence too short for the 5-year route", proc: "FR/carte-de-resident",
		edits: []edit{drop("titre-2019.jpg")},
		want:  map[string]Status{"residence-5-years": Insufficient},
		contains: map[string][]string{"residence-5-years": {
			"show continuous residence since 2022-09-01, 4 years 3 months before 2026-12-01; 5 years are needed (since 2021-12-01)"}}},
	{name: "fr résident gap between titles", proc: "FR/carte-de-resident",
		edits: []edit{set("titre-2022.jpg", func(d *document.Document) { d.ValidFrom = day("2022-10-15") })},
		want:  map[string]Status{"residence-5-years": Insufficient},
		contains: map[string][]string{"residence-5-years": {
			"since 2022-10-15", "continuity breaks between titre-2019.jpg (until 2022-08-31) and the next permit (from 2022-10-15)"}}},
	{name: "fr résident student title does not count", proc: "FR/carte-de-resident",
		edits: []edit{set("titre-2019.jpg", func(d *document.Document) {
			d.Text = "TITRE DE SÉJOUR\nCarte de séjour temporaire\nETUDIANT"
		})},
		want:     map[string]Status{"residence-5-years": Insufficient},
		contains: map[string][]string{"residence-5-years": {"not counted: titre-2019.jpg (étudiant)"}}},
	{name: "fr résident title under one year does not count", proc: "FR/carte-de-resident",
		edits: []edit{set("titre-2019.jpg", func(d *document.Document) { d.ValidFrom = day("2022-03-01") })},
		want:  map[string]Status{"residence-5-years": Insufficient},
		contains: map[string][]string{"residence-5-years": {
			"titre-2019.jpg (valid 2022-03-01 to 2022-08-31, less than 1 year)"}}},
	{name: "fr résident current title expired", proc: "FR/carte-de-resident",
		edits:    []edit{set("titre-2025.jpg", func(d *document.Document) { d.Expires = day("2026-11-15") })},
		want:     map[string]Status{"residence-5-years": Expired, "residence-card": Expired},
		contains: map[string][]string{"residence-5-years": {"The latest residence permit, titre-2025.jpg, expired on 2026-11-15"}}},
	{name: "fr résident title expiry from its MRZ", proc: "FR/carte-de-resident",
		edits: []edit{set("titre-2025.jpg", func(d *document.Document) {
			d.Expires = document.Date{}
			d.MRZ = &mrz.Result{Format: mrz.TD1, Valid: true, IssuingState: "FRA", ExpiryDate: day("2027-02-28").Time()}
		})}},
	{name: "fr résident printed expiry misread, the valid MRZ's wins", proc: "FR/carte-de-resident",
		edits: []edit{set("titre-2022.jpg", func(d *document.Document) {
			d.Expires = day("2023-08-31")
			d.MRZ = &mrz.Result{Format: mrz.TD1, Valid: true, IssuingState: "FRA", ExpiryDate: day("2025-08-31").Time()}
		})}},
	{name: "fr résident title dates unreadable", proc: "FR/carte-de-resident",
		edits:    []edit{drop("titre-2019.jpg"), set("titre-2022.jpg", func(d *document.Document) { d.ValidFrom = document.Date{} })},
		want:     map[string]Status{"residence-5-years": NeedsReview},
		contains: map[string][]string{"residence-5-years": {"dates unreadable: titre-2022.jpg"}}},
	{name: "fr résident no titles", proc: "FR/carte-de-resident",
		edits: []edit{drop("titre-2019.jpg", "titre-2022.jpg", "titre-2025.jpg")},
		want:  map[string]Status{"residence-5-years": Missing, "residence-card": Missing}},
	{name: "fr résident tax notices missing for two years", proc: "FR/carte-de-resident",
		edits: []edit{drop("avis-impot-2023.pdf", "avis-impot-2024.pdf")},
		want:  map[string]Status{"tax-notices-5-years": Insufficient},
		contains: map[string][]string{"tax-notices-5-years": {
			"cover 3 of the 5 years needed between 2021 and 2026 (missing 2021, 2023, 2024)"}}},
	{name: "fr résident December payslip missing", proc: "FR/carte-de-resident",
		edits: []edit{set("bulletins-decembre.pdf", func(d *document.Document) { d.Periods = d.Periods[1:] })},
		want:  map[string]Status{"december-payslips-5-years": Insufficient},
		contains: map[string][]string{"december-payslips-5-years": {
			"The December payslips (bulletins-decembre.pdf) cover 4 of the 5 years needed between 2021 and 2026 (missing 2021, 2026)"}}},
	{name: "fr résident December payslips in one bundle with the recent ones", proc: "FR/carte-de-resident",
		edits: []edit{drop("bulletins-decembre.pdf"), set("bulletins.pdf", func(d *document.Document) {
			d.Periods = months("2021-12", "2022-12", "2023-12", "2024-12", "2025-12", "2026-08", "2026-09", "2026-10")
		})}},
	{name: "fr résident employer's certificate too old", proc: "FR/carte-de-resident",
		edits: []edit{set("certificat-travail.pdf", func(d *document.Document) { d.Issued = day("2026-08-01") })},
		want:  map[string]Status{"employment-certificate": TooOld}},
	{name: "fr résident last payslips missing", proc: "FR/carte-de-resident",
		edits: []edit{set("bulletins.pdf", func(d *document.Document) { d.Periods = months("2026-05", "2026-06") })},
		want:  map[string]Status{"payslips": Insufficient}},
	{name: "fr résident health insurance ended", proc: "FR/carte-de-resident",
		edits: []edit{set("attestation-ameli.pdf", func(d *document.Document) { d.Expires = day("2026-10-31") })},
		want:  map[string]Status{"health-insurance": Expired}},
	{name: "fr résident A2 is not enough since 2026", proc: "FR/carte-de-resident",
		edits: []edit{set("delf.pdf", func(d *document.Document) { d.Level = "A2" })},
		want:  map[string]Status{"french-language": NonCompliant},
		contains: map[string][]string{"french-language": {
			"delf.pdf attests level A2, but B1 is needed on 2026-12-01: pass a TCF IRN or TEF IRN at level B1 or above"}}},
	{name: "fr résident B2 is enough", proc: "FR/carte-de-resident",
		edits: []edit{set("delf.pdf", func(d *document.Document) { d.Level = "B2" })}},
	{name: "fr résident level unreadable", proc: "FR/carte-de-resident",
		edits: []edit{set("delf.pdf", func(d *document.Document) { d.Level = "" })},
		want:  map[string]Status{"french-language": NeedsReview}},
	{name: "fr résident A2 was enough in 2025", proc: "FR/carte-de-resident", on: day("2025-11-01"), edits: frRes2025},
	{name: "fr résident A1 was not enough in 2025", proc: "FR/carte-de-resident", on: day("2025-11-01"),
		edits: append(slices.Clone(frRes2025), set("delf.pdf", func(d *document.Document) { d.Level = "A1" })),
		want:  map[string]Status{"french-language": NonCompliant}},
	{name: "fr résident name mismatch", proc: "FR/carte-de-resident",
		edits: []edit{set("certificat-travail.pdf", func(d *document.Document) { d.Holder = "BENNANI YOUSSEF" })},
		want:  map[string]Status{CheckHolderName: NonCompliant},
		contains: map[string][]string{CheckHolderName: {
			"The name on certificat-travail.pdf (BENNANI YOUSSEF) is not the passport's (EL AMRANI YOUSSEF)", "attestation de concordance"}},
		files: map[string][]string{CheckHolderName: {"certificat-travail.pdf", "passeport.pdf"}}},
	{name: "fr résident a name read from the address block only is not compared", proc: "FR/carte-de-resident",
		edits: []edit{set("certificat-travail.pdf", func(d *document.Document) { d.Holder, d.HolderAddressed = "BENNANI YOUSSEF", true })}},
	{name: "fr résident name with an accent, a hyphen and one OCR slip", proc: "FR/carte-de-resident",
		edits: []edit{set("bulletins.pdf", func(d *document.Document) { d.Holder = "El-Amrani Yousséf" }),
			set("attestation-ameli.pdf", func(d *document.Document) { d.Holder = "EL AMRANl YOUSSEF" })}},
	{name: "fr résident document dated in the future", proc: "FR/carte-de-resident",
		edits:    []edit{set("certificat-travail.pdf", func(d *document.Document) { d.Issued = day("2026-12-15") })},
		want:     map[string]Status{CheckDates: NeedsReview},
		contains: map[string][]string{CheckDates: {"certificat-travail.pdf is dated 2026-12-15, after 2026-12-01"}}},
	{name: "fr résident document dated before the holder's birth", proc: "FR/carte-de-resident",
		edits:    []edit{set("delf.pdf", func(d *document.Document) { d.Issued = day("1988-06-20") })},
		want:     map[string]Status{CheckDates: NeedsReview, "french-language": TooOld},
		contains: map[string][]string{CheckDates: {"delf.pdf is dated 1988-06-20, before its holder was born (1990-04-02)"}}},
	{name: "fr résident empty dossier", proc: "FR/carte-de-resident",
		edits: []edit{func([]document.Document) []document.Document { return nil }},
		want: map[string]Status{"passport": Missing, "residence-5-years": Missing, "tax-notices-5-years": Missing,
			"employment-certificate": Missing, "payslips": Missing, "december-payslips-5-years": Missing,
			"health-insurance": Missing, "french-language": Missing, "residence-card": Missing, "proof-of-address": Missing,
			"photo": Missing, "birth-certificate": Missing, "civic-exam": Missing, "republic-contract": Missing, "fee-receipt": Missing}},

	// Belgium.
	{name: "be ready", proc: "BE/residence-card-renewal"},
	{name: "be ready in Flanders", proc: "BE/residence-card-renewal", facts: Facts{Region: "flanders"}},
	{name: "be filing late", proc: "BE/residence-card-renewal",
		edits: []edit{set("verblijfskaart.jpg", func(d *document.Document) { d.Expires = day("2026-12-20") })},
		want:  map[string]Status{"residence-card": NonCompliant},
		contains: map[string][]string{"residence-card": {
			"Filing on 2026-12-01 is late: verblijfskaart.jpg expires on 2026-12-20", "between 2026-11-05 and 2026-11-20 (45 days to 30 days before the expiry)"}}},
	{name: "be filing too early", proc: "BE/residence-card-renewal",
		edits: []edit{set("verblijfskaart.jpg", func(d *document.Document) { d.Expires = day("2027-02-01") })},
		want:  map[string]Status{"residence-card": NonCompliant}, contains: map[string][]string{"residence-card": {"too early"}}},
	{name: "be filing on the 30th day", proc: "BE/residence-card-renewal",
		edits: []edit{set("verblijfskaart.jpg", func(d *document.Document) { d.Expires = day("2026-12-31") })}},
	{name: "be card expired", proc: "BE/residence-card-renewal",
		edits: []edit{set("verblijfskaart.jpg", func(d *document.Document) { d.Expires = day("2026-11-30") })},
		want:  map[string]Status{"residence-card": Expired}},
	// Audit BE #1: 6 months of validity is "usually" asked: a warning.
	{name: "be passport valid less than 6 months: a warning", proc: "BE/residence-card-renewal",
		edits: []edit{set("paspoort.pdf", func(d *document.Document) { d.Expires = day("2027-04-01") })},
		want:  map[string]Status{"passport": ExpiresSoon}},
	{name: "be passport valid 8 months", proc: "BE/residence-card-renewal",
		edits: []edit{set("paspoort.pdf", func(d *document.Document) { d.Expires = day("2027-08-01") })}},
	{name: "be photo non-compliant", proc: "BE/residence-card-renewal",
		edits: []edit{set("pasfoto.jpg", func(d *document.Document) {
			d.Photo = &document.PhotoCheck{Compliant: false, Problems: []string{"face too small (27 mm)"}}
		})},
		want: map[string]Status{"photo": NonCompliant}},
	{name: "be no health insurance", proc: "BE/residence-card-renewal", edits: []edit{drop("ziekenfonds.pdf")},
		want: map[string]Status{"health-insurance": Missing}},
	{name: "be French lease in Flanders", proc: "BE/residence-card-renewal", facts: Facts{Region: "flanders"},
		edits:    []edit{set("huurcontract.pdf", func(d *document.Document) { d.Language = "fr" })},
		want:     map[string]Status{"proof-of-residence": NeedsTranslation},
		contains: map[string][]string{"proof-of-residence": {"huurcontract.pdf is in French, not in Dutch"}}},
	{name: "be French lease in Brussels", proc: "BE/residence-card-renewal", facts: Facts{Region: "brussels"},
		edits: []edit{set("huurcontract.pdf", func(d *document.Document) { d.Language = "fr" })}},
	{name: "be family basis ready", proc: "BE/residence-card-renewal", facts: Facts{Basis: "family", Region: "flanders"}, edits: beFamily,
		files: map[string][]string{"family": {"huwelijksakte-apostille.pdf", "huwelijksakte-vertaling.pdf", "huwelijksakte.pdf"}}},
	{name: "be family certificate without apostille", proc: "BE/residence-card-renewal", facts: Facts{Basis: "family", Region: "flanders"},
		edits:    append(slices.Clone(beFamily), drop("huwelijksakte-apostille.pdf")),
		want:     map[string]Status{"family": NeedsLegalization},
		contains: map[string][]string{"family": {"huwelijksakte.pdf was issued in CN and no apostille goes with it"}}},
	{name: "be family certificate without translation", proc: "BE/residence-card-renewal", facts: Facts{Basis: "family", Region: "flanders"},
		edits:    append(slices.Clone(beFamily), drop("huwelijksakte-vertaling.pdf")),
		want:     map[string]Status{"family": NeedsTranslation},
		contains: map[string][]string{"family": {"huwelijksakte.pdf is in Chinese, not in Dutch", "have it translated by a sworn translator into the language of your commune"}}},
	{name: "be family certificate translated into French in Flanders", proc: "BE/residence-card-renewal", facts: Facts{Basis: "family", Region: "flanders"},
		edits: append(slices.Clone(beFamily), set("huwelijksakte-vertaling.pdf", func(d *document.Document) { d.Language = "fr" })),
		want:  map[string]Status{"family": NeedsTranslation}},
	{name: "be name mismatch", proc: "BE/residence-card-renewal",
		edits:    []edit{set("ziekenfonds.pdf", func(d *document.Document) { d.Holder = "ZHANG WEIMIN" })},
		want:     map[string]Status{CheckHolderName: NonCompliant},
		contains: map[string][]string{CheckHolderName: {"ziekenfonds.pdf (ZHANG WEIMIN)", "a document that proves both names are yours"}}},
	{name: "be apostille of a document not in the dossier", proc: "BE/residence-card-renewal",
		edits: []edit{add(text(document.Document{File: "apostille.pdf", Type: document.Apostille, Language: "zh", Country: "CN",
			Issued: day("2026-09-01"), References: []string{"J110105-2019-009999"}}))},
		want:     map[string]Status{CheckPairs: NeedsReview},
		contains: map[string][]string{CheckPairs: {"apostille.pdf is the apostille of a document no. J110105-2019-009999 that is not in the dossier"}}},

	// Russia.
	{name: "ru ready", proc: "RU/residence-permit-renewal",
		files: map[string][]string{"passport": {"pasport.pdf", "perevod-pasporta.pdf"}}},
	{name: "ru passport without its translation", proc: "RU/residence-permit-renewal", edits: []edit{drop("perevod-pasporta.pdf")},
		want:     map[string]Status{"passport": NeedsTranslation},
		contains: map[string][]string{"passport": {"pasport.pdf is in English, not in Russian", "have the identity page translated into Russian and the translation notarised"}}},
	// Audit RU #4: the card is replaced within a month after the 14th,
	// 20th or 45th birthday; either side of that month.
	{name: "ru card to be replaced at 45, within the month", proc: "RU/residence-permit-renewal",
		edits: []edit{set("pasport.pdf", func(d *document.Document) { d.MRZ.BirthDate = day("1981-11-10").Time() })},
		want:  map[string]Status{"residence-card": ExpiresSoon},
		contains: map[string][]string{"residence-card": {
			"vnzh.jpg was issued on 2021-03-01, before its holder turned 45 on 2026-11-10: it must be replaced within 1 month, by 2026-12-10"}}},
	{name: "ru card to be replaced at 45, month passed", proc: "RU/residence-permit-renewal",
		edits: []edit{set("pasport.pdf", func(d *document.Document) { d.MRZ.BirthDate = day("1981-06-10").Time() })},
		want:  map[string]Status{"residence-card": NonCompliant},
		contains: map[string][]string{"residence-card": {
			"vnzh.jpg was issued on 2021-03-01, before its holder turned 45 on 2026-06-10: its replacement was due within 1 month, by 2026-07-10; filing on 2026-12-01 is late"}}},
	{name: "ru card issued after the 45th birthday", proc: "RU/residence-permit-renewal",
		edits: []edit{set("pasport.pdf", func(d *document.Document) { d.MRZ.BirthDate = day("1975-06-10").Time() })}},
	{name: "ru old card with an expiry date passed", proc: "RU/residence-permit-renewal",
		edits: []edit{set("vnzh.jpg", func(d *document.Document) { d.Issued, d.Expires = day("2016-03-01"), day("2021-03-01") })},
		want:  map[string]Status{"residence-card": Expired}},
	{name: "ru holder's birth date unknown", proc: "RU/residence-permit-renewal",
		edits: []edit{set("pasport.pdf", func(d *document.Document) { d.MRZ = nil })},
		want:  map[string]Status{"residence-card": NeedsReview}},
	// Audit RU #6–8: the ministry's list has no work contract and no
	// insurance, but the application.
	{name: "ru worker without contract or insurance is ready", proc: "RU/residence-permit-renewal", facts: Facts{Basis: "work"}},
	{name: "ru no application", proc: "RU/residence-permit-renewal", edits: []edit{drop("zayavlenie.pdf")},
		want: map[string]Status{"application": Missing}},
	{name: "ru name transliterated from Cyrillic mismatches", proc: "RU/residence-permit-renewal",
		edits:    []edit{set("zayavlenie.pdf", func(d *document.Document) { d.Holder = "КАРИМОВ РУСЛАН" })},
		want:     map[string]Status{CheckHolderName: NonCompliant},
		contains: map[string][]string{CheckHolderName: {"The name on zayavlenie.pdf (КАРИМОВ РУСЛАН) is not the passport's (KARIMOV RUSTAM)"}}},
	{name: "ru photo non-compliant", proc: "RU/residence-permit-renewal",
		edits: []edit{set("foto.jpg", func(d *document.Document) { d.Photo = &document.PhotoCheck{Compliant: false} })},
		want:  map[string]Status{"photos": NonCompliant}},
	{name: "ru no fee receipt", proc: "RU/residence-permit-renewal", edits: []edit{drop("kvitantsiya.pdf")},
		want: map[string]Status{"fee-receipt": Missing}},
}

func TestEvaluate(t *testing.T) {
	rules, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var messages strings.Builder
	for _, tc := range evalCases {
		t.Run(tc.name, func(t *testing.T) {
			ref := on
			if !tc.on.IsZero() {
				ref = tc.on
			}
			p, err := rules.Procedure("", tc.proc, ref)
			if err != nil {
				t.Fatal(err)
			}
			docs := dossiers[tc.proc]()
			for _, e := range tc.edits {
				docs = e(docs)
			}
			f := tc.facts
			f.Reference = ref
			rep := Evaluate(p, docs, f)
			fmt.Fprintf(&messages, "## %s\n", tc.name)
			ready := true
			var got []string
			for _, o := range rep.Requirements {
				got = append(got, o.ID)
				want := tc.want[o.ID]
				if want == "" {
					want = OK
					if r := requirementByID(p, o.ID, ref); r != nil && r.ByHand {
						want = NeedsReview
					}
				}
				if (!want.Met() && o.Need != MayAsk) || tc.notReady {
					ready = false
				}
				if o.Status != want {
					t.Errorf("%s: status %s, want %s (%s)", o.ID, o.Status, want, o.Message)
				}
				if o.Status == OK && o.Message != "" {
					t.Errorf("%s: ok with a message: %s", o.ID, o.Message)
				}
				if o.Status != OK && o.Message == "" {
					t.Errorf("%s: %s without a message", o.ID, o.Status)
				}
				for _, s := range tc.contains[o.ID] {
					if !strings.Contains(o.Message, s) {
						t.Errorf("%s: message %q does not contain %q", o.ID, o.Message, s)
					}
				}
				if want, ok := tc.files[o.ID]; ok && !slices.Equal(o.Files, want) {
					t.Errorf("%s: files %q, want %q", o.ID, o.Files, want)
				}
				if !slices.IsSorted(o.Files) {
					t.Errorf("%s: files not sorted: %q", o.ID, o.Files)
				}
				if o.Source == "" {
					t.Errorf("%s: no source", o.ID)
				}
				if o.Status != OK {
					fmt.Fprintf(&messages, "%s: %s %q\n  %s\n", o.ID, o.Status, o.Files, o.Message)
				}
			}
			// The requirements in force that concern this applicant, in
			// the rule file's order, then the cross-document checks that
			// found something.
			var ids []string
			ev := &evaluator{p: p, facts: f, ref: ref}
			var ptrs []*document.Document
			for i := range docs {
				ptrs = append(ptrs, &docs[i])
			}
			a := applicantOf(f, ptrs)
			ev.nat, ev.birth = a.Nationality, a.BirthDate
			for _, r := range p.Requirements {
				if inForce(r.EffectiveFrom, r.EffectiveUntil, ref) && ev.applies(r) {
					ids = append(ids, r.ID)
				}
			}
			for _, id := range []string{CheckHolderName, CheckDates, CheckPairs} {
				if _, ok := tc.want[id]; ok {
					ids = append(ids, id)
				}
			}
			if !slices.Equal(got, ids) {
				t.Errorf("requirements %q, want the rule file's order %q", got, ids)
			}
			for id := range tc.want {
				if !slices.Contains(got, id) {
					t.Errorf("no requirement %s", id)
				}
			}
			if rep.Ready != ready {
				t.Errorf("Ready = %v, want %v; to-do %+v", rep.Ready, ready, rep.Todo)
			}
		})
	}
	golden.Check(t, filepath.Join("testdata", "messages.golden"), []byte(messages.String()), *update)
}

// requirementByID returns the version of requirement id in force on ref.
func requirementByID(p *Procedure, id string, ref document.Date) *Requirement {
	for _, r := range p.Requirements {
		if r.ID == id && inForce(r.EffectiveFrom, r.EffectiveUntil, ref) {
			return r
		}
	}
	return nil
}

// TestReportJSON pins the JSON form of a report.
func TestReportJSON(t *testing.T) {
	rules, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p, err := rules.Procedure("rs", "permanent-residence-renewal", on)
	if err != nil {
		t.Fatal(err)
	}
	docs := drop("prevod-1.pdf")(rsDossier())
	docs = set("criminal-record-rs.pdf", func(d *document.Document) { d.Issued = day("2026-07-01") })(docs)
	b, err := json.MarshalIndent(Evaluate(p, docs, Facts{Reference: on}), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "rs-report.json"), append(b, '\n'), *update)
}

func TestEvaluateZeroReferenceIsToday(t *testing.T) {
	rules, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p, err := rules.Procedure("RS", "permanent-residence-renewal", on)
	if err != nil {
		t.Fatal(err)
	}
	before := document.DateOf(time.Now())
	rep := Evaluate(p, nil, Facts{})
	after := document.DateOf(time.Now())
	if rep.Reference != before && rep.Reference != after {
		t.Errorf("reference %s, want today (%s)", rep.Reference, before)
	}
}
