package synth

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/internal/fold"
)

// Sample is one document of the evaluation corpus, as the text a perfect
// reader reads on its pages, with the truth about it.
type Sample struct {
	Name  string
	Pages []string
	Type  document.Type
	// Lang is the language of the document, ISO 639-1.
	Lang string
	// Issued and Expires are the dates printed (zero: none). For a bill, a
	// statement or a payslip, Expires is the end of the period it covers.
	Issued, Expires time.Time
	// Holder is "SURNAME GIVEN NAMES" when the document names its holder
	// in Latin letters; "" otherwise.
	Holder string
	// Country is the procedure's country, alpha-2, the document is filed
	// for (an identity card issued there to a foreigner is a residence
	// permit).
	Country string
}

// Corpus returns the evaluation corpus: every type in every language in
// the generator's letter and card layouts, then documents written in other
// layouts and wordings, as the issuers of each country print them (a
// place-and-date line at the foot, a bill's "Facture du …", a payslip's
// pay date, a subject line in a letter), and hard negatives that look like
// dossier documents but are not (product and hosting invoices, a bank
// details slip, a visa, a letter, a book page, a recipe).
//
// The wordings are written from the documents' own conventions, not from
// the words intake looks for.
func Corpus() ([]Sample, error) {
	ref := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	var out []Sample
	gen, err := generatorLayouts(ref)
	if err != nil {
		return nil, err
	}
	out = append(out, gen...)
	out = append(out, wordedSamples(ref)...)
	out = append(out, cardSamples(ref)...)
	out = append(out, negatives(ref)...)
	return out, nil
}

// generatorLayouts renders every type in every language with the
// generator's own layouts.
func generatorLayouts(ref time.Time) ([]Sample, error) {
	d := ExampleRS(ref)
	var out []Sample
	for i, ty := range document.Types() {
		if ty == document.Unknown || ty == document.Photo {
			continue
		}
		for j, key := range languages {
			if _, ok := titles[ty][key]; !ok {
				continue // not printed in that language
			}
			lang, script := key, scriptOf(key)
			if key == "sr-Cyrl" {
				lang, script = "sr", "Cyrl"
			}
			issued := ref.AddDate(0, -(i+j)%7, -(i*3+j)%27)
			doc := Doc{Name: fmt.Sprintf("gen/%s_%s", ty, key), Type: ty, Lang: lang, Script: script,
				Country: langCountry[lang], Number: "2026-0001234", Issued: issued,
				References: []string{RSChinaCertNumber}, Translates: document.CriminalRecord, SourceLang: "zh", Sworn: true}
			s := Sample{Name: doc.Name, Type: ty, Lang: lang, Issued: issued, Country: "RS"}
			switch ty {
			case document.Passport, document.IDCard, document.ResidencePermit:
				doc.Expires = issued.AddDate(5, 0, -1)
				s.Expires = doc.Expires
				// A card issued by the procedure's country to a foreigner is
				// a residence permit; others are identity cards.
				s.Country = map[bool]string{true: "RS", false: "FR"}[ty == document.ResidencePermit]
				if ty == document.IDCard {
					doc.Holder = &Person{Surname: "Marković", GivenNames: "Ana", BirthDate: time.Date(1990, 5, 4, 0, 0, 0, 0, time.UTC), Sex: "F",
						Nationality: countryAlpha3(langCountry[lang]), NativeName: "王芳"}
				}
			case document.Payslip, document.BankStatement, document.ProofOfAddress:
				per := monthsBefore(issued, 1)[0]
				doc.Periods = [][2]time.Time{per}
				doc.ValidFrom, doc.Expires = per[0], per[1]
				s.Expires = per[1]
				if ty == document.Payslip {
					doc.Issued, s.Issued = time.Time{}, time.Time{}
				}
			case document.HealthInsurance:
				doc.ValidFrom, doc.Expires = issued.AddDate(0, 0, 1), issued.AddDate(1, 0, 0)
				s.Expires = doc.Expires
			}
			if ty == document.Translation {
				s.Lang = lang
			}
			pages, err := Text(d, doc)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", doc.Name, err)
			}
			s.Pages = pages
			p := d.Holder
			if doc.Holder != nil {
				p = *doc.Holder
			}
			if key != "zh" && ty != document.Apostille && ty != document.Translation {
				s.Holder = strings.ToUpper(p.Surname + " " + p.GivenNames)
			}
			out = append(out, s)
		}
	}
	return out, nil
}

// ---- other layouts and wordings ----

// wording is how one kind of document is worded in one language: two
// titles (one per layout), the issuer, what the body says.
type wording struct {
	titles [2]string
	issuer []string
	body   string
}

