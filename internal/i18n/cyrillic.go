package i18n

import (
	"strings"
	"unicode"
)

// Serbian is written in both scripts, one letter for one letter: the
// Cyrillic catalogue (sr-Cyrl) is the Latin one (catalog/sr.json) turned
// letter by letter, so that the two never say different things.

// latinToCyrillic maps Serbian Latin letters, digraphs first, to Cyrillic.
var latinToCyrillic = strings.NewReplacer(
	"LJ", "Љ", "Lj", "Љ", "lj", "љ", "NJ", "Њ", "Nj", "Њ", "nj", "њ", "DŽ", "Џ", "Dž", "Џ", "dž", "џ",
	"A", "А", "B", "Б", "V", "В", "G", "Г", "D", "Д", "Đ", "Ђ", "E", "Е", "Ž", "Ж", "Z", "З", "I", "И",
	"J", "Ј", "K", "К", "L", "Л", "M", "М", "N", "Н", "O", "О", "P", "П", "R", "Р", "S", "С", "T", "Т",
	"Ć", "Ћ", "U", "У", "F", "Ф", "H", "Х", "C", "Ц", "Č", "Ч", "Š", "Ш",
	"a", "а", "b", "б", "v", "в", "g", "г", "d", "д", "đ", "ђ", "e", "е", "ž", "ж", "z", "з", "i", "и",
	"j", "ј", "k", "к", "l", "л", "m", "м", "n", "н", "o", "о", "p", "п", "r", "р", "s", "с", "t", "т",
	"ć", "ћ", "u", "у", "f", "ф", "h", "х", "c", "ц", "č", "ч", "š", "ш",
)

// keptLatin are words that stay in Latin letters in Serbian Cyrillic
// text: names of programs and what the user types.
var keptLatin = map[string]bool{
	"intake": true, "Tesseract": true, "help": true, "bash": true, "zsh": true, "fish": true, "Ctrl-C": true,
	"PDF": true, "JPEG": true, "PNG": true, "OCR": true, "MRZ": true,
}

// Cyrillic writes Serbian Latin text s in Cyrillic letters. fmt verbs
// (%s, %[2]d, %%), acronyms (PDF, MRZ, OCR), words with letters Serbian
// does not have (q, w, x, y), flags (--text) and program names stay as
// they are.
func Cyrillic(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		// A fmt verb: % then flags, an argument index, and a verb letter.
		if s[0] == '%' {
			i := 1
			for i < len(s) && strings.IndexByte("[]0123456789.+-# ", s[i]) >= 0 {
				i++
			}
			if i < len(s) {
				i++
			}
			b.WriteString(s[:i])
			s = s[i:]
			continue
		}
		end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '%' })
		if end < 0 {
			end = len(s)
		}
		if end == 0 {
			b.WriteByte(s[0])
			s = s[1:]
			continue
		}
		word := s[:end]
		b.WriteString(cyrillicWord(word))
		s = s[end:]
	}
	return b.String()
}

func cyrillicWord(w string) string {
	core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	head, ending, hyphen := strings.Cut(core, "-")
	switch {
	case keptLatin[core], strings.HasPrefix(w, "-"), strings.ContainsAny(w, "qwxyQWXY"):
		return w
	case hyphen && keptLatin[head]:
		// An acronym with a case ending: OCR-om → OCR-ом.
		return strings.Replace(w, "-"+ending, "-"+latinToCyrillic.Replace(ending), 1)
	}
	return latinToCyrillic.Replace(w)
}
