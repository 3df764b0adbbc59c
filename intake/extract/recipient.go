package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// A letter, a bill or an invoice names its holder without a label, in the
// block it is addressed to: the name, then the street, then the postcode
// and the town (or the street and the town on one line). recipient reads
// that name when no label gave one. It errs on the side of reading none:
// a name read wrong makes the dossier's name check fail.

// postcodeTown matches a postcode followed by a town ("69003 Lyon",
// "1025 RX Amsterdam", "B-1000 Bruxelles", "101000 Москва") or a British
// town followed by its postcode ("London N4 2AB").
var postcodeTown = regexp.MustCompile(`(?:^|[\s,])(?:[A-Z]{1,2}-)?(?:\d{4}\s?[A-Z]{2}|\d{4,6})\s+\p{Lu}|\p{Lu}\p{Ll}+,?\s+[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b`)

// columnGap splits a line of a text layer into its columns.
var columnGap = regexp.MustCompile(`\s{3,}`)

// organisationWords are words that make a name an organisation's, not a
// person's (lower-cased, dots dropped).
var organisationWords = map[string]bool{
	"bv": true, "nv": true, "sa": true, "sas": true, "sasu": true, "sarl": true, "eurl": true, "sprl": true,
	"srl": true, "gmbh": true, "ag": true, "kg": true, "ltd": true, "limited": true, "inc": true, "llc": true,
	"plc": true, "doo": true, "sci": true, "scp": true, "snc": true, "gie": true, "asbl": true, "vzw": true,
	"bvba": true, "cvba": true, "ohg": true, "ad": true, "оод": true, "ооо": true, "оао": true, "зао": true, "пао": true, "ао": true, "ип": true,
	"bank": true, "banque": true, "banka": true, "банк": true, "банка": true, "caisse": true, "kasse": true,
	"crédit": true, "credit": true, "assurance": true, "assurances": true, "insurance": true,
	"verzekeringen": true, "versicherung": true, "préfecture": true, "prefecture": true, "ministère": true,
	"ministry": true, "ministerie": true, "ministarstvo": true, "министерство": true, "министарство": true,
	"service": true, "services": true, "office": true, "agence": true, "agency": true, "direction": true,
	"mairie": true, "gemeente": true, "stad": true, "city": true, "council": true, "commune": true,
	"police": true, "polizei": true, "politie": true, "полиция": true, "полиција": true, "tribunal": true,
	"court": true, "rechtbank": true, "суд": true, "université": true, "university": true,
	"universiteit": true, "école": true, "school": true, "centre": true, "center": true, "centrum": true,
	"hôpital": true, "hospital": true, "société": true, "company": true, "group": true, "groupe": true,
	"association": true, "fondation": true, "foundation": true, "stichting": true, "république": true,
	"republic": true, "republika": true, "република": true, "consulat": true, "consulate": true,
	"ambassade": true, "embassy": true, "cabinet": true, "notaire": true, "mutuelle": true, "telecom": true,
	"télécom": true, "énergie": true, "energie": true, "energy": true, "électricité": true, "gaz": true,
	"facture": true, "factuur": true, "invoice": true, "rechnung": true, "счет": true, "рачун": true,
}

// nameParticles may stand inside a name in lower case.
var nameParticles = map[string]bool{
	"de": true, "du": true, "des": true, "la": true, "le": true, "van": true, "der": true, "den": true,
	"von": true, "zu": true, "da": true, "dos": true, "das": true, "di": true, "del": true, "ter": true,
	"ten": true, "bin": true, "ibn": true, "al": true, "el": true,
}

// personName reports whether the words of a name (see cleanName) can be a
// person's: two to four words, capitalised but for particles inside, none
// an organisation's.
func personName(ws []string) bool {
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	for i, w := range ws {
		lw := strings.ToLower(strings.ReplaceAll(w, ".", ""))
		if organisationWords[lw] {
			return false
		}
		r := []rune(w)
		if nameParticles[lw] && i > 0 && i < len(ws)-1 {
			continue
		}
		if len(r) < 2 || !unicode.IsUpper(r[0]) || strings.HasSuffix(w, ".") {
			return false
		}
	}
	return true
}

// segment is one column of a line of text.
type segment struct {
	line, col int // col: the segment's first byte in its line
	text      string
}

// segments splits text into its lines' columns.
func segments(text string) [][]segment {
	var out [][]segment
	for i, l := range strings.Split(text, "\n") {
		var row []segment
		at := 0
		for _, gap := range append(columnGap.FindAllStringIndex(l, -1), []int{len(l), len(l)}) {
			if s := strings.TrimSpace(l[at:gap[0]]); s != "" {
				lead := len(l[at:gap[0]]) - len(strings.TrimLeft(l[at:gap[0]], " \t"))
				row = append(row, segment{i, at + lead, s})
			}
			at = gap[1]
		}
		out = append(out, row)
	}
	return out
}

// below returns the first segment under s within max lines that starts in
// s's column (give or take colSlack bytes).
func below(rows [][]segment, s segment, max int) (segment, bool) {
	const colSlack = 3
	for l := s.line + 1; l < len(rows) && l <= s.line+max; l++ {
		for _, o := range rows[l] {
			if o.col >= s.col-colSlack && o.col <= s.col+colSlack {
				return o, true
			}
		}
	}
	return segment{}, false
}

// maxAddressLine is the longest line of an address block, in bytes.
const maxAddressLine = 60

// hasDigit reports whether s holds a digit.
func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// recipient returns the name of the block a page is addressed to: a
// person's name (personName), on the next line the street (with a
// number), then the postcode and town on the street's line or the next. Of several
// such blocks, the last wins (a letter's sender comes first); a name with a
// civility ("M.", "Mevr.") before it wins over one without.
func recipient(text string) []string {
	rows := segments(text)
	var best []string
	bestCivil := false
	for _, row := range rows {
		for _, s := range row {
			if hasDigit(s.text) {
				continue
			}
			ws := cleanName(s.text)
			if !personName(ws) {
				continue
			}
			// The block's lines follow each other, and are short: a
			// sentence that names an address is no block.
			street, ok := below(rows, s, 1)
			if !ok || !hasDigit(street.text) || len(street.text) > maxAddressLine {
				continue
			}
			if !postcodeTown.MatchString(street.text) {
				town, ok := below(rows, street, 1)
				if !ok || len(town.text) > maxAddressLine || !postcodeTown.MatchString(town.text) {
					continue
				}
			}
			civil := len(strings.Fields(s.text)) > len(ws)
			if civil || !bestCivil {
				best, bestCivil = ws, civil
			}
		}
	}
	return best
}