// wordings by type and language key. Serbian Cyrillic is written from the
// Latin ("sr") wording.
var wordings = map[document.Type]map[string]wording{
	document.CriminalRecord: {
		"fr": {[2]string{"BULLETIN N° 3 DU CASIER JUDICIAIRE", "Relevé des condamnations pénales"}, []string{"Ministère de la Justice", "Casier judiciaire national – Nantes"},
			"Bulletin délivré à la personne concernée. Néant : aucune condamnation n'a été prononcée."},
		"nl": {[2]string{"UITTREKSEL UIT HET STRAFREGISTER", "Model 595 – Uittreksel strafregister"}, []string{"Gemeente Antwerpen", "Dienst Burgerzaken"},
			"Er komt geen enkele veroordeling voor op naam van de betrokkene."},
		"en": {[2]string{"POLICE CERTIFICATE", "Basic Disclosure Certificate"}, []string{"Disclosure Scotland"},
			"No convictions recorded. This certificate shows no unspent convictions for the applicant."},
		"sr": {[2]string{"POTVRDA O NEKAŽNJAVANJU", "UVERENJE IZ KAZNENE EVIDENCIJE"}, []string{"REPUBLIKA SRBIJA", "Osnovni sud u Novom Sadu"},
			"Potvrđuje se da se u kaznenoj evidenciji suda ne vodi krivični postupak i da lice nije osuđivano."},
		"ru": {[2]string{"СПРАВКА О НАЛИЧИИ (ОТСУТСТВИИ) СУДИМОСТИ", "Справка об отсутствии судимости"}, []string{"Министерство внутренних дел Российской Федерации", "Информационный центр ГУ МВД России по г. Москве"},
			"По сведениям информационного центра судимости не имеет, в розыске не значится."},
		"zh": {[2]string{"无犯罪记录证明书", "公证书"}, []string{"上海市公安局浦东分局"},
			"经查，该人在本辖区居住期间未发现有犯罪记录。"},
		"de": {[2]string{"Führungszeugnis zur Vorlage bei einer Behörde", "Auskunft aus dem Bundeszentralregister"}, []string{"Bundesamt für Justiz", "53094 Bonn"},
			"Inhalt: Keine Eintragung."},
	},
	document.ProofOfAddress: {
		"fr": {[2]string{"Votre facture", "Facture de gaz naturel"}, []string{"Électricité de France", "Service clients – TSA 20012"},
			"Votre contrat : Tarif Bleu, puissance souscrite 6 kVA. Adresse de consommation :"},
		"nl": {[2]string{"Uw energiefactuur", "Afrekeningsfactuur water"}, []string{"Water-link", "Mechelsesteenweg 64, 2018 Antwerpen"},
			"Leveringsadres en verbruik van uw aansluiting:"},
		"en": {[2]string{"Your energy bill", "Water and sewerage bill"}, []string{"Thames Water Utilities Ltd"},
			"Supply address and meter readings for this billing period:"},
		"sr": {[2]string{"RAČUN ZA UTROŠENU ELEKTRIČNU ENERGIJU", "Račun za komunalne usluge"}, []string{"JKP Infostan tehnologije", "Beograd"},
			"Mesto isporuke i obračun utrošene energije za obračunski period:"},
		"ru": {[2]string{"ЕДИНЫЙ ПЛАТЁЖНЫЙ ДОКУМЕНТ", "Счёт за жилищно-коммунальные услуги"}, []string{"ГБУ «Жилищник района Хамовники»"},
			"Плательщик и адрес помещения, начисления за расчётный период:"},
		"de": {[2]string{"Ihre Stromrechnung", "Jahresabrechnung Erdgas"}, []string{"Vattenfall Europe Sales GmbH"},
			"Lieferstelle und Verbrauch im Abrechnungszeitraum:"},
	},
	document.BankStatement: {
		"fr": {[2]string{"EXTRAIT DE COMPTE", "Relevé de vos comptes"}, []string{"Crédit Agricole Île-de-France"},
			"Compte chèques n° 00012345678 – situation de votre compte"},
		"nl": {[2]string{"Rekeningafschrift", "Dagafschrift zichtrekening"}, []string{"Belfius Bank"},
			"Zichtrekening BE68 5390 0754 7034 – overzicht van uw verrichtingen"},
		"en": {[2]string{"Statement of account", "Current account statement"}, []string{"Barclays Bank UK PLC"},
			"Your transactions and balance for the statement period"},
		"sr": {[2]string{"IZVOD BROJ 11", "Izvod o promenama na tekućem računu"}, []string{"Raiffeisen banka a.d. Beograd"},
			"Tekući račun 265-0000001234567-89 – promet i stanje"},
		"ru": {[2]string{"ВЫПИСКА ПО СЧЁТУ", "Выписка по карточному счёту"}, []string{"АО «Тинькофф Банк»"},
			"Движение денежных средств по счёту № 40817810000012345678"},
	},
	document.Payslip: {
		"fr": {[2]string{"BULLETIN DE SALAIRE", "Bulletin de paie simplifié"}, []string{"Boulangerie Martin SARL", "SIRET 123 456 789 00012"},
			"Emploi : vendeur. Convention collective nationale de la boulangerie."},
		"nl": {[2]string{"LOONFICHE", "Loonbrief bediende"}, []string{"Colruyt Group NV", "Paritair comité 200"},
			"Functie: bediende. Brutobezoldiging en inhoudingen van de maand."},
		"en": {[2]string{"PAY ADVICE", "Earnings statement"}, []string{"Northwind Traders Ltd", "PAYE ref 123/AB456"},
			"Tax code 1257L. National Insurance number QQ123456C."},
		"sr": {[2]string{"ISPLATNI LISTIĆ", "Obračun i isplata zarade"}, []string{"Delta Holding d.o.o.", "PIB 100000001"},
			"Radno mesto: programer. Obračun zarade za mesec:"},
		"ru": {[2]string{"РАСЧЁТНЫЙ ЛИСТОК", "Расчётный лист за месяц"}, []string{"ООО «Ромашка»", "ИНН 7701234567"},
			"Должность: инженер. Начислено, удержано и выплачено за месяц:"},
	},
	document.EmploymentCertificate: {
		"fr": {[2]string{"ATTESTATION DE TRAVAIL", "Attestation d'emploi"}, []string{"Société Générale de Services SAS", "Direction des ressources humaines"},
			"Je soussigné, directeur des ressources humaines, atteste que la personne nommée ci-dessous fait partie de notre personnel depuis le 1er mars 2021 en qualité de comptable, en contrat à durée indéterminée."},
		"nl": {[2]string{"ATTEST VAN TEWERKSTELLING", "Werkgeversattest"}, []string{"Delhaize NV", "Dienst Personeelszaken"},
			"Ondergetekende verklaart dat de hierna vermelde persoon sinds 1 maart 2021 in dienst is als bediende met een contract van onbepaalde duur."},
		"en": {[2]string{"TO WHOM IT MAY CONCERN", "Confirmation of employment"}, []string{"Acme Widgets Ltd", "Human Resources"},
			"This is to confirm that the person named below has been employed by our company since 1 March 2021 as an accountant on a permanent contract."},
		"sr": {[2]string{"POTVRDA O RADNOM ODNOSU", "Potvrda poslodavca"}, []string{"NIS a.d. Novi Sad", "Sektor za ljudske resurse"},
			"Ovim potvrđujemo da je imenovani zaposlen u našem preduzeću od 1. marta 2021. godine na neodređeno vreme, na poslovima knjigovođe."},
		"ru": {[2]string{"СПРАВКА", "Справка о трудоустройстве"}, []string{"ООО «Вектор»", "Отдел кадров"},
			"Дана в том, что он действительно работает в ООО «Вектор» в должности бухгалтера с 1 марта 2021 года по настоящее время."},
	},
	document.EmploymentContract: {
		"fr": {[2]string{"CONTRAT À DURÉE INDÉTERMINÉE", "Contrat de travail à durée déterminée"}, []string{"Entre la société Dupont Logistique SAS, ci-après l'employeur,"},
			"Article 1 – Engagement. Le salarié est engagé à compter du 1er mars 2021. Article 2 – Période d'essai. Article 3 – Rémunération brute mensuelle de 2 400 euros."},
		"nl": {[2]string{"ARBEIDSOVEREENKOMST VOOR BEDIENDEN", "Arbeidsovereenkomst van onbepaalde duur"}, []string{"Tussen Bouwbedrijf Peeters BV, hierna de werkgever,"},
			"Artikel 1 – Functie. De werknemer wordt aangeworven als bediende. Artikel 2 – Proeftijd. Artikel 3 – Loon."},
		"en": {[2]string{"CONTRACT OF EMPLOYMENT", "Statement of main terms of employment"}, []string{"Between Globex Ltd (the Employer) and the Employee"},
			"1. Commencement. 2. Job title: analyst. 3. Salary: £32,000 per annum. 4. Hours of work. 5. Holidays."},
		"sr": {[2]string{"UGOVOR O RADU NA NEODREĐENO VREME", "Ugovor o zaposlenju"}, []string{"Zaključen između poslodavca Telekom Srbija a.d. i zaposlenog"},
			"Član 1. Zaposleni zasniva radni odnos na neodređeno vreme. Član 2. Radno mesto. Član 3. Osnovna zarada."},
		"ru": {[2]string{"ТРУДОВОЙ ДОГОВОР № 15", "Трудовой договор с работником"}, []string{"ООО «Альфа», именуемое в дальнейшем «Работодатель»"},
			"1. Предмет договора. Работник принимается на должность инженера. 2. Срок действия договора: бессрочный. 3. Оплата труда."},
	},
	document.TaxNotice: {
		"fr": {[2]string{"AVIS D'IMPOSITION", "Avis de situation déclarative à l'impôt sur le revenu"}, []string{"Direction générale des Finances publiques", "Centre des finances publiques de Lyon"},
			"Impôt sur les revenus de l'année 2025. Revenu fiscal de référence : 28 540 €. Nombre de parts : 1."},
		"nl": {[2]string{"AANSLAGBILJET PERSONENBELASTING", "Berekeningsnota"}, []string{"FOD Financiën – Administratie Inning en Invordering"},
			"Inkomsten 2025 – aanslagjaar 2026. Belastbaar inkomen en saldo van de aanslag."},
		"en": {[2]string{"SA302 Tax calculation", "Tax year overview"}, []string{"HM Revenue and Customs"},
			"Tax year 6 April 2025 to 5 April 2026. Total income received and tax due."},
		"sr": {[2]string{"REŠENJE O UTVRĐIVANJU POREZA", "Potvrda o plaćenom porezu"}, []string{"Poreska uprava Republike Srbije", "Filijala Novi Sad"},
			"Godišnji porez na dohodak građana za 2025. godinu utvrđuje se u iznosu od 52.000,00 dinara."},
		"ru": {[2]string{"НАЛОГОВОЕ УВЕДОМЛЕНИЕ", "Справка о доходах и суммах налога физического лица"}, []string{"Федеральная налоговая служба", "ИФНС России № 5 по г. Москве"},
			"Расчёт налога на доходы физических лиц за 2025 год."},
	},
	document.HealthInsurance: {
		"fr": {[2]string{"ATTESTATION DE DROITS", "Attestation d'affiliation à la complémentaire santé"}, []string{"Caisse primaire d'assurance maladie du Rhône"},
			"Vous êtes affilié(e) au régime général de la Sécurité sociale. Numéro de sécurité sociale : 1 85 03 99 123 456 78."},
		"nl": {[2]string{"ATTEST VAN AANSLUITING", "Verzekeringsattest ziekenfonds"}, []string{"Christelijke Mutualiteit", "CM Antwerpen"},
			"De hierna vermelde persoon is aangesloten bij het ziekenfonds en in regel met de verplichte verzekering voor geneeskundige verzorging."},
		"en": {[2]string{"CERTIFICATE OF INSURANCE", "Travel medical insurance policy schedule"}, []string{"Allianz Care"},
			"The policyholder is insured for medical expenses, hospitalisation and repatriation."},
		"sr": {[2]string{"POLISA PUTNOG ZDRAVSTVENOG OSIGURANJA", "Potvrda o zdravstvenom osiguranju"}, []string{"Generali osiguranje Srbija a.d.o."},
			"Osiguranje pokriva troškove hitnih medicinskih intervencija do iznosa od 30.000 EUR."},
		"ru": {[2]string{"ПОЛИС ДОБРОВОЛЬНОГО МЕДИЦИНСКОГО СТРАХОВАНИЯ", "Полис ДМС для иностранных граждан"}, []string{"СПАО «Ингосстрах»"},
			"Паспорт: 12 3456789. Страховая сумма: 100 000 рублей. Программа страхования: амбулаторная помощь."},
	},
	document.LanguageCertificate: {
		"fr": {[2]string{"DIPLÔME D'ÉTUDES EN LANGUE FRANÇAISE", "Attestation de réussite TCF"}, []string{"Ministère de l'Éducation nationale", "France Éducation international"},
			"DELF A2 – Diplôme délivré à la personne nommée ci-dessous, reçue à la session de juin."},
		"nl": {[2]string{"CERTIFICAAT NEDERLANDS ALS VREEMDE TAAL", "Attest Nederlands"}, []string{"CNaVT"},
			"De kandidaat heeft het examen Nederlands met succes afgelegd, niveau A2."},
		"en": {[2]string{"IELTS TEST REPORT FORM", "B1 English test certificate"}, []string{"British Council"},
			"Overall band score 5.0, CEFR level B1."},
		"sr": {[2]string{"SERTIFIKAT O POLOŽENOM ISPITU IZ SRPSKOG JEZIKA", "Potvrda o znanju srpskog jezika"}, []string{"Centar za srpski kao strani jezik", "Filološki fakultet"},
			"Kandidat je položio ispit iz srpskog kao stranog jezika, nivo A2."},
		"ru": {[2]string{"СЕРТИФИКАТ О ПРОХОЖДЕНИИ ТЕСТИРОВАНИЯ", "Сертификат о владении русским языком"}, []string{"Российский университет дружбы народов"},
			"Прошёл экзамен по русскому языку как иностранному, знанию истории России и основ законодательства."},
	},
	document.BirthCertificate: {
		"fr": {[2]string{"EXTRAIT D'ACTE DE NAISSANCE", "Copie intégrale d'acte de naissance"}, []string{"Mairie de Lyon", "Service de l'état civil"},
			"Le quatre mai mil neuf cent quatre-vingt-dix est né(e) à Lyon l'enfant nommé ci-dessous, fils/fille de ses parents."},
		"nl": {[2]string{"UITTREKSEL UIT DE GEBOORTEAKTE", "Afschrift van een akte van geboorte"}, []string{"Stad Gent", "Burgerlijke stand"},
			"Op vier mei negentienhonderd negentig werd te Gent geboren het kind hierna vermeld."},
		"en": {[2]string{"CERTIFIED COPY OF AN ENTRY OF BIRTH", "Certificate of live birth"}, []string{"General Register Office"},
			"Registration district: Westminster. Birth in the sub-district of Marylebone."},
		"sr": {[2]string{"IZVOD IZ MATIČNE KNJIGE ROĐENIH", "Izvod iz registra rođenih"}, []string{"Gradska uprava grada Beograda", "Matično područje Stari grad"},
			"Podaci o detetu i roditeljima upisani u matičnu knjigu rođenih."},
		"ru": {[2]string{"СВИДЕТЕЛЬСТВО О РОЖДЕНИИ", "Повторное свидетельство о рождении"}, []string{"Отдел ЗАГС Тверского района г. Москвы"},
			"родился(лась) в г. Москве, о чём составлена запись акта о рождении."},
		"zh": {[2]string{"出生医学证明", "出生公证书"}, []string{"北京市东城区公证处"},
			"兹证明该人于1990年5月4日在北京市出生。"},
	},
	document.MarriageCertificate: {
		"fr": {[2]string{"EXTRAIT D'ACTE DE MARIAGE", "Livret de famille – mariage"}, []string{"Mairie de Nantes", "État civil"},
			"Les époux nommés ci-dessous ont contracté mariage devant l'officier de l'état civil."},
		"nl": {[2]string{"UITTREKSEL UIT DE HUWELIJKSAKTE", "Afschrift huwelijksakte"}, []string{"Gemeente Leuven", "Burgerlijke stand"},
			"De echtgenoten hieronder vermeld zijn in het huwelijk getreden."},
		"en": {[2]string{"CERTIFIED COPY OF AN ENTRY OF MARRIAGE", "Marriage licence and certificate"}, []string{"General Register Office"},
			"Marriage solemnized at the Register Office in the district of Camden."},
		"sr": {[2]string{"IZVOD IZ MATIČNE KNJIGE VENČANIH", "Izvod iz registra venčanih"}, []string{"Gradska opština Novi Beograd", "Matičar"},
			"Podaci o supružnicima upisani u matičnu knjigu venčanih."},
		"ru": {[2]string{"СВИДЕТЕЛЬСТВО О ЗАКЛЮЧЕНИИ БРАКА", "Справка о заключении брака"}, []string{"Отдел ЗАГС Центрального района г. Санкт-Петербурга"},
			"заключили брак, о чём составлена запись акта о заключении брака."},
		"zh": {[2]string{"结婚证", "结婚公证书"}, []string{"北京市朝阳区民政局"},
			"申请结婚，经审查符合《中华人民共和国民法典》关于结婚的规定，准予登记，发给此证。"},
	},
	document.PaymentReceipt: {
		"fr": {[2]string{"TIMBRE FISCAL ÉLECTRONIQUE", "Justificatif de paiement"}, []string{"Direction générale des Finances publiques", "timbres.impots.gouv.fr"},
			"Montant du timbre : 225,00 €. Objet : titre de séjour – renouvellement."},
		"nl": {[2]string{"BETALINGSBEWIJS", "Bewijs van betaling retributie"}, []string{"Dienst Vreemdelingenzaken"},
			"Retributie voor de aanvraag van een verblijfsvergunning: 350,00 EUR betaald via overschrijving."},
		"en": {[2]string{"PAYMENT CONFIRMATION", "Receipt for visa and immigration fee"}, []string{"UK Visas and Immigration"},
			"Amount paid: £1,048.00. Payment method: card."},
		"sr": {[2]string{"NALOG ZA UPLATU", "Potvrda o izvršenoj uplati takse"}, []string{"Uplatilac: imenovano lice", "Primalac: Budžet Republike Srbije"},
			"Svrha uplate: republička administrativna taksa za izdavanje dozvole. Iznos: 20.490,00 dinara."},
		"ru": {[2]string{"ПЛАТЁЖНОЕ ПОРУЧЕНИЕ", "Чек-ордер"}, []string{"ПАО Сбербанк", "Получатель: УФК по г. Москве"},
			"Государственная пошлина за выдачу вида на жительство. Сумма: 5000 руб. 00 коп."},
	},
	document.CivicExam: {
		"fr": {[2]string{"ATTESTATION DE RÉUSSITE", "Examen civique – attestation"}, []string{"RÉPUBLIQUE FRANÇAISE", "Ministère de l'Intérieur"},
			"Le candidat nommé ci-dessous a passé l'examen civique sur les principes et valeurs de la République et a obtenu 34 bonnes réponses sur 40. Il est déclaré admis."},
	},
	document.RepublicContract: {
		"fr": {[2]string{"CONTRAT D'ENGAGEMENT RÉPUBLICAIN", "Contrat d'engagement à respecter les principes de la République"}, []string{"RÉPUBLIQUE FRANÇAISE", "Préfecture du Rhône"},
			"Je m'engage à respecter la liberté personnelle, la liberté d'expression et de conscience, l'égalité entre les femmes et les hommes, la dignité de la personne humaine, la devise et les symboles de la République, l'intégrité territoriale et la laïcité."},
	},
	document.EnrolmentCertificate: {
		"fr": {[2]string{"CERTIFICAT DE SCOLARITÉ", "Attestation d'inscription"}, []string{"Université Lumière Lyon 2", "Service de la scolarité"},
			"Le président de l'université certifie que l'étudiant(e) nommé(e) ci-dessous est régulièrement inscrit(e) en Licence 2 Économie pour l'année universitaire 2026-2027."},
		"nl": {[2]string{"INSCHRIJVINGSBEWIJS", "Attest van inschrijving"}, []string{"Universiteit Antwerpen", "Studentenadministratie"},
			"Hierbij bevestigen wij dat de hierna vermelde student ingeschreven is voor het academiejaar 2026-2027 in de opleiding Bachelor Handelswetenschappen."},
		"en": {[2]string{"CERTIFICATE OF ENROLMENT", "Student status letter"}, []string{"University of Manchester", "Student Services Centre"},
			"This is to certify that the student named below is registered as a full-time student for the academic year 2026/27 on the BSc Economics programme."},
		"sr": {[2]string{"POTVRDA O STUDIRANJU", "Uverenje o upisu"}, []string{"Univerzitet u Beogradu", "Ekonomski fakultet"},
			"Potvrđuje se da je imenovani student upisan u školsku 2026/2027. godinu kao student koji se finansira iz budžeta."},
		"ru": {[2]string{"СПРАВКА ОБ ОБУЧЕНИИ", "Справка с места учёбы"}, []string{"Московский государственный университет", "Учебный отдел"},
			"Дана в том, что он(а) действительно является студентом 2 курса очной формы обучения в 2026/2027 учебном году."},
	},
	document.ApplicationForm: {
		"fr": {[2]string{"CERFA N° 15186*03", "Formulaire de demande de carte de séjour"}, []string{"Ministère de l'Intérieur"},
			"Cochez la case correspondant à votre demande. Je soussigné(e) déclare sur l'honneur l'exactitude des informations ci-dessus."},
		"nl": {[2]string{"AANVRAAG VERBLIJFSKAART", "Formulier bijlage 15"}, []string{"Dienst Vreemdelingenzaken"},
			"Vul dit formulier in hoofdletters in. Ondergetekende verklaart de gegevens naar waarheid te hebben ingevuld."},
		"en": {[2]string{"APPLICATION FOR A RESIDENCE PERMIT", "Application form – leave to remain"}, []string{"Home Office"},
			"Complete all sections in block capitals. I declare that the information given in this application is true."},
		"sr": {[2]string{"ZAHTEV ZA ODOBRENJE STALNOG BORAVKA", "Obrazac zahteva za privremeni boravak"}, []string{"Ministarstvo unutrašnjih poslova", "Uprava za strance"},
			"Popuniti čitko štampanim slovima. Podnosilac zahteva izjavljuje da su navedeni podaci istiniti."},
		"ru": {[2]string{"ЗАЯВЛЕНИЕ О ВЫДАЧЕ ВИДА НА ЖИТЕЛЬСТВО", "Заявление о продлении срока временного пребывания"}, []string{"В ГУ по вопросам миграции МВД России"},
			"Прошу выдать мне вид на жительство. Сведения, указанные в заявлении, подтверждаю."},
	},
}

