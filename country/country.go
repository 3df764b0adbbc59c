// Package country maps ISO 3166-1 country codes: alpha-2 (FR), alpha-3
// (FRA, as in machine-readable zones) and English names.
package country

import "strings"

//go:generate sh -c "go run gen.go > table.go"

// Country is one ISO 3166-1 country.
type Country struct {
	Alpha2, Alpha3, Name string
}

// Lookup finds a country by its alpha-2 or alpha-3 code, in any case.
// MRZ codes that are not ISO 3166 (D for Germany, GBD/GBN/… for British
// nationals) are understood too.
func Lookup(code string) (Country, bool) {
	code = strings.ToUpper(strings.Trim(strings.TrimSpace(code), "<"))
	switch code {
	case "D":
		code = "DEU"
	case "GBD", "GBN", "GBO", "GBP", "GBS":
		code = "GBR"
	case "RKS", "XK":
		// Kosovo: ICAO's RKS and the user-assigned XK, outside ISO 3166.
		return Country{Alpha2: "XK", Alpha3: "RKS", Name: "Kosovo"}, true
	}
	for _, c := range icaoExtras {
		if c.Alpha2 == code || c.Alpha3 == code {
			return c, true
		}
	}
	for _, c := range countries {
		if c.Alpha2 == code || c.Alpha3 == code {
			return c, true
		}
	}
	return Country{}, false
}

// icaoExtras are countries that travel documents name but ISO 3166-1 does
// not list (ICAO Doc 9303 part 3): Kosovo, RKS in an MRZ and XK in the
// user-assigned range.
var icaoExtras = []Country{
	{Alpha2: "XK", Alpha3: "RKS", Name: "Kosovo"},
}

// Alpha2 returns the alpha-2 code of code (alpha-2 or alpha-3), or "" when
// it is not a known country.
func Alpha2(code string) string {
	c, _ := Lookup(code)
	return c.Alpha2
}
