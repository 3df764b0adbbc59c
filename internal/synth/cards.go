package synth

import (
	"fmt"
	"strings"

	"github.com/intake-app/intake/document"
)

// passport labels: surname, given names, nationality, date of birth, sex,
// place of birth, date of issue, date of expiry, passport no., type,
// country code, authority.
var passportLabels = map[string][12]string{
	"en":      {"Surname", "Given names", "Nationality", "Date of birth", "Sex", "Place of birth", "Date of issue", "Date of expiry", "Passport No.", "Type", "Country code", "Authority"},
	"zh":      {"姓", "名", "国籍", "出生日期", "性别", "出生地点", "签发日期", "有效期至", "护照号", "类型", "国家码", "签发机关"},
	"fr":      {"Nom", "Prénoms", "Nationalité", "Date de naissance", "Sexe", "Lieu de naissance", "Date de délivrance", "Date d'expiration", "N° du passeport", "Type", "Code du pays", "Autorité"},
	"sr":      {"Prezime", "Ime", "Državljanstvo", "Datum rođenja", "Pol", "Mesto rođenja", "Datum izdavanja", "Datum isteka", "Broj pasoša", "Tip", "Šifra države", "Izdaje"},
	"sr-Cyrl": {"Презиме", "Име", "Држављанство", "Датум рођења", "Пол", "Место рођења", "Датум издавања", "Датум истека", "Број пасоша", "Тип", "Шифра државе", "Издаје"},
	"ru":      {"Фамилия", "Имя", "Гражданство", "Дата рождения", "Пол", "Место рождения", "Дата выдачи", "Действителен до", "Номер паспорта", "Тип", "Код государства", "Орган, выдавший документ"},
	"de":      {"Name", "Vornamen", "Staatsangehörigkeit", "Geburtsdatum", "Geschlecht", "Geburtsort", "Ausstellungsdatum", "Gültig bis", "Pass-Nr.", "Typ", "Kode", "Behörde"},
	"nl":      {"Naam", "Voornamen", "Nationaliteit", "Geboortedatum", "Geslacht", "Geboorteplaats", "Datum van afgifte", "Geldig tot", "Paspoortnummer", "Soort", "Code", "Instantie"},
}

var stateHeader = map[string]string{
	"CHN": "中华人民共和国  PEOPLE'S REPUBLIC OF CHINA",
	"SRB": "REPUBLIKA SRBIJA  REPUBLIC OF SERBIA",
	"FRA": "RÉPUBLIQUE FRANÇAISE",
	"RUS": "РОССИЙСКАЯ ФЕДЕРАЦИЯ  RUSSIAN FEDERATION",
	"BEL": "ROYAUME DE BELGIQUE  KONINKRIJK BELGIË",
	"D":   "BUNDESREPUBLIK DEUTSCHLAND",
	"NLD": "KONINKRIJK DER NEDERLANDEN",
	"UKR": "УКРАЇНА  UKRAINE",
}

var authority = map[string]string{
	"CHN": "国家移民管理局 NIA", "SRB": "MUP Republike Srbije", "FRA": "Préfecture de police", "RUS": "МВД России",
	"BEL": "Stad Antwerpen", "D": "Stadt München", "NLD": "Burgemeester van Amsterdam",
}

// mrzDocCode is the two-letter document code of a passport or card.
func (c *ctx) mrzDocCode() string {
	switch c.doc.Type {
	case document.Passport:
		if countryAlpha3(c.doc.Country) == "CHN" {
			return "PO"
		}
		return "P"
	case document.ResidencePermit:
		return "IR"
	}
	return "ID"
}

// MRZ returns the lines of the machine-readable zone doc prints: two of 44
// characters for a passport, three of 30 for a residence permit or an
// identity card, nil for other documents. holder is the dossier's holder
// (doc.Holder, when set, wins).
func (doc Doc) MRZ(d Dossier) []string {
	doc = withDefaults(d, doc)
	c := &ctx{d: d, doc: doc, key: langKey(doc.Lang, doc.Script), p: d.Holder}
	if doc.Holder != nil {
		c.p = *doc.Holder
	}
	if c.p.Nationality == "" {
		c.p.Nationality = d.Nationality
	}
	return c.mrz()
}

