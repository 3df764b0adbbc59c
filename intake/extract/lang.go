package extract

import (
	"strings"
	"unicode"
)

// Stopwords per language: short words that are frequent in administrative
// text. A word may belong to several languages.
var stopwords = func() map[string][]string {
	lists := map[string]string{
		"fr":   "le la les des du de et en est une un pour par au aux dans sur que qui avec ce cette son sa ses vous nous il elle pas ne plus à où été né née sous après jusqu",
		"nl":   "het een van en de voor met tot op aan bij is zijn wordt niet dit deze die naar uit of ook als door werd geboren te",
		"de":   "der die das und für von mit ist ein eine den dem des bis auf im zu nicht sich wird werden oder bei vom zum zur am wurde geboren seit",
		"en":   "the of and to for is this with on that by from are be at as an it or was has have been no",
		"sr":   "i je za od na u sa da se o iz do kao koji koja koje ili su godine dana ovo ovaj biti kod po ne rođen rođena prema",
		"sr-c": "и је за од на у са да се о из до као који која које или су године дана ово овај бити код по не рођен рођена према",
		"ru":   "и в во не на что с со по для от до из к о об это как года г при или был была является выдан выдана гражданин",
	}
	m := map[string][]string{}
	for lang, words := range lists {
		for _, w := range strings.Fields(words) {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// DetectLanguage returns the ISO 639-1 language ("fr", "nl", "de", "en",
// "sr", "ru", "zh") and ISO 15924 script ("Latn", "Cyrl", "Hans") of text,
// or "" when it cannot tell. Serbian is "sr" in both scripts.
func DetectLanguage(text string) (lang, script string) {
	var latin, cyr, han int
	for _, r := range text {
		switch {
		case isHan(r):
			han++
		case isCyrillic(r):
			cyr++
		case isLatin(r):
			latin++
		}
	}
	switch {
	case han == 0 && cyr == 0 && latin == 0:
		return "", ""
	case han*3 >= latin && han*3 >= cyr:
		return "zh", "Hans"
	case cyr >= latin:
		return cyrillicLanguage(text), "Cyrl"
	}
	return latinLanguage(text), "Latn"
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
	var sr, ru float64
	for _, r := range strings.ToLower(text) {
		switch r {
		case 'ђ', 'ј', 'љ', 'њ', 'ћ', 'џ':
			sr += 3
		case 'я', 'ю', 'ё', 'й', 'щ', 'ъ', 'ы', 'ь', 'э':
			ru += 3
		}
	}
	words(text, func(w string) {
		for _, l := range stopwords[w] {
			switch l {
			case "sr-c":
				sr++
			case "ru":
				ru++
			}
		}
		// OCR reads Serbian ј as Latin j inside a Cyrillic word.
		if strings.ContainsRune(w, 'j') && strings.IndexFunc(w, isCyrillic) >= 0 {
			sr += 3
		}
	})
	if sr > ru {
		return "sr"
	}
	return "ru"
}

// latinChars are letters that point to one language.
var latinChars = map[rune]string{
	'é': "fr", 'è': "fr", 'ê': "fr", 'à': "fr", 'ç': "fr", 'ù': "fr", 'û': "fr", 'ô': "fr", 'î': "fr", 'œ': "fr",
	'ä': "de", 'ö': "de", 'ü': "de", 'ß': "de",
	'č': "sr", 'ć': "sr", 'š': "sr", 'ž': "sr", 'đ': "sr",
}

func latinLanguage(text string) string {
	score := map[string]float64{}
	lower := strings.ToLower(text)
	for _, r := range lower {
		if l, ok := latinChars[r]; ok {
			score[l] += 0.5
		}
	}
	score["nl"] += 0.5 * float64(strings.Count(lower, "ij"))
	words(text, func(w string) {
		for _, l := range stopwords[w] {
			score[l]++
		}
	})
	best, bestScore := "", 0.0
	for _, l := range []string{"fr", "en", "de", "nl", "sr"} {
		if s := score[l]; s > bestScore {
			best, bestScore = l, s
		}
	}
	return best
}
