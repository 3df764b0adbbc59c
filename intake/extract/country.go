package extract

import "strings"

// alpha3 maps the ICAO codes of an MRZ to ISO 3166 alpha-2. ICAO uses the
// ISO alpha-3 codes except for Germany ("D") and a few organisations.
var alpha3 = func() map[string]string {
	const pairs = "AFG AF ALB AL DZA DZ AND AD AGO AO ARG AR ARM AM AUS AU AUT AT AZE AZ " +
		"BGD BD BLR BY BEL BE BEN BJ BOL BO BIH BA BRA BR BGR BG BFA BF BDI BI " +
		"KHM KH CMR CM CAN CA CAF CF TCD TD CHL CL CHN CN COL CO COM KM COG CG COD CD " +
		"CRI CR CIV CI HRV HR CUB CU CYP CY CZE CZ DNK DK DJI DJ DOM DO ECU EC EGY EG " +
		"ERI ER EST EE ETH ET FIN FI FRA FR GAB GA GMB GM GEO GE DEU DE D DE GHA GH GRC GR " +
		"GTM GT GIN GN GNB GW HTI HT HND HN HKG HK HUN HU ISL IS IND IN IDN ID IRN IR IRQ IQ " +
		"IRL IE ISR IL ITA IT JAM JM JPN JP JOR JO KAZ KZ KEN KE PRK KP KOR KR RKS XK KWT KW " +
		"KGZ KG LAO LA LVA LV LBN LB LBR LR LBY LY LIE LI LTU LT LUX LU MAC MO MKD MK MDG MG " +
		"MYS MY MLI ML MLT MT MRT MR MUS MU MEX MX MDA MD MCO MC MNG MN MNE ME MAR MA MOZ MZ " +
		"MMR MM NPL NP NLD NL NZL NZ NIC NI NER NE NGA NG NOR NO OMN OM PAK PK PSE PS PAN PA " +
		"PRY PY PER PE PHL PH POL PL PRT PT QAT QA ROU RO RUS RU RWA RW SAU SA SEN SN SRB RS " +
		"SLE SL SGP SG SVK SK SVN SI SOM SO ZAF ZA ESP ES LKA LK SDN SD SWE SE CHE CH SYR SY " +
		"TWN TW TJK TJ TZA TZ THA TH TGO TG TUN TN TUR TR TKM TM UGA UG UKR UA ARE AE " +
		"GBR GB GBD GB GBN GB GBO GB GBS GB USA US URY UY UZB UZ VEN VE VNM VN YEM YE ZMB ZM ZWE ZW"
	f := strings.Fields(pairs)
	m := make(map[string]string, len(f)/2)
	for i := 0; i+1 < len(f); i += 2 {
		m[f[i]] = f[i+1]
	}
	return m
}()

// countryAlpha2 converts an MRZ state code to ISO alpha-2, or "".
func countryAlpha2(code string) string {
	return alpha3[strings.ToUpper(strings.Trim(code, "< "))]
}
