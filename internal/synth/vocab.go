package synth

import (
	"fmt"
	"strings"
	"time"

	"github.com/intake-app/intake/document"
)

// The languages the generator prints (docs/vocabulary.md). Serbian has two
// scripts; its key is "sr" for Latin and "sr-Cyrl" for Cyrillic.
var languages = []string{"fr", "nl", "de", "en", "sr", "sr-Cyrl", "ru", "zh"}

// langKey is the key of the vocabulary tables for a language and script.
func langKey(lang, script string) string {
	if lang == "sr" && script == "Cyrl" {
		return "sr-Cyrl"
	}
	return lang
}

// scriptOf returns the script a language is written in by default.
func scriptOf(lang string) string {
	switch lang {
	case "ru":
		return "Cyrl"
	case "zh":
		return "Hans"
	}
	return "Latn"
}

// titles are the first titles of docs/vocabulary.md for each type and
// language: what a document prints in its heading.
var titles = map[document.Type]map[string]string{
	document.Passport:              {"fr": "PASSEPORT", "nl": "PASPOORT", "de": "REISEPASS", "en": "PASSPORT", "sr": "PASOŠ", "sr-Cyrl": "ПАСОШ", "ru": "ПАСПОРТ", "zh": "护照"},
	document.ResidencePermit:       {"fr": "TITRE DE SÉJOUR", "nl": "VERBLIJFSKAART", "de": "AUFENTHALTSTITEL", "en": "RESIDENCE PERMIT", "sr": "DOZVOLA ZA STALNI BORAVAK", "sr-Cyrl": "ДОЗВОЛА ЗА СТАЛНИ БОРАВАК", "ru": "ВИД НА ЖИТЕЛЬСТВО", "zh": "居留许可"},
	document.IDCard:                {"fr": "CARTE NATIONALE D'IDENTITÉ", "nl": "IDENTITEITSKAART", "de": "PERSONALAUSWEIS", "en": "IDENTITY CARD", "sr": "LIČNA KARTA", "sr-Cyrl": "ЛИЧНА КАРТА", "ru": "УДОСТОВЕРЕНИЕ ЛИЧНОСТИ", "zh": "居民身份证"},
	document.ProofOfAddress:        {"fr": "Facture d'électricité", "nl": "Factuur elektriciteit", "de": "Stromrechnung", "en": "Electricity bill", "sr": "Račun za električnu energiju", "sr-Cyrl": "Рачун за електричну енергију", "ru": "Счёт за электроэнергию", "zh": "电费账单"},
	document.BankStatement:         {"fr": "Relevé de compte", "nl": "Rekeninguittreksel", "de": "Kontoauszug", "en": "Bank statement", "sr": "Izvod sa računa", "sr-Cyrl": "Извод са рачуна", "ru": "Выписка по счёту", "zh": "银行对账单"},
	document.Payslip:               {"fr": "Bulletin de paie", "nl": "Loonstrook", "de": "Gehaltsabrechnung", "en": "Payslip", "sr": "Obračun zarade", "sr-Cyrl": "Обрачун зараде", "ru": "Расчётный листок", "zh": "工资单"},
	document.EmploymentCertificate: {"fr": "Certificat de travail", "nl": "Werkgeversverklaring", "de": "Arbeitsbescheinigung", "en": "Employment certificate", "sr": "Potvrda o zaposlenju", "sr-Cyrl": "Потврда о запослењу", "ru": "Справка с места работы", "zh": "在职证明"},
	document.EmploymentContract:    {"fr": "Contrat de travail", "nl": "Arbeidsovereenkomst", "de": "Arbeitsvertrag", "en": "Employment contract", "sr": "Ugovor o radu", "sr-Cyrl": "Уговор о раду", "ru": "Трудовой договор", "zh": "劳动合同"},
	document.TaxNotice:             {"fr": "Avis d'impôt sur les revenus", "nl": "Aanslagbiljet", "de": "Steuerbescheid", "en": "Tax assessment notice", "sr": "Poresko rešenje", "sr-Cyrl": "Пореско решење", "ru": "Налоговое уведомление", "zh": "纳税证明"},
	document.CriminalRecord:        {"fr": "Extrait de casier judiciaire", "nl": "Uittreksel uit het strafregister", "de": "Führungszeugnis", "en": "Certificate of no criminal record", "sr": "Uverenje o nekažnjavanju", "sr-Cyrl": "Уверење о некажњавању", "ru": "Справка об отсутствии судимости", "zh": "无犯罪记录证明"},
	document.HealthInsurance:       {"fr": "Attestation de droits à l'assurance maladie", "nl": "Verzekeringsattest", "de": "Versicherungsbescheinigung", "en": "Health insurance certificate", "sr": "Polisa zdravstvenog osiguranja", "sr-Cyrl": "Полиса здравственог осигурања", "ru": "Полис медицинского страхования", "zh": "健康保险证明"},
	document.LanguageCertificate:   {"fr": "Diplôme DELF", "nl": "Taalcertificaat", "de": "Sprachzertifikat", "en": "Language certificate", "sr": "Uverenje o znanju jezika", "sr-Cyrl": "Уверење о знању језика", "ru": "Сертификат о владении языком", "zh": "语言证书"},
	document.BirthCertificate:      {"fr": "Acte de naissance", "nl": "Geboorteakte", "de": "Geburtsurkunde", "en": "Birth certificate", "sr": "Izvod iz matične knjige rođenih", "sr-Cyrl": "Извод из матичне књиге рођених", "ru": "Свидетельство о рождении", "zh": "出生证明"},
	document.MarriageCertificate:   {"fr": "Acte de mariage", "nl": "Huwelijksakte", "de": "Heiratsurkunde", "en": "Marriage certificate", "sr": "Izvod iz matične knjige venčanih", "sr-Cyrl": "Извод из матичне књиге венчаних", "ru": "Свидетельство о заключении брака", "zh": "结婚证"},
	document.Apostille:             {"fr": "APOSTILLE", "nl": "APOSTILLE", "de": "APOSTILLE", "en": "APOSTILLE", "sr": "APOSTILLE", "sr-Cyrl": "АПОСТИЛ", "ru": "АПОСТИЛЬ", "zh": "附加证明书 APOSTILLE"},
	document.Translation:           {"fr": "Traduction certifiée conforme", "nl": "Beëdigde vertaling", "de": "Beglaubigte Übersetzung", "en": "Certified translation", "sr": "Prevod sa %s jezika", "sr-Cyrl": "Превод са %s језика", "ru": "Перевод с %s языка", "zh": "翻译件"},
	document.ApplicationForm:       {"fr": "Demande de titre de séjour", "nl": "Aanvraagformulier", "de": "Antrag auf Erteilung eines Aufenthaltstitels", "en": "Application form", "sr": "Zahtev za produženje dozvole za stalni boravak", "sr-Cyrl": "Захтев за продужење дозволе за стални боравак", "ru": "Заявление", "zh": "申请表"},
	document.CivicExam:             {"fr": "Attestation de réussite à l'examen civique"},
	document.RepublicContract:      {"fr": "Contrat d'engagement à respecter les principes de la République"},
	document.EnrolmentCertificate:  {"fr": "Certificat de scolarité", "nl": "Inschrijvingsbewijs", "de": "Immatrikulationsbescheinigung", "en": "Certificate of enrolment", "sr": "Potvrda o upisu", "sr-Cyrl": "Потврда о упису", "ru": "Справка об обучении", "zh": "在读证明"},
	document.PaymentReceipt:        {"fr": "Reçu de paiement", "nl": "Betalingsbewijs", "de": "Zahlungsbeleg", "en": "Payment receipt", "sr": "Potvrda o uplati", "sr-Cyrl": "Потврда о уплати", "ru": "Квитанция об оплате", "zh": "缴费收据"},
}

