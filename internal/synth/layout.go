package synth

import (
	"fmt"
	"strings"
	"time"

	"github.com/intake-app/intake/document"
)

// ctx is what a template needs to lay out one document.
type ctx struct {
	d   Dossier
	doc Doc
	key string // language key: "fr", "sr", "sr-Cyrl", …
	l   *labels
	p   Person // the holder
}

func (c *ctx) date(t time.Time) string { return formatDate(t, c.key, c.doc.DateStyle) }

func (c *ctx) title() string {
	if c.doc.Title != "" {
		return c.doc.Title
	}
	from := c.doc.SourceLang
	if from == "" {
		from = "zh"
	}
	return title(c.doc.Type, c.key, from)
}

func (c *ctx) sex() string {
	switch strings.ToUpper(c.p.Sex) {
	case "M":
		return c.l.Male
	case "F":
		return c.l.Female
	}
	return "X"
}

// fullName is the holder's name as a document in c's language prints it.
func (c *ctx) fullName() string {
	if c.key == "zh" && c.p.NativeName != "" {
		return c.p.NativeName
	}
	return strings.ToUpper(c.p.Surname) + " " + strings.ToUpper(c.p.GivenNames)
}

// layout lays out the pages of doc.
func layout(d Dossier, doc Doc) ([]*page, error) {
	c := &ctx{d: d, doc: doc, key: langKey(doc.Lang, doc.Script), p: d.Holder}
	if doc.Holder != nil {
		c.p = *doc.Holder
	}
	if c.p.Nationality == "" {
		c.p.Nationality = d.Nationality
	}
	c.l = labelsFor(c.key)
	var pages []*page
	var err error
	switch doc.Type {
	case document.Passport:
		pages, err = c.passport()
	case document.ResidencePermit, document.IDCard:
		pages, err = c.card()
	case document.Apostille:
		pages, err = c.apostille()
	case document.Translation:
		pages, err = c.translation()
	default:
		pages, err = c.letters()
	}
	if err != nil {
		return nil, err
	}
	return pages, nil
}

// ---- issuers ----

type issuerKind int

const (
	issGov issuerKind = iota
	issCourt
	issTax
	issUtility
	issBank
	issEmployer
	issInsurer
	issSchool
	issTranslator
	issApostille
	issNotary
)

func kindOf(t document.Type) issuerKind {
	switch t {
	case document.CriminalRecord:
		return issCourt
	case document.TaxNotice:
		return issTax
	case document.ProofOfAddress:
		return issUtility
	case document.BankStatement, document.PaymentReceipt:
		return issBank
	case document.Payslip, document.EmploymentCertificate, document.EmploymentContract:
		return issEmployer
	case document.HealthInsurance:
		return issInsurer
	case document.LanguageCertificate:
		return issSchool
	case document.Translation:
		return issTranslator
	case document.Apostille:
		return issApostille
	}
	return issGov
}

