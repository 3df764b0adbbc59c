package synth

import (
	"fmt"
	"time"

	"github.com/intake-app/intake/document"
)

func day(t time.Time, days int) time.Time { return t.AddDate(0, 0, days) }

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// monthsBefore returns the n full calendar months before the month of t,
// oldest first.
func monthsBefore(t time.Time, n int) [][2]time.Time {
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	var out [][2]time.Time
	for i := n; i >= 1; i-- {
		s := first.AddDate(0, -i, 0)
		out = append(out, [2]time.Time{s, s.AddDate(0, 1, -1)})
	}
	return out
}

// HolderRS is the holder of ExampleRS: a Chinese national living in
// Belgrade.
var HolderRS = Person{
	Surname: "Wang", GivenNames: "Xiaoming", NativeName: "王晓明",
	BirthDate: time.Date(1988, 5, 14, 0, 0, 0, 0, time.UTC), BirthPlace: "Shandong",
	Sex: "M", Nationality: "CHN", Address: "Bulevar kralja Aleksandra 73, 11000 Beograd",
}

// HolderFR is the holder of ExampleFR: a Chinese national living in Paris.
var HolderFR = Person{
	Surname: "Li", GivenNames: "Na", NativeName: "李娜",
	BirthDate: time.Date(1990, 9, 3, 0, 0, 0, 0, time.UTC), BirthPlace: "Jiangsu",
	Sex: "F", Nationality: "CHN", Address: "24 rue de la Roquette, 75011 Paris",
}

// Numbers of the documents of ExampleRS that others refer to.
const (
	RSPassportNumber   = "EK3728461"
	RSPermitNumber     = "009876543"
	RSChinaCertNumber  = "BJ-2026-014387"
	RSApostilleNumber  = "AP-2026-0451237"
	FRPassportNumber   = "EH5190273"
	FRPermitNumber     = "7512345678" // 10 characters: the TD1 number overflows
	FRTaxNoticeNumber  = "25 75 123 456 789"
	procedureRSRenewal = "permanent-residence-renewal"
	procedureFRRenewal = "carte-de-sejour-renewal"
)