// personByLang is who the worded documents are about.
var personByLang = map[string]Person{
	"fr": {Surname: "Lefèvre", GivenNames: "Camille", Address: "14 rue Garibaldi, 69003 Lyon"},
	"nl": {Surname: "Janssens", GivenNames: "Pieter", Address: "Kerkstraat 12, 2000 Antwerpen"},
	"en": {Surname: "Okafor", GivenNames: "Grace", Address: "27 Elm Road, London N4 2AB"},
	"de": {Surname: "Becker", GivenNames: "Jonas", Address: "Hauptstraße 5, 80331 München"},
	"sr": {Surname: "Jovanović", GivenNames: "Milica", Address: "Njegoševa 12, 11000 Beograd"},
	"ru": {Surname: "Смирнова", GivenNames: "Ольга", Address: "г. Москва, ул. Арбат, д. 10, кв. 5"},
	"zh": {Surname: "李", GivenNames: "娜", Address: "北京市东城区东直门南大街1号"},
}

var cityByLang = map[string]string{"fr": "Lyon", "nl": "Antwerpen", "en": "London", "de": "München", "sr": "Beograd", "ru": "Москва", "zh": "北京"}

// dateLong prints t with the month's name as people write it in a
// sentence ("3 novembre 2026", "20. oktobra 2026.", "«3» ноября 2026 г.").
func dateLong(t time.Time, key string, quoted bool) string {
	y, m, d := t.Date()
	switch key {
	case "fr":
		day := fmt.Sprint(d)
		if d == 1 {
			day = "1er"
		}
		return fmt.Sprintf("%s %s %d", day, monthNames["fr"][m-1], y)
	case "sr":
		return fmt.Sprintf("%d. %s %d.", d, monthNames["sr"][m-1], y)
	case "ru":
		if quoted {
			return fmt.Sprintf("«%02d» %s %d г.", d, monthNames["ru"][m-1], y)
		}
		return fmt.Sprintf("%d %s %d года", d, monthNames["ru"][m-1], y)
	case "zh":
		return fmt.Sprintf("%d年%d月%d日", y, int(m), d)
	case "de":
		return fmt.Sprintf("%d. %s %d", d, monthNames["de"][m-1], y)
	case "nl":
		return fmt.Sprintf("%d %s %d", d, monthNames["nl"][m-1], y)
	}
	return fmt.Sprintf("%d %s %d", d, monthNames["en"][m-1], y)
}

// placeDate is the line at the foot of a certificate that says where and
// when it was made.
func placeDate(t time.Time, key string, variant int) string {
	city := cityByLang[key]
	switch key {
	case "fr":
		if variant == 0 {
			return fmt.Sprintf("Fait à %s, le %s", city, dateLong(t, key, false))
		}
		return fmt.Sprintf("%s, le %s", city, t.Format("02/01/2006"))
	case "nl":
		if variant == 0 {
			return fmt.Sprintf("Opgemaakt te %s op %s", city, dateLong(t, key, false))
		}
		return fmt.Sprintf("%s, %s", city, t.Format("02.01.2006"))
	case "en":
		if variant == 0 {
			return fmt.Sprintf("Dated this %s at %s", dateLong(t, key, false), city)
		}
		return fmt.Sprintf("%s, %s", city, t.Format("January 2, 2006"))
	case "de":
		return fmt.Sprintf("%s, den %s", city, t.Format("02.01.2006"))
	case "sr":
		if variant == 0 {
			return fmt.Sprintf("U Beogradu, dana %s godine", t.Format("02.01.2006."))
		}
		return fmt.Sprintf("%s, %s godine", city, t.Format("2.1.2006."))
	case "ru":
		if variant == 0 {
			return fmt.Sprintf("г. %s, %s", city, dateLong(t, key, true))
		}
		return fmt.Sprintf("%s г.", t.Format("02.01.2006"))
	case "zh":
		return dateLong(t, key, false)
	}
	return t.Format("2006-01-02")
}

// cyrillic writes a Serbian Latin line in Cyrillic, keeping capitals and
// digits.
func cyrillic(s string) string {
	var b strings.Builder
	for i, w := range strings.Split(s, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		c := fold.SerbianCyrillic(w)
		upper := true
		first := false
		for k, r := range w {
			if unicode.IsLetter(r) {
				if k == 0 {
					first = unicode.IsUpper(r)
				}
				upper = upper && unicode.IsUpper(r)
			}
		}
		switch {
		case upper && strings.IndexFunc(w, unicode.IsLetter) >= 0:
			c = strings.ToUpper(c)
		case first:
			rs := []rune(c)
			rs[0] = unicode.ToUpper(rs[0])
			c = string(rs)
		}
		b.WriteString(c)
	}
	return b.String()
}

