package mrz

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"
)

// Margins of the choice among a cell's alternatives, in score units (the
// reader's scores are normalised cross-correlations, 0–1; a clean cell's
// best symbol leads the next by 0.03 to 0.3).
const (
	// typeMargin: an alternative of the kind a position requires (a digit
	// in a date, a letter in a name) replaces a best symbol of the wrong
	// kind when it scores at most this much less.
	typeMargin = 0.12
	// searchMargin: the check digits may choose, in the fields they cover,
	// alternatives scoring at most this much less than the best.
	searchMargin = 0.10
	// digitBias: in an alphanumeric field (a document number), a digit
	// wins over the letter it looks like (O, Q, D, I, Z, S, B) when it
	// scores at most this much less: numbers are mostly digits, and the
	// check digits may still choose the letter. Needed where a check digit
	// cannot tell: O − 0 = 24, so two or three O read for 0 at the right
	// weights leave the sum unchanged modulo 10.
	digitBias = 0.015
	// ambiguity: two readings whose check digits hold, at costs closer
	// than this, are a tie the check digits cannot break.
	ambiguity = 0.02
	// maxUncertain and maxChanges bound the search.
	maxUncertain = 14
	maxChanges   = 3
)

// lookAlikeDigit maps the letters of OCR-B that look most like a digit to
// that digit.
var lookAlikeDigit = map[byte]byte{'O': '0', 'Q': '0', 'D': '0', 'I': '1', 'Z': '2', 'S': '5', 'B': '8'}

// kind is what a position of a zone may hold.
type kind uint8

const (
	kindAny    kind = iota
	kindLetter      // A-Z and '<'
	kindDigit       // 0-9
	kindCD          // 0-9, or '<' where a check digit may be a filler
	kindAlnum       // A-Z, 0-9, '<'
	kindSex         // M, F, X, '<'
)

func (k kind) allows(c byte) bool {
	switch k {
	case kindLetter:
		return c >= 'A' && c <= 'Z' || c == '<'
	case kindDigit:
		return c >= '0' && c <= '9'
	case kindCD:
		return c >= '0' && c <= '9' || c == '<'
	case kindSex:
		return c == 'M' || c == 'F' || c == 'X' || c == '<'
	}
	return true
}

// kinds maps each position of a layout to its kind.
func kinds(lay layout) [][]kind {
	k := make([][]kind, lay.nlines)
	for i := range k {
		k[i] = make([]kind, lay.width)
		for j := range k[i] {
			k[i][j] = kindAlnum
		}
	}
	set := func(s span, v kind) {
		if s.to == 0 {
			return
		}
		for i := s.from; i < s.to; i++ {
			k[s.line][i] = v
		}
	}
	setPos := func(q pos, v kind) {
		if q.line >= 0 {
			k[q.line][q.idx] = v
		}
	}
	set(lay.docType, kindLetter)
	set(lay.state, kindLetter)
	set(lay.nat, kindLetter)
	set(lay.name, kindLetter)
	set(lay.given, kindLetter)
	set(lay.docNum, kindAlnum)
	for _, o := range lay.opt {
		set(o, kindAlnum)
	}
	set(lay.birth, kindDigit)
	set(lay.expiry, kindDigit)
	setPos(lay.sex, kindSex)
	for _, q := range []pos{lay.birthCD, lay.expiryCD, lay.compCD} {
		setPos(q, kindDigit)
	}
	// A document number's check digit is '<' when the number overflows
	// (TD1, TD2); an empty optional data field's may be '<' (TD3).
	setPos(lay.docCD, kindDigit)
	if lay.overflow {
		setPos(lay.docCD, kindCD)
	}
	setPos(lay.optCD, kindCD)
	return k
}

// checked lists the positions some check digit covers, check digits
// included.
func checked(lay layout) [][]bool {
	c := make([][]bool, lay.nlines)
	for i := range c {
		c[i] = make([]bool, lay.width)
	}
	mark := func(s span) {
		for i := s.from; i < s.to; i++ {
			c[s.line][i] = true
		}
	}
	for _, q := range []pos{lay.docCD, lay.birthCD, lay.expiryCD, lay.optCD, lay.compCD} {
		if q.line >= 0 {
			c[q.line][q.idx] = true
		}
	}
	mark(lay.docNum)
	mark(lay.birth)
	if lay.expiryCD.line >= 0 {
		mark(lay.expiry)
	}
	if lay.optCD.line >= 0 || lay.compCD.line >= 0 || lay.overflow {
		for _, o := range lay.opt {
			mark(o)
		}
	}
	for _, s := range lay.composite {
		mark(s)
	}
	return c
}