// ExampleRS returns a ready-to-file dossier for renewing a Serbian
// permanent-residence card of a Chinese national, with ref as the
// appointment date: every document is valid on ref, recent enough, and
// translated and apostilled where the rules want it.
func ExampleRS(ref time.Time) Dossier {
	ref = midnight(ref)
	passIssued := ref.AddDate(-3, -2, 0)
	permitExp := day(ref, 25)
	billIssued := day(ref, -15)
	bill := monthsBefore(billIssued, 1)[0]
	stmt := monthsBefore(ref, 6)
	insFrom := day(ref, -20)
	return Dossier{
		Country: "RS", Procedure: procedureRSRenewal, Nationality: "CHN", Reference: ref,
		Holder: HolderRS,
		Docs: []Doc{
			{Name: "zahtev.pdf", Type: document.ApplicationForm, Lang: "sr", Script: "Latn", Country: "RS",
				Issued: day(ref, -3), Render: Render{Format: FormatPDFText}},
			{Name: "licna_dokumenta/dozvola_za_stalni_boravak.jpg", Type: document.ResidencePermit, Lang: "sr", Script: "Latn", Country: "RS",
				Number: RSPermitNumber, Issued: permitExp.AddDate(-5, 0, 1), Expires: permitExp,
				Render: Render{Format: FormatJPEG, DPI: 300, Noise: 0.15, Skew: -0.6, Quality: 66}},
			{Name: "licna_dokumenta/pasos.jpg", Type: document.Passport, Lang: "zh", Script: "Hans", Country: "CN",
				Number: RSPassportNumber, Issued: passIssued, Expires: passIssued.AddDate(10, 0, -1),
				Render: Render{Format: FormatJPEG, DPI: 300, EXIFOrientation: 6, Noise: 0.5, Skew: 1.5, Quality: 75}},
			{Name: "licna_dokumenta/fotografija.jpg", Type: document.Photo, Country: "RS", Lang: "sr",
				Render: Render{Format: FormatJPEG, DPI: 600}},
			{Name: "uverenja/uverenje_o_nekaznjavanju.pdf", Type: document.CriminalRecord, Lang: "sr", Script: "Cyrl", Country: "RS",
				Number: "236-1452/26", Issued: day(ref, -20),
				Render: Render{Format: FormatPDFScan, Noise: 0.2, Skew: 0.4, Quality: 70}},
			{Name: "uverenja/kina_krivicna_evidencija.jpg", Type: document.CriminalRecord, Lang: "zh", Script: "Hans", Country: "CN",
				Number: RSChinaCertNumber, Issued: day(ref, -45),
				Render: Render{Format: FormatJPEG, Noise: 0.3, Skew: 0.8, Quality: 75}},
			{Name: "uverenja/kina_apostil.jpg", Type: document.Apostille, Lang: "zh", Script: "Hans", Country: "CN",
				Number: RSApostilleNumber, References: []string{RSChinaCertNumber}, Issued: day(ref, -38),
				Render: Render{Format: FormatJPEG, Noise: 0.2, Rotate: 180, Quality: 75}},
			{Name: "uverenja/kina_prevod.pdf", Type: document.Translation, Lang: "sr", Script: "Latn", Country: "RS",
				Translates: document.CriminalRecord, SourceLang: "zh", Sworn: true, References: []string{RSChinaCertNumber},
				Issued: day(ref, -30), Render: Render{Format: FormatPDFScan, Noise: 0.15, Quality: 70}},
			{Name: "stanovanje/racun_za_struju.pdf", Type: document.ProofOfAddress, Lang: "sr", Script: "Latn", Country: "RS",
				Number: "2026-0217-55812", Issued: billIssued, ValidFrom: bill[0], Expires: bill[1],
				Render: Render{Format: FormatPDFText}},
			{Name: "prihodi/platni_listici.pdf", Type: document.Payslip, Lang: "sr", Script: "Latn", Country: "RS",
				Periods: monthsBefore(ref, 3), Render: Render{Format: FormatPDFScan, Noise: 0.2, Skew: -0.3, Quality: 50}},
			{Name: "prihodi/izvod_sa_racuna.pdf", Type: document.BankStatement, Lang: "sr", Script: "Latn", Country: "RS",
				Issued: day(ref, -5), ValidFrom: stmt[0][0], Expires: stmt[5][1], Render: Render{Format: FormatPDFText}},
			{Name: "prihodi/ugovor_o_radu.png", Type: document.EmploymentContract, Lang: "sr", Script: "Latn", Country: "RS",
				Number: "ZR-118/2023", Issued: ref.AddDate(-3, -1, 0), Render: Render{Format: FormatPNG}},
			{Name: "osiguranje/polisa.tif", Type: document.HealthInsurance, Lang: "sr", Script: "Latn", Country: "RS",
				Number: "PZO-5512093", Issued: day(insFrom, -1), ValidFrom: insFrom, Expires: insFrom.AddDate(1, 0, -1),
				Render: Render{Format: FormatTIFF}},
			{Name: "uplatnica.jpg", Type: document.PaymentReceipt, Lang: "sr", Script: "Latn", Country: "RS",
				Issued: day(ref, -2), Render: Render{Format: FormatJPEG, Rotate: 90, Noise: 0.2, Quality: 75}},
		},
	}
}