// wordedSamples lays each wording out in three layouts: a form with the
// place and date at the foot, a letter with a subject line, and a
// business document (bill, statement, payslip) or a compact certificate.
func wordedSamples(ref time.Time) []Sample {
	var out []Sample
	n := 0
	for _, ty := range document.Types() {
		byLang, ok := wordings[ty]
		if !ok {
			continue
		}
		for _, key := range []string{"fr", "nl", "de", "en", "sr", "sr-Cyrl", "ru", "zh"} {
			src := key
			if key == "sr-Cyrl" {
				src = "sr"
			}
			w, ok := byLang[src]
			if !ok {
				continue
			}
			for layoutNo := range 3 {
				n++
				issued := ref.AddDate(0, -(n % 5), -(n*7)%25)
				s := wordedSample(ty, key, src, w, layoutNo, issued)
				out = append(out, s)
			}
		}
	}
	return out
}

func wordedSample(ty document.Type, key, src string, w wording, layoutNo int, issued time.Time) Sample {
	p := personByLang[src]
	lang := src
	s := Sample{Name: fmt.Sprintf("worded/%s_%s_%d", ty, key, layoutNo), Type: ty, Lang: lang, Country: "RS"}
	if src != "ru" && src != "zh" {
		s.Holder = strings.ToUpper(p.Surname + " " + p.GivenNames)
	}
	lb := labelsFor(src)
	name := strings.ToUpper(p.Surname) + " " + p.GivenNames
	var lines []string
	add := func(ls ...string) { lines = append(lines, ls...) }
	title := w.titles[layoutNo%2]
	per := monthsBefore(issued, 1)[0]
	business := ty == document.ProofOfAddress || ty == document.BankStatement || ty == document.Payslip

	switch {
	case business && layoutNo == 2:
		// A business document: the title, the dates in its header.
		add(w.issuer...)
		add("", strings.ToUpper(title), "")
		add(businessHeader(ty, src, issued, per)...)
		add("", name, p.Address, "")
		add(w.body)
		add(amounts(ty, src)...)
		s.Issued, s.Expires = issued, per[1]
		if ty == document.Payslip {
			s.Issued = per[1]
		}
	case layoutNo == 1:
		// A letter: place and date at the top, a subject line.
		add(w.issuer...)
		add("", "", "\t\t"+name, "\t\t"+p.Address, "")
		add(placeDate(issued, src, 1), "")
		add(subject(src) + " " + title)
		add("", w.body, "")
		if business {
			add(periodSentence(src, per))
			s.Expires = per[1]
			add(amounts(ty, src)...)
		}
		if ty == document.HealthInsurance {
			add(coverage(src, issued, issued.AddDate(1, 0, -1)))
			s.Expires = issued.AddDate(1, 0, -1)
		}
		add("", closing(src), "", "Direction")
		s.Issued = issued
	default:
		// A form: fields, then where and when it was made at the foot.
		add(w.issuer...)
		add("", strings.ToUpper(title), "")
		add(fieldLines(src, p, name)...)
		add("", w.body, "")
		if business {
			add(periodSentence(src, per))
			s.Expires = per[1]
			add(amounts(ty, src)...)
		}
		if ty == document.HealthInsurance {
			add(coverage(src, issued, issued.AddDate(1, 0, -1)))
			s.Expires = issued.AddDate(1, 0, -1)
		}
		add("", placeDate(issued, src, 0), lb.Signature)
		s.Issued = issued
	}
	if ty == document.Payslip && layoutNo != 2 {
		// A payslip's date is the day it was paid.
		add(payDate(src, per[1]))
		s.Issued = per[1]
	}
	text := strings.Join(lines, "\n") + "\n"
	text = strings.ReplaceAll(text, "\t", "    ")
	if key == "sr-Cyrl" {
		text = cyrillic(text)
	}
	s.Pages = []string{text}
	return s
}

func subject(key string) string {
	return map[string]string{"fr": "Objet :", "nl": "Betreft:", "en": "Re:", "de": "Betreff:", "sr": "Predmet:", "ru": "Тема:", "zh": "事由："}[key]
}

func closing(key string) string {
	return map[string]string{
		"fr": "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
		"nl": "Met vriendelijke groeten,", "en": "Yours faithfully,", "de": "Mit freundlichen Grüßen",
		"sr": "S poštovanjem,", "ru": "С уважением,", "zh": "此致",
	}[key]
}

// fieldLines are the holder's fields as a form prints them.
func fieldLines(key string, p Person, name string) []string {
	switch key {
	case "fr":
		return []string{"Nom de naissance : " + strings.ToUpper(p.Surname), "Prénoms : " + p.GivenNames, "Demeurant : " + p.Address}
	case "nl":
		return []string{"Familienaam: " + strings.ToUpper(p.Surname), "Voornaam: " + p.GivenNames, "Woonplaats: " + p.Address}
	case "en":
		return []string{"Full name: " + p.GivenNames + " " + strings.ToUpper(p.Surname), "Address: " + p.Address}
	case "de":
		return []string{"Familienname: " + strings.ToUpper(p.Surname), "Vornamen: " + p.GivenNames, "Wohnort: " + p.Address}
	case "sr":
		return []string{"Prezime i ime: " + name, "Prebivalište: " + p.Address}
	case "ru":
		return []string{"Ф.И.О.: " + name, "Место жительства: " + p.Address}
	case "zh":
		return []string{"姓名：" + p.Surname + p.GivenNames, "住址：" + p.Address}
	}
	return nil
}

func periodSentence(key string, per [2]time.Time) string {
	a, b := per[0], per[1]
	switch key {
	case "fr":
		return fmt.Sprintf("Période de consommation du %s au %s", dateLong(a, key, false), dateLong(b, key, false))
	case "nl":
		return fmt.Sprintf("Verbruiksperiode: %s - %s", a.Format("02/01/2006"), b.Format("02/01/2006"))
	case "en":
		return fmt.Sprintf("Billing period: %s to %s", a.Format("2 Jan 2006"), b.Format("2 Jan 2006"))
	case "de":
		return fmt.Sprintf("Abrechnungszeitraum: %s - %s", a.Format("02.01.2006"), b.Format("02.01.2006"))
	case "sr":
		return fmt.Sprintf("Obračunski period: %s - %s", a.Format("02.01.2006."), b.Format("02.01.2006."))
	case "ru":
		return fmt.Sprintf("Расчётный период: с %s по %s", a.Format("02.01.2006"), b.Format("02.01.2006"))
	}
	return fmt.Sprintf("%s - %s", a.Format("2006-01-02"), b.Format("2006-01-02"))
}

func coverage(key string, a, b time.Time) string {
	switch key {
	case "fr":
		return fmt.Sprintf("Droits ouverts du %s au %s", a.Format("02/01/2006"), b.Format("02/01/2006"))
	case "nl":
		return fmt.Sprintf("Geldig van %s tot %s", a.Format("02/01/2006"), b.Format("02/01/2006"))
	case "en":
		return fmt.Sprintf("Period of insurance: %s – %s", a.Format("02/01/2006"), b.Format("02/01/2006"))
	case "sr":
		return fmt.Sprintf("Trajanje osiguranja: od %s do %s", a.Format("02.01.2006."), b.Format("02.01.2006."))
	case "ru":
		return fmt.Sprintf("Срок действия полиса: с %s по %s", a.Format("02.01.2006"), b.Format("02.01.2006"))
	}
	return fmt.Sprintf("%s – %s", a.Format("2006-01-02"), b.Format("2006-01-02"))
}

func payDate(key string, t time.Time) string {
	switch key {
	case "fr":
		return "Règlement le " + t.Format("2/1/2006") + " par virement"
	case "nl":
		return "Betaaldatum: " + t.Format("02/01/2006")
	case "en":
		return "Payment date: " + t.Format("02 Jan 2006")
	case "de":
		return "Auszahlung am " + t.Format("02.01.2006")
	case "sr":
		return "Datum isplate: " + t.Format("02.01.2006.")
	case "ru":
		return "Дата выплаты: " + t.Format("02.01.2006")
	}
	return t.Format("2006-01-02")
}

// businessHeader is the header block of a bill, a statement or a payslip.
func businessHeader(ty document.Type, key string, issued time.Time, per [2]time.Time) []string {
	a, b := per[0], per[1]
	switch ty {
	case document.ProofOfAddress:
		switch key {
		case "fr":
			return []string{fmt.Sprintf("Facture n° 10098765 du %s", dateLong(issued, key, false)),
				fmt.Sprintf("Électricité du %s au %s", dateLong(a, key, false), dateLong(b, key, false)),
				"Date limite de paiement : " + issued.AddDate(0, 0, 14).Format("02/01/2006")}
		case "nl":
			return []string{"Factuurdatum: " + dateLong(issued, key, false), fmt.Sprintf("Periode: %s tot %s", a.Format("02/01/2006"), b.Format("02/01/2006")),
				"Vervaldag: " + issued.AddDate(0, 0, 14).Format("02/01/2006")}
		case "en":
			return []string{"Bill date: " + issued.Format("2 January 2006"), fmt.Sprintf("For the period %s to %s", a.Format("2 Jan 2006"), b.Format("2 Jan 2006")),
				"Please pay by " + issued.AddDate(0, 0, 14).Format("2 January 2006")}
		case "de":
			return []string{"Rechnungsdatum: " + issued.Format("02.01.2006"), fmt.Sprintf("Abrechnungszeitraum %s bis %s", a.Format("02.01.2006"), b.Format("02.01.2006")),
				"Fälligkeitsdatum: " + issued.AddDate(0, 0, 14).Format("02.01.2006")}
		case "sr":
			return []string{"Datum računa: " + issued.Format("02.01.2006."), fmt.Sprintf("Za period od %s do %s", a.Format("02.01.2006."), b.Format("02.01.2006.")),
				"Rok za plaćanje: " + issued.AddDate(0, 0, 14).Format("02.01.2006.")}
		case "ru":
			return []string{"Дата формирования: " + issued.Format("02.01.2006"), fmt.Sprintf("За период с %s по %s", a.Format("02.01.2006"), b.Format("02.01.2006")),
				"Оплатить до " + issued.AddDate(0, 0, 14).Format("02.01.2006")}
		}
	case document.BankStatement:
		switch key {
		case "fr":
			return []string{fmt.Sprintf("Relevé n° 11 du %s au %s", a.Format("02/01/2006"), b.Format("02/01/2006")), "Édité le " + issued.Format("02/01/2006")}
		case "nl":
			return []string{fmt.Sprintf("Uittreksel 11 van %s tot %s", a.Format("02-01-2006"), b.Format("02-01-2006")), "Datum: " + issued.Format("02-01-2006")}
		case "en":
			return []string{fmt.Sprintf("Statement period: %s to %s", a.Format("02/01/2006"), b.Format("02/01/2006")), "Statement date: " + issued.Format("02/01/2006")}
		case "sr":
			return []string{fmt.Sprintf("Za period od %s do %s", a.Format("02.01.2006."), b.Format("02.01.2006.")), "Datum izvoda: " + issued.Format("02.01.2006.")}
		case "ru":
			return []string{fmt.Sprintf("за период с %s по %s", a.Format("02.01.2006"), b.Format("02.01.2006")), "Дата выписки: " + issued.Format("02.01.2006")}
		}
	case document.Payslip:
		switch key {
		case "fr":
			return []string{fmt.Sprintf("Période du %s au %s", a.Format("02/01/06"), b.Format("02/01/06")), "Date de paiement : " + b.Format("02/01/2006")}
		case "nl":
			return []string{fmt.Sprintf("Periode: %s - %s", a.Format("02/01/2006"), b.Format("02/01/2006")), "Datum betaling: " + b.Format("02/01/2006")}
		case "en":
			return []string{fmt.Sprintf("Pay period: %s - %s", a.Format("02/01/2006"), b.Format("02/01/2006")), "Pay date: " + b.Format("02/01/2006")}
		case "sr":
			return []string{fmt.Sprintf("Obračunski period: %s - %s", a.Format("02.01.2006."), b.Format("02.01.2006.")), "Datum isplate: " + b.Format("02.01.2006.")}
		case "ru":
			return []string{fmt.Sprintf("за период с %s по %s", a.Format("02.01.2006"), b.Format("02.01.2006")), "Дата выплаты: " + b.Format("02.01.2006")}
		}
	}
	return nil
}

