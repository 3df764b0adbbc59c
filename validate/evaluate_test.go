package validate

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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
	// contains: substrings the message of a requirement must hold.
	contains map[string][]string
	files    map[string][]string // exact Files of a requirement
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
	{name: "rs passport valid less than 6 months", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("pasos.jpg", func(d *document.Document) { d.Expires = day("2027-03-01") })},
		want:  map[string]Status{"passport": Insufficient},
		contains: map[string][]string{"passport": {
			"pasos.jpg is valid until 2027-03-01, less than 6 months after 2026-12-01 (it must be valid until at least 2027-06-01)"}}},
	{name: "rs passport expires within a year", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("pasos.jpg", func(d *document.Document) { d.Expires = day("2027-09-01") })},
		want:  map[string]Status{"passport": ExpiresSoon}},
	{name: "rs passport expiry unreadable", proc: "RS/permanent-residence-renewal",
		edits:    []edit{set("pasos.jpg", func(d *document.Document) { d.Expires = document.Date{} })},
		want:     map[string]Status{"passport": NeedsReview},
		contains: map[string][]string{"passport": {"could not be read", "2027-06-01"}}},
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
		edits: []edit{set("prevod-1.pdf", func(d *document.Document) { d.References = []string{"X-999"}; d.Translates = document.BirthCertificate })},
		want:  map[string]Status{"criminal-record-origin": NeedsTranslation}},
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
		files: map[string][]string{"health-insurance": {"scan-07.pdf"}}},
	{name: "rs unreadable insurance never satisfies", proc: "RS/permanent-residence-renewal",
		edits: []edit{set("polisa.pdf", func(d *document.Document) { d.Error = "PDF is damaged" })},
		want:  map[string]Status{"health-insurance": Missing}},
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
		want:     map[string]Status{"employment": Insufficient},
		contains: map[string][]string{"employment": {"Only 2 of the 3 payslips needed were found (bulletins.pdf)"}}},
	{name: "fr payslips in separate files", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{drop("bulletins.pdf"),
			add(text(document.Document{File: "paie-09.pdf", Type: document.Payslip, Language: "fr", Issued: day("2026-09-30")}),
				text(document.Document{File: "paie-10.pdf", Type: document.Payslip, Language: "fr", Issued: day("2026-10-31")}),
				text(document.Document{File: "paie-11.pdf", Type: document.Payslip, Language: "fr", Issued: day("2026-11-30")}))},
		files: map[string][]string{"employment": {"paie-09.pdf", "paie-10.pdf", "paie-11.pdf"}}},
	{name: "fr employer certificate too old", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{drop("bulletins.pdf"), add(text(document.Document{File: "attestation-employeur.pdf", Type: document.EmploymentCertificate, Language: "fr", Issued: day("2026-07-01")}))},
		want:  map[string]Status{"employment": TooOld}},
	{name: "fr old certificate but a contract", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{drop("bulletins.pdf"), add(
			text(document.Document{File: "attestation-employeur.pdf", Type: document.EmploymentCertificate, Language: "fr", Issued: day("2026-07-01")}),
			text(document.Document{File: "contrat.pdf", Type: document.EmploymentContract, Language: "fr"}))},
		files: map[string][]string{"employment": {"contrat.pdf"}}},
	{name: "fr contract in English without translation", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{drop("bulletins.pdf"), add(text(document.Document{File: "contract.pdf", Type: document.EmploymentContract, Language: "en"}))},
		want:  map[string]Status{"employment": NeedsTranslation}},
	{name: "fr contract in English with a sworn translation", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{drop("bulletins.pdf"), add(
			text(document.Document{File: "contract.pdf", Type: document.EmploymentContract, Language: "en"}),
			text(document.Document{File: "traductions/traduction-contract.pdf", Type: document.Translation, Language: "fr", Sworn: true}))},
		files: map[string][]string{"employment": {"contract.pdf", "traductions/traduction-contract.pdf"}}},
	{name: "fr photo with a white background", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{set("photo.jpg", func(d *document.Document) {
			d.Photo = &document.PhotoCheck{Compliant: false, Problems: []string{"white background (France wants light grey or blue)"}}
		})},
		want: map[string]Status{"photo": NonCompliant}},
	{name: "fr unreadable payslips", proc: "FR/carte-de-sejour-renewal",
		edits: []edit{set("bulletins.pdf", func(d *document.Document) { d.Error = "no text and OCR failed" })},
		want:  map[string]Status{"employment": Missing},
		contains: map[string][]string{"employment": {
			"bulletins.pdf (no text and OCR failed) could not be read and may be it"}}},
}

func TestEvaluate(t *testing.T) {
	rules, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var golden strings.Builder
	for _, tc := range evalCases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := rules.Procedure("", tc.proc, on)
			if err != nil {
				t.Fatal(err)
			}
			var docs []document.Document
			if strings.HasPrefix(tc.proc, "RS/") {
				docs = rsDossier()
			} else {
				docs = frDossier()
			}
			for _, e := range tc.edits {
				docs = e(docs)
			}
			f := tc.facts
			f.Reference = on
			rep := Evaluate(p, docs, f)
			fmt.Fprintf(&golden, "## %s\n", tc.name)
			ready := true
			var got []string
			for _, o := range rep.Requirements {
				got = append(got, o.ID)
				want := tc.want[o.ID]
				if want == "" {
					want = OK
				}
				if !want.Met() {
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
					fmt.Fprintf(&golden, "%s: %s %q\n  %s\n", o.ID, o.Status, o.Files, o.Message)
				}
			}
			var ids []string
			for _, r := range p.Requirements {
				ids = append(ids, r.ID)
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
				t.Errorf("Ready = %v, want %v", rep.Ready, ready)
			}
		})
	}
	checkGolden(t, "messages.golden", []byte(golden.String()))
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
	checkGolden(t, "rs-report.json", append(b, '\n'))
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the output; run go test -update and review the diff:\n%s", file, got)
	}
}

func TestEvaluateZeroReferenceIsToday(t *testing.T) {
	rules, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p, _ := rules.Procedure("RS", "permanent-residence-renewal", on)
	rep := Evaluate(p, nil, Facts{})
	if rep.Reference != document.DateOf(time.Now()) {
		t.Errorf("reference %s, want today", rep.Reference)
	}
}