// Title returns the title a document of type t prints in language lang
// (ISO 639-1) and script ("Latn", "Cyrl", "Hans"; "" for the language's
// usual one), as listed in docs/vocabulary.md. A translation's title names
// the source language when the title form needs it ("Prevod sa kineskog
// jezika"); Title uses Chinese for it.
func Title(t document.Type, lang, script string) string {
	return title(t, langKey(lang, script), "zh")
}

func title(t document.Type, key, from string) string {
	m, ok := titles[t]
	if !ok {
		return strings.ToUpper(string(t))
	}
	s, ok := m[key]
	if !ok {
		s = m["en"]
	}
	if strings.Contains(s, "%s") {
		s = fmt.Sprintf(s, langGenitive(key, from))
	}
	return s
}

// langGenitive names language from in the form a translation's title needs
// in language key ("kineskog", "китайского").
func langGenitive(key, from string) string {
	m := map[string]map[string]string{
		"sr":      {"zh": "kineskog", "fr": "francuskog", "en": "engleskog", "de": "nemačkog", "nl": "holandskog", "ru": "ruskog", "sr": "srpskog"},
		"sr-Cyrl": {"zh": "кинеског", "fr": "француског", "en": "енглеског", "de": "немачког", "nl": "холандског", "ru": "руског", "sr": "српског"},
		"ru":      {"zh": "китайского", "fr": "французского", "en": "английского", "de": "немецкого", "nl": "нидерландского", "ru": "русского", "sr": "сербского"},
	}
	if v, ok := m[key][from]; ok {
		return v
	}
	return from
}

