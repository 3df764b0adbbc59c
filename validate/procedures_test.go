package validate

import (
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/ocr/mrz"
)

func mrzFor(state, surname, given, birth string) *mrz.Result {
	return &mrz.Result{Format: mrz.TD3, Valid: true, IssuingState: state, Nationality: state,
		Surname: surname, GivenNames: given, BirthDate: day(birth).Time()}
}

// months returns the whole-month periods of the given "YYYY-MM" months.
func months(ms ...string) []document.Period {
	var out []document.Period
	for _, m := range ms {
		out = append(out, month(m))
	}
	return out
}

// frResDossier is a complete dossier for FR/carte-de-resident on
// 2026-12-01 (the 2026 version: B1), for a Moroccan national (5-year
// route) holding French titles since 2019.
func frResDossier() []document.Document {
	const holder = "EL AMRANI YOUSSEF"
	card := func(file, from, to string) document.Document {
		return text(document.Document{File: file, Type: document.ResidencePermit, Language: "fr", Country: "FR",
			ValidFrom: day(from), Expires: day(to), Holder: holder, Text: "RÉPUBLIQUE FRANÇAISE\nTITRE DE SÉJOUR\nCarte de séjour pluriannuelle\nSalarié"})
	}
	tax := func(year string) document.Document {
		return text(document.Document{File: "avis-impot-" + year + ".pdf", Type: document.TaxNotice, Language: "fr", Country: "FR",
			Issued: day(year + "-08-01"), Holder: holder})
	}
	return []document.Document{
		text(document.Document{File: "passeport.pdf", Type: document.Passport, Language: "fr", Country: "MA",
			Expires: day("2031-01-01"), Holder: holder, MRZ: mrzFor("MAR", "EL AMRANI", "YOUSSEF", "1990-04-02")}),
		card("titre-2019.jpg", "2019-09-01", "2022-08-31"),
		card("titre-2022.jpg", "2022-09-01", "2025-08-31"),
		card("titre-2025.jpg", "2025-09-01", "2027-02-28"),
		tax("2022"), tax("2023"), tax("2024"), tax("2025"), tax("2026"),
		text(document.Document{File: "certificat-travail.pdf", Type: document.EmploymentCertificate, Language: "fr", Country: "FR",
			Issued: day("2026-11-10"), Holder: "Youssef El-Amrani"}),
		text(document.Document{File: "bulletins.pdf", Type: document.Payslip, Language: "fr", Country: "FR",
			Periods: months("2026-08", "2026-09", "2026-10"), Holder: holder}),
		text(document.Document{File: "bulletins-decembre.pdf", Type: document.Payslip, Language: "fr", Country: "FR",
			Periods: months("2021-12", "2022-12", "2023-12", "2024-12", "2025-12"), Holder: holder}),
		text(document.Document{File: "attestation-ameli.pdf", Type: document.HealthInsurance, Language: "fr", Country: "FR",
			Issued: day("2026-11-02"), ValidFrom: day("2026-01-01"), Expires: day("2026-12-31"), Holder: holder}),
		text(document.Document{File: "delf.pdf", Type: document.LanguageCertificate, Language: "fr", Country: "FR",
			Issued: day("2025-06-20"), Level: "B1", Holder: holder}),
		text(document.Document{File: "quittance-loyer.pdf", Type: document.ProofOfAddress, Language: "fr", Country: "FR",
			Issued: day("2026-11-05"), Holder: holder}),
		{File: "photo.jpg", Type: document.Photo, Format: "image/jpeg", Photo: &document.PhotoCheck{WidthPx: 413, HeightPx: 531, DPI: 300, WidthMM: 35, HeightMM: 45, Compliant: true}},
		text(document.Document{File: "acte-naissance.pdf", Type: document.BirthCertificate, Language: "fr", Country: "MA",
			Issued: day("2026-07-01"), Number: "AN-1990-0412", Holder: holder}),
		text(document.Document{File: "acte-naissance-apostille.pdf", Type: document.Apostille, Language: "fr", Country: "MA",
			Issued: day("2026-07-10"), References: []string{"AN-1990-0412"}}),
		text(document.Document{File: "examen-civique.pdf", Type: document.CivicExam, Language: "fr", Country: "FR",
			Issued: day("2026-10-15"), Holder: holder}),
		text(document.Document{File: "contrat-republique.pdf", Type: document.RepublicContract, Language: "fr", Country: "FR",
			Issued: day("2026-11-01")}),
		text(document.Document{File: "timbre.pdf", Type: document.PaymentReceipt, Language: "fr", Country: "FR"}),
	}
}