var issuers = map[string]map[issuerKind][]string{
	"fr": {
		issGov: {"RÉPUBLIQUE FRANÇAISE", "Préfecture de police de Paris"}, issCourt: {"RÉPUBLIQUE FRANÇAISE", "Ministère de la Justice", "Casier judiciaire national"},
		issTax: {"Direction générale des Finances publiques", "Service des impôts des particuliers Paris 11e"}, issUtility: {"EDF", "Électricité de France – Service clients"},
		issBank: {"BNP Paribas", "Agence Paris Bastille"}, issEmployer: {"Société Lumière SAS", "12 rue des Lilas, 75011 Paris"},
		issInsurer: {"Assurance Maladie", "CPAM de Paris"}, issSchool: {"France Éducation international"},
		issTranslator: {"Cabinet de traduction Dupont", "8 rue de Rivoli, 75004 Paris"}, issApostille: {"Cour d'appel de Paris"},
		issNotary: {"Office notarial Martin", "Paris"},
	},
	"nl": {
		issGov: {"KONINKRIJK BELGIË", "Stad Antwerpen – Dienst Vreemdelingenzaken"}, issCourt: {"FOD Justitie", "Centraal Strafregister"},
		issTax: {"FOD Financiën"}, issUtility: {"Engie Electrabel"}, issBank: {"KBC Bank NV"},
		issEmployer: {"Vandenberghe BV", "Meir 20, 2000 Antwerpen"}, issInsurer: {"Christelijke Mutualiteit"}, issSchool: {"Huis van het Nederlands"},
		issTranslator: {"Vertaalbureau Peeters", "Antwerpen"}, issApostille: {"FOD Buitenlandse Zaken"}, issNotary: {"Notariskantoor Janssens"},
	},
	"de": {
		issGov: {"BUNDESREPUBLIK DEUTSCHLAND", "Landeshauptstadt München – Ausländerbehörde"}, issCourt: {"Bundesamt für Justiz", "Bundeszentralregister"},
		issTax: {"Finanzamt München"}, issUtility: {"Stadtwerke München GmbH"}, issBank: {"Stadtsparkasse München"},
		issEmployer: {"Berger GmbH", "Leopoldstraße 10, 80802 München"}, issInsurer: {"AOK Bayern"}, issSchool: {"Goethe-Institut"},
		issTranslator: {"Übersetzungsbüro Schmidt", "München"}, issApostille: {"Landgericht München I"}, issNotary: {"Notariat Weber"},
	},
	"en": {
		issGov: {"HOME OFFICE"}, issCourt: {"ACRO Criminal Records Office"}, issTax: {"HM Revenue & Customs"},
		issUtility: {"Northern Power Ltd"}, issBank: {"City Bank plc"}, issEmployer: {"Northwind Ltd", "1 King Street, London"},
		issInsurer: {"Global Health Ltd"}, issSchool: {"British Council"}, issTranslator: {"Language Services Ltd", "London"},
		issApostille: {"Foreign, Commonwealth & Development Office"}, issNotary: {"Smith & Co Notaries"},
	},
	"sr": {
		issGov:   {"REPUBLIKA SRBIJA", "MINISTARSTVO UNUTRAŠNJIH POSLOVA", "Policijska uprava za grad Beograd"},
		issCourt: {"REPUBLIKA SRBIJA", "MINISTARSTVO UNUTRAŠNJIH POSLOVA", "Policijska uprava za grad Beograd"},
		issTax:   {"Poreska uprava", "Filijala Beograd"}, issUtility: {"EPS Snabdevanje d.o.o.", "Balkanska 13, Beograd"},
		issBank: {"Banka Intesa a.d. Beograd"}, issEmployer: {"Hua Tong d.o.o. Beograd", "Bulevar Mihajla Pupina 10, Novi Beograd"},
		issInsurer: {"Dunav osiguranje a.d.o. Beograd"}, issSchool: {"Filološki fakultet Univerziteta u Beogradu"},
		issTranslator: {"Prevodilačka agencija Lingva", "Knez Mihailova 20, Beograd"}, issApostille: {"Prvi osnovni sud u Beogradu"},
		issNotary: {"Javni beležnik Jelena Petrović", "Beograd"},
	},
	"sr-Cyrl": {
		issGov:   {"РЕПУБЛИКА СРБИЈА", "МИНИСТАРСТВО УНУТРАШЊИХ ПОСЛОВА", "Полицијска управа за град Београд"},
		issCourt: {"РЕПУБЛИКА СРБИЈА", "МИНИСТАРСТВО УНУТРАШЊИХ ПОСЛОВА", "Полицијска управа за град Београд"},
		issTax:   {"Пореска управа", "Филијала Београд"}, issUtility: {"ЕПС Снабдевање д.о.о.", "Балканска 13, Београд"},
		issBank: {"Банка Интеза а.д. Београд"}, issEmployer: {"Хуа Тонг д.о.о. Београд", "Булевар Михајла Пупина 10, Нови Београд"},
		issInsurer: {"Дунав осигурање а.д.о. Београд"}, issSchool: {"Филолошки факултет Универзитета у Београду"},
		issTranslator: {"Преводилачка агенција Лингва", "Кнез Михаилова 20, Београд"}, issApostille: {"Први основни суд у Београду"},
		issNotary: {"Јавни бележник Јелена Петровић", "Београд"},
	},
	"ru": {
		issGov: {"МВД России", "Главное управление по вопросам миграции"}, issCourt: {"МВД России", "Главный информационно-аналитический центр"},
		issTax: {"ФНС России", "Инспекция № 10 по г. Москве"}, issUtility: {"АО «Мосэнергосбыт»"}, issBank: {"ПАО Сбербанк"},
		issEmployer: {"ООО «Север»", "Москва, ул. Тверская, 10"}, issInsurer: {"АО «СОГАЗ»"}, issSchool: {"Институт русского языка им. А. С. Пушкина"},
		issTranslator: {"Бюро переводов «Лингва»", "Москва"}, issApostille: {"Министерство юстиции Российской Федерации"},
		issNotary: {"Нотариус г. Москвы Иванова Е. П."},
	},
	"zh": {
		issGov: {"中华人民共和国", "北京市公安局出入境管理总队"}, issCourt: {"中华人民共和国", "北京市中信公证处"},
		issTax: {"国家税务总局北京市税务局"}, issUtility: {"国网北京市电力公司"}, issBank: {"中国银行北京分行"},
		issEmployer: {"北京华通科技有限公司"}, issInsurer: {"中国人民健康保险股份有限公司"}, issSchool: {"北京语言大学"},
		issTranslator: {"北京译通翻译有限公司"}, issApostille: {"中华人民共和国外交部领事司"}, issNotary: {"中华人民共和国", "北京市中信公证处"},
	},
}