func (c *ctx) mrz() []string {
	issuing := countryAlpha3(c.doc.Country)
	var lines []string
	switch c.doc.Type {
	case document.Passport:
		l := MRZTD3(c.mrzDocCode(), issuing, c.doc.Number, c.p, c.doc.Expires, "")
		lines = l[:]
		if c.doc.BadMRZ {
			lines[1] = breakDigit(lines[1], 9)
		}
	case document.ResidencePermit, document.IDCard:
		l := MRZTD1(c.mrzDocCode(), issuing, c.doc.Number, c.p, c.doc.Expires, "", "")
		lines = l[:]
		if c.doc.BadMRZ {
			lines[0] = breakDigit(lines[0], 14)
		}
	}
	return lines
}

func breakDigit(line string, i int) string {
	b := []byte(line)
	if b[i] >= '0' && b[i] <= '9' {
		b[i] = '0' + (b[i]-'0'+1)%10
	} else {
		b[i] = '1'
	}
	return string(b)
}

// ocrbSize is the point size at which OCR-B has the MRZ's pitch of 10
// characters per inch.
func ocrbSize() (float64, error) {
	w, err := textWidth(fOCRB, 10, strings.Repeat("<", 10))
	if err != nil {
		return 0, err
	}
	return 10 * 25.4 / w, nil
}

func (c *ctx) bilingual(i int) string {
	native := passportLabels[c.key]
	if native[0] == "" {
		native = passportLabels["en"]
	}
	if c.key == "en" {
		return native[i]
	}
	return native[i] + " / " + passportLabels["en"][i]
}

// passport lays out a phone photo of a passport's data page lying on a
// dark table.
func (c *ctx) passport() ([]*page, error) {
	p := newPage(150, 112)
	p.paper = 72
	x, y := 12.5, 12.0
	p.fill(x+0.8, y+0.8, 125, 88, 45) // shadow
	p.fill(x, y, 125, 88, 230)
	p.fill(x, y, 125, 9, 214)
	state := countryAlpha3(c.doc.Country)
	head := stateHeader[state]
	if head == "" {
		head = nationalityName(state, "en")
	}
	p.text(x+62.5, y+6.2, 8, fSansBold, alignCenter, head)
	t := c.title()
	if c.key != "en" {
		t += "  PASSPORT"
	}
	p.text(x+62.5, y+14.5, 12, fSansBold, alignCenter, t)
	p.portrait(x+5, y+19, 30, 38)
	lab := func(cx, cy float64, i int, value string) {
		p.text(cx, cy, 5.5, fSans, alignLeft, c.bilingual(i))
		p.els[len(p.els)-1].gray = 60
		p.text(cx, cy+3.7, 8.5, fSansBold, alignLeft, value)
	}
	c1, c2 := x+40, x+84
	row := y + 20.5
	lab(c1, row, 9, c.mrzDocCode())
	lab(c1+14, row, 10, state)
	lab(c2, row, 8, c.doc.Number)
	row += 8.2
	lab(c1, row, 0, strings.ToUpper(c.p.Surname))
	row += 8.2
	lab(c1, row, 1, strings.ToUpper(c.p.GivenNames))
	row += 8.2
	lab(c1, row, 4, c.sex())
	lab(c1+20, row, 2, strings.ToUpper(nationalityName(c.p.Nationality, "en")))
	row += 8.2
	lab(c1, row, 3, formatDate(c.p.BirthDate, "en", DatesLong))
	lab(c2, row, 5, strings.ToUpper(c.p.BirthPlace))
	row += 8.2
	lab(c1, row, 6, formatDate(c.doc.Issued, "en", DatesLong))
	lab(c2, row, 7, formatDate(c.doc.Expires, "en", DatesLong))
	row += 8.2
	lab(c1, row, 11, authority[state])
	// The MRZ: a light band at the bottom of the page.
	p.fill(x, y+88-14, 125, 14, 238)
	size, err := ocrbSize()
	if err != nil {
		return nil, err
	}
	for i, l := range c.mrz() {
		p.text(x+6.6, y+88-8.6+float64(i)*4.6, size, fOCRB, alignLeft, l)
	}
	return []*page{p}, nil
}