// frRes2025 moves the dossier to 2025-11-01, under the 2021 version (A2).
var frRes2025 = []edit{
	set("bulletins.pdf", func(d *document.Document) { d.Periods = months("2025-07", "2025-08", "2025-09") }),
	set("bulletins-decembre.pdf", func(d *document.Document) {
		d.Periods = months("2020-12", "2021-12", "2022-12", "2023-12", "2024-12")
	}),
	set("certificat-travail.pdf", func(d *document.Document) { d.Issued = day("2025-10-10") }),
	set("attestation-ameli.pdf", func(d *document.Document) {
		d.Issued, d.ValidFrom, d.Expires = day("2025-01-02"), day("2025-01-01"), day("2025-12-31")
	}),
	drop("avis-impot-2026.pdf"),
	add(text(document.Document{File: "avis-impot-2021.pdf", Type: document.TaxNotice, Language: "fr", Country: "FR", Issued: day("2021-08-01")})),
	set("delf.pdf", func(d *document.Document) { d.Level = "A2" }),
	// Filed in the window before the current card expires (2026-01-31).
	drop("titre-2025.jpg"),
	set("titre-2022.jpg", func(d *document.Document) { d.Expires = day("2026-01-31") }),
	set("quittance-loyer.pdf", func(d *document.Document) { d.Issued = day("2025-10-05") }),
	set("acte-naissance.pdf", func(d *document.Document) { d.Issued = day("2025-07-01") }),
	set("acte-naissance-apostille.pdf", func(d *document.Document) { d.Issued = day("2025-07-10") }),
	set("contrat-republique.pdf", func(d *document.Document) { d.Issued = day("2025-10-01") }),
	drop("examen-civique.pdf"),
}

// beDossier is a complete dossier for BE/residence-card-renewal on
// 2026-12-01, for a Chinese national working in Antwerp, 40 days before
// the card expires.
func beDossier() []document.Document {
	return []document.Document{
		text(document.Document{File: "paspoort.pdf", Type: document.Passport, Language: "zh", Country: "CN",
			Expires: day("2030-05-01"), Holder: "张伟", MRZ: mrzFor("CHN", "ZHANG", "WEI", "1992-03-03")}),
		text(document.Document{File: "verblijfskaart.jpg", Type: document.ResidencePermit, Language: "nl", Country: "BE",
			Issued: day("2022-01-10"), Expires: day("2027-01-10"), Holder: "ZHANG WEI"}),
		{File: "pasfoto.jpg", Type: document.Photo, Format: "image/jpeg", Photo: &document.PhotoCheck{WidthPx: 413, HeightPx: 531, DPI: 300, WidthMM: 35, HeightMM: 45, Compliant: true}},
		text(document.Document{File: "huurcontract.pdf", Type: document.ProofOfAddress, Language: "nl", Country: "BE",
			Issued: day("2024-02-01"), Holder: "ZHANG WEI"}),
		text(document.Document{File: "ziekenfonds.pdf", Type: document.HealthInsurance, Language: "nl", Country: "BE",
			ValidFrom: day("2026-01-01"), Expires: day("2026-12-31"), Holder: "ZHANG WEI"}),
		text(document.Document{File: "arbeidsovereenkomst.pdf", Type: document.EmploymentContract, Language: "nl", Country: "BE",
			Issued: day("2023-05-01"), Holder: "Wei ZHANG"}),
		text(document.Document{File: "betaalbewijs.pdf", Type: document.PaymentReceipt, Language: "nl", Country: "BE"}),
	}
}

// beFamily turns beDossier into a family-based stay: a Chinese marriage
// certificate, apostilled and translated into Dutch by a sworn translator.
var beFamily = []edit{
	drop("arbeidsovereenkomst.pdf"),
	add(text(document.Document{File: "huwelijksakte.pdf", Type: document.MarriageCertificate, Language: "zh", Country: "CN",
		Issued: day("2019-05-20"), Number: "J110105-2019-001234"}),
		text(document.Document{File: "huwelijksakte-apostille.pdf", Type: document.Apostille, Language: "zh", Country: "CN",
			Issued: day("2026-09-01"), References: []string{"J110105-2019-001234"}}),
		text(document.Document{File: "huwelijksakte-vertaling.pdf", Type: document.Translation, Language: "nl", Country: "BE",
			Issued: day("2026-09-20"), Sworn: true, Translates: document.MarriageCertificate, References: []string{"J110105-2019-001234"}})),
}

// ruDossier is a complete dossier for RU/residence-permit-renewal on
// 2026-12-01, for an Uzbek national aged 41 whose card dates from 2021.
func ruDossier() []document.Document {
	return []document.Document{
		text(document.Document{File: "pasport.pdf", Type: document.Passport, Language: "en", Country: "UZ", Number: "FA1234567",
			Expires: day("2031-02-01"), Holder: "KARIMOV RUSTAM", MRZ: mrzFor("UZB", "KARIMOV", "RUSTAM", "1985-06-10")}),
		text(document.Document{File: "perevod-pasporta.pdf", Type: document.Translation, Language: "ru", Country: "RU",
			Issued: day("2026-10-01"), Sworn: true, Translates: document.Passport, References: []string{"FA 1234567"}, Holder: "КАРИМОВ РУСТАМ"}),
		text(document.Document{File: "vnzh.jpg", Type: document.ResidencePermit, Language: "ru", Country: "RU",
			Issued: day("2021-03-01"), Holder: "КАРИМОВ РУСТАМ"}),
		{File: "foto.jpg", Type: document.Photo, Format: "image/jpeg", Photo: &document.PhotoCheck{WidthPx: 413, HeightPx: 531, DPI: 300, WidthMM: 35, HeightMM: 45, Compliant: true}},
		text(document.Document{File: "zayavlenie.pdf", Type: document.ApplicationForm, Language: "ru", Country: "RU",
			Issued: day("2026-11-25"), Holder: "КАРИМОВ РУСТАМ"}),
		text(document.Document{File: "kvitantsiya.pdf", Type: document.PaymentReceipt, Language: "ru", Country: "RU",
			Issued: day("2026-11-20")}),
	}
}