func (c *ctx) issuer(k issuerKind) []string {
	m, ok := issuers[c.key]
	if !ok {
		m = issuers["en"]
	}
	return m[k]
}

// ---- texts ----

var genericBody = map[string]string{
	"fr":      "Le présent document est délivré à l'intéressé(e), à sa demande, pour servir et valoir ce que de droit.",
	"nl":      "Dit document wordt op verzoek van de betrokkene afgegeven om te dienen waar nodig.",
	"de":      "Dieses Dokument wird dem Inhaber auf Antrag zur Vorlage bei der zuständigen Behörde ausgestellt.",
	"en":      "This document is issued at the request of the holder for submission to the competent authority.",
	"sr":      "Ovaj dokument se izdaje na lični zahtev imenovanog lica radi podnošenja nadležnom organu.",
	"sr-Cyrl": "Овај документ се издаје на лични захтев именованог лица ради подношења надлежном органу.",
	"ru":      "Настоящий документ выдан по личному заявлению для представления в компетентный орган.",
	"zh":      "本文件应当事人申请出具，供向主管机关提交使用。",
}

var bodies = map[document.Type]map[string]string{
	document.CriminalRecord: {
		"fr":      "Néant. Aucune condamnation n'est inscrite au casier judiciaire de la personne désignée ci-dessus.",
		"nl":      "Er zijn geen veroordelingen vermeld in het strafregister voor de hierboven vermelde persoon.",
		"de":      "Inhalt: keine Eintragung. Im Bundeszentralregister ist über die genannte Person nichts vermerkt.",
		"en":      "According to the records held, no criminal convictions are registered against the person named above.",
		"sr":      "Na osnovu podataka iz kaznene evidencije utvrđeno je da imenovano lice nije osuđivano pravnosnažnom presudom i da se protiv njega ne vodi krivični postupak.",
		"sr-Cyrl": "На основу података из казнене евиденције утврђено је да именовано лице није осуђивано правоснажном пресудом и да се против њега не води кривични поступак.",
		"ru":      "Сведений о судимости в отношении указанного лица в информационных центрах не имеется.",
		"zh":      "兹证明{name}（{sex}，{birth}出生，护照号码：{passport}）在中国居住期间无犯罪记录。",
	},
	document.EmploymentContract: {
		"fr":      "Entre l'employeur et le salarié désigné ci-dessus il est conclu un contrat à durée indéterminée. Le salarié est engagé en qualité d'ingénieur. Rémunération mensuelle brute : 2 950,00 EUR.",
		"nl":      "Werkgever en werknemer sluiten een overeenkomst van onbepaalde duur. Functie: ingenieur. Bruto maandloon: 2.950,00 EUR.",
		"de":      "Arbeitgeber und Arbeitnehmer schließen einen unbefristeten Vertrag. Tätigkeit: Ingenieur. Monatliches Bruttogehalt: 2.950,00 EUR.",
		"en":      "The employer and the employee named above agree on employment for an indefinite term as an engineer, at a gross monthly salary of 2,950.00 EUR.",
		"sr":      "Poslodavac i zaposleni zaključuju ovaj ugovor na neodređeno vreme. Zaposleni se prima na radno mesto inženjera. Osnovna mesečna zarada iznosi 145.000,00 RSD bruto.",
		"sr-Cyrl": "Послодавац и запослени закључују овај уговор на неодређено време. Запослени се прима на радно место инжењера. Основна месечна зарада износи 145.000,00 РСД бруто.",
		"ru":      "Работодатель и работник заключили настоящий договор на неопределённый срок. Должность: инженер. Должностной оклад: 95 000 рублей в месяц.",
		"zh":      "甲乙双方签订无固定期限合同。乙方担任工程师职务，月工资人民币15000元。",
	},
	document.EmploymentCertificate: {
		"fr":      "Nous certifions que la personne désignée ci-dessus est employée dans notre société en contrat à durée indéterminée en qualité d'ingénieur.",
		"nl":      "Wij verklaren dat de bovengenoemde persoon bij ons in vast dienstverband werkt als ingenieur.",
		"de":      "Wir bestätigen, dass die oben genannte Person in unserem Unternehmen unbefristet als Ingenieur beschäftigt ist.",
		"en":      "We certify that the person named above is employed by our company on a permanent contract as an engineer.",
		"sr":      "Ovim se potvrđuje da je imenovano lice u stalnom radnom odnosu kod poslodavca, na neodređeno vreme, na radnom mestu inženjera.",
		"sr-Cyrl": "Овим се потврђује да је именовано лице у сталном радном односу код послодавца, на неодређено време, на радном месту инжењера.",
		"ru":      "Настоящим подтверждается, что указанное лицо работает в организации в должности инженера.",
		"zh":      "兹证明上述人员在我单位工作，担任工程师职务。",
	},
	document.HealthInsurance: {
		"fr":      "L'assuré(e) bénéficie de la prise en charge de ses frais de santé au titre de l'assurance maladie.",
		"nl":      "De verzekerde is gedekt voor geneeskundige verzorging.",
		"de":      "Die versicherte Person ist gegen Krankheitskosten versichert.",
		"en":      "The insured person is covered for medical treatment up to 100,000.00 EUR.",
		"sr":      "Osiguranik je pokriven za troškove lečenja na teritoriji Republike Srbije do iznosa od 2.000.000,00 RSD.",
		"sr-Cyrl": "Осигураник је покривен за трошкове лечења на територији Републике Србије до износа од 2.000.000,00 РСД.",
		"ru":      "Застрахованное лицо имеет право на получение медицинской помощи по программе добровольного страхования.",
		"zh":      "被保险人在保险期间内享有医疗费用保障。",
	},
	document.ApplicationForm: {
		"fr":      "Je sollicite le renouvellement de mon droit au séjour. Je certifie l'exactitude des renseignements fournis.",
		"nl":      "Ik vraag de verlenging van mijn verblijfsrecht aan en verklaar dat de gegevens juist zijn.",
		"de":      "Ich beantrage die Verlängerung meiner Aufenthaltserlaubnis und versichere, dass die Angaben richtig sind.",
		"en":      "I apply for the renewal of my residence card and declare that the information given is correct.",
		"sr":      "Podnosim zahtev za produženje dozvole za stalni boravak u Republici Srbiji. Izjavljujem da su podaci navedeni u zahtevu tačni.",
		"sr-Cyrl": "Подносим захтев за продужење дозволе за стални боравак у Републици Србији. Изјављујем да су подаци наведени у захтеву тачни.",
		"ru":      "Прошу продлить срок моего пребывания. Сведения, указанные в заявлении, достоверны.",
		"zh":      "本人申请延长居留期限，并保证所填信息真实。",
	},
	document.TaxNotice: {
		"fr": "Revenu fiscal de référence : 32 400 €. Impôt sur le revenu net : 2 180 €.",
		"sr": "Utvrđuje se godišnji porez na dohodak građana u iznosu od 84.300,00 RSD.",
		"en": "Total taxable income: 35,400.00 EUR. Income tax due: 4,120.00 EUR.",
	},
	document.LanguageCertificate: {
		"fr": "Le candidat a réussi les épreuves du diplôme d'études en langue française, niveau {level}, avec 68 points sur 100.",
		"en": "The candidate has passed the examination at level {level} of the Common European Framework.",
		"de": "Der Kandidat hat die Prüfung auf der Niveaustufe {level} bestanden.",
		"nl": "De kandidaat is geslaagd voor het examen op niveau {level}.",
		"sr": "Kandidat je položio ispit iz srpskog jezika na nivou {level}.",
		"ru": "Кандидат сдал экзамен по русскому языку на уровне {level}.",
		"zh": "该考生通过{level}级语言考试。",
	},
}

