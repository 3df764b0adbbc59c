package mrz

import (
	"strings"
	"time"
)

// A Reading is what a reader saw in one machine-readable zone, before any
// interpretation: it depends only on the image and the engine, so it can
// be cached, and is decoded anew on every run (two-digit years depend on
// the day; see Decode).
type Reading struct {
	// Candidates are the readings of the zone, most trusted first.
	Candidates []Candidate `json:"candidates"`
}

// Candidate is one reading of a zone's lines.
type Candidate struct {
	// Source says how it was read ("cells", "zone", "page"). "cells"
	// readings hold exactly one character per position of the zone's
	// grid; the others are OCR text in which the zone's lines are looked
	// for (see Find).
	Source string   `json:"source"`
	Lines  []string `json:"lines"`
	// Cells, when the reader has them, are the alternatives of each
	// character position: Cells[line][position], best first. Decode only
	// ever chooses among them: it never invents a character.
	Cells [][][]Alternative `json:"cells,omitempty"`
}

// Alternative is one possible reading of a character cell, with the
// reader's score for it (higher is likelier; scores compare within a cell).
type Alternative struct {
	Char  byte    `json:"c"`
	Score float64 `json:"s"`
}

// Empty reports whether nothing was read.
func (r Reading) Empty() bool { return len(r.Candidates) == 0 }

// Decode parses the reading's candidates and returns the best result:
// valid first, then the fewest failing check digits, then the fewest
// corrections. A candidate with cells is decoded by choosing among each
// cell's alternatives (see the package documentation); one with lines
// only, by Parse (Source "cells") or Find. now resolves two-digit years.
// It returns nil when no candidate parses.
func Decode(r Reading, now time.Time) *Result {
	var best *Result
	for _, c := range r.Candidates {
		var res *Result
		var err error
		switch {
		case c.Source == "cells" && len(c.Cells) > 0:
			res, err = decodeCells(c, now)
		case c.Source == "cells":
			res, err = Parse(c.Lines, now)
		default:
			res, err = Find(strings.Join(c.Lines, "\n"), now)
		}
		if err == nil && res.Plausible() && better(res, best) {
			best = res
		}
	}
	return best
}