// langName names language from in language key, for a translation's
// description ("langue chinoise", "Chinese").
func langName(key, from string) string {
	m := map[string]map[string]string{
		"fr": {"zh": "chinoise", "en": "anglaise", "de": "allemande", "nl": "néerlandaise", "ru": "russe", "sr": "serbe", "fr": "française"},
		"en": {"zh": "Chinese", "en": "English", "de": "German", "nl": "Dutch", "ru": "Russian", "sr": "Serbian", "fr": "French"},
		"de": {"zh": "Chinesisch", "en": "Englisch", "de": "Deutsch", "nl": "Niederländisch", "ru": "Russisch", "sr": "Serbisch", "fr": "Französisch"},
		"nl": {"zh": "Chinees", "en": "Engels", "de": "Duits", "nl": "Nederlands", "ru": "Russisch", "sr": "Servisch", "fr": "Frans"},
		"zh": {"zh": "中文", "en": "英文", "de": "德文", "nl": "荷兰文", "ru": "俄文", "sr": "塞尔维亚文", "fr": "法文"},
	}
	if v, ok := m[key][from]; ok {
		return v
	}
	return langGenitive(key, from)
}

// labels are the words a document prints next to its fields.
type labels struct {
	Issued, BillIssued, Expires, Birth      string
	Surname, Given, Name, Number            string
	Nationality, Sex, Address, PlaceOfBirth string
	Period, Coverage                        string // formats with two %s: start, end
	Male, Female                            string
	Employer, Gross, Contrib, Tax, Net      string
	Opening, Closing, Amount, Description   string
	DateCol                                 string
	Signature, Stamp                        string
	TranslationOf                           string // "Prevod dokumenta br. %s"
	Translator, NonSworn                    string // sworn translator's statement, plain translator
	Page                                    string // "Page %d / %d"
	Consumption, DueDate, Purpose, Payee    string
	Currency                                string
}

