package extract

import (
	"strings"
	"sync"
	"unicode"

	"github.com/pemistahl/lingua-go"
)

// DetectLanguage returns the ISO 639-1 language ("fr", "nl", "de", "en",
// "sr", "ru", "zh", "ar", "ro") and ISO 15924 script ("Latn", "Cyrl",
// "Hans", "Arab") of text, or "" when it cannot tell. Serbian is "sr" in
// both scripts.
//
// The script is counted; the language within a script is told by a
// statistical detector (lingua) restricted to the languages of that
// script intake reads, loaded on first use. Serbian in Latin letters is
// recognised by the Croatian and Bosnian models, its written twins.
func DetectLanguage(text string) (lang, script string) {
	var latin, cyr, han, arab int
	for _, r := range text {
		switch {
		case isHan(r):
			han++
		case isCyrillic(r):
			cyr++
		case r >= 0x0600 && r <= 0x06FF:
			arab++
		case isLatin(r):
			latin++
		}
	}
	switch {
	case han == 0 && cyr == 0 && latin == 0 && arab == 0:
		return "", ""
	case han*3 >= latin && han*3 >= cyr && han > 0:
		return "zh", "Hans"
	case arab >= latin && arab >= cyr:
		return "ar", "Arab"
	case cyr >= latin:
		if cyr < minLetters {
			return "", "Cyrl"
		}
		return cyrillicLanguage(text), "Cyrl"
	}
	if latin < minLetters {
		return "", "Latn"
	}
	return latinLanguage(text), "Latn"
}

// minLetters is the fewest letters of a script a language is told from.
const minLetters = 20

// The detectors, built on first use: each loads the models of its
// languages only, in low-accuracy mode (trigrams: a document's text is
// long enough, and the memory stays small).
var (
	latinDetector = sync.OnceValue(func() lingua.LanguageDetector {
		return lingua.NewLanguageDetectorBuilder().
			FromLanguages(lingua.French, lingua.Dutch, lingua.German, lingua.English, lingua.Croatian, lingua.Bosnian, lingua.Romanian).
			WithLowAccuracyMode().Build()
	})
	cyrillicDetector = sync.OnceValue(func() lingua.LanguageDetector {
		return lingua.NewLanguageDetectorBuilder().
			FromLanguages(lingua.Serbian, lingua.Russian).
			WithLowAccuracyMode().Build()
	})
)

// isoCode is the ISO 639-1 code intake reports for a detected language.
func isoCode(l lingua.Language) string {
	switch l {
	case lingua.Croatian, lingua.Bosnian, lingua.Serbian:
		return "sr"
	}
	return strings.ToLower(l.IsoCode639_1().String())
}

// words calls f with each lower-case word of text.
func words(text string, f func(string)) {
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f(strings.ToLower(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		f(strings.ToLower(text[start:]))
	}
}

func cyrillicLanguage(text string) string {
	// Letters only one of the two has decide at once; OCR reads Serbian ј
	// as Latin j inside a Cyrillic word.
	var sr, ru int
	for _, r := range strings.ToLower(text) {
		switch r {
		case 'ђ', 'ј', 'љ', 'њ', 'ћ', 'џ':
			sr++
		case 'я', 'ю', 'ё', 'й', 'щ', 'ъ', 'ы', 'ь', 'э':
			ru++
		}
	}
	words(text, func(w string) {
		if strings.ContainsRune(w, 'j') && strings.IndexFunc(w, isCyrillic) >= 0 {
			sr++
		}
	})
	switch {
	case sr >= 2 && sr > 2*ru:
		return "sr"
	case ru >= 2 && ru > 2*sr:
		return "ru"
	}
	if l, ok := cyrillicDetector().DetectLanguageOf(sample(text)); ok {
		return isoCode(l)
	}
	if sr > ru {
		return "sr"
	}
	return "ru"
}

// sample is the start of text, enough to tell its language: the detector's
// time grows with the text.
func sample(text string) string {
	const n = 1500
	if len(text) <= n {
		return text
	}
	cut := strings.LastIndexAny(text[:n], " \n")
	if cut < n/2 {
		cut = n
	}
	return strings.ToValidUTF8(text[:cut], "")
}

func latinLanguage(text string) string {
	if l, ok := latinDetector().DetectLanguageOf(sample(text)); ok {
		return isoCode(l)
	}
	return ""
}