// amounts is a short table of amounts as the document prints it.
func amounts(ty document.Type, key string) []string {
	rows := map[document.Type]map[string][]string{
		document.ProofOfAddress: {
			"fr": {"Abonnement            12,44 €", "Consommation 312 kWh   58,90 €", "Total TTC              71,34 €"},
			"nl": {"Vaste vergoeding      10,00 EUR", "Verbruik 14 m³        42,15 EUR", "Te betalen            52,15 EUR"},
			"en": {"Standing charge    £9.80", "Water supply       £31.20", "Total to pay       £41.00"},
			"de": {"Grundpreis        11,90 EUR", "Arbeitspreis      61,12 EUR", "Rechnungsbetrag   73,02 EUR"},
			"sr": {"Utrošeno 312 kWh   2.870,00", "PDV 20%              574,00", "Za uplatu          3.444,00"},
			"ru": {"Электроснабжение  1 245,60", "Холодное водоснабжение  456,12", "Итого к оплате  1 701,72"},
		},
		document.BankStatement: {
			"fr": {"Date    Opération                 Débit    Crédit", "05/10   VIR SALAIRE                         2 100,00", "12/10   CB CARREFOUR              84,20", "Nouveau solde créditeur au 31/10           3 015,80"},
			"nl": {"Datum   Omschrijving              Bedrag", "05-10   Loon                      +2.100,00", "12-10   Aankoop Colruyt           -84,20", "Nieuw saldo                       3.015,80"},
			"en": {"Date    Description        Paid out   Paid in   Balance", "05 Oct  SALARY                        2,100.00  3,100.00", "12 Oct  TESCO STORES  84.20                      3,015.80"},
			"sr": {"Datum   Opis promene          Duguje    Potražuje", "05.10.  Zarada                            120.000,00", "12.10.  Maxi prodavnica       4.200,00", "Novo stanje                      215.800,00"},
			"ru": {"Дата    Описание операции      Приход    Расход", "05.10   Заработная плата       95 000,00", "12.10   Пятёрочка                         1 840,00", "Исходящий остаток: 143 160,00"},
		},
		document.Payslip: {
			"fr": {"Salaire de base        151,67 h    2 400,00", "Cotisations salariales              -523,10", "Net à payer avant impôt sur le revenu  1 876,90"},
			"nl": {"Brutobezoldiging       2.400,00", "RSZ werknemer           -313,68", "Netto te betalen       1.702,14"},
			"en": {"Basic pay        2,400.00", "Income tax        -230.40", "National Insurance -110.25", "Net pay          2,059.35"},
			"sr": {"Osnovna zarada        120.000,00", "Doprinosi na teret zaposlenog  -23.880,00", "Za isplatu           86.500,00"},
			"ru": {"Оклад            95 000,00", "НДФЛ 13%        -12 350,00", "К выплате        82 650,00"},
		},
	}
	return rows[ty][key]
}

// ---- hard negatives ----

// negatives are documents a dossier may hold that are none of the types:
// their type is unknown.
func negatives(ref time.Time) []Sample {
	d1 := ref.AddDate(0, -2, -3)
	mk := func(name, lang string, issued time.Time, text string) Sample {
		return Sample{Name: "negative/" + name, Type: document.Unknown, Lang: lang, Issued: issued, Pages: []string{text}, Country: "RS"}
	}
	visa := func(name, lang string, expires time.Time, text string) Sample {
		s := mk(name, lang, time.Time{}, text)
		s.Expires = expires
		return s
	}
	return []Sample{
		mk("product_invoice_fr", "fr", d1, "Darty\nFACTURE\nFacture n° F2026-88412 du "+d1.Format("02/01/2006")+"\nClient : Camille LEFÈVRE\n14 rue Garibaldi, 69003 Lyon\nRéférence   Désignation                 Qté   Prix unitaire   Total\n4521789     Lave-linge Bosch Série 6     1     549,00 €        549,00 €\n          Livraison et installation   1      29,00 €         29,00 €\nTotal HT 481,67 €  TVA 20 % 96,33 €  Total TTC 578,00 €\nGarantie légale de conformité 2 ans.\n"),
		mk("product_invoice_nl", "nl", d1, "Coolblue B.V.\nFactuur\nFactuurnummer: 8123456\nFactuurdatum: "+dateLong(d1, "nl", false)+"\nAfleveradres: Pieter Janssens, Kerkstraat 12, 2000 Antwerpen\nArtikel                          Aantal   Prijs\nApple iPad 64 GB Zilver          1        € 379,00\nScreenprotector                  1        € 19,99\nTotaal incl. btw                          € 398,99\nBetaald met iDEAL\n"),
		mk("product_invoice_en", "en", d1, "Amazon EU S.à r.l.\nTax Invoice\nInvoice date: "+d1.Format("2 January 2006")+"\nInvoice number: GB2026-1185\nBilling address: Grace Okafor, 27 Elm Road, London N4 2AB\nDescription                Qty   Unit price   VAT   Total\nWireless headphones        1     £79.99       20%   £79.99\nUSB-C cable                2     £8.49        20%   £16.98\nInvoice total £96.97\n"),
		mk("hosting_invoice_fr", "fr", d1, "OVH SAS\nFacture FR12345678\nDate : "+d1.Format("02/01/2006")+"\nClient : Camille Lefèvre\n14 rue Garibaldi, 69003 Lyon\nDésignation                               Quantité   Prix HT\nHébergement Web Perso – 12 mois           1          35,88 €\nNom de domaine exemple.fr – 1 an          1           6,99 €\nTotal TTC 51,44 €\nPrélevé sur votre carte bancaire le "+d1.Format("02/01/2006")+"\n"),
		mk("hosting_invoice_en", "en", d1, "DigitalOcean LLC\nInvoice\nInvoice date: "+d1.Format("January 2, 2006")+"\nBill to: Grace Okafor\nDroplet s-1vcpu-1gb  744 hours  $6.00\nSpaces storage        $5.00\nTotal due $11.00\nThis invoice has been paid by card.\n"),
		mk("rib_fr", "fr", time.Time{}, "BNP PARIBAS\nRELEVÉ D'IDENTITÉ BANCAIRE\nTitulaire du compte : M. LEFÈVRE CAMILLE\n14 RUE GARIBALDI 69003 LYON\nCode banque  Code guichet  N° de compte  Clé RIB\n30004        00123         00012345678   42\nIBAN : FR76 3000 4001 2300 0123 4567 842\nBIC : BNPAFRPPXXX\nDomiciliation : BNP PARIBAS LYON GARIBALDI\n"),
		mk("rib_nl", "nl", time.Time{}, "KBC Bank\nBEWIJS VAN REKENINGNUMMER\nRekeninghouder: Pieter Janssens\nIBAN: BE68 5390 0754 7034\nBIC: KREDBEBB\nDit document bevestigt de gegevens van uw zichtrekening.\n"),
		visa("visa_fr", "fr", d1.AddDate(1, 0, -1), "RÉPUBLIQUE FRANÇAISE\nVISA\nType de visa : D  Nombre d'entrées : MULT\nDurée du séjour : 365 jours\nValable du "+d1.Format("02-01-06")+" au "+d1.AddDate(1, 0, -1).Format("02-01-06")+"\nRemarques : VLS-TS ÉTUDIANT\nNom, prénom : OKAFOR GRACE\n"),
		visa("visa_sr", "sr", d1.AddDate(0, 3, 0), "REPUBLIKA SRBIJA\nVIZA\nVrsta vize: C  Broj ulazaka: 01\nTrajanje boravka: 30 dana\nVaži od "+d1.Format("02.01.2006.")+" do "+d1.AddDate(0, 3, 0).Format("02.01.2006.")+"\nIme i prezime: OKAFOR GRACE\n"),
		mk("letter_fr", "fr", ref, "Camille Lefèvre\n14 rue Garibaldi\n69003 Lyon\n\nLyon, le "+dateLong(ref, "fr", false)+"\n\nChère Mamie,\nJe t'écris pour te raconter nos vacances à la montagne. Les enfants ont adoré les randonnées et nous avons mangé une excellente tartiflette. Nous passerons te voir à Noël.\nJe t'embrasse,\nCamille\n"),
		mk("letter_en", "en", ref, "27 Elm Road\nLondon N4 2AB\n"+ref.Format("2 January 2006")+"\n\nDear Tom,\nThank you for your kind letter. The garden is doing well this year and the apple tree finally gave fruit. Do come and visit when you are next in town.\nBest wishes,\nGrace\n"),
		mk("book_page_en", "en", time.Time{}, "CHAPTER II\n\nWe went tiptoeing along a path amongst the trees back towards the end of the widow's garden, stooping down so as the branches wouldn't scrape our heads. When we was passing by the kitchen I fell over a root and made a noise. We scrouched down and laid still.\n42\n"),
		mk("book_page_fr", "fr", time.Time{}, "CHAPITRE III\n\nLe lendemain, dès l'aube, le petit prince partit à la recherche de son ami. Il marcha longtemps à travers le désert, et le soleil était déjà haut lorsqu'il aperçut enfin un puits au loin.\n57\n"),
		mk("recipe_fr", "fr", time.Time{}, "Tarte aux pommes\nPréparation : 20 min  Cuisson : 35 min\nIngrédients (6 personnes)\n1 pâte brisée\n6 pommes\n50 g de sucre\n30 g de beurre\nÉtalez la pâte dans un moule. Épluchez les pommes, coupez-les en lamelles et disposez-les sur la pâte. Saupoudrez de sucre, ajoutez le beurre et enfournez à 180 °C.\n"),
		mk("recipe_ru", "ru", time.Time{}, "Борщ\nИнгредиенты:\nсвёкла – 2 шт.\nкартофель – 3 шт.\nкапуста – 300 г\nморковь – 1 шт.\nПриготовление: сварите бульон, добавьте нарезанные овощи и варите 40 минут. Подавайте со сметаной.\n"),
		mk("recipe_sr", "sr", time.Time{}, "Sarma\nSastojci:\nkiseli kupus – 1 glavica\nmleveno meso – 500 g\npirinač – 100 g\nPriprema: pomešajte meso i pirinač, uvijte u listove kupusa i kuvajte na tihoj vatri tri sata.\n"),
	}
}