func (c *ctx) body(t document.Type) string {
	s, ok := bodies[t][c.key]
	if !ok {
		s = genericBody[c.key]
		if s == "" {
			s = genericBody["en"]
		}
	}
	level := c.doc.Level
	if level == "" {
		level = "B1"
	}
	r := strings.NewReplacer("{name}", c.fullName(), "{sex}", c.sex(), "{birth}", c.date(c.p.BirthDate), "{passport}", c.passportNumber(), "{level}", level)
	return r.Replace(s)
}

// passportNumber is the number of the dossier's passport, if it holds one.
func (c *ctx) passportNumber() string {
	for _, d := range c.d.Docs {
		if d.Type == document.Passport && d.Number != "" {
			return d.Number
		}
	}
	return "—"
}

// docByNumber finds the document of the dossier numbered n.
func (c *ctx) docByNumber(n string) (Doc, bool) {
	for _, d := range c.d.Docs {
		if d.Number == n && n != "" {
			return d, true
		}
	}
	return Doc{}, false
}

// ---- letters: every A4 document ----

const (
	margin   = 20.0
	bodySize = 12.0
)

// letters lays out one page, or one page per period for payslips and
// statements.
func (c *ctx) letters() ([]*page, error) {
	periods := c.doc.Periods
	if len(periods) == 0 {
		periods = [][2]time.Time{{c.doc.ValidFrom, c.doc.Expires}}
	}
	perPage := c.doc.Type == document.Payslip || c.doc.Type == document.BankStatement
	if !perPage {
		periods = periods[:1]
	}
	var pages []*page
	for i, per := range periods {
		p, err := c.letter(per, i)
		if err != nil {
			return nil, err
		}
		if len(periods) > 1 {
			p.text(210-margin, 297-12, 10, fSans, alignRight, fmt.Sprintf(c.l.Page, i+1, len(periods)))
		}
		pages = append(pages, p)
	}
	return pages, nil
}