// errCells: a cells candidate whose cells do not match its lines.
var errCells = errors.New("mrz: cells do not match the lines")

// decodeCells decodes a reading made of character cells. For each layout
// the zone's shape fits, each position takes its best alternative of the
// kind the layout requires there (a digit in a date) when that scores
// close enough to the best; then, in the fields check digits cover, the
// check digits choose among the cells' own close alternatives the
// cheapest reading (fewest failing checks, then the least score given up).
// No character is ever one the reader did not propose.
func decodeCells(c Candidate, now time.Time) (*Result, error) {
	if len(c.Cells) != len(c.Lines) || len(c.Cells) == 0 {
		return nil, errCells
	}
	best := make([]string, len(c.Cells))
	for i, line := range c.Cells {
		if len(line) != len(c.Lines[i]) {
			return nil, errCells
		}
		b := make([]byte, len(line))
		for j, alts := range line {
			if len(alts) == 0 {
				return nil, errCells
			}
			b[j] = alts[0].Char
		}
		best[i] = string(b)
	}
	var res *Result
	for _, lay := range layouts {
		if lay.nlines != len(best) || lay.width != len(best[0]) || len(best[len(best)-1]) != lay.width {
			continue
		}
		if !layoutMatches(lay, c.Cells) {
			continue
		}
		r := decodeLayout(lay, c.Cells, now)
		if better(r, res) {
			res = r
		}
	}
	if res == nil {
		return nil, fmt.Errorf("%w: %d lines of %d cells", ErrFormat, len(best), len(best[0]))
	}
	return res, nil
}

// layoutMatches tells visas (V) and French identity cards (IDFRA) from the
// other layouts of their size, on the cells' close alternatives.
func layoutMatches(lay layout, cells [][][]Alternative) bool {
	has := func(line, idx int, c byte) bool {
		alts := cells[line][idx]
		for _, a := range alts {
			if a.Char == c && alts[0].Score-a.Score <= typeMargin {
				return true
			}
		}
		return false
	}
	visa := has(0, 0, 'V')
	if lay.format == MRVA || lay.format == MRVB {
		return visa
	}
	if lay.format == FRAID {
		for i, c := range []byte("IDFRA") {
			if !has(0, i, c) {
				return false
			}
		}
		return true
	}
	return !visa || cells[0][0][0].Char != 'V'
}

// choice is one alternative for one position.
type choice struct {
	line, idx int
	c         byte
	cost      float64
}