// HeldOut returns documents written after intake's vocabulary was last
// changed, to measure it on wordings it was not tuned on. Each is written
// as such a document is printed by its issuer.
func HeldOut() []Sample {
	ref := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	d := func(days int) time.Time { return ref.AddDate(0, 0, -days) }
	mk := func(name string, ty document.Type, lang string, issued, expires time.Time, text string) Sample {
		return Sample{Name: "heldout/" + name, Type: ty, Lang: lang, Issued: issued, Expires: expires, Pages: []string{text}, Country: "FR"}
	}
	none := time.Time{}
	return []Sample{
		mk("quittance_loyer_fr", document.ProofOfAddress, "fr", d(20), none,
			"SCI Les Tilleuls\n8 avenue Jean Jaurès, 69007 Lyon\n\nQUITTANCE DE LOYER\n\nJe soussigné, bailleur du logement situé 14 rue Garibaldi, 69003 Lyon, déclare avoir reçu de Mme Camille LEFÈVRE, locataire, la somme de 720,00 euros au titre du loyer et des charges du mois d'octobre 2026.\nLoyer : 650,00 €   Charges : 70,00 €\n\nFait à Lyon, le "+dateLong(d(20), "fr", false)+"\n"),
		mk("attestation_hebergement_fr", document.ProofOfAddress, "fr", d(9), none,
			"ATTESTATION D'HÉBERGEMENT\n\nJe soussignée Marie Durand, née le 12/02/1960, demeurant 3 place Bellecour, 69002 Lyon, atteste sur l'honneur héberger à mon domicile Mme Camille Lefèvre depuis le 1er janvier 2025.\nJe joins une copie de ma pièce d'identité et un justificatif de domicile.\n\nFait à Lyon, le "+d(9).Format("02/01/2006")+"\nSignature\n"),
		mk("orange_facture_fr", document.ProofOfAddress, "fr", d(14), d(20),
			"orange\nFacture\nn° client 0123456789  |  "+d(14).Format("02/01/2006")+"\nMme LEFEVRE CAMILLE\n14 RUE GARIBALDI\n69003 LYON\nvotre offre Livebox Fibre\nabonnement du "+d(50).Format("02/01")+" au "+d(20).Format("02/01/2006")+"   42,99 €\ntotal à payer 42,99 €\nprélevé à partir du "+d(4).Format("02/01/2006")+"\n"),
		mk("engie_nl", document.ProofOfAddress, "nl", d(11), d(30),
			"ENGIE\nAfrekening elektriciteit en aardgas\nKlantnummer 123 456 789\nDhr. Pieter Janssens\nKerkstraat 12\n2000 Antwerpen\nFactuurdatum "+d(11).Format("02/01/2006")+"\nVerbruiksadres: Kerkstraat 12, 2000 Antwerpen\nAfrekeningsperiode "+d(395).Format("02/01/2006")+" - "+d(30).Format("02/01/2006")+"\nElektriciteit 2 812 kWh\nTe betalen 146,20 EUR vóór "+d(-10).Format("02/01/2006")+"\n"),
		mk("mts_racun_sr", document.ProofOfAddress, "sr", d(12), d(20),
			"Telekom Srbija a.d.\nRAČUN ZA TELEKOMUNIKACIONE USLUGE\nBroj pretplatnika: 011/123-4567\nJOVANOVIĆ MILICA\nNjegoševa 12, 11000 Beograd\nObračunski period: "+d(50).Format("02.01.2006.")+" - "+d(20).Format("02.01.2006.")+"\nDatum izdavanja: "+d(12).Format("02.01.2006.")+"\nFiksna telefonija i internet   2.899,00\nUkupno za uplatu   2.899,00 din\nRok plaćanja: "+d(-3).Format("02.01.2006.")+"\n"),
		mk("epd_ru", document.ProofOfAddress, "ru", d(16), d(20),
			"ПЛАТЁЖНЫЙ ДОКУМЕНТ (ЕДИНЫЙ ПЛАТЁЖНЫЙ ДОКУМЕНТ) ДЛЯ ВНЕСЕНИЯ ПЛАТЫ ЗА СОДЕРЖАНИЕ И РЕМОНТ ЖИЛОГО ПОМЕЩЕНИЯ И ПРЕДОСТАВЛЕНИЕ КОММУНАЛЬНЫХ УСЛУГ\nза октябрь 2026 г.\nФ.И.О.: Смирнова Ольга Ивановна\nАдрес: г. Москва, ул. Арбат, д. 10, кв. 5\nЛицевой счёт 1234567890\nХолодное водоснабжение  м3  4,2  215,46\nЭлектроэнергия  кВт.ч  180  1 105,20\nИтого к оплате: 3 412,08\nДата формирования "+d(16).Format("02.01.2006")+"\n"),
		mk("releve_sg_fr", document.BankStatement, "fr", d(19), d(20),
			"SOCIETE GENERALE\nRELEVÉ DE COMPTE\nCompte de dépôt n° 30003 01234 00050123456 78\nMme LEFEVRE CAMILLE\ndu "+d(50).Format("02/01/2006")+" au "+d(20).Format("02/01/2006")+"\nSOLDE PRÉCÉDENT AU "+d(51).Format("02/01/2006")+"   1 204,55\nDate    Valeur   Nature de l'opération          Débit     Crédit\n"+d(45).Format("02/01")+"  "+d(45).Format("02/01")+"   VIR RECU SALAIRE                          2 100,00\n"+d(30).Format("02/01")+"  "+d(30).Format("02/01")+"   PRLV SEPA EDF              64,00\nNOUVEAU SOLDE AU "+d(20).Format("02/01/2006")+"   3 240,55\nÉdité le "+d(19).Format("02/01/2006")+"\n"),
		mk("izvod_sr_cyrl", document.BankStatement, "sr", d(18), d(20),
			"Банка Поштанска штедионица а.д.\nИЗВОД СТАЊА И ПРОМЕНА НА РАЧУНУ\nВласник рачуна: ЈОВАНОВИЋ МИЛИЦА\nТекући рачун: 200-0000012345678-12\nЗа период од "+d(50).Format("02.01.2006.")+" до "+d(20).Format("02.01.2006.")+"\nПретходно стање  45.210,00\nУплате  120.000,00\nИсплате  38.400,00\nНово стање  126.810,00\nДатум штампе: "+d(18).Format("02.01.2006.")+"\n"),
		mk("fiche_paie_fr", document.Payslip, "fr", d(20), d(20),
			"SARL Transports Rhône\nSIRET 987 654 321 00019 – Code NAF 4941A\nBULLETIN DE PAIE\nPériode : "+monthNames["fr"][d(20).Month()-1]+" "+fmt.Sprint(d(20).Year())+"\nSalarié : Mme Camille LEFÈVRE   Emploi : assistante d'exploitation\nSalaire de base   151,67   15,82   2 399,42\nSanté  Prévoyance  Retraite complémentaire\nTotal des cotisations et contributions   -538,20\nNET À PAYER AVANT IMPÔT SUR LE REVENU   1 861,22\nImpôt sur le revenu prélevé à la source  -74,45\nNET PAYÉ   1 786,77\nPaiement le "+d(20).Format("02/01/2006")+" par virement\n"),
		mk("loonbrief_nl", document.Payslip, "nl", d(20), d(20),
			"SD Worx – Sociaal secretariaat\nWerkgever: Bakkerij Peeters BV\nLoonbrief\nWerknemer: Pieter Janssens\nPeriode van "+d(50).Format("02/01/2006")+" tot "+d(20).Format("02/01/2006")+"\nBrutoloon  2.650,00\nRSZ werknemer  -346,36\nBedrijfsvoorheffing  -412,10\nNetto te betalen  1.891,54\nUitbetaald op "+d(20).Format("02/01/2006")+"\n"),
		mk("raschetny_ru", document.Payslip, "ru", d(18), d(20),
			"ООО «Вектор»\nРасчётный листок за "+monthNames["ru"][d(20).Month()-1]+" "+fmt.Sprint(d(20).Year())+" г.\nСотрудник: Смирнова Ольга Ивановна\nПодразделение: бухгалтерия  Должность: бухгалтер\nНачислено: Оклад  85 000,00\nУдержано: НДФЛ  11 050,00\nВыплачено: Зарплата за месяц через банк  73 950,00\nДата выплаты "+d(18).Format("02.01.2006")+"\n"),
		mk("casier_fr", document.CriminalRecord, "fr", d(6), none,
			"RÉPUBLIQUE FRANÇAISE\nMinistère de la Justice\nCASIER JUDICIAIRE NATIONAL\nBULLETIN N°3\n\nNom : LEFEVRE\nPrénoms : Camille\nNé(e) le 04/05/1990 à LYON 3E (69)\n\nLE BULLETIN N°3 NE COMPORTE AUCUNE CONDAMNATION\n\nDélivré à Nantes le "+d(6).Format("02/01/2006")+"\n"),
		mk("strafregister_nl", document.CriminalRecord, "nl", d(25), none,
			"Stad Antwerpen\nUITTREKSEL UIT HET STRAFREGISTER\nModel 1 – artikel 595 Wetboek van strafvordering\nNaam: JANSSENS\nVoornamen: Pieter\nGeen veroordelingen.\nAntwerpen, "+d(25).Format("02-01-2006")+"\nDe ambtenaar\n"),
		mk("sudimost_ru", document.CriminalRecord, "ru", d(30), none,
			"МВД РОССИИ\nГЛАВНЫЙ ИНФОРМАЦИОННО-АНАЛИТИЧЕСКИЙ ЦЕНТР\nСПРАВКА\nо наличии (отсутствии) судимости и (или) факта уголовного преследования\nВыдана: Смирновой Ольге Ивановне, 04.05.1990 года рождения\nСведениями о судимости ГИАЦ МВД России не располагает.\nДата выдачи "+d(30).Format("02.01.2006")+"\n"),
		mk("uverenje_sud_sr", document.CriminalRecord, "sr", d(21), none,
			"REPUBLIKA SRBIJA\nVIŠI SUD U BEOGRADU\nBroj: Kr. 123/26\n\nU V E R E NJ E\n\nkojim se potvrđuje da se protiv JOVANOVIĆ MILICE iz Beograda ne vodi krivični postupak i da nije izdata naredba o sprovođenju istrage.\n\nU Beogradu, "+d(21).Format("2.1.2006.")+" godine\n"),
		mk("attestation_employeur_fr", document.EmploymentCertificate, "fr", d(8), none,
			"Transports Rhône SARL\n21 quai Perrache, 69002 Lyon\n\nATTESTATION\n\nNous soussignés, Transports Rhône SARL, attestons que Mme Camille LEFÈVRE est employée au sein de notre société depuis le 01/02/2022 en qualité d'assistante d'exploitation, en contrat à durée indéterminée, à temps complet.\nCette attestation est délivrée pour servir et valoir ce que de droit.\n\nLyon, le "+dateLong(d(8), "fr", false)+"\nLa gérante\n"),
		mk("spravka_rabota_ru", document.EmploymentCertificate, "ru", d(7), none,
			"ООО «Вектор»\nИНН 7701234567\nИсх. № 45 от "+d(7).Format("02.01.2006")+"\n\nСПРАВКА\n\nВыдана Смирновой Ольге Ивановне в том, что она работает в ООО «Вектор» в должности главного бухгалтера с 01.03.2021 по настоящее время.\nСправка выдана для предъявления по месту требования.\n\nГенеральный директор\n"),
		mk("mutuelle_attest_fr", document.HealthInsurance, "fr", d(3), ref.AddDate(0, 1, 0),
			"l'Assurance Maladie\nAgir ensemble, protéger chacun\n\nAttestation de droits\nBénéficiaire : Mme Camille LEFEVRE\nNuméro de sécurité sociale : 2 90 05 69 123 456 78\nVous bénéficiez de la prise en charge de vos frais de santé.\nDroits ouverts jusqu'au "+ref.AddDate(0, 1, 0).Format("02/01/2006")+"\nDocument établi le "+d(3).Format("02/01/2006")+"\n"),
		mk("dms_ru", document.HealthInsurance, "ru", d(40), ref.AddDate(0, 10, 0),
			"АльфаСтрахование\nДОГОВОР (ПОЛИС) ДМС № 0123-45678\nСтрахователь/Застрахованный: Смирнова Ольга\nПаспорт: 45 12 345678\nПериод страхования: с "+d(39).Format("02.01.2006")+" по "+ref.AddDate(0, 10, 0).Format("02.01.2006")+"\nСтраховая программа: амбулаторно-поликлиническая помощь\nДата заключения "+d(40).Format("02.01.2006")+"\n"),
		mk("delf_fr", document.LanguageCertificate, "fr", d(150), none,
			"RÉPUBLIQUE FRANÇAISE\nMINISTÈRE DE L'ÉDUCATION NATIONALE\nDIPLÔME D'ÉTUDES EN LANGUE FRANÇAISE\nDELF A2\nLe ministre chargé de l'éducation nationale atteste que Madame Camille LEFÈVRE, née le 04/05/1990, a obtenu le diplôme d'études en langue française, niveau A2 du Cadre européen commun de référence pour les langues.\nFait à Sèvres, le "+dateLong(d(150), "fr", false)+"\n"),
		mk("avis_impot_fr", document.TaxNotice, "fr", d(100), none,
			"DIRECTION GÉNÉRALE DES FINANCES PUBLIQUES\nImpôt sur les revenus de l'année 2025\nAvis établi le "+d(100).Format("02/01/2006")+"\nVos références\nNuméro fiscal 12 34 567 890 123\nRevenu fiscal de référence 24 180\nMontant de votre impôt 812 €\n"),
		mk("acte_naissance_fr", document.BirthCertificate, "fr", d(60), none,
			"Mairie de Lyon 3e\nEXTRAIT D'ACTE DE NAISSANCE\nN° 1234\nLe quatre mai mil neuf cent quatre-vingt-dix à dix heures, est née à Lyon 3e : Camille LEFÈVRE, de sexe féminin.\nExtrait délivré le "+d(60).Format("02/01/2006")+"\nL'officier de l'état civil\n"),
		mk("izvod_rodjenih_sr", document.BirthCertificate, "sr", d(45), none,
			"REPUBLIKA SRBIJA\nGrad Beograd – Gradska opština Vračar\nIZVOD IZ MATIČNE KNJIGE ROĐENIH\nPrezime: JOVANOVIĆ\nIme: MILICA\nDan, mesec, godina i vreme rođenja: 04.05.1990. u 10.00 časova\nMesto rođenja: Beograd\nBroj: 203-1-45/2026\nU Beogradu, "+d(45).Format("02.01.2006.")+"\nMatičar\n"),
		mk("timbre_fr", document.PaymentReceipt, "fr", d(2), none,
			"timbres.impots.gouv.fr\nVotre timbre électronique\nTimbre n° 1234 5678 9012 3456\nMontant : 225 €\nType : Titre de séjour\nAcheté le "+d(2).Format("02/01/2006")+"\nCe timbre est valable 12 mois à compter de sa date d'achat.\n"),
		mk("zahtev_sr", document.ApplicationForm, "sr", d(1), none,
			"MINISTARSTVO UNUTRAŠNJIH POSLOVA\nUPRAVA ZA STRANCE\nZAHTEV ZA ODOBRENJE STALNOG BORAVKA\n1. Prezime: JOVANOVIĆ\n2. Ime: MILICA\n3. Državljanstvo: ________\n4. Adresa u Republici Srbiji: Njegoševa 12, Beograd\nPotpis podnosioca zahteva ____________\nU Beogradu, "+d(1).Format("02.01.2006.")+" godine\n"),
		mk("cdi_fr", document.EmploymentContract, "fr", d(700), none,
			"CONTRAT DE TRAVAIL À DURÉE INDÉTERMINÉE\n\nEntre les soussignés :\nTransports Rhône SARL, représentée par sa gérante, d'une part,\net Mme Camille LEFÈVRE, d'autre part,\nil a été convenu ce qui suit.\nArticle 1 – Engagement : Mme LEFÈVRE est engagée à compter du 01/02/2022.\nArticle 2 – Période d'essai : deux mois.\nArticle 3 – Rémunération : 2 400 € bruts mensuels.\nFait en deux exemplaires à Lyon, le "+d(700).Format("02/01/2006")+"\n"),
		mk("darty_invoice_fr", document.Unknown, "fr", d(33), none,
			"FNAC DARTY\nFacture n° 2026-0041278\nDate de facture : "+d(33).Format("02/01/2006")+"\nCliente : Camille Lefèvre, 14 rue Garibaldi, 69003 Lyon\nDésignation                    Qté   P.U. TTC   Montant\nAspirateur Dyson V8            1     299,99     299,99\nExtension de garantie 2 ans    1      39,99      39,99\nTotal TTC 339,98 €   dont TVA 56,66 €\n"),
		mk("certificate_citizenship_sr", document.Unknown, "sr", d(12), none,
			"REPUBLIKA SRBIJA\nGradska uprava grada Beograda\nUVERENJE O DRŽAVLJANSTVU\nKojim se potvrđuje da je JOVANOVIĆ MILICA, rođena 04.05.1990. godine u Beogradu, državljanin Republike Srbije.\nU Beogradu, "+d(12).Format("02.01.2006.")+" godine\n"),
		mk("menu_fr", document.Unknown, "fr", none, none,
			"Le Bistrot du Port\nMenu du jour 19,50 €\nEntrée : velouté de potimarron\nPlat : filet de dorade, riz pilaf\nDessert : tarte au citron meringuée\nService compris – boissons non comprises\n"),
		mk("rib_sr", document.Unknown, "sr", none, none,
			"Banca Intesa a.d. Beograd\nPOTVRDA O OTVORENOM RAČUNU\nVlasnik računa: JOVANOVIĆ MILICA\nBroj računa: 160-0000012345678-90\nIBAN: RS35160000001234567890\nSWIFT: DBDBRSBG\n"),
	}
}