// card lays out the front and the back of a TD1 card scanned on one A4
// page.
func (c *ctx) card() ([]*page, error) {
	p := a4()
	p.paper = 250
	const W, H = 85.6, 54.0
	x, y := 24.0, 24.0
	// Front.
	p.fill(x, y, W, H, 236)
	p.frame(x, y, W, H, 0.3, 150)
	iss := c.issuer(issGov)
	p.text(x+W/2, y+4.8, 7, fSansBold, alignCenter, iss[0])
	p.text(x+W/2, y+9.8, 9, fSansBold, alignCenter, c.title())
	p.portrait(x+3.5, y+13.5, 22, 28)
	lab := func(cx, cy float64, label, value string) {
		p.text(cx, cy, 6, fSans, alignLeft, label)
		p.els[len(p.els)-1].gray = 50
		p.text(cx, cy+3.3, 8, fSansBold, alignLeft, value)
	}
	c1, c2 := x+28.5, x+58
	row := y + 15.5
	if c.key == "zh" {
		lab(c1, row, c.l.Name, c.fullName())
		row += 7.3
		lab(c1, row, "", strings.ToUpper(c.p.Surname+" "+c.p.GivenNames))
	} else {
		lab(c1, row, c.l.Surname, strings.ToUpper(c.p.Surname))
		row += 7.3
		lab(c1, row, c.l.Given, strings.ToUpper(c.p.GivenNames))
	}
	row += 7.3
	lab(c1, row, c.l.Birth, c.date(c.p.BirthDate))
	lab(c2, row, c.l.Sex, c.sex())
	row += 7.3
	lab(c1, row, c.l.Nationality, nationalityName(c.p.Nationality, c.key))
	lab(c2, row, c.l.Number, c.doc.Number)
	row += 7.3
	lab(c1, row, c.l.Issued, c.date(c.doc.Issued))
	lab(c2, row, c.l.Expires, c.date(c.doc.Expires))
	// Back.
	by := y + H + 14
	p.fill(x, by, W, H, 236)
	p.frame(x, by, W, H, 0.3, 150)
	f := p.flow(x+4, by+1, W-8)
	f.field(c.l.Address, c.p.Address, 7)
	if c.doc.Category != "" {
		f.line(c.doc.Category, 8, fSansBold, alignLeft)
	}
	if len(iss) > 1 {
		f.line(iss[len(iss)-1], 7, fSans, alignLeft)
	}
	p.fill(x+0.3, by+H-16, W-0.6, 15.7, 242)
	size, err := ocrbSize()
	if err != nil {
		return nil, err
	}
	for i, l := range c.mrz() {
		p.text(x+4.7, by+H-11.4+float64(i)*4.3, size, fOCRB, alignLeft, l)
	}
	return []*page{p}, f.err
}