func decodeLayout(lay layout, cells [][][]Alternative, now time.Time) *Result {
	ks := kinds(lay)
	cov := checked(lay)
	b := make([][]byte, lay.nlines)
	corr := 0
	var uncertain [][]choice // per position, its other close alternatives
	for i := range b {
		b[i] = make([]byte, lay.width)
		for j := range b[i] {
			alts := cells[i][j]
			top := alts[0].Score
			pick := alts[0]
			if !ks[i][j].allows(pick.Char) {
				for _, a := range alts[1:] {
					if ks[i][j].allows(a.Char) && top-a.Score <= typeMargin {
						pick = a
						corr++
						break
					}
				}
			}
			if d, ok := lookAlikeDigit[pick.Char]; ok && ks[i][j] == kindAlnum {
				for _, a := range alts {
					if a.Char == d && pick.Score-a.Score <= digitBias {
						pick = a
						corr++
						break
					}
				}
			}
			b[i][j] = pick.Char
			if !cov[i][j] {
				continue
			}
			var cs []choice
			for _, a := range alts {
				if a.Char != pick.Char && ks[i][j].allows(a.Char) && top-a.Score <= searchMargin {
					cs = append(cs, choice{i, j, a.Char, max(0.001, pick.Score-a.Score)})
				}
			}
			if len(cs) > 0 {
				uncertain = append(uncertain, cs)
			}
		}
	}
	// The issuing state and the nationality name states from a closed
	// list; the French identity card starts with IDFRA (layoutMatches
	// found those among the first cells' close alternatives).
	corr += chooseState(b, cells, lay.state)
	corr += chooseState(b, cells, lay.nat)
	if lay.format == FRAID {
		for i, c := range []byte("IDFRA") {
			if b[0][i] != c {
				b[0][i] = c
				corr++
			}
		}
	}
	// A lone letter among the fillers of a name, which the reader found
	// nearly as like a filler, is one: a name's fillers run on, a one-letter
	// name part between them is rare.
	for _, sp := range []span{lay.name, lay.given} {
		if sp.to == 0 {
			continue
		}
		line := b[sp.line]
		for j := sp.from; j < sp.to; j++ {
			left := j == sp.from || line[j-1] == '<'
			right := j+1 == sp.to || line[j+1] == '<'
			if line[j] == '<' || !left || !right || j < sp.from+2 {
				continue
			}
			alts := cells[sp.line][j]
			for _, a := range alts {
				if a.Char == '<' && alts[0].Score-a.Score <= typeMargin {
					line[j] = '<'
					corr++
					break
				}
			}
		}
	}
	// Near ties among a name's letters, by the letters around them.
	corr += chooseNameLetters(b, cells, lay.name)
	corr += chooseNameLetters(b, cells, lay.given)
	// The least certain positions first; the search looks at a few.
	sort.SliceStable(uncertain, func(a, b int) bool { return uncertain[a][0].cost < uncertain[b][0].cost })
	if len(uncertain) > maxUncertain {
		uncertain = uncertain[:maxUncertain]
	}
	p := &parser{lay: lay, b: b}
	bestFail, bestCost := p.failing(), 0.0
	initFail := bestFail
	var bestSet []choice
	var cur []choice
	// runnerUp is the cost of the next cheapest reading whose checks all
	// hold: when it is about as cheap as the best, the check digits do not
	// decide, and the cells are left as read.
	runnerUp := math.Inf(1)
	var rec func(from int, cost float64)
	rec = func(from int, cost float64) {
		// Each change must be paid for by a check it makes hold: one
		// check digit lets a tenth of random readings through, so two
		// changes under a single check could be anything.
		if f := p.failing(); len(cur) > 0 && len(cur) <= initFail-f {
			switch {
			case f == 0 && bestFail == 0 && cost < bestCost:
				runnerUp = bestCost
				fallthrough
			case f < bestFail || f == bestFail && cost < bestCost:
				bestFail, bestCost = f, cost
				bestSet = append(bestSet[:0], cur...)
			case f == 0:
				runnerUp = min(runnerUp, cost)
			}
		}
		if len(cur) == maxChanges || bestFail == 0 && cost >= min(runnerUp, bestCost+ambiguity) {
			return
		}
		for u := from; u < len(uncertain); u++ {
			for _, ch := range uncertain[u] {
				old := b[ch.line][ch.idx]
				b[ch.line][ch.idx] = ch.c
				cur = append(cur, ch)
				rec(u+1, cost+ch.cost)
				cur = cur[:len(cur)-1]
				b[ch.line][ch.idx] = old
			}
		}
	}
	if bestFail > 0 {
		rec(0, 0)
	}
	// Only a reading whose every check then holds is taken: changing
	// characters to make some checks hold while others fail would hide
	// what is printed.
	if bestFail == 0 && runnerUp-bestCost > ambiguity {
		for _, ch := range bestSet {
			b[ch.line][ch.idx] = ch.c
			corr++
		}
	}
	r := p.result(now)
	r.Corrections = corr
	return r
}

// failing counts the check digits that do not hold. It reads the zone in
// place: the search calls it for every combination it tries.
func (p *parser) failing() int {
	n := 0
	lay := p.lay
	if lay.overflow && p.get(lay.docCD) == '<' {
		if !p.docOK() {
			n++
		}
	} else if !p.spansOK([]span{lay.docNum}, lay.docCD) {
		n++
	}
	if !p.spansOK([]span{lay.birth}, lay.birthCD) {
		n++
	}
	if p.has(lay.expiryCD) && !p.spansOK([]span{lay.expiry}, lay.expiryCD) {
		n++
	}
	if p.has(lay.optCD) && !p.optionalOK() {
		n++
	}
	if p.has(lay.compCD) && !p.spansOK(lay.composite, lay.compCD) {
		n++
	}
	return n
}

// spansOK reports whether the check digit at cd holds over the spans.
func (p *parser) spansOK(spans []span, cd pos) bool {
	sum, i := 0, 0
	for _, s := range spans {
		for _, c := range p.b[s.line][s.from:s.to] {
			v, ok := charValue(c)
			if !ok {
				return false
			}
			sum += v * [3]int{7, 3, 1}[i%3]
			i++
		}
	}
	return p.get(cd) == byte('0'+sum%10)
}