// cardSamples are identity documents, apostilles and translations in
// three layouts each: a card's front with its labels, its back with the
// machine-readable zone, and a passport's data page with bilingual labels;
// an apostille's ten numbered fields in its language; a translation with
// the translator's certificate at its foot.
func cardSamples(ref time.Time) []Sample {
	var out []Sample
	born := time.Date(1988, 5, 14, 0, 0, 0, 0, time.UTC)
	type card struct {
		ty                       document.Type
		key, lang, country, nat  string // language key, ISO 639-1, issuing country alpha-3, holder's nationality alpha-3
		title, surnameL, givenL  string
		issuedL, expiresL, bornL string
		code                     string // MRZ document code
		procedure                string // the procedure's country, alpha-2
	}
	cards := []card{
		{document.ResidencePermit, "fr", "fr", "FRA", "CHN", "TITRE DE SÉJOUR", "NOM", "PRÉNOMS", "DATE DE DÉLIVRANCE", "DATE DE FIN DE VALIDITÉ", "DATE DE NAISSANCE", "IR", "FR"},
		{document.ResidencePermit, "nl", "nl", "BEL", "CHN", "VERBLIJFSTITEL", "NAAM", "VOORNAMEN", "BEGIN GELDIGHEID", "EINDE GELDIGHEID", "GEBOORTEDATUM", "IR", "BE"},
		{document.ResidencePermit, "sr", "sr", "SRB", "CHN", "DOZVOLA ZA STALNI BORAVAK", "PREZIME", "IME", "DATUM IZDAVANJA", "VAŽI DO", "DATUM ROĐENJA", "IR", "RS"},
		{document.ResidencePermit, "ru", "ru", "RUS", "CHN", "ВИД НА ЖИТЕЛЬСТВО ИНОСТРАННОГО ГРАЖДАНИНА", "ФАМИЛИЯ", "ИМЯ", "ДАТА ВЫДАЧИ", "ДЕЙСТВИТЕЛЕН ДО", "ДАТА РОЖДЕНИЯ", "IR", "RU"},
		{document.IDCard, "fr", "fr", "FRA", "FRA", "CARTE NATIONALE D'IDENTITÉ", "NOM", "PRÉNOMS", "DATE DE DÉLIVRANCE", "DATE D'EXPIRATION", "DATE DE NAISS.", "ID", "BE"},
		{document.IDCard, "de", "de", "DEU", "DEU", "PERSONALAUSWEIS", "NAME", "VORNAMEN", "AUSSTELLUNGSDATUM", "GÜLTIG BIS", "GEBURTSDATUM", "ID", "FR"},
		{document.IDCard, "sr", "sr", "SRB", "SRB", "LIČNA KARTA", "PREZIME", "IME", "DATUM IZDAVANJA", "VAŽI DO", "DATUM ROĐENJA", "ID", "FR"},
		{document.Passport, "zh", "zh", "CHN", "CHN", "护照", "姓", "名", "签发日期", "有效期至", "出生日期", "PO", "RS"},
		{document.Passport, "ru", "ru", "RUS", "RUS", "ПАСПОРТ", "ФАМИЛИЯ", "ИМЯ", "ДАТА ВЫДАЧИ", "ДАТА ОКОНЧАНИЯ СРОКА ДЕЙСТВИЯ", "ДАТА РОЖДЕНИЯ", "P", "FR"},
		{document.Passport, "sr", "sr", "SRB", "SRB", "PASOŠ", "PREZIME", "IME", "DATUM IZDAVANJA", "VAŽI DO", "DATUM ROĐENJA", "P", "FR"},
		{document.Passport, "fr", "fr", "FRA", "FRA", "PASSEPORT", "NOM", "PRÉNOMS", "DATE DE DÉLIVRANCE", "DATE D'EXPIRATION", "DATE DE NAISSANCE", "P", "RS"},
		{document.Passport, "en", "en", "GBR", "GBR", "PASSPORT", "SURNAME", "GIVEN NAMES", "DATE OF ISSUE", "DATE OF EXPIRY", "DATE OF BIRTH", "P", "FR"},
	}
	for i, c := range cards {
		issued := ref.AddDate(-1-i%4, -i%11, -i*3%27)
		years := 10
		if c.ty != document.Passport {
			years = 5
		}
		expires := issued.AddDate(years, 0, -1)
		p := Person{Surname: "Wang", GivenNames: "Xiaoming", BirthDate: born, Sex: "M", Nationality: c.nat}
		number := fmt.Sprintf("%s%07d", map[bool]string{true: "E", false: "X"}[c.ty == document.Passport], 1234567+i*1111)
		var mrz []string
		if c.ty == document.Passport {
			l := MRZTD3(c.code, c.country, number, p, expires, "")
			mrz = l[:]
		} else {
			l := MRZTD1(c.code, c.country, number, p, expires, "", "")
			mrz = l[:]
		}
		name := "WANG"
		given := "XIAOMING"
		num := func(t time.Time) string { return t.Format("02.01.2006") }
		if c.key == "fr" {
			num = func(t time.Time) string { return t.Format("02 01 2006") }
		}
		if c.key == "zh" {
			num = func(t time.Time) string { return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day()) }
		}
		en := map[string]string{"surname": "Surname", "given": "Given names", "issued": "Date of issue", "expires": "Date of expiry", "born": "Date of birth"}
		layouts := [][]string{
			// A front: labels above their values.
			{c.title, c.surnameL, name, c.givenL, given, c.bornL, num(born), c.issuedL + "      " + c.expiresL, num(issued) + "      " + num(expires)},
			// A back: few labels, the zone at the foot.
			append([]string{c.issuedL + " " + num(issued), "", ""}, mrz...),
			// A data page: bilingual labels, the values beside them.
			append([]string{c.title + " / PASSPORT", c.surnameL + " / " + en["surname"] + ": " + name, c.givenL + " / " + en["given"] + ": " + given,
				c.bornL + " / " + en["born"] + ": " + num(born), c.issuedL + " / " + en["issued"] + ": " + num(issued),
				c.expiresL + " / " + en["expires"] + ": " + num(expires), ""}, mrz...),
		}
		for k, lines := range layouts {
			s := Sample{Name: fmt.Sprintf("cards/%s_%s_%d", c.ty, c.key, k), Type: c.ty, Lang: c.lang, Issued: issued, Expires: expires,
				Holder: "WANG XIAOMING", Country: c.procedure, Pages: []string{strings.Join(lines, "\n") + "\n"}}
			out = append(out, s)
		}
	}
	out = append(out, apostilleSamples(ref)...)
	out = append(out, translationSamples(ref)...)
	return out
}

