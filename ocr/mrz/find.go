package mrz

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// Limits of an MRZ line candidate in a page of OCR text, after removing
// white space: TD1 lines are 30 characters, TD3 lines 44, ±2 for OCR.
const (
	minLineLen = 28
	maxLineLen = 46
	maxJunk    = 2 // characters outside A-Z0-9< (and lower case) tolerated
)

// candidate reports whether a line of OCR text looks like an MRZ line and
// returns it cleaned. strong lines contain at least two fillers; weak ones
// (a TD3 second line may have none) are only taken next to a strong one.
func candidate(line string) (cleaned string, strong, weak bool) {
	c, junk := clean(line)
	if junk > maxJunk || len(c) < minLineLen || len(c) > maxLineLen {
		return "", false, false
	}
	fillers, digits := strings.Count(c, "<"), 0
	for i := 0; i < len(c); i++ {
		if c[i] >= '0' && c[i] <= '9' {
			digits++
		}
	}
	if fillers >= 2 {
		return c, true, false
	}
	// Weak: mostly data, such as "L898902C36UTO7408122F1204159ZE184226B1234510".
	return c, false, digits >= 12
}

// Find looks for a machine-readable zone in a larger OCR text (a whole
// page): lines made of A-Z, 0-9 and '<' (white space ignored, up to two
// stray characters tolerated), 28 to 46 characters long, with at least two
// fillers (or, next to such a line, with at least twelve digits). Consecutive
// candidate lines (blank lines between them are skipped) form a zone; every
// run of 2 or 3 lines of a zone is parsed and the best reading is returned:
// valid first, then fewest failing checks, then fewest corrections. It
// returns ErrNotFound when no zone parses.
func Find(text string, now time.Time) (*Result, error) {
	type cand struct {
		s            string
		strong, weak bool
	}
	var groups [][]cand
	var cur []cand
	flush := func() {
		if len(cur) > 0 {
			groups = append(groups, cur)
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		c, strong, weak := candidate(line)
		if !strong && !weak {
			flush()
			continue
		}
		cur = append(cur, cand{c, strong, weak})
	}
	flush()

	var best *Result
	for _, g := range groups {
		for n := 2; n <= 3; n++ {
			for i := 0; i+n <= len(g); i++ {
				lines := make([]string, n)
				strong := false
				for k := range lines {
					lines[k] = g[i+k].s
					strong = strong || g[i+k].strong
				}
				if !strong {
					continue
				}
				r, err := Parse(lines, now)
				if err == nil && better(r, best) {
					best = r
				}
			}
		}
	}
	if best == nil {
		return nil, ErrNotFound
	}
	return best, nil
}

// ParseText reads several machine-readable zones separated by blank lines
// (one zone per block of lines, as a user would paste them) and parses each
// block with Parse. The two slices have one entry per block, in order:
// results[i] is nil exactly when errs[i] is not. A read error ends the list
// with a nil result and that error.
func ParseText(r io.Reader, now time.Time) (results []*Result, errs []error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var block []string
	start, lineNo := 0, 0
	flush := func() {
		if len(block) == 0 {
			return
		}
		res, err := Parse(block, now)
		if err != nil {
			err = fmt.Errorf("line %d: %w", start, err)
		}
		results = append(results, res)
		errs = append(errs, err)
		block = nil
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if len(block) == 0 {
			start = lineNo
		}
		block = append(block, line)
	}
	flush()
	if err := sc.Err(); err != nil {
		results = append(results, nil)
		errs = append(errs, fmt.Errorf("mrz: reading: %w", err))
	}
	return results, errs
}