func (c *ctx) letter(per [2]time.Time, idx int) (*page, error) {
	p := a4()
	p.paper = 252
	f := p.flow(margin, margin, 210-2*margin)
	iss := c.issuer(kindOf(c.doc.Type))
	for i, s := range iss {
		if i == 0 {
			f.line(s, 13, fSansBold, alignLeft)
		} else {
			f.line(s, 11, fSans, alignLeft)
		}
	}
	f.gap(10)
	tsize := 18.0
	f.line(c.title(), tsize, fSansBold, alignCenter)
	f.gap(4)
	if c.doc.Number != "" {
		f.field(c.l.Number, c.doc.Number, bodySize)
	}
	f.gap(4)
	c.holderBlock(f)
	f.gap(4)
	from, to := per[0], per[1]
	switch c.doc.Type {
	case document.Payslip:
		c.periodLine(f, from, to)
		c.payslipTable(f, idx)
	case document.BankStatement:
		c.periodLine(f, from, to)
		c.statementTable(f, from, to, idx)
	case document.ProofOfAddress:
		c.billBlock(f, from, to)
	case document.PaymentReceipt:
		c.receiptBlock(f)
	default:
		f.gap(2)
		f.para(c.body(c.doc.Type), bodySize, fSans)
		f.gap(4)
		if !from.IsZero() && !to.IsZero() {
			c.periodLine(f, from, to)
		}
	}
	f.gap(6)
	if !c.doc.Issued.IsZero() {
		lab := c.l.Issued
		if c.doc.Type == document.ProofOfAddress {
			lab = c.l.BillIssued
		}
		f.field(lab, c.date(c.doc.Issued), bodySize)
	}
	if !to.IsZero() && from.IsZero() {
		f.field(c.l.Expires, c.date(to), bodySize)
	}
	if c.doc.Type == document.ProofOfAddress && !c.doc.Issued.IsZero() {
		f.field(c.l.DueDate, c.date(c.doc.Issued.AddDate(0, 0, 15)), bodySize)
	}
	f.gap(14)
	p.signature(130, f.y, 40)
	stampText := c.l.Stamp
	p.stamp(75, f.y+4, 14, stampText)
	f.gap(6)
	f.p.text(130, f.y, 10, fSans, alignLeft, c.l.Signature)
	return p, f.err
}

