package mrz

import (
	"slices"
	"testing"
)

// cellsOf makes a cells candidate from lines, each cell certain (score 1),
// with the alternatives given by position: alts["1,4"] = "O0.95" gives
// cell (1, 4) the alternative O at 0.95 after the printed character.
type alt struct {
	line, idx int
	c         byte
	score     float64
	first     bool // the alternative scores higher than the printed character
}

func cellsOf(lines []string, alts ...alt) Candidate {
	c := Candidate{Source: "cells", Lines: lines}
	for _, l := range lines {
		var cells [][]Alternative
		for k := 0; k < len(l); k++ {
			cells = append(cells, []Alternative{{Char: l[k], Score: 0.9}})
		}
		c.Cells = append(c.Cells, cells)
	}
	for _, a := range alts {
		cell := &c.Cells[a.line][a.idx]
		if a.first {
			(*cell)[0].Score = a.score - 0.01
			*cell = append([]Alternative{{Char: a.c, Score: a.score}}, *cell...)
			c.Lines[a.line] = c.Lines[a.line][:a.idx] + string(a.c) + c.Lines[a.line][a.idx+1:]
		} else {
			*cell = append(*cell, Alternative{Char: a.c, Score: a.score})
		}
	}
	return c
}

func pad(s string, n int) string {
	for len(s) < n {
		s += "<"
	}
	return s
}

func decodeOne(t *testing.T, c Candidate) *Result {
	t.Helper()
	r := Decode(Reading{Candidates: []Candidate{c}}, now)
	if r == nil {
		t.Fatalf("no result for %q", c.Lines)
	}
	return r
}

func TestDecodeCellsAsRead(t *testing.T) {
	for _, lines := range [][]string{td3, td1, td2, mrva, mrvb, td1Long, td1German, td3Single} {
		r := decodeOne(t, cellsOf(slices.Clone(lines)))
		if !r.Valid || !slices.Equal(r.Lines, lines) || r.Corrections != 0 {
			t.Errorf("%q: valid %v lines %q corrections %d", lines, r.Valid, r.Lines, r.Corrections)
		}
	}
}

func TestDecodeCellsCheckDigitsChoose(t *testing.T) {
	// The reader preferred O in the document number (alphanumeric: position
	// alone cannot say) and 5 for S nowhere: the check digits choose 0.
	c := cellsOf(slices.Clone(td3), alt{1, 4, 'O', 0.93, true})
	r := decodeOne(t, c)
	if !r.Valid || r.DocumentNumber != "L898902C3" || r.Corrections != 1 {
		t.Errorf("doc number %q valid %v corrections %d", r.DocumentNumber, r.Valid, r.Corrections)
	}
	// A French card's number with a K read as Q: the alternative K holds.
	fr := []string{"IDFRA" + pad("DUPONT", 25) + "75A123", "9K24A7731234" + "5" + pad("SOPHIE", 14) + "800101" + "5F0"}
	fr[1] = fixFRA(fr)
	c = cellsOf(slices.Clone(fr), alt{1, 1, 'Q', 0.95, true}, alt{1, 1, 'K', 0.9, false})
	r = decodeOne(t, c)
	if !r.Valid || r.Lines[1] != fr[1] {
		t.Errorf("French card: valid %v lines %q", r.Valid, r.Lines)
	}
}

// fixFRA computes the check digits of a French identity card's line 2.
func fixFRA(l []string) string {
	b := []byte(l[1])
	cd, _ := CheckDigit(string(b[0:12]))
	b[12] = cd
	cd, _ = CheckDigit(string(b[27:33]))
	b[33] = cd
	cd, _ = CheckDigit(l[0] + string(b[0:35]))
	b[35] = cd
	return string(b)
}

