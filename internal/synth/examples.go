package synth

import (
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