var apostilleLabels = map[string][12]string{
	"en":      {"1. Country:", "This public document", "2. has been signed by", "3. acting in the capacity of", "4. bears the seal/stamp of", "Certified", "5. at", "6. Date of issue", "7. by", "8. No.", "9. Seal/stamp:", "10. Signature:"},
	"zh":      {"1. 国家 Country:", "本公文书 This public document", "2. 签字人 has been signed by", "3. 签字人身份 acting in the capacity of", "4. 印章 bears the seal/stamp of", "证明 Certified", "5. 地点 at", "6. 签发日期 Date of issue", "7. 签发机关 by", "8. 编号 No.", "9. 印章 Seal/stamp:", "10. 签名 Signature:"},
	"fr":      {"1. Pays :", "Le présent acte public", "2. a été signé par", "3. agissant en qualité de", "4. est revêtu du sceau / timbre de", "Attesté", "5. à", "6. Délivré le", "7. par", "8. sous n°", "9. Sceau / timbre :", "10. Signature :"},
	"sr":      {"1. Država:", "Ova javna isprava", "2. potpisana je od strane", "3. u svojstvu", "4. snabdevena je pečatom", "Potvrđeno", "5. u", "6. Datum izdavanja", "7. od strane", "8. pod brojem", "9. Pečat:", "10. Potpis:"},
	"sr-Cyrl": {"1. Држава:", "Ова јавна исправа", "2. потписана је од стране", "3. у својству", "4. снабдевена је печатом", "Потврђено", "5. у", "6. Датум издавања", "7. од стране", "8. под бројем", "9. Печат:", "10. Потпис:"},
	"ru":      {"1. Страна:", "Настоящий официальный документ", "2. подписан", "3. выступающим в качестве", "4. скреплён печатью", "Удостоверено", "5. в", "6. Дата выдачи", "7. кем", "8. за №", "9. Печать:", "10. Подпись:"},
	"de":      {"1. Land:", "Diese öffentliche Urkunde", "2. ist unterschrieben von", "3. in seiner Eigenschaft als", "4. sie ist versehen mit dem Siegel/Stempel des/der", "Bestätigt", "5. in", "6. Ausstellungsdatum", "7. durch", "8. unter Nr.", "9. Siegel/Stempel:", "10. Unterschrift:"},
	"nl":      {"1. Land:", "Deze openbare akte", "2. is ondertekend door", "3. handelend in de hoedanigheid van", "4. is voorzien van het zegel/stempel van", "Voor echt verklaard", "5. te", "6. Datum van afgifte", "7. door", "8. onder nr.", "9. Zegel/stempel:", "10. Handtekening:"},
}

var apostilleCertifies = map[string]string{
	"en":      "This Apostille certifies the signature on document no. %s.",
	"zh":      "本证明书仅证明编号为%[1]s的文书上的签名和印章属实。This Apostille certifies the signature on document no. %[1]s.",
	"fr":      "La présente apostille certifie la signature apposée sur le document n° %s.",
	"sr":      "Ovim apostilom se potvrđuje potpis na dokumentu br. %s.",
	"sr-Cyrl": "Овим апостилом се потврђује потпис на документу бр. %s.",
	"ru":      "Настоящий апостиль удостоверяет подпись на документе № %s.",
	"de":      "Diese Apostille bestätigt die Unterschrift auf dem Dokument Nr. %s.",
	"nl":      "Deze apostille bevestigt de handtekening op document nr. %s.",
}

var stateName = map[string]map[string]string{
	"CN": {"zh": "中华人民共和国 People's Republic of China", "en": "People's Republic of China", "fr": "République populaire de Chine", "sr": "Narodna Republika Kina", "sr-Cyrl": "Народна Република Кина", "ru": "Китайская Народная Республика", "de": "Volksrepublik China", "nl": "Volksrepubliek China"},
	"RS": {"zh": "塞尔维亚共和国 Republic of Serbia", "en": "Republic of Serbia", "fr": "République de Serbie", "sr": "Republika Srbija", "sr-Cyrl": "Република Србија", "ru": "Республика Сербия", "de": "Republik Serbien", "nl": "Republiek Servië"},
	"FR": {"zh": "法兰西共和国 French Republic", "en": "French Republic", "fr": "République française", "sr": "Republika Francuska", "sr-Cyrl": "Република Француска", "ru": "Французская Республика", "de": "Französische Republik", "nl": "Franse Republiek"},
	"RU": {"zh": "俄罗斯联邦 Russian Federation", "en": "Russian Federation", "fr": "Fédération de Russie", "sr": "Ruska Federacija", "sr-Cyrl": "Руска Федерација", "ru": "Российская Федерация", "de": "Russische Föderation", "nl": "Russische Federatie"},
	"BE": {"zh": "比利时王国 Kingdom of Belgium", "en": "Kingdom of Belgium", "fr": "Royaume de Belgique", "sr": "Kraljevina Belgija", "sr-Cyrl": "Краљевина Белгија", "ru": "Королевство Бельгия", "de": "Königreich Belgien", "nl": "Koninkrijk België"},
}

