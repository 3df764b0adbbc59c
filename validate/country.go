package validate

import "strings"

// alpha2 returns the ISO 3166 alpha-2 code for an alpha-2 or alpha-3 code
// (the MRZ uses alpha-3; "D" is Germany's MRZ code). Unknown codes are
// returned upper-cased.
func alpha2(code string) string {
	c := strings.ToUpper(strings.TrimSpace(strings.Trim(code, "<")))
	if c == "D" {
		return "DE"
	}
	if len(c) == 3 {
		if a, ok := alpha3to2[c]; ok {
			return a
		}
	}
	return c
}

// alpha3to2 maps ISO 3166-1 alpha-3 to alpha-2 codes, plus the ICAO codes
// for stateless persons and refugees (kept as is, as they have no alpha-2).
var alpha3to2 = func() map[string]string {
	const table = `AFG AF ALB AL DZA DZ AND AD AGO AO ATG AG ARG AR ARM AM AUS AU AUT AT AZE AZ
BHS BS BHR BH BGD BD BRB BB BLR BY BEL BE BLZ BZ BEN BJ BTN BT BOL BO BIH BA BWA BW BRA BR
BRN BN BGR BG BFA BF BDI BI CPV CV KHM KH CMR CM CAN CA CAF CF TCD TD CHL CL CHN CN COL CO
COM KM COG CG COD CD CRI CR CIV CI HRV HR CUB CU CYP CY CZE CZ DNK DK DJI DJ DMA DM DOM DO
ECU EC EGY EG SLV SV GNQ GQ ERI ER EST EE SWZ SZ ETH ET FJI FJ FIN FI FRA FR GAB GA GMB GM
GEO GE DEU DE GHA GH GRC GR GRD GD GTM GT GIN GN GNB GW GUY GY HTI HT HND HN HKG HK HUN HU
ISL IS IND IN IDN ID IRN IR IRQ IQ IRL IE ISR IL ITA IT JAM JM JPN JP JOR JO KAZ KZ KEN KE
KIR KI PRK KP KOR KR KWT KW KGZ KG LAO LA LVA LV LBN LB LSO LS LBR LR LBY LY LIE LI LTU LT
LUX LU MAC MO MDG MG MWI MW MYS MY MDV MV MLI ML MLT MT MHL MH MRT MR MUS MU MEX MX FSM FM
MDA MD MCO MC MNG MN MNE ME MAR MA MOZ MZ MMR MM NAM NA NRU NR NPL NP NLD NL NZL NZ NIC NI
NER NE NGA NG MKD MK NOR NO OMN OM PAK PK PLW PW PSE PS PAN PA PNG PG PRY PY PER PE PHL PH
POL PL PRT PT QAT QA ROU RO RUS RU RWA RW KNA KN LCA LC VCT VC WSM WS SMR SM STP ST SAU SA
SEN SN SRB RS SYC SC SLE SL SGP SG SVK SK SVN SI SLB SB SOM SO ZAF ZA SSD SS ESP ES LKA LK
SDN SD SUR SR SWE SE CHE CH SYR SY TWN TW TJK TJ TZA TZ THA TH TLS TL TGO TG TON TO TTO TT
TUN TN TUR TR TKM TM TUV TV UGA UG UKR UA ARE AE GBR GB USA US URY UY UZB UZ VUT VU VAT VA
VEN VE VNM VN YEM YE ZMB ZM ZWE ZW RKS XK GBD GB GBN GB GBO GB GBP GB GBS GB`
	f := strings.Fields(table)
	m := make(map[string]string, len(f)/2)
	for i := 0; i+1 < len(f); i += 2 {
		m[f[i]] = f[i+1]
	}
	return m
}()

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