// ExampleFR returns a ready-to-file dossier for renewing a French carte de
// séjour (pluriannuelle, salarié) of a Chinese national, with ref as the
// appointment date, 90 days before the card expires.
func ExampleFR(ref time.Time) Dossier {
	ref = midnight(ref)
	passIssued := ref.AddDate(-2, -5, 0)
	cardExp := day(ref, 90)
	billIssued := day(ref, -25)
	bill := monthsBefore(billIssued, 2)
	return Dossier{
		Country: "FR", Procedure: procedureFRRenewal, Nationality: "CHN", Reference: ref,
		Holder: HolderFR,
		Docs: []Doc{
			{Name: "passeport.jpg", Type: document.Passport, Lang: "zh", Script: "Hans", Country: "CN",
				Number: FRPassportNumber, Issued: passIssued, Expires: passIssued.AddDate(10, 0, -1),
				Render: Render{Format: FormatJPEG, DPI: 300, EXIFOrientation: 6, Noise: 0.4, Skew: -1.2, Quality: 75}},
			{Name: "titre_de_sejour.jpg", Type: document.ResidencePermit, Lang: "fr", Country: "FR", Title: "CARTE DE SÉJOUR",
				Number: FRPermitNumber, Issued: cardExp.AddDate(-4, 0, 1), Expires: cardExp,
				Render: Render{Format: FormatJPEG, DPI: 300, Noise: 0.15, Skew: 0.5, Quality: 66}},
			{Name: "photo.jpg", Type: document.Photo, Lang: "fr", Country: "FR",
				Render: Render{Format: FormatJPEG, DPI: 600, Background: 224}},
			{Name: "demande.pdf", Type: document.ApplicationForm, Lang: "fr", Country: "FR",
				Issued: day(ref, -2), Render: Render{Format: FormatPDFText}},
			{Name: "justificatif_de_domicile.pdf", Type: document.ProofOfAddress, Lang: "fr", Country: "FR",
				Number: "3001 2245 8812", Issued: billIssued, ValidFrom: bill[0][0], Expires: bill[1][1],
				Render: Render{Format: FormatPDFText}},
			{Name: "travail/attestation_employeur.pdf", Type: document.EmploymentCertificate, Lang: "fr", Country: "FR",
				Title: "Attestation employeur", Issued: day(ref, -20),
				Render: Render{Format: FormatPDFScan, Noise: 0.2, Skew: 0.5, Quality: 70}},
			{Name: "travail/bulletins_de_paie.pdf", Type: document.Payslip, Lang: "fr", Country: "FR",
				Periods: monthsBefore(ref, 3), Render: Render{Format: FormatPDFScan, Noise: 0.2, Quality: 50}},
			{Name: "avis_impot.pdf", Type: document.TaxNotice, Lang: "fr", Country: "FR",
				Number: FRTaxNoticeNumber, Issued: ref.AddDate(0, -4, 0), Render: Render{Format: FormatPDFText}},
			{Name: "attestation_assurance_maladie.pdf", Type: document.HealthInsurance, Lang: "fr", Country: "FR",
				Issued: day(ref, -10), ValidFrom: ref.AddDate(0, -6, 0), Expires: ref.AddDate(0, 6, 0),
				Render: Render{Format: FormatPDFText}},
			{Name: "timbre_fiscal.jpg", Type: document.PaymentReceipt, Lang: "fr", Country: "FR", Title: "Timbre fiscal",
				Number: "1234 5678 9012 3456", Issued: day(ref, -5),
				Render: Render{Format: FormatJPEG, Rotate: 270, Noise: 0.2, Quality: 75}},
		},
	}
}

// HolderBE is the holder of ExampleBE: a Chinese national working in
// Antwerp.
var HolderBE = Person{
	Surname: "Zhang", GivenNames: "Wei", NativeName: "张伟",
	BirthDate: time.Date(1992, 3, 3, 0, 0, 0, 0, time.UTC), BirthPlace: "Hubei",
	Sex: "M", Nationality: "CHN", Address: "Meir 85, 2000 Antwerpen",
}

// HolderRU is the holder of ExampleRU: an Uzbek national living in Moscow.
var HolderRU = Person{
	Surname: "Karimov", GivenNames: "Rustam",
	BirthDate: time.Date(1985, 6, 10, 0, 0, 0, 0, time.UTC), BirthPlace: "Samarkand",
	Sex: "M", Nationality: "UZB", Address: "Москва, ул. Профсоюзная, 45, кв. 12",
}

// HolderFRResident is the holder of ExampleFRResident: a Senegalese
// national living in Lyon (the 3-year route of the carte de résident).
var HolderFRResident = Person{
	Surname: "Diop", GivenNames: "Awa",
	BirthDate: time.Date(1991, 2, 14, 0, 0, 0, 0, time.UTC), BirthPlace: "Dakar",
	Sex: "F", Nationality: "SEN", Address: "12 rue Garibaldi, 69006 Lyon",
}

// Numbers of the documents of ExampleBE, ExampleRU and ExampleFRResident.
const (
	BEPassportNumber    = "EJ4417203"
	BEPermitNumber      = "B12345678"
	RUPassportNumber    = "FA1234567"
	RUPermitNumber      = "829876543"
	FRResPassportNumber = "A02458731"
	procedureBERenewal  = "residence-card-renewal"
	procedureRURenewal  = "residence-permit-renewal"
	procedureFRResident = "carte-de-resident"
)