var (
	signers     = map[string]string{"zh": "李明 Li Ming", "en": "John Smith", "fr": "Marie Dubois", "sr": "Jelena Petrović", "sr-Cyrl": "Јелена Петровић", "ru": "Иванова Е. П.", "de": "Anna Weber", "nl": "Jan Janssens"}
	capacities  = map[string]string{"zh": "公证员 Notary", "en": "Notary", "fr": "notaire", "sr": "javni beležnik", "sr-Cyrl": "јавни бележник", "ru": "нотариус", "de": "Notar", "nl": "notaris"}
	cities      = map[string]string{"zh": "北京 Beijing", "en": "London", "fr": "Paris", "sr": "Beograd", "sr-Cyrl": "Београд", "ru": "Москва", "de": "München", "nl": "Brussel"}
	translators = map[string]string{"zh": "张伟", "en": "John Smith", "fr": "Claire Martin", "sr": "Milica Jovanović", "sr-Cyrl": "Милица Јовановић", "ru": "Смирнова О. В.", "de": "Anna Schmidt", "nl": "Els Peeters"}
)

func pick(m map[string]string, key string) string {
	if v, ok := m[key]; ok {
		return v
	}
	return m["en"]
}

// apostille lays out a Hague apostille: the ten numbered fields and the
// number of the document whose signature it certifies.
func (c *ctx) apostille() ([]*page, error) {
	p := a4()
	p.paper = 250
	x0, w := 28.0, 154.0
	f := p.flow(x0, 26, w)
	if c.key == "zh" {
		f.line("附加证明书", 20, fSansBold, alignCenter)
		f.line("APOSTILLE", 22, fSansBold, alignCenter)
	} else {
		f.line(c.title(), 24, fSansBold, alignCenter)
	}
	f.line("(Convention de La Haye du 5 octobre 1961)", 11, fSans, alignCenter)
	f.gap(5)
	al, ok := apostilleLabels[c.key]
	if !ok {
		al = apostilleLabels["en"]
	}
	country := stateName[strings.ToUpper(c.doc.Country)][c.key]
	if country == "" {
		country = c.doc.Country
	}
	sealOf := c.issuer(issNotary)
	by := c.issuer(issApostille)[0]
	f.field(strings.TrimSuffix(strings.TrimSpace(al[0]), ":"), country, bodySize)
	f.gap(2)
	f.line(al[1], bodySize, fSansBold, alignLeft)
	f.field(al[2], pick(signers, c.key), bodySize)
	f.field(al[3], pick(capacities, c.key), bodySize)
	f.field(al[4], sealOf[len(sealOf)-1], bodySize)
	f.gap(2)
	f.line(al[5], bodySize, fSansBold, alignLeft)
	f.field(al[6], pick(cities, c.key), bodySize)
	f.field(al[7], c.date(c.doc.Issued), bodySize)
	f.field(al[8], by, bodySize)
	f.field(al[9], c.doc.Number, bodySize)
	f.gap(6)
	f.line(al[10], bodySize, fSans, alignLeft)
	p.stamp(x0+45, f.y+14, 15, "")
	p.text(x0+100, f.y, bodySize, pickFont(fSans, al[11]), alignLeft, al[11])
	p.signature(x0+105, f.y+14, 38)
	f.gap(34)
	if len(c.doc.References) > 0 {
		cert := apostilleCertifies[c.key]
		if cert == "" {
			cert = apostilleCertifies["en"]
		}
		f.para(fmt.Sprintf(cert, c.doc.References[0]), bodySize, fSans)
	}
	p.frame(x0-4, 22, w+8, f.y-22+8, 0.6, 60)
	return []*page{p}, f.err
}

