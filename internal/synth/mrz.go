package synth

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// CheckDigit returns the ICAO 9303 check digit of s: characters are valued
// 0–9 for digits, 10–35 for A–Z and 0 for the filler '<', weighted 7, 3, 1
// in turn, and the sum is taken modulo 10. It panics on any other character.
func CheckDigit(s string) byte {
	weights := [3]int{7, 3, 1}
	sum := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		case c == '<':
			v = 0
		default:
			panic(fmt.Sprintf("synth: character %q not allowed in an MRZ", c))
		}
		sum += v * weights[i%3]
	}
	return byte('0' + sum%10)
}

// mrzField upper-cases s, maps it to the MRZ alphabet and pads or cuts it
// to n characters with the filler '<'.
func mrzField(s string, n int) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(translit(s)) {
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ', r == '-', r == '\'', r == ',', r == '.', r == '<':
			b.WriteByte('<')
		}
	}
	out := b.String()
	if len(out) > n {
		return out[:n]
	}
	return out + strings.Repeat("<", n-len(out))
}

// mrzName is the name field: SURNAME<<GIVEN<NAMES, padded or cut to n.
func mrzName(surname, given string, n int) string {
	s := strings.Trim(mrzField(surname, 200), "<")
	g := strings.Trim(mrzField(given, 200), "<")
	name := s
	if g != "" {
		name += "<<" + g
	}
	return mrzField(name, n)
}

func mrzDate(t time.Time) string {
	if t.IsZero() {
		return "<<<<<<"
	}
	return t.Format("060102")
}

func mrzSex(s string) string {
	switch strings.ToUpper(s) {
	case "M", "F":
		return strings.ToUpper(s)
	}
	return "<"
}

// optCheck is the check digit of an optional data field: '<' when the
// field is empty (as many issuers print it), the computed digit otherwise.
func optCheck(field string) string {
	if strings.Trim(field, "<") == "" {
		return "<"
	}
	return string(CheckDigit(field))
}

// MRZTD3 returns the two 44-character lines of a passport's MRZ.
// docType is "P" or a two-letter code such as "PO"; issuing and nationality
// are alpha-3 codes ("D" for Germany is padded with fillers); optional is
// the personal number (may be empty).
func MRZTD3(docType, issuing, number string, p Person, expiry time.Time, optional string) [2]string {
	l1 := mrzField(docType, 2) + mrzField(issuing, 3) + mrzName(p.Surname, p.GivenNames, 39)
	num := mrzField(number, 9)
	opt := mrzField(optional, 14)
	l2 := num + string(CheckDigit(num)) +
		mrzField(p.Nationality, 3) +
		mrzDate(p.BirthDate) + string(CheckDigit(mrzDate(p.BirthDate))) +
		mrzSex(p.Sex) +
		mrzDate(expiry) + string(CheckDigit(mrzDate(expiry))) +
		opt + optCheck(opt)
	// Composite: document number with its digit, birth date with its digit,
	// expiry date with its digit, optional data with its digit.
	comp := l2[0:10] + l2[13:20] + l2[21:43]
	l2 += string(CheckDigit(comp))
	return [2]string{l1, l2}
}

// MRZTD1 returns the three 30-character lines of an identity or residence
// card's MRZ. A document number longer than 9 characters overflows into
// the optional data, as ICAO prescribes (the number field's check digit
// is then '<').
func MRZTD1(docType, issuing, number string, p Person, expiry time.Time, optional1, optional2 string) [3]string {
	num := strings.Trim(mrzField(number, 30), "<")
	var l1 string
	if len(num) <= 9 {
		n9 := mrzField(num, 9)
		l1 = mrzField(docType, 2) + mrzField(issuing, 3) + n9 + string(CheckDigit(n9)) + mrzField(optional1, 15)
	} else {
		over := num[9:] + string(CheckDigit(num)) + strings.Trim(mrzField(optional1, 15), "<")
		l1 = mrzField(docType, 2) + mrzField(issuing, 3) + num[:9] + "<" + mrzField(over, 15)
	}
	l2 := mrzDate(p.BirthDate) + string(CheckDigit(mrzDate(p.BirthDate))) +
		mrzSex(p.Sex) +
		mrzDate(expiry) + string(CheckDigit(mrzDate(expiry))) +
		mrzField(p.Nationality, 3) +
		mrzField(optional2, 11)
	comp := l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]
	l2 += string(CheckDigit(comp))
	l3 := mrzName(p.Surname, p.GivenNames, 30)
	return [3]string{l1, l2, l3}
}

// translit maps Latin letters with diacritics and Serbian Cyrillic to
// plain ASCII, as an MRZ needs (ICAO 9303 part 3 transliteration, reduced).
func translit(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 {
			b.WriteRune(r)
			continue
		}
		if t, ok := translitTable[r]; ok {
			b.WriteString(t)
			continue
		}
		lr := unicode.ToLower(r)
		if t, ok := translitTable[lr]; ok {
			b.WriteString(strings.ToUpper(t))
			continue
		}
		b.WriteByte('<')
	}
	return b.String()
}

var translitTable = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ä': "ae", 'ã': "a", 'å': "aa", 'æ': "ae",
	'ç': "c", 'č': "c", 'ć': "c", 'đ': "d", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o",
	'ö': "oe", 'õ': "o", 'ø': "oe", 'œ': "oe", 'š': "s", 'ß': "ss", 'ù': "u", 'ú': "u",
	'û': "u", 'ü': "ue", 'ý': "y", 'ÿ': "y", 'ž': "z",
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ђ': "d", 'е': "e", 'ж': "z",
	'з': "z", 'и': "i", 'ј': "j", 'к': "k", 'л': "l", 'љ': "lj", 'м': "m", 'н': "n",
	'њ': "nj", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'ћ': "c", 'у': "u",
	'ф': "f", 'х': "h", 'ц': "c", 'ч': "c", 'џ': "dz", 'ш': "s",
	'й': "i", 'ё': "e", 'ы': "y", 'э': "e", 'ю': "iu", 'я': "ia", 'щ': "shch", 'ь': "", 'ъ': "ie",
}
