package validate

import (
	"strings"

	"github.com/intake-app/intake/country"
)

// alpha2 returns the ISO 3166 alpha-2 code for an alpha-2 or alpha-3 code
// (or an MRZ code such as D or RKS; see package country). Codes that name
// no country (XXA, a stateless person) are returned upper-cased.
func alpha2(code string) string {
	if a := country.Alpha2(code); a != "" {
		return a
	}
	return strings.ToUpper(strings.TrimSpace(strings.Trim(code, "<")))
}

var languageNames = map[string]string{
	"sr": "Serbian", "fr": "French", "nl": "Dutch", "de": "German", "en": "English",
	"ru": "Russian", "zh": "Chinese", "ar": "Arabic", "es": "Spanish", "it": "Italian",
	"pt": "Portuguese", "tr": "Turkish", "uk": "Ukrainian", "hr": "Croatian", "bs": "Bosnian",
	"mk": "Macedonian", "bg": "Bulgarian", "ro": "Romanian", "pl": "Polish", "hu": "Hungarian",
	"vi": "Vietnamese", "fa": "Persian", "hi": "Hindi", "ja": "Japanese", "ko": "Korean",
}

// langName returns the English name of an ISO 639-1 code, or the code.
func langName(code string) string {
	if n, ok := languageNames[code]; ok {
		return n
	}
	return code
}