// ExampleBE returns a ready-to-file dossier for renewing the Belgian A card
// of a Chinese national working in Flanders, with ref as the appointment
// date, 40 days before the card expires (within the 45th–30th day window).
// Its few scans keep OCR short: text PDFs for the letters.
func ExampleBE(ref time.Time) Dossier {
	ref = midnight(ref)
	passIssued := ref.AddDate(-4, -1, 0)
	cardExp := day(ref, 40)
	return Dossier{
		Country: "BE", Procedure: procedureBERenewal, Nationality: "CHN", Reference: ref,
		Holder: HolderBE,
		Docs: []Doc{
			{Name: "paspoort.jpg", Type: document.Passport, Lang: "zh", Script: "Hans", Country: "CN",
				Number: BEPassportNumber, Issued: passIssued, Expires: passIssued.AddDate(10, 0, -1),
				Render: Render{Format: FormatJPEG, DPI: 300, Noise: 0.3, Skew: 0.8, Quality: 75}},
			{Name: "verblijfskaart.jpg", Type: document.ResidencePermit, Lang: "nl", Country: "BE",
				Number: BEPermitNumber, Issued: cardExp.AddDate(-5, 0, 1), Expires: cardExp,
				Render: Render{Format: FormatJPEG, DPI: 300, Noise: 0.15, Quality: 70}},
			{Name: "pasfoto.jpg", Type: document.Photo, Lang: "nl", Country: "BE",
				Render: Render{Format: FormatJPEG, DPI: 600}},
			{Name: "huurcontract.pdf", Type: document.ProofOfAddress, Lang: "nl", Country: "BE",
				Number: "EL-2026-118842", Issued: day(ref, -20), ValidFrom: monthsBefore(ref, 1)[0][0], Expires: monthsBefore(ref, 1)[0][1],
				Render: Render{Format: FormatPDFText}},
			{Name: "ziekenfonds.pdf", Type: document.HealthInsurance, Lang: "nl", Country: "BE",
				Issued: day(ref, -30), ValidFrom: ref.AddDate(0, -11, 0), Expires: ref.AddDate(0, 1, 0),
				Render: Render{Format: FormatPDFText}},
			{Name: "arbeidsovereenkomst.pdf", Type: document.EmploymentContract, Lang: "nl", Country: "BE",
				Number: "AO-2023-0412", Issued: ref.AddDate(-3, 0, 0), Render: Render{Format: FormatPDFText}},
		},
	}
}

// ExampleRU returns a ready-to-file dossier for replacing the Russian
// residence-permit card of an Uzbek national aged 41 (no replacement age
// reached since the card was issued), with ref as the appointment date.
func ExampleRU(ref time.Time) Dossier {
	ref = midnight(ref)
	passIssued := ref.AddDate(-2, -3, 0)
	cardIssued := ref.AddDate(-4, -2, 0)
	return Dossier{
		Country: "RU", Procedure: procedureRURenewal, Nationality: "UZB", Reference: ref,
		Holder: HolderRU,
		Docs: []Doc{
			{Name: "pasport.jpg", Type: document.Passport, Lang: "en", Country: "UZ",
				Number: RUPassportNumber, Issued: passIssued, Expires: passIssued.AddDate(10, 0, -1),
				Render: Render{Format: FormatJPEG, DPI: 300, Noise: 0.3, Skew: -0.7, Quality: 75}},
			{Name: "perevod_pasporta.pdf", Type: document.Translation, Lang: "ru", Country: "RU",
				Translates: document.Passport, SourceLang: "en", Sworn: true, References: []string{RUPassportNumber},
				Issued: day(ref, -25), Render: Render{Format: FormatPDFText}},
			{Name: "vid_na_zhitelstvo.jpg", Type: document.ResidencePermit, Lang: "ru", Country: "RU",
				Number: RUPermitNumber, Issued: cardIssued, Expires: cardIssued.AddDate(10, 0, -1),
				Render: Render{Format: FormatJPEG, DPI: 300, Noise: 0.15, Quality: 70}},
			{Name: "foto.jpg", Type: document.Photo, Lang: "ru", Country: "RU",
				Render: Render{Format: FormatJPEG, DPI: 600}},
			{Name: "trudovoy_dogovor.pdf", Type: document.EmploymentContract, Lang: "ru", Country: "RU",
				Number: "ТД-2022-117", Issued: ref.AddDate(-2, -8, 0), Render: Render{Format: FormatPDFText}},
			{Name: "polis_dms.pdf", Type: document.HealthInsurance, Lang: "ru", Country: "RU",
				Number: "ДМС-4471902", Issued: ref.AddDate(0, -3, -1), ValidFrom: ref.AddDate(0, -3, 0), Expires: ref.AddDate(0, 9, -1),
				Render: Render{Format: FormatPDFText}},
			{Name: "kvitanciya.pdf", Type: document.PaymentReceipt, Lang: "ru", Country: "RU",
				Issued: day(ref, -4), Render: Render{Format: FormatPDFText}},
		},
	}
}

