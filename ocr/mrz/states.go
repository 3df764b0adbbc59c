package mrz

import (
	"slices"
	"strings"

	"github.com/intake-app/intake/country"
)

// icaoCodes are the codes ICAO Doc 9303 part 3 (8th edition, 2021, §5)
// lets a zone's issuing state or nationality hold besides the states of
// ISO 3166-1: organisations (UNO, UNA, UNK, EUE, XOM, …), stateless
// persons and refugees (XXA, XXB, XXC), unspecified nationality (XXX),
// and Utopia (UTO), the state of every ICAO specimen.
var icaoCodes = []string{
	"UNO", "UNA", "UNK", "EUE", "XOM", "XPO", "XCC", "XCE", "XCO", "XEC", "XES", "XMP",
	"XBA", "XIM", "XDC", "XAA", "XXA", "XXB", "XXC", "XXX", "UTO",
}

// KnownState reports whether code (as a zone prints it, fillers included:
// "FRA", "D<<") is a state or organisation a travel document names.
func KnownState(code string) bool {
	c := strings.TrimRight(code, "<")
	if slices.Contains(icaoCodes, c) {
		return true
	}
	if strings.Contains(c, "<") || len(c) != 3 && c != "D" {
		return false
	}
	_, ok := country.Lookup(c)
	return ok
}

// chooseState makes the state code at span s a known one (KnownState),
// when it is not, choosing among each cell's close alternatives (within
// typeMargin of its best) the cheapest combination that is; it leaves the
// code as read when none is. A zone names a state from a closed list, and
// no check digit covers it: the list is what tells CHN from CMN.
func chooseState(b [][]byte, cells [][][]Alternative, s span) (changed int) {
	if s.to == 0 {
		return 0
	}
	line := b[s.line]
	if KnownState(string(line[s.from:s.to])) {
		return 0
	}
	// Each cell's letters within typeMargin of its best, and what taking
	// each gives up.
	type option struct {
		c    byte
		cost float64
	}
	var opts [][]option
	for i := s.from; i < s.to; i++ {
		alts := cells[s.line][i]
		var o []option
		for _, a := range alts {
			if kindLetter.allows(a.Char) && alts[0].Score-a.Score <= typeMargin {
				o = append(o, option{a.Char, alts[0].Score - a.Score})
			}
		}
		if len(o) == 0 {
			return 0
		}
		opts = append(opts, o)
	}
	best, bestCost := "", 0.0
	code := make([]byte, len(opts))
	var rec func(i int, cost float64)
	rec = func(i int, cost float64) {
		if best != "" && cost >= bestCost {
			return
		}
		if i == len(opts) {
			if KnownState(string(code)) {
				best, bestCost = string(code), cost
			}
			return
		}
		for _, o := range opts[i] {
			code[i] = o.c
			rec(i+1, cost+o.cost)
		}
	}
	rec(0, 0)
	if best == "" {
		return 0
	}
	for i := range best {
		if line[s.from+i] != best[i] {
			line[s.from+i] = best[i]
			changed++
		}
	}
	return changed
}