// holderBlock prints who the document is about.
func (c *ctx) holderBlock(f *flow) {
	if c.key == "zh" {
		name := c.fullName()
		if c.p.NativeName != "" {
			name += " (" + strings.ToUpper(c.p.Surname+" "+c.p.GivenNames) + ")"
		}
		f.field(c.l.Name, name, bodySize)
		f.field(c.l.Sex, c.sex(), bodySize)
	} else {
		f.field(c.l.Surname, strings.ToUpper(c.p.Surname), bodySize)
		f.field(c.l.Given, strings.ToUpper(c.p.GivenNames), bodySize)
	}
	switch c.doc.Type {
	case document.ProofOfAddress, document.BankStatement, document.Payslip, document.PaymentReceipt,
		document.EmploymentContract, document.EmploymentCertificate:
		// Commercial papers: no birth date.
	default:
		f.field(c.l.Birth, c.date(c.p.BirthDate), bodySize)
		f.field(c.l.Nationality, nationalityName(c.p.Nationality, c.key), bodySize)
	}
	switch c.doc.Type {
	case document.ProofOfAddress, document.BankStatement, document.ApplicationForm, document.HealthInsurance:
		f.field(c.l.Address, c.p.Address, bodySize)
	}
}

func (c *ctx) periodLine(f *flow, from, to time.Time) {
	if from.IsZero() || to.IsZero() {
		return
	}
	format := c.l.Period
	if c.doc.Type == document.HealthInsurance {
		format = c.l.Coverage
	}
	f.line(fmt.Sprintf(format, c.date(from), c.date(to)), bodySize, fSansBold, alignLeft)
}

// money prints an amount the way the language writes numbers.
func (c *ctx) money(v float64) string {
	cents := int64(v*100 + 0.5)
	ip, fp := cents/100, cents%100
	digits := fmt.Sprintf("%d", ip)
	var groups []string
	for len(digits) > 3 {
		groups = append([]string{digits[len(digits)-3:]}, groups...)
		digits = digits[:len(digits)-3]
	}
	groups = append([]string{digits}, groups...)
	sep, dec := ".", ","
	switch c.key {
	case "en", "zh":
		sep, dec = ",", "."
	case "fr", "ru":
		sep = " "
	}
	return fmt.Sprintf("%s%s%02d %s", strings.Join(groups, sep), dec, fp, c.l.Currency)
}