// ExampleFRResident returns a ready-to-file dossier for a first French
// carte de résident of a Senegalese national (3-year route) with ref as the
// appointment date: two pluriannual "salarié" titles in a row covering the
// last 3 years and more, tax notices of the last 3 years, a recent
// certificat de travail, the last 3 payslips, the December payslips of the
// last 3 years, health insurance and a DELF B1. Letters are text PDFs.
func ExampleFRResident(ref time.Time) Dossier {
	ref = midnight(ref)
	passIssued := ref.AddDate(-3, -6, 0)
	cur := ref.AddDate(-1, -3, 0) // the current title started 15 months ago
	prevFrom := cur.AddDate(-3, 0, 0)
	y := ref.Year()
	var decembers [][2]time.Time
	for i := 3; i >= 1; i-- {
		decembers = append(decembers, [2]time.Time{time.Date(y-i, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(y-i, 12, 31, 0, 0, 0, 0, time.UTC)})
	}
	var docs []Doc
	docs = append(docs,
		Doc{Name: "passeport.jpg", Type: document.Passport, Lang: "fr", Country: "SN",
			Number: FRResPassportNumber, Issued: passIssued, Expires: passIssued.AddDate(10, 0, -1),
			Render: Render{Format: FormatJPEG, DPI: 300, Noise: 0.3, Skew: 0.6, Quality: 75}},
		Doc{Name: "titres/titre_de_sejour_1.jpg", Type: document.ResidencePermit, Lang: "fr", Country: "FR", Title: "CARTE DE SÉJOUR",
			Category: "PLURIANNUELLE – SALARIÉ", Number: "6912345678", Issued: prevFrom, Expires: day(cur, -1),
			Render: Render{Format: FormatJPEG, DPI: 300, Noise: 0.15, Quality: 70}},
		Doc{Name: "titres/titre_de_sejour_2.jpg", Type: document.ResidencePermit, Lang: "fr", Country: "FR", Title: "CARTE DE SÉJOUR",
			Category: "PLURIANNUELLE – SALARIÉ", Number: "6923456789", Issued: cur, Expires: cur.AddDate(4, 0, -1),
			Render: Render{Format: FormatJPEG, DPI: 300, Noise: 0.15, Quality: 80}},
	)
	for i := 3; i >= 1; i-- {
		docs = append(docs, Doc{Name: fmt.Sprintf("impots/avis_impot_%d.pdf", y-i+1), Type: document.TaxNotice, Lang: "fr", Country: "FR",
			Number: fmt.Sprintf("%02d 69 123 456 %03d", (y-i+1)%100, 700+i), Issued: time.Date(y-i+1, 8, 1, 0, 0, 0, 0, time.UTC),
			Render: Render{Format: FormatPDFText}})
	}
	docs = append(docs,
		Doc{Name: "travail/certificat_de_travail.pdf", Type: document.EmploymentCertificate, Lang: "fr", Country: "FR",
			Issued: day(ref, -15), Render: Render{Format: FormatPDFText}},
		Doc{Name: "travail/bulletins_de_paie.pdf", Type: document.Payslip, Lang: "fr", Country: "FR",
			Periods: monthsBefore(ref, 3), Render: Render{Format: FormatPDFText}},
		Doc{Name: "travail/bulletins_de_decembre.pdf", Type: document.Payslip, Lang: "fr", Country: "FR",
			Periods: decembers, Render: Render{Format: FormatPDFText}},
		Doc{Name: "attestation_assurance_maladie.pdf", Type: document.HealthInsurance, Lang: "fr", Country: "FR",
			Issued: day(ref, -10), ValidFrom: ref.AddDate(0, -6, 0), Expires: ref.AddDate(0, 6, 0),
			Render: Render{Format: FormatPDFText}},
		Doc{Name: "delf_b1.pdf", Type: document.LanguageCertificate, Lang: "fr", Country: "FR", Level: "B1",
			Number: "DELF-2025-069-4471", Issued: ref.AddDate(-1, -5, 0), Render: Render{Format: FormatPDFText}},
	)
	return Dossier{
		Country: "FR", Procedure: procedureFRResident, Nationality: "SEN", Reference: ref,
		Holder: HolderFRResident, Docs: docs,
	}
}