var originalDated = map[string]string{
	"fr": "Original établi le %s.", "nl": "Origineel gedateerd %s.", "de": "Datum des Originals: %s.", "en": "Original dated %s.",
	"sr": "Original je sačinjen %s", "sr-Cyrl": "Оригинал је сачињен %s", "ru": "Оригинал составлен %s.", "zh": "原件日期：%s",
}

// translatedIssuer renders the issuer of a Chinese notarial certificate in
// the translation's language.
var translatedIssuer = map[string][]string{
	"sr":      {"NARODNA REPUBLIKA KINA", "Javnobeležnička kancelarija Džongsin, Peking"},
	"sr-Cyrl": {"НАРОДНА РЕПУБЛИКА КИНА", "Јавнобележничка канцеларија Џонгсин, Пекинг"},
	"fr":      {"RÉPUBLIQUE POPULAIRE DE CHINE", "Office notarial Zhongxin de Pékin"},
	"en":      {"PEOPLE'S REPUBLIC OF CHINA", "Beijing Zhongxin Notary Public Office"},
	"de":      {"VOLKSREPUBLIK CHINA", "Notariat Zhongxin, Peking"},
	"nl":      {"VOLKSREPUBLIEK CHINA", "Notariskantoor Zhongxin, Peking"},
	"ru":      {"КИТАЙСКАЯ НАРОДНАЯ РЕСПУБЛИКА", "Нотариальная контора Чжунсинь, Пекин"},
}

// translation lays out a certified translation: its own title, the
// translated document's title, the number of the original, the translated
// content and the translator's statement.
func (c *ctx) translation() ([]*page, error) {
	p := a4()
	p.paper = 252
	f := p.flow(margin, margin, 210-2*margin)
	for i, s := range c.issuer(issTranslator) {
		if i == 0 {
			f.line(s, 12, fSansBold, alignLeft)
		} else {
			f.line(s, 10, fSans, alignLeft)
		}
	}
	f.gap(8)
	f.line(c.title(), 16, fSansBold, alignCenter)
	f.gap(2)
	if c.doc.Translates != "" {
		f.line(title(c.doc.Translates, c.key, ""), 15, fSansBold, alignCenter)
	}
	f.gap(2)
	if len(c.doc.References) > 0 {
		f.line(fmt.Sprintf(c.l.TranslationOf, c.doc.References[0]), bodySize, fSans, alignCenter)
	}
	if c.doc.Number != "" {
		f.field(c.l.Number, c.doc.Number, bodySize)
	}
	f.rule()
	f.gap(3)
	var orig Doc
	if len(c.doc.References) > 0 {
		orig, _ = c.docByNumber(c.doc.References[0])
	}
	src := c.doc.SourceLang
	if src == "" {
		src = orig.Lang
	}
	if src == "zh" {
		for _, s := range translatedIssuer[c.key] {
			f.line(s, 11, fSans, alignLeft)
		}
		f.gap(3)
	}
	f.field(c.l.Surname, strings.ToUpper(c.p.Surname), bodySize)
	f.field(c.l.Given, strings.ToUpper(c.p.GivenNames), bodySize)
	f.field(c.l.Birth, c.date(c.p.BirthDate), bodySize)
	f.gap(3)
	if c.doc.Translates != "" {
		f.para(c.body(c.doc.Translates), bodySize, fSans)
	}
	if !orig.Issued.IsZero() {
		f.gap(2)
		f.line(fmt.Sprintf(pick(originalDated, c.key), formatDate(orig.Issued, c.key, DatesLong)), bodySize, fSans, alignLeft)
	}
	f.rule()
	f.gap(4)
	name := pick(translators, c.key)
	if c.doc.Sworn {
		f.para(fmt.Sprintf(c.l.Translator, name), bodySize, fSans)
	} else {
		f.para(fmt.Sprintf(c.l.NonSworn, name), bodySize, fSans)
	}
	f.gap(3)
	f.field(c.l.Issued, c.date(c.doc.Issued), bodySize)
	f.gap(16)
	if c.doc.Sworn {
		p.stamp(70, f.y+4, 14, c.l.Stamp)
	}
	p.signature(125, f.y, 40)
	return []*page{p}, f.err
}
