package extract

import (
	"testing"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" when the input must be rejected
	}{
		// fr
		{"15/01/2026", "2026-01-15"},
		{"15 janvier 2026", "2026-01-15"},
		{"1er mars 2026", "2026-03-01"},
		{"1er MARS 2026", "2026-03-01"},
		{"15 février 2026", "2026-02-15"},
		{"15 fevrier 2026", "2026-02-15"},
		{"3 août 2025", "2025-08-03"},
		{"3 aout 2025", "2025-08-03"},
		{"31 décembre 2030", "2030-12-31"},
		// nl
		{"15-01-2026", "2026-01-15"},
		{"15 januari 2026", "2026-01-15"},
		{"1 maart 2026", "2026-03-01"},
		{"17 mei 2026", "2026-05-17"},
		// de
		{"15.01.2026", "2026-01-15"},
		{"15. Januar 2026", "2026-01-15"},
		{"3. März 2026", "2026-03-03"},
		{"3. Marz 2026", "2026-03-03"},
		{"24. Dezember 2026", "2026-12-24"},
		// en
		{"2026-01-15", "2026-01-15"},
		{"15 January 2026", "2026-01-15"},
		{"January 15, 2026", "2026-01-15"},
		{"March 1st, 2026", "2026-03-01"},
		{"Sept. 9, 2026", "2026-09-09"},
		// sr
		{"15.01.2026.", "2026-01-15"},
		{"15.09.2026.", "2026-09-15"},
		{"15. 09. 2026.", "2026-09-15"},
		{"15. januara 2026.", "2026-01-15"},
		{"15. januara 2026. godine", "2026-01-15"},
		{"1. marta 2026.", "2026-03-01"},
		{"20. avgusta 2026.", "2026-08-20"},
		{"15. јануара 2026.", "2026-01-15"},
		{"7. фебруара 2026.", "2026-02-07"},
		{"30. новембра 2026. године", "2026-11-30"},
		{"1. мај 2026.", "2026-05-01"},
		// ru
		{"15 января 2026 г.", "2026-01-15"},
		{"15 января 2026 года", "2026-01-15"},
		{"1 мая 2026 г.", "2026-05-01"},
		{"1 МАЯ 2026", "2026-05-01"},
		{"31 декабря 2025 г.", "2025-12-31"},
		{"12 сентября 2026", "2026-09-12"},
		// zh
		{"2026年1月15日", "2026-01-15"},
		{"2026 年 12 月 1 日", "2026-12-01"},
		{"２０２６年１月１５日", "2026-01-15"},
		// OCR noise
		{" 15/01/2026 ", "2026-01-15"},
		{"l5.O1.2026", "2026-01-15"},
		{"15 . 01 . 2026", "2026-01-15"},
		{"15 JANVIER 2026", "2026-01-15"},
		{"15 janvler 2026", ""},
		// impossible or not a date
		{"31.02.2026", ""},
		{"29.02.2025", ""},
		{"29.02.2024", "2024-02-29"},
		{"32/01/2026", ""},
		{"15/13/2026", ""},
		{"2026-13-01", ""},
		{"31 avril 2026", ""},
		{"15/01-2026", ""},
		{"", ""},
		{"hello", ""},
		{"le 15/01/2026", ""},
		{"15/01/2026 et 16/01/2026", ""},
		{"2026", ""},
	} {
		d, ok := ParseDate(tc.in)
		if got := d.String(); got != tc.want || ok != (tc.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	for _, tc := range []struct {
		name, text, lang, script string
	}{
		{"fr", "Le titulaire de la carte de séjour doit présenter les pièces justificatives à la préfecture avant la date d'expiration.", "fr", "Latn"},
		{"fr no accents", "Le titulaire de la carte de sejour doit presenter les pieces a la prefecture avant la date", "fr", "Latn"},
		{"nl", "De houder van deze verblijfskaart moet zich binnen acht dagen aanmelden bij het gemeentebestuur van de woonplaats.", "nl", "Latn"},
		{"de", "Der Inhaber dieses Aufenthaltstitels ist berechtigt, sich im Bundesgebiet aufzuhalten und eine Erwerbstätigkeit auszuüben.", "de", "Latn"},
		{"en", "This is to certify that the holder of this card is employed by our company and has been working with us since 2019.", "en", "Latn"},
		{"sr latn", "Ovim se potvrđuje da je imenovani zaposlen u našem preduzeću od 1. marta 2019. godine i da mu je radni odnos na neodređeno vreme.", "sr", "Latn"},
		{"sr cyrl", "Овим се потврђује да је именовани запослен у нашем предузећу од 1. марта 2019. године и да му је радни однос на неодређено време.", "sr", "Cyrl"},
		{"sr cyrl short", "ДОЗВОЛА ЗА СТАЛНИ БОРАВАК\nПрезиме: ПЕТРОВИЋ\nИме: МАРКО\nДатум рођења: 12.03.1985.", "sr", "Cyrl"},
		{"ru", "Настоящая справка выдана в том, что гражданин Иванов Иван Иванович работает в нашей организации в должности инженера.", "ru", "Cyrl"},
		{"ru short", "ВИД НА ЖИТЕЛЬСТВО\nФамилия: ИВАНОВ\nИмя: ИВАН\nДата выдачи: 15.01.2026", "ru", "Cyrl"},
		{"zh", "兹证明张伟，男，1985年3月12日出生，在我局辖区居住期间，未发现有犯罪记录。", "zh", "Hans"},
		{"zh with latin", "APOSTILLE\n附加证明书\n1. 国家：中华人民共和国\n本公文由张伟签署", "zh", "Hans"},
		{"empty", "12/03/2026 123456", "", ""},
	} {
		lang, script := DetectLanguage(tc.text)
		if lang != tc.lang || script != tc.script {
			t.Errorf("%s: DetectLanguage = %q %q; want %q %q", tc.name, lang, script, tc.lang, tc.script)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"DÉLIVRÉ LE", "delivre le"},
		{"Dé1ivré   le", "delivre le"},
		{"ПACПOPT", "паспорт"},   // Latin A, C, O, P, T in a Cyrillic word
		{"PАSSPОRT", "passport"}, // Cyrillic А, О in a Latin word
		{"Счёт  за  электроэнергию", "счет за электроэнергию"},
		{"Né(e) le", "nee le"},
		{"Valable jusqu’au", "valable jusqu au"},
		{"  a \n\n  b  ", "a\n\nb"},
		{"Straße", "strasse"},
		{"ČĆŠŽĐ", "ccszd"},
		{"２０２６年", "2026年"},
		{"2O26-OOO1234", "2026-0001234"},
	} {
		if got := normalize(tc.in).text; got != tc.want {
			t.Errorf("normalize(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
	n := normalize("Nom : DUPONTÉ")
	if got := n.origSpan(6, len(n.text)); got != "DUPONTÉ" {
		t.Errorf("origSpan = %q", got)
	}
}

func TestVocabularyCompiles(t *testing.T) {
	v, err := compile(vocabularyYAML)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.titles) < 100 || len(v.labels) < 100 || len(v.months) < 100 {
		t.Errorf("vocabulary too small: %d titles, %d labels, %d months", len(v.titles), len(v.labels), len(v.months))
	}
	if _, err := compile([]byte("typo: 1\n")); err == nil {
		t.Error("unknown key accepted")
	}
	if _, err := compile([]byte("types:\n  passporte:\n    titles: [x]\n")); err == nil {
		t.Error("unknown type accepted")
	}
}