func TestDecodeCellsFrenchCard(t *testing.T) {
	fr := []string{"IDFRA" + pad("BERTHIER", 25) + "692310", "880692310285" + "8" + pad("CORINNE", 14) + "651206" + "8F4"}
	fr[1] = fixFRA(fr)
	r := decodeOne(t, cellsOf(slices.Clone(fr)))
	want := fields{Format: FRAID, Valid: true, DocumentType: "ID", IssuingState: "FRA", DocNumber: "880692310285",
		Nationality: "FRA", Birth: date(1965, 12, 6), Sex: "F", Surname: "BERTHIER", GivenNames: "CORINNE", Optional: "692310",
		Checks: "document_number birth_date composite"}
	if got := project(r); got != want {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestDecodeCellsKeepsWrongCheckDigits(t *testing.T) {
	// A specimen printed with a wrong birth date check digit: no
	// alternative of the reader makes it hold, so it stays invalid and says
	// which check failed.
	bad := slices.Clone(td3)
	bad[1] = bad[1][:19] + "3" + bad[1][20:]
	r := decodeOne(t, cellsOf(slices.Clone(bad), alt{1, 19, '8', 0.5, false}))
	if r.Valid || !slices.Equal(r.Lines, bad) {
		t.Errorf("valid %v lines %q", r.Valid, r.Lines)
	}
	var failed []string
	for _, c := range r.Checks {
		if !c.OK {
			failed = append(failed, c.Field)
		}
	}
	if !slices.Equal(failed, []string{"birth_date", "composite"}) {
		t.Errorf("failed checks %v", failed)
	}
}

func TestDecodeCellsNeverInvents(t *testing.T) {
	// The birth date's 2 read as Z, with no digit among the alternatives:
	// nothing turns it into a digit the reader did not propose.
	c := cellsOf(slices.Clone(td3))
	c.Cells[1][17] = []Alternative{{Char: 'Z', Score: 0.95}, {Char: 'L', Score: 0.9}}
	c.Lines[1] = c.Lines[1][:17] + "Z" + c.Lines[1][18:]
	r := decodeOne(t, c)
	if r.Valid || r.Lines[1][17] != 'Z' {
		t.Errorf("valid %v line %q", r.Valid, r.Lines[1])
	}
	// A single check cannot pay for two changes.
	c = cellsOf(slices.Clone(td1),
		alt{1, 20, 'C', 0.95, true}, alt{1, 21, 'D', 0.95, true})
	r = decodeOne(t, c)
	if r.Valid {
		t.Errorf("two changes under the composite check alone were taken: %q", r.Lines)
	}
}

func TestDecodeCellsTie(t *testing.T) {
	// Two readings whose checks hold at the same cost: left as read.
	c := cellsOf(slices.Clone(td3), alt{1, 4, 'O', 0.93, true})
	c.Cells[1][4] = append(c.Cells[1][4], Alternative{Char: '0', Score: 0.92})
	r := decodeOne(t, c)
	if !r.Valid {
		t.Errorf("not valid: %q", r.Lines)
	}
}

func TestDecodeCellsStateCodes(t *testing.T) {
	// td3 is issued by UTO to a UTO national (ICAO's specimen state).
	// Each case sets the alternatives of some cells, best first.
	type cell struct {
		line, idx int
		alts      string // characters, best first, scores 0.95, 0.90, 0.80, ...
	}
	for _, tc := range []struct {
		name       string
		cells      []cell
		state, nat string
	}{
		{"as read", nil, "UTO", "UTO"},
		{"a close alternative makes a known code", []cell{{0, 3, "IT"}}, "UTO", "UTO"},
		{"CHN, not CMN", []cell{{1, 10, "C"}, {1, 11, "MH"}, {1, 12, "N"}}, "UTO", "CHN"},
		{"the cheapest known code: CHN, not CHE", []cell{{1, 10, "C"}, {1, 11, "H"}, {1, 12, "MNXE"}}, "UTO", "CHN"},
		{"no known code among the close alternatives: as read", []cell{{0, 4, "QG"}}, "UTQ", "UTO"},
		{"alternatives too far are not taken", []cell{{0, 2, "QWXYU"}}, "QTO", "UTO"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := cellsOf(slices.Clone(td3))
			for _, x := range tc.cells {
				var alts []Alternative
				for k := range x.alts {
					alts = append(alts, Alternative{Char: x.alts[k], Score: 0.95 - 0.05*float64(k)})
				}
				c.Cells[x.line][x.idx] = alts
				c.Lines[x.line] = c.Lines[x.line][:x.idx] + x.alts[:1] + c.Lines[x.line][x.idx+1:]
			}
			r := decodeOne(t, c)
			if r.IssuingState != tc.state || r.Nationality != tc.nat {
				t.Errorf("state %q nationality %q, want %q %q", r.IssuingState, r.Nationality, tc.state, tc.nat)
			}
		})
	}
}

func TestKnownState(t *testing.T) {
	for code, want := range map[string]bool{
		"FRA": true, "D<<": true, "UTO": true, "XXA": true, "RKS": true, "GBD": true,
		"CMN": false, "IB<": false, "D<K": false, "FR<": false, "": false, "BDR": false,
	} {
		if got := KnownState(code); got != want {
			t.Errorf("KnownState(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestChooseWord(t *testing.T) {
	// Each case gives a word as read and, for some letters, an alternative
	// and how far below the read letter it scored.
	type near struct {
		idx int
		c   byte
		gap float64
	}
	for _, tc := range []struct {
		read string
		alts []near
		want string
	}{
		{"DIMZTRI", []near{{3, 'I', 0.002}}, "DIMITRI"},
		{"SOPHIX", []near{{5, 'E', 0.004}}, "SOPHIE"},
		{"DIMZTRI", []near{{3, 'I', 0.02}}, "DIMZTRI"},   // Z read clearly: it stays
		{"XIAOMING", []near{{0, 'K', 0.02}}, "XIAOMING"}, // however rare its neighbours make it
		{"NGUYEN", []near{{1, 'Q', 0.003}}, "NGUYEN"},    // NG is likelier than NQ
		{"ANNA", []near{{1, 'M', 0.001}}, "ANNA"},
	} {
		word := []byte(tc.read)
		cells := make([][]Alternative, len(word))
		for k := range word {
			cells[k] = []Alternative{{Char: word[k], Score: 0.9}}
		}
		for _, a := range tc.alts {
			cells[a.idx] = append(cells[a.idx], Alternative{Char: a.c, Score: 0.9 - a.gap})
		}
		chooseWord(word, cells)
		if string(word) != tc.want {
			t.Errorf("%s with %v: chose %s, want %s", tc.read, tc.alts, word, tc.want)
		}
	}
}