var labelsByLang = map[string]*labels{
	"fr": {
		Issued: "Délivré le", BillIssued: "Date de facture", Expires: "Valable jusqu'au", Birth: "Date de naissance",
		Surname: "Nom", Given: "Prénom(s)", Name: "Titulaire", Number: "N°",
		Nationality: "Nationalité", Sex: "Sexe", Address: "Adresse", PlaceOfBirth: "Lieu de naissance",
		Period: "Période du %s au %s", Coverage: "Période de couverture du %s au %s",
		Male: "M", Female: "F",
		Employer: "Employeur", Gross: "Salaire brut", Contrib: "Cotisations sociales", Tax: "Prélèvement à la source", Net: "Net à payer",
		Opening: "Solde initial", Closing: "Solde final", Amount: "Montant", Description: "Libellé", DateCol: "Date",
		Signature: "Signature", Stamp: "Cachet",
		TranslationOf: "Traduction du document n° %s",
		Translator:    "Traduction certifiée conforme à l'original par %s, traducteur interprète agréé près la cour d'appel de Paris.",
		NonSworn:      "Traduit par %s.",
		Page:          "Page %d / %d",
		Consumption:   "Consommation", DueDate: "À payer avant le", Purpose: "Objet", Payee: "Bénéficiaire",
		Currency: "EUR",
	},
	"nl": {
		Issued: "Datum van afgifte", BillIssued: "Factuurdatum", Expires: "Geldig tot", Birth: "Geboortedatum",
		Surname: "Naam", Given: "Voornamen", Name: "Naam", Number: "Nr.",
		Nationality: "Nationaliteit", Sex: "Geslacht", Address: "Adres", PlaceOfBirth: "Geboorteplaats",
		Period: "Periode van %s tot %s", Coverage: "Dekking van %s tot %s",
		Male: "M", Female: "V",
		Employer: "Werkgever", Gross: "Brutoloon", Contrib: "Sociale bijdragen", Tax: "Bedrijfsvoorheffing", Net: "Nettoloon",
		Opening: "Vorig saldo", Closing: "Nieuw saldo", Amount: "Bedrag", Description: "Omschrijving", DateCol: "Datum",
		Signature: "Handtekening", Stamp: "Stempel",
		TranslationOf: "Vertaling van document nr. %s",
		Translator:    "Voor eensluidende vertaling, %s, beëdigd vertaler.",
		NonSworn:      "Vertaald door %s.",
		Page:          "Pagina %d / %d",
		Consumption:   "Verbruik", DueDate: "Te betalen voor", Purpose: "Mededeling", Payee: "Begunstigde",
		Currency: "EUR",
	},
	"de": {
		Issued: "Ausstellungsdatum", BillIssued: "Rechnungsdatum", Expires: "Gültig bis", Birth: "Geburtsdatum",
		Surname: "Name", Given: "Vorname", Name: "Name", Number: "Nr.",
		Nationality: "Staatsangehörigkeit", Sex: "Geschlecht", Address: "Anschrift", PlaceOfBirth: "Geburtsort",
		Period: "Zeitraum vom %s bis %s", Coverage: "Versicherungsschutz vom %s bis %s",
		Male: "M", Female: "W",
		Employer: "Arbeitgeber", Gross: "Bruttolohn", Contrib: "Sozialversicherung", Tax: "Lohnsteuer", Net: "Auszahlungsbetrag",
		Opening: "Alter Kontostand", Closing: "Neuer Kontostand", Amount: "Betrag", Description: "Buchungstext", DateCol: "Datum",
		Signature: "Unterschrift", Stamp: "Siegel",
		TranslationOf: "Übersetzung des Dokuments Nr. %s",
		Translator:    "Die Richtigkeit und Vollständigkeit der Übersetzung bestätigt %s, öffentlich bestellter und beeidigter Übersetzer.",
		NonSworn:      "Übersetzt von %s.",
		Page:          "Seite %d / %d",
		Consumption:   "Verbrauch", DueDate: "Fällig am", Purpose: "Verwendungszweck", Payee: "Empfänger",
		Currency: "EUR",
	},
	"en": {
		Issued: "Date of issue", BillIssued: "Invoice date", Expires: "Valid until", Birth: "Date of birth",
		Surname: "Surname", Given: "Given names", Name: "Name", Number: "No.",
		Nationality: "Nationality", Sex: "Sex", Address: "Address", PlaceOfBirth: "Place of birth",
		Period: "Period from %s to %s", Coverage: "Cover from %s to %s",
		Male: "M", Female: "F",
		Employer: "Employer", Gross: "Gross pay", Contrib: "Social contributions", Tax: "Income tax", Net: "Net pay",
		Opening: "Opening balance", Closing: "Closing balance", Amount: "Amount", Description: "Description", DateCol: "Date",
		Signature: "Signature", Stamp: "Seal",
		TranslationOf: "Translation of document no. %s",
		Translator:    "I, %s, certified translator, certify that this translation is true to the original.",
		NonSworn:      "Translated by %s.",
		Page:          "Page %d / %d",
		Consumption:   "Consumption", DueDate: "Payment due by", Purpose: "Purpose", Payee: "Payee",
		Currency: "EUR",
	},
	"sr": {
		Issued: "Datum izdavanja", BillIssued: "Datum izdavanja računa", Expires: "Važi do", Birth: "Datum rođenja",
		Surname: "Prezime", Given: "Ime", Name: "Ime i prezime", Number: "Broj",
		Nationality: "Državljanstvo", Sex: "Pol", Address: "Adresa", PlaceOfBirth: "Mesto rođenja",
		Period: "Period od %s do %s", Coverage: "Period osiguranja od %s do %s",
		Male: "M", Female: "Ž",
		Employer: "Poslodavac", Gross: "Bruto zarada", Contrib: "Doprinosi", Tax: "Porez na zarade", Net: "Neto zarada",
		Opening: "Početno stanje", Closing: "Krajnje stanje", Amount: "Iznos", Description: "Opis", DateCol: "Datum",
		Signature: "Potpis", Stamp: "M.P.",
		TranslationOf: "Prevod dokumenta br. %s",
		Translator:    "Ja, %s, stalni sudski tumač, potvrđujem da ovaj prevod u svemu odgovara originalu.",
		NonSworn:      "Preveo: %s.",
		Page:          "Strana %d / %d",
		Consumption:   "Potrošnja", DueDate: "Rok plaćanja", Purpose: "Svrha uplate", Payee: "Primalac",
		Currency: "RSD",
	},
	"sr-Cyrl": {
		Issued: "Датум издавања", BillIssued: "Датум издавања рачуна", Expires: "Важи до", Birth: "Датум рођења",
		Surname: "Презиме", Given: "Име", Name: "Име и презиме", Number: "Број",
		Nationality: "Држављанство", Sex: "Пол", Address: "Адреса", PlaceOfBirth: "Место рођења",
		Period: "Период од %s до %s", Coverage: "Период осигурања од %s до %s",
		Male: "М", Female: "Ж",
		Employer: "Послодавац", Gross: "Бруто зарада", Contrib: "Доприноси", Tax: "Порез на зараде", Net: "Нето зарада",
		Opening: "Почетно стање", Closing: "Крајње стање", Amount: "Износ", Description: "Опис", DateCol: "Датум",
		Signature: "Потпис", Stamp: "М.П.",
		TranslationOf: "Превод документа бр. %s",
		Translator:    "Ја, %s, стални судски тумач, потврђујем да овај превод у свему одговара оригиналу.",
		NonSworn:      "Превео: %s.",
		Page:          "Страна %d / %d",
		Consumption:   "Потрошња", DueDate: "Рок плаћања", Purpose: "Сврха уплате", Payee: "Прималац",
		Currency: "RSD",
	},
	"ru": {
		Issued: "Дата выдачи", BillIssued: "Дата выдачи", Expires: "Действителен до", Birth: "Дата рождения",
		Surname: "Фамилия", Given: "Имя", Name: "Фамилия, имя", Number: "№",
		Nationality: "Гражданство", Sex: "Пол", Address: "Адрес", PlaceOfBirth: "Место рождения",
		Period: "Период с %s по %s", Coverage: "Срок страхования с %s по %s",
		Male: "М", Female: "Ж",
		Employer: "Работодатель", Gross: "Начислено", Contrib: "Страховые взносы", Tax: "НДФЛ", Net: "К выплате",
		Opening: "Входящий остаток", Closing: "Исходящий остаток", Amount: "Сумма", Description: "Назначение", DateCol: "Дата",
		Signature: "Подпись", Stamp: "М.П.",
		TranslationOf: "Перевод документа № %s",
		Translator:    "Перевод выполнен переводчиком %s. Подпись переводчика засвидетельствована нотариусом.",
		NonSworn:      "Перевёл: %s.",
		Page:          "Страница %d из %d",
		Consumption:   "Потребление", DueDate: "Оплатить до", Purpose: "Назначение платежа", Payee: "Получатель",
		Currency: "RUB",
	},
	"zh": {
		Issued: "签发日期", BillIssued: "签发日期", Expires: "有效期至", Birth: "出生日期",
		Surname: "姓", Given: "名", Name: "姓名", Number: "编号",
		Nationality: "国籍", Sex: "性别", Address: "地址", PlaceOfBirth: "出生地点",
		Period: "期间：自%s至%s", Coverage: "有效期自%s至%s",
		Male: "男", Female: "女",
		Employer: "单位", Gross: "应发工资", Contrib: "社会保险", Tax: "个人所得税", Net: "实发工资",
		Opening: "期初余额", Closing: "期末余额", Amount: "金额", Description: "摘要", DateCol: "日期",
		Signature: "签名", Stamp: "盖章",
		TranslationOf: "原件编号：%s",
		Translator:    "译者%s声明本译文与原件内容相符。",
		NonSworn:      "译者：%s",
		Page:          "第%d页 共%d页",
		Consumption:   "用电量", DueDate: "缴费截止日期", Purpose: "用途", Payee: "收款单位",
		Currency: "元",
	},
}