// apostilleSamples print the ten fields of the Hague Convention's model in
// the issuing state's language.
func apostilleSamples(ref time.Time) []Sample {
	type apo struct {
		key   string
		lines []string // the date line holds %s
	}
	list := []apo{
		{"fr", []string{"APOSTILLE", "(Convention de La Haye du 5 octobre 1961)", "1. Pays : France", "2. Le présent acte public a été signé par M. Dupont", "3. agissant en qualité de officier de l'état civil", "4. est revêtu du sceau / timbre de Mairie de Lyon", "Attesté", "5. à Lyon", "6. le %s", "7. par le Procureur général près la cour d'appel de Lyon", "8. sous n° 2026-4512", "9. Sceau / timbre :", "10. Signature :"}},
		{"sr", []string{"APOSTILLE", "(Convention de La Haye du 5 octobre 1961)", "1. Država: Republika Srbija", "2. Ovu javnu ispravu potpisao je Petar Petrović", "3. u svojstvu sudije", "4. overena je pečatom Osnovnog suda u Beogradu", "Potvrđeno", "5. u Beogradu", "6. dana %s", "7. od strane Prvog osnovnog suda u Beogradu", "8. pod brojem Ov. 1234/26", "9. Pečat:", "10. Potpis:"}},
		{"ru", []string{"АПОСТИЛЬ", "(Гаагская конвенция от 5 октября 1961 г.)", "1. Страна: Российская Федерация", "2. Настоящий официальный документ подписан Ивановой Е. П.", "3. выступающим в качестве нотариуса", "4. скреплён печатью нотариуса г. Москвы", "Удостоверено", "5. в г. Москве", "6. %s", "7. Главным управлением Министерства юстиции Российской Федерации по Москве", "8. за № 77-1234", "9. Печать/штамп", "10. Подпись"}},
		{"en", []string{"APOSTILLE", "(Convention de La Haye du 5 octobre 1961)", "1. Country: United Kingdom of Great Britain and Northern Ireland", "This public document\n2. has been signed by J. Smith", "3. acting in the capacity of Registrar", "4. bears the seal/stamp of General Register Office", "Certified", "5. at London", "6. the %s", "7. by Her Majesty's Principal Secretary of State for Foreign Affairs", "8. Number APO-123456", "9. Seal/stamp", "10. Signature"}},
	}
	var out []Sample
	for i, a := range list {
		issued := ref.AddDate(0, -i-1, -3*i)
		date := issued.Format("02.01.2006.")
		switch a.key {
		case "fr":
			date = issued.Format("02/01/2006")
		case "ru":
			date = dateLong(issued, "ru", false)
		case "en":
			date = dateLong(issued, "en", false)
		}
		var fields []string
		for _, l := range a.lines {
			if strings.Contains(l, "%s") {
				l = fmt.Sprintf(l, date)
			}
			fields = append(fields, l)
		}
		keys := []string{a.key}
		if a.key == "sr" {
			keys = append(keys, "sr-Cyrl")
		}
		for _, key := range keys {
			text := strings.Join(fields, "\n") + "\n"
			if key == "sr-Cyrl" {
				text = cyrillic(text)
			}
			lang := a.key
			out = append(out, Sample{Name: "apostille/" + key, Type: document.Apostille, Lang: lang, Issued: issued, Pages: []string{text}, Country: "RS"})
		}
	}
	return out
}

// translationSamples are translations of a birth certificate with the
// translator's certificate at the foot, as sworn translators word it.
func translationSamples(ref time.Time) []Sample {
	type tr struct{ key, head, body, foot string }
	list := []tr{
		{"fr", "TRADUCTION DU CHINOIS", "ACTE DE NAISSANCE\nNom : WANG\nPrénom : Xiaoming\nNé le 14 mai 1988 à Pékin", "Je soussignée, Marie Lefort, traductrice expert près la cour d'appel de Lyon, certifie que la présente traduction est conforme à l'original rédigé en langue chinoise.\nLyon, le %s"},
		{"nl", "VERTALING UIT HET CHINEES", "GEBOORTEAKTE\nNaam: WANG\nVoornaam: Xiaoming\nGeboren op 14 mei 1988 te Peking", "Voor getrouwe vertaling, Anna Peeters, beëdigd vertaler bij de rechtbank van eerste aanleg Antwerpen.\nAntwerpen, %s"},
		{"sr", "PREVOD SA KINESKOG JEZIKA", "IZVOD IZ MATIČNE KNJIGE ROĐENIH\nPrezime: WANG\nIme: Xiaoming\nRođen 14. maja 1988. u Pekingu", "Stalni sudski tumač za kineski jezik Jelena Marković potvrđuje da ovaj prevod u potpunosti odgovara originalu.\nU Beogradu, %s godine"},
		{"ru", "ПЕРЕВОД С КИТАЙСКОГО ЯЗЫКА", "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ\nФамилия: ВАН\nИмя: Сяомин\nРодился 14 мая 1988 г. в Пекине", "Перевод с китайского языка на русский язык выполнен переводчиком Ивановой Анной Петровной.\nг. Москва, %s"},
	}
	var out []Sample
	for i, x := range list {
		issued := ref.AddDate(0, 0, -10-7*i)
		date := map[string]string{"fr": issued.Format("02/01/2006"), "nl": issued.Format("02.01.2006"), "sr": issued.Format("02.01.2006."), "ru": dateLong(issued, "ru", true)}[x.key]
		text := x.head + "\n\n" + x.body + "\n\n" + fmt.Sprintf(x.foot, date) + "\n"
		out = append(out, Sample{Name: "translation/" + x.key, Type: document.Translation, Lang: x.key, Issued: issued, Pages: []string{text}, Country: "RS"})
	}
	return out
}

// RenderSample prints a sample's first page as a scan: its lines set on
// an A4 page in a sans-serif face (mono for a machine-readable zone), at
// 200 dpi, with the given noise and skew, as a JPEG. It lets the corpus be
// read by OCR as well as at text level.
func RenderSample(s Sample, noise, skew float64) ([]byte, error) {
	if len(s.Pages) == 0 {
		return nil, fmt.Errorf("%s: no page", s.Name)
	}
	p := a4()
	f := p.flow(margin, margin, 210-2*margin)
	for _, l := range strings.Split(strings.TrimRight(s.Pages[0], "\n"), "\n") {
		if strings.TrimSpace(l) == "" {
			f.gap(3)
			continue
		}
		fn := fSans
		if strings.Count(l, "<") >= 5 {
			fn = fOCRB
		}
		for _, w := range f.wrap(l, 11, pickFont(fn, l)) {
			f.line(w, 11, fn, alignLeft)
		}
	}
	if f.err != nil {
		return nil, f.err
	}
	doc := Doc{Name: s.Name, Render: Render{DPI: 200, Noise: noise, Skew: skew, Quality: 85}}
	img, err := scanImage(p, doc.Render, newRand(doc))
	if err != nil {
		return nil, err
	}
	return encodeJPEG(img, 85, 200, 0)
}
