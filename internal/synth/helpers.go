package synth

import (
	"strings"
	"time"

	"github.com/intake-app/intake/document"
)

// Languages returns the language keys documents can be printed in: the
// ISO 639-1 codes of docs/vocabulary.md, with "sr-Cyrl" for Serbian in
// Cyrillic ("sr" is Latin).
func Languages() []string { return append([]string(nil), languages...) }

// langCountry is the issuing country NewDoc gives a document in each
// language.
var langCountry = map[string]string{"fr": "FR", "nl": "BE", "de": "DE", "en": "GB", "sr": "RS", "ru": "RU", "zh": "CN"}

// NewDoc returns a document of type t in language lang ("fr", "sr",
// "sr-Cyrl", "zh", …) named name, issued on issued: its title, labels and
// date formats come from docs/vocabulary.md, its issuing country is the
// language's (fr→FR, nl→BE, de→DE, en→GB, sr→RS, ru→RU, zh→CN) and its
// format follows the name's extension (.pdf: a scan in a PDF, .png, .tif,
// anything else JPEG). Set more fields (Expires, Number, Periods, Render…)
// on the result as the test needs.
func NewDoc(name string, t document.Type, lang string, issued time.Time) Doc {
	script := ""
	if l, s, ok := strings.Cut(lang, "-"); ok {
		lang, script = l, s
	}
	if script == "" {
		script = scriptOf(lang)
	}
	return Doc{Name: name, Type: t, Lang: lang, Script: script, Country: langCountry[lang], Issued: issued}
}