func labelsFor(key string) *labels {
	if l, ok := labelsByLang[key]; ok {
		return l
	}
	return labelsByLang["en"]
}

var monthNames = map[string][12]string{
	"fr":      {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"nl":      {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	"de":      {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"en":      {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"sr":      {"januara", "februara", "marta", "aprila", "maja", "juna", "jula", "avgusta", "septembra", "oktobra", "novembra", "decembra"},
	"sr-Cyrl": {"јануара", "фебруара", "марта", "априла", "маја", "јуна", "јула", "августа", "септембра", "октобра", "новембра", "децембра"},
	"ru":      {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
}

// Date styles of Doc.DateStyle.
const (
	DatesDefault = ""        // numeric, except Chinese (2026年1月15日)
	DatesNumeric = "numeric" // 15/01/2026, 15-01-2026, 15.01.2026, 2026-01-15, 15.01.2026.
	DatesLong    = "long"    // the month's name: 15 janvier 2026, 15. januara 2026.
)

// FormatDate prints t as a document in language lang and script prints it
// (docs/vocabulary.md, "Date formats"). style is DatesNumeric or DatesLong;
// DatesDefault is numeric except for Chinese, which always prints
// 2026年1月15日 in the long style.
func FormatDate(t time.Time, lang, script, style string) string {
	return formatDate(t, langKey(lang, script), style)
}

func formatDate(t time.Time, key, style string) string {
	if t.IsZero() {
		return ""
	}
	long := style == DatesLong || (style == DatesDefault && key == "zh")
	y, m, d := t.Date()
	if !long {
		switch key {
		case "fr":
			return t.Format("02/01/2006")
		case "nl":
			return t.Format("02-01-2006")
		case "de", "ru":
			return t.Format("02.01.2006")
		case "sr", "sr-Cyrl":
			return t.Format("02.01.2006.")
		default: // en, zh
			return t.Format("2006-01-02")
		}
	}
	switch key {
	case "zh":
		return fmt.Sprintf("%d年%d月%d日", y, int(m), d)
	case "fr":
		if d == 1 {
			return fmt.Sprintf("1er %s %d", monthNames["fr"][m-1], y)
		}
		return fmt.Sprintf("%d %s %d", d, monthNames["fr"][m-1], y)
	case "de":
		return fmt.Sprintf("%d. %s %d", d, monthNames["de"][m-1], y)
	case "sr", "sr-Cyrl":
		return fmt.Sprintf("%d. %s %d.", d, monthNames[key][m-1], y)
	case "ru":
		return fmt.Sprintf("%d %s %d г.", d, monthNames["ru"][m-1], y)
	case "nl":
		return fmt.Sprintf("%d %s %d", d, monthNames["nl"][m-1], y)
	default:
		return fmt.Sprintf("%d %s %d", d, monthNames["en"][m-1], y)
	}
}

// countryNames names the nationality of an alpha-3 code in each language.
var countryNames = map[string]map[string]string{
	"CHN": {"fr": "chinoise", "nl": "Chinese", "de": "chinesisch", "en": "Chinese", "sr": "Kina", "sr-Cyrl": "Кина", "ru": "Китай", "zh": "中国"},
	"SRB": {"fr": "serbe", "nl": "Servische", "de": "serbisch", "en": "Serbian", "sr": "Srbija", "sr-Cyrl": "Србија", "ru": "Сербия", "zh": "塞尔维亚"},
	"FRA": {"fr": "française", "nl": "Franse", "de": "französisch", "en": "French", "sr": "Francuska", "sr-Cyrl": "Француска", "ru": "Франция", "zh": "法国"},
	"BEL": {"fr": "belge", "nl": "Belgische", "de": "belgisch", "en": "Belgian", "sr": "Belgija", "sr-Cyrl": "Белгија", "ru": "Бельгия", "zh": "比利时"},
	"RUS": {"fr": "russe", "nl": "Russische", "de": "russisch", "en": "Russian", "sr": "Rusija", "sr-Cyrl": "Русија", "ru": "Россия", "zh": "俄罗斯"},
	"UKR": {"fr": "ukrainienne", "nl": "Oekraïense", "de": "ukrainisch", "en": "Ukrainian", "sr": "Ukrajina", "sr-Cyrl": "Украјина", "ru": "Украина", "zh": "乌克兰"},
	"IND": {"fr": "indienne", "nl": "Indiase", "de": "indisch", "en": "Indian", "sr": "Indija", "sr-Cyrl": "Индија", "ru": "Индия", "zh": "印度"},
	"TUR": {"fr": "turque", "nl": "Turkse", "de": "türkisch", "en": "Turkish", "sr": "Turska", "sr-Cyrl": "Турска", "ru": "Турция", "zh": "土耳其"},
	"MAR": {"fr": "marocaine", "nl": "Marokkaanse", "de": "marokkanisch", "en": "Moroccan", "sr": "Maroko", "sr-Cyrl": "Мароко", "ru": "Марокко", "zh": "摩洛哥"},
	"SEN": {"fr": "sénégalaise", "nl": "Senegalese", "de": "senegalesisch", "en": "Senegalese", "sr": "Senegal", "sr-Cyrl": "Сенегал", "ru": "Сенегал", "zh": "塞内加尔"},
	"UZB": {"fr": "ouzbèke", "nl": "Oezbeekse", "de": "usbekisch", "en": "Uzbek", "sr": "Uzbekistan", "sr-Cyrl": "Узбекистан", "ru": "Узбекистан", "zh": "乌兹别克斯坦"},
	"DZA": {"fr": "algérienne", "nl": "Algerijnse", "de": "algerisch", "en": "Algerian", "sr": "Alžir", "sr-Cyrl": "Алжир", "ru": "Алжир", "zh": "阿尔及利亚"},
}

func nationalityName(alpha3, key string) string {
	if m, ok := countryNames[alpha3]; ok {
		if s, ok := m[key]; ok {
			return s
		}
	}
	return alpha3
}

// alpha3 maps the issuing countries of the seeded procedures (and a few
// more) from ISO 3166 alpha-2 to the MRZ's alpha-3 code.
var alpha3 = map[string]string{
	"RS": "SRB", "FR": "FRA", "BE": "BEL", "RU": "RUS", "CN": "CHN", "DE": "D", "NL": "NLD",
	"GB": "GBR", "US": "USA", "UA": "UKR", "IN": "IND", "TR": "TUR", "MA": "MAR", "DZ": "DZA",
	"SN": "SEN", "UZ": "UZB",
}

func countryAlpha3(alpha2 string) string {
	if s, ok := alpha3[strings.ToUpper(alpha2)]; ok {
		return s
	}
	return strings.ToUpper(alpha2)
}

// countryAlpha2 maps an alpha-3 code back to alpha-2 ("" when unknown).
func countryAlpha2(a3 string) string {
	for k, v := range alpha3 {
		if v == strings.ToUpper(a3) {
			return k
		}
	}
	return ""
}

// countryLang returns the default language of documents issued in country
// (alpha-2): the language its authorities print.
func countryLang(alpha2 string) (lang, script string) {
	switch strings.ToUpper(alpha2) {
	case "FR":
		return "fr", "Latn"
	case "BE", "SN":
		return "fr", "Latn"
	case "RS":
		return "sr", "Latn"
	case "RU":
		return "ru", "Cyrl"
	case "CN":
		return "zh", "Hans"
	case "DE":
		return "de", "Latn"
	case "NL":
		return "nl", "Latn"
	}
	return "en", "Latn"
}
