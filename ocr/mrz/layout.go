package mrz

import "strings"

// span is the half-open range [from, to) of one line of a zone.
type span struct{ line, from, to int }

// pos is one character position of a zone; line < 0 means "absent".
type pos struct{ line, idx int }

var none = pos{-1, -1}

// layout describes where the fields of one MRZ format sit (ICAO 9303 parts
// 4 to 7).
type layout struct {
	format         Format
	width, nlines  int
	docType, state span
	name           span
	given          span // given names, when they have their own field (FRA-ID)
	docNum         span
	docCD          pos
	nat            span
	birth          span
	birthCD        pos
	sex            pos
	expiry         span // empty, with expiryCD none, when the zone has no expiry date
	expiryCD       pos
	opt            []span // optional data fields, in order
	optCD          pos    // TD3 only
	composite      []span
	compCD         pos
	overflow       bool // document number may overflow into opt[0] (TD1, TD2)
}

var layouts = []layout{
	{
		format: TD3, width: 44, nlines: 2,
		docType: span{0, 0, 2}, state: span{0, 2, 5}, name: span{0, 5, 44},
		docNum: span{1, 0, 9}, docCD: pos{1, 9}, nat: span{1, 10, 13},
		birth: span{1, 13, 19}, birthCD: pos{1, 19}, sex: pos{1, 20},
		expiry: span{1, 21, 27}, expiryCD: pos{1, 27},
		opt: []span{{1, 28, 42}}, optCD: pos{1, 42},
		composite: []span{{1, 0, 10}, {1, 13, 20}, {1, 21, 43}}, compCD: pos{1, 43},
	},
	{
		format: MRVA, width: 44, nlines: 2,
		docType: span{0, 0, 2}, state: span{0, 2, 5}, name: span{0, 5, 44},
		docNum: span{1, 0, 9}, docCD: pos{1, 9}, nat: span{1, 10, 13},
		birth: span{1, 13, 19}, birthCD: pos{1, 19}, sex: pos{1, 20},
		expiry: span{1, 21, 27}, expiryCD: pos{1, 27},
		opt: []span{{1, 28, 44}}, optCD: none, compCD: none,
	},
	{
		format: TD2, width: 36, nlines: 2,
		docType: span{0, 0, 2}, state: span{0, 2, 5}, name: span{0, 5, 36},
		docNum: span{1, 0, 9}, docCD: pos{1, 9}, nat: span{1, 10, 13},
		birth: span{1, 13, 19}, birthCD: pos{1, 19}, sex: pos{1, 20},
		expiry: span{1, 21, 27}, expiryCD: pos{1, 27},
		opt: []span{{1, 28, 35}}, optCD: none,
		composite: []span{{1, 0, 10}, {1, 13, 20}, {1, 21, 35}}, compCD: pos{1, 35},
		overflow: true,
	},
	{
		format: MRVB, width: 36, nlines: 2,
		docType: span{0, 0, 2}, state: span{0, 2, 5}, name: span{0, 5, 36},
		docNum: span{1, 0, 9}, docCD: pos{1, 9}, nat: span{1, 10, 13},
		birth: span{1, 13, 19}, birthCD: pos{1, 19}, sex: pos{1, 20},
		expiry: span{1, 21, 27}, expiryCD: pos{1, 27},
		opt: []span{{1, 28, 36}}, optCD: none, compCD: none,
	},
	{
		// The French identity card (1988–2021): IDFRA, the surname (25),
		// the issuing department and office (6); the card number (12:
		// year and month of issue, department, serial), its check digit,
		// the given names (14), birth date and check digit, sex, and a
		// check digit over both lines.
		format: FRAID, width: 36, nlines: 2,
		docType: span{0, 0, 2}, state: span{0, 2, 5}, name: span{0, 5, 30}, given: span{1, 13, 27},
		docNum: span{1, 0, 12}, docCD: pos{1, 12}, nat: span{0, 2, 5},
		birth: span{1, 27, 33}, birthCD: pos{1, 33}, sex: pos{1, 34},
		expiryCD: none,
		opt:      []span{{0, 30, 36}}, optCD: none,
		composite: []span{{0, 0, 36}, {1, 0, 35}}, compCD: pos{1, 35},
	},
	{
		format: TD1, width: 30, nlines: 3,
		docType: span{0, 0, 2}, state: span{0, 2, 5},
		docNum: span{0, 5, 14}, docCD: pos{0, 14},
		opt:   []span{{0, 15, 30}, {1, 18, 29}},
		birth: span{1, 0, 6}, birthCD: pos{1, 6}, sex: pos{1, 7},
		expiry: span{1, 8, 14}, expiryCD: pos{1, 14}, nat: span{1, 15, 18},
		optCD:     none,
		composite: []span{{0, 5, 30}, {1, 0, 7}, {1, 8, 15}, {1, 18, 29}}, compCD: pos{1, 29},
		name:     span{2, 0, 30},
		overflow: true,
	},
}

// candidateLayouts returns the layouts whose line count matches n and whose
// width is within ±2 of every line length. Visas (MRV-A, MRV-B) are told
// from TD3/TD2 by the first character 'V'.
func candidateLayouts(lines []string) []layout {
	var out []layout
	for _, l := range layouts {
		if l.nlines != len(lines) {
			continue
		}
		fits := true
		for _, s := range lines {
			if d := len(s) - l.width; d < -2 || d > 2 {
				fits = false
				break
			}
		}
		if !fits {
			continue
		}
		visa := lines[0][0] == 'V'
		if (l.format == MRVA || l.format == MRVB) != visa {
			continue
		}
		if l.format == FRAID && !strings.HasPrefix(lines[0], "IDFRA") {
			continue
		}
		out = append(out, l)
	}
	return out
}
