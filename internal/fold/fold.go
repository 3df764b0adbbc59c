// Package fold is the one home for comparing words across the ways they
// are printed: case and accent folding ("DÉLIVRÉ" → "delivre", "ё" → "е")
// and transliteration between Serbian Cyrillic and Latin ("ПОТВРДА" ↔
// "POTVRDA"), which also maps Russian Cyrillic to Latin letters.
//
// Folding keeps Cyrillic and Han as they are: it is for comparison within
// a script. Translit crosses scripts.
package fold

import (
	"strings"
	"unicode"
)

// accents maps a lower-case letter to its folded form: Latin letters lose
// their diacritics (ligatures are spelled out), Cyrillic ё becomes е.
var accents = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ċ': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ñ': "n", 'ń': "n", 'ň': "n", 'ł': "l", 'ľ': "l", 'ĺ': "l",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'œ': "oe", 'ŕ': "r", 'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss",
	'ť': "t", 'ţ': "t", 'ț': "t", 'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u",
	'ű': "u", 'ų': "u", 'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
	'ё': "е",
}

// Rune returns the folded form of a lower-case rune and whether it has
// one (a rune without one folds to itself).
func Rune(r rune) (string, bool) {
	s, ok := accents[r]
	return s, ok
}

// Fold lower-cases s and strips Latin diacritics ("Ž" → "z", "ß" → "ss",
// "Ё" → "е"); combining accents are dropped. Other runes are kept.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteRune(r)
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := accents[r]; ok {
			b.WriteString(f)
		} else if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cyrToLatin is Serbian Cyrillic to Serbian Latin (Gaj's alphabet), with
// the Russian letters Serbian lacks written as a Serbian would.
var cyrToLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ђ': "đ", 'е': "e", 'ж': "ž", 'з': "z",
	'и': "i", 'ј': "j", 'к': "k", 'л': "l", 'љ': "lj", 'м': "m", 'н': "n", 'њ': "nj", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'ћ': "ć", 'у': "u", 'ф': "f", 'х': "h", 'ц': "c",
	'ч': "č", 'џ': "dž", 'ш': "š",
	'ё': "e", 'й': "j", 'щ': "šč", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "ju", 'я': "ja",
	'і': "i", 'ї': "ji", 'є': "je", 'ґ': "g",
}

// Translit writes Cyrillic in Latin letters: Serbian Cyrillic as Serbian
// Latin ("Потврда о некажњавању" → "Potvrda o nekažnjavanju"), Russian
// letters as a Serbian would write them ("Выписка" → "Vypiska"). Case is
// kept; other runes are unchanged.
func Translit(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		lr := unicode.ToLower(r)
		t, ok := cyrToLatin[lr]
		if !ok {
			b.WriteRune(r)
			continue
		}
		if lr != r && t != "" {
			// Upper case: the first letter of a digraph only ("Љ" → "Lj"),
			// unless the word around it is in capitals.
			first := []rune(t)
			t = string(unicode.ToUpper(first[0])) + string(first[1:])
		}
		b.WriteString(t)
	}
	return upperDigraphs(s, b.String())
}

// upperDigraphs upper-cases the second letter of digraphs inside words
// printed in capitals ("ЉУБА" → "LJUBA", not "LjUBA").
func upperDigraphs(orig, out string) string {
	if !strings.ContainsAny(orig, "ЉЊЏЩЮЯЇЄ") {
		return out
	}
	rs := []rune(out)
	for i := 1; i+1 < len(rs); i++ {
		if unicode.IsUpper(rs[i-1]) && unicode.IsLower(rs[i]) && unicode.IsUpper(rs[i+1]) {
			rs[i] = unicode.ToUpper(rs[i])
		}
	}
	if n := len(rs); n >= 2 && unicode.IsUpper(rs[n-2]) && unicode.IsLower(rs[n-1]) && n >= 3 && unicode.IsUpper(rs[n-3]) {
		rs[n-1] = unicode.ToUpper(rs[n-1])
	}
	return string(rs)
}

// latinToSerbian is Serbian Latin to Serbian Cyrillic; digraphs first.
var latinToSerbian = []struct{ lat, cyr string }{
	{"dž", "џ"}, {"lj", "љ"}, {"nj", "њ"},
	{"a", "а"}, {"b", "б"}, {"c", "ц"}, {"č", "ч"}, {"ć", "ћ"}, {"d", "д"}, {"đ", "ђ"}, {"e", "е"},
	{"f", "ф"}, {"g", "г"}, {"h", "х"}, {"i", "и"}, {"j", "ј"}, {"k", "к"}, {"l", "л"}, {"m", "м"},
	{"n", "н"}, {"o", "о"}, {"p", "п"}, {"r", "р"}, {"s", "с"}, {"š", "ш"}, {"t", "т"}, {"u", "у"},
	{"v", "в"}, {"z", "з"}, {"ž", "ж"},
}

// SerbianCyrillic writes Serbian Latin text in Serbian Cyrillic
// ("Potvrda o nekažnjavanju" → "потврда о некажњавању"), in lower case.
// Letters Serbian lacks (q, w, x, y) are kept.
func SerbianCyrillic(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		done := false
		for _, p := range latinToSerbian {
			if strings.HasPrefix(s[i:], p.lat) {
				b.WriteString(p.cyr)
				i += len(p.lat)
				done = true
				break
			}
		}
		if !done {
			r := []rune(s[i:])[0]
			b.WriteRune(r)
			i += len(string(r))
		}
	}
	return b.String()
}

// IsCyrillic reports whether r is a Cyrillic letter.
func IsCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x04FF }

// icaoLatin writes Cyrillic letters as passports' machine-readable zones
// do (ICAO Doc 9303 part 3, transliteration of Cyrillic): Ж → ZH, Х → KH,
// Ц → TS, Ш → SH, Щ → SHCH, Ю → IU/YU, Я → IA/YA. Names are compared with
// it, since the passport's MRZ is the name everything else is checked
// against.
var icaoLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i", 'й': "i",
	'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f",
	'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz", 'і': "i", 'ї': "i", 'є': "e", 'ґ': "g",
}

// Romanize lower-cases s, writes its Cyrillic letters as a passport's MRZ
// does (see icaoLatin) and strips Latin diacritics: the form in which two
// spellings of one name are compared ("Жао Сяомин" → "zhao syaomin").
func Romanize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if t, ok := icaoLatin[r]; ok {
			b.WriteString(t)
			continue
		}
		b.WriteString(Fold(string(r)))
	}
	return b.String()
}

// NameLike reports whether s can be compared as a name: two letters or
// more, all Latin or all Cyrillic, no digits. A mix of scripts, letters
// of other scripts or digits is an OCR misreading ("WANG ЖАОММС",
// "AG9Z 3ASGT") or not a name, and a name in Chinese characters cannot
// be compared letter by letter.
func NameLike(s string) bool {
	latin, cyrillic := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return false
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		default:
			return false
		}
	}
	return (latin >= 2) != (cyrillic >= 2) && min(latin, cyrillic) == 0
}