func (c *ctx) salary() float64 {
	switch c.l.Currency {
	case "RSD":
		return 145000
	case "RUB":
		return 95000
	case "元":
		return 15000
	}
	return 2950
}

func (c *ctx) payslipTable(f *flow, idx int) {
	gross := c.salary() + float64(idx)*0 // the same every month
	contrib := gross * 0.199
	tax := (gross - contrib) * 0.1
	f.gap(6)
	f.row(c.l.Gross, c.money(gross), bodySize, false)
	f.row(c.l.Contrib, "-"+c.money(contrib), bodySize, false)
	f.row(c.l.Tax, "-"+c.money(tax), bodySize, false)
	f.rule()
	f.row(c.l.Net, c.money(gross-contrib-tax), bodySize, true)
	f.gap(4)
	f.field(c.l.Employer, c.issuer(issEmployer)[0], bodySize)
}

func (c *ctx) statementTable(f *flow, from, to time.Time, idx int) {
	net := c.salary() * 0.72
	open := net*1.3 + float64(idx)*net*0.12
	f.gap(6)
	f.row(c.l.Opening, c.money(open), bodySize, false)
	f.rule()
	offs := []float64{0, 40}
	f.cols(bodySize, fSansBold, offs, c.l.DateCol, c.l.Description)
	p := f.p
	p.text(f.x+f.w, f.y, bodySize, fSansBold, alignRight, c.l.Amount)
	if from.IsZero() || to.IsZero() {
		from, to = c.doc.Issued.AddDate(0, -1, 0), c.doc.Issued
	}
	days := max(1, int(to.Sub(from).Hours()/24))
	items := []struct {
		frac float64
		desc string
		amt  float64
	}{
		{0.1, c.l.Net, net},
		{0.3, "Market", -net * 0.08},
		{0.55, c.l.Consumption, -net * 0.05},
		{0.8, "Transfer", -net * 0.3},
	}
	bal := open
	for _, it := range items {
		day := from.AddDate(0, 0, int(it.frac*float64(days)))
		f.cols(bodySize, fSans, offs, formatDate(day, c.key, DatesNumeric), it.desc)
		p.text(f.x+f.w, f.y, bodySize, fSans, alignRight, c.money(it.amt))
		bal += it.amt
	}
	f.rule()
	f.row(c.l.Closing, c.money(bal), bodySize, true)
}

func (c *ctx) billBlock(f *flow, from, to time.Time) {
	c.periodLine(f, from, to)
	f.gap(4)
	kwh := 312.0
	f.row(c.l.Consumption, "312 kWh", bodySize, false)
	price := map[string]float64{"RSD": 14.2, "RUB": 6.4, "元": 0.49}[c.l.Currency]
	if price == 0 {
		price = 0.25
	}
	f.rule()
	f.row(c.l.Amount, c.money(kwh*price), bodySize, true)
}

func (c *ctx) receiptBlock(f *flow) {
	purpose := map[string]string{
		"fr": "Taxe de renouvellement – droit de timbre", "sr": "Republička administrativna taksa", "sr-Cyrl": "Републичка административна такса",
		"en": "Application fee", "de": "Verwaltungsgebühr", "nl": "Administratieve kosten", "ru": "Государственная пошлина", "zh": "居留申请费",
	}[c.key]
	payee := map[string]string{
		"fr": "Direction générale des Finances publiques", "sr": "Budžet Republike Srbije", "sr-Cyrl": "Буџет Републике Србије",
		"en": "Home Office", "de": "Landeshauptstadt München", "nl": "Stad Antwerpen", "ru": "УФК по г. Москве", "zh": "北京市公安局",
	}[c.key]
	amount := map[string]float64{"RSD": 20490, "RUB": 6000, "元": 800}[c.l.Currency]
	if amount == 0 {
		amount = 225
	}
	f.field(c.l.Purpose, purpose, bodySize)
	f.field(c.l.Payee, payee, bodySize)
	f.field(c.l.Amount, c.money(amount), bodySize)
}
