package ocr

import "github.com/intake-app/intake/country"

// identityLanguages is the Tesseract language of the identity documents a
// state issues, by ISO 3166 alpha-2 code, for the languages intake
// installs.
var identityLanguages = map[string]string{
	"DE": "deu", "AT": "deu", "CH": "deu", "LI": "deu",
	"FR": "fra", "BE": "fra", "LU": "fra", "MC": "fra",
	"NL": "nld",
	"RS": "srp_latn", "ME": "srp_latn", "BA": "srp_latn",
	"RU": "rus", "BY": "rus", "KZ": "rus", "KG": "rus",
	"CN": "chi_sim",
	"MA": "ara", "DZ": "ara", "TN": "ara", "MR": "ara", "LB": "ara", "EG": "ara", "LY": "ara",
	"SD": "ara", "SY": "ara", "IQ": "ara", "JO": "ara", "PS": "ara", "SA": "ara", "YE": "ara",
	"KW": "ara", "QA": "ara", "BH": "ara", "AE": "ara", "OM": "ara",
}

// IssuerLanguages returns the Tesseract languages to read an identity
// document issued by the first of states that is a state (codes as an
// MRZ gives them: "CHE", "D"; the issuer, then the holder's nationality,
// for a specimen whose issuer's code is no state's): the state's own
// language, when it is installed, then English, in which ICAO 9303 has
// the labels printed beside the national language's. A state intake knows
// nothing of gets English alone. nil when English is not installed.
func (e *Engine) IssuerLanguages(states ...string) []string {
	if !e.Has("eng") {
		return nil
	}
	for _, s := range states {
		a2 := country.Alpha2(s)
		if a2 == "" {
			continue // no state's code
		}
		if l, ok := identityLanguages[a2]; ok && e.Has(l) {
			return []string{l, "eng"}
		}
		break
	}
	return []string{"eng"}
}
