package mrz

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Errors returned by Parse and Find.
var (
	// ErrNotFound: no machine-readable zone in the text.
	ErrNotFound = errors.New("mrz: no machine-readable zone found")
	// ErrFormat: the lines match none of the MRZ layouts (line count and
	// lengths, ±2 characters).
	ErrFormat = errors.New("mrz: lines match no MRZ layout")
)

// Parse parses the lines of one machine-readable zone: TD1 (3×30), TD2
// (2×36), TD3 (2×44), MRV-A (2×44, first character 'V'), MRV-B (2×36,
// first character 'V') or the French identity card (2×36, starting
// "IDFRA"; tried with TD2, the check digits choose).
//
// The lines usually come from OCR. Parse drops white space and blank lines,
// upper-cases, tolerates lines up to two characters too short or too long
// (filling or removing '<' where the check digits then hold), and corrects
// OCR confusions by position:
//
//   - numeric positions (dates, check digits): O Q D U→0, I L J→1, Z→2, A→4,
//     S→5, G→6, T→7, B→8;
//   - alphabetic positions (document type, states, nationality, names):
//     0→O 1→I 2→Z 4→A 5→S 6→G 7→T 8→B;
//   - names: everything after the given names (the second "<<") that looks
//     like a filler (K S G C E L) becomes '<', as do one-letter tokens of
//     those letters among the given names and a run of two or more K at the
//     end of the last name;
//   - optional data: runs of K S G C E L between fillers become '<' (when a
//     check digit covers the optional data, only if it then holds);
//   - document numbers (alphanumeric): one or two ambiguous characters
//     (0/O/D, 1/I/L, 2/Z, 4/A, 5/S, 7/T, 8/B) are changed only if the check
//     digit, and the composite check digit where there is one, then hold and
//     exactly one such change exists.
//
// A check digit itself is never changed to make it hold (beyond mapping a
// letter in its position to the digit it looks like). Result.Corrections
// counts changed, inserted and removed characters.
//
// Two-digit years: a birth date is put in the most recent year not after
// now; an expiry date in the 100-year window [now.Year−79, now.Year+20], so
// that documents expire at most 20 years ahead and an expired document stays
// in the past (with now in 2026, "12" is 2012, "46" is 2046, "47" is 1947).
// Unreadable or impossible dates are left as the zero time: that is not an
// error, the date's check digit fails or the field is reported empty.
//
// Parse returns an error only when the lines match no layout; a zone whose
// check digits fail is returned with Valid false and the failing Checks.
func Parse(lines []string, now time.Time) (*Result, error) {
	var cl []string
	for _, l := range lines {
		if c, _ := clean(l); c != "" {
			cl = append(cl, c)
		}
	}
	if len(cl) == 0 {
		return nil, fmt.Errorf("%w: no lines", ErrFormat)
	}
	var best *Result
	for _, lay := range candidateLayouts(cl) {
		variants := make([][]lineVariant, len(cl))
		for i, s := range cl {
			variants[i] = lineVariants(s, lay.width)
		}
		combine(variants, func(ls []string, edits int) {
			r := parseLayout(lay, ls, now)
			r.Corrections += edits
			if better(r, best) {
				best = r
			}
		})
	}
	if best == nil {
		lens := make([]string, len(cl))
		for i, s := range cl {
			lens[i] = fmt.Sprint(len(s))
		}
		return nil, fmt.Errorf("%w: %d lines of %s characters", ErrFormat, len(cl), strings.Join(lens, ", "))
	}
	return best, nil
}

// combine calls fn with every combination of one variant per line.
func combine(variants [][]lineVariant, fn func(lines []string, edits int)) {
	cur := make([]string, len(variants))
	var rec func(i, edits int)
	rec = func(i, edits int) {
		if i == len(variants) {
			fn(append([]string(nil), cur...), edits)
			return
		}
		for _, v := range variants[i] {
			cur[i] = v.s
			rec(i+1, edits+v.edits)
		}
	}
	rec(0, 0)
}

// failures counts the checks of r that do not hold.
func failures(r *Result) int {
	n := 0
	for _, c := range r.Checks {
		if !c.OK {
			n++
		}
	}
	return n
}

// better reports whether a is a better reading than b: valid first, then
// fewer failing checks, then more checks, then fewer corrections.
func better(a, b *Result) bool {
	if b == nil {
		return true
	}
	if a.Valid != b.Valid {
		return a.Valid
	}
	if fa, fb := failures(a), failures(b); fa != fb {
		return fa < fb
	}
	if len(a.Checks) != len(b.Checks) {
		return len(a.Checks) > len(b.Checks)
	}
	return a.Corrections < b.Corrections
}

// parser holds a zone being corrected.
type parser struct {
	lay  layout
	b    [][]byte
	corr int
}

func (p *parser) get(q pos) byte    { return p.b[q.line][q.idx] }
func (p *parser) str(s span) string { return string(p.b[s.line][s.from:s.to]) }
func (p *parser) has(q pos) bool    { return q.line >= 0 }
func (p *parser) put(q pos, c byte) { p.b[q.line][q.idx] = c }

// set changes a character and counts the correction.
func (p *parser) set(q pos, c byte) {
	if p.get(q) != c {
		p.put(q, c)
		p.corr++
	}
}

func spanPositions(s span) []pos {
	var ps []pos
	for i := s.from; i < s.to; i++ {
		ps = append(ps, pos{s.line, i})
	}
	return ps
}

func (p *parser) mapSpan(s span, m map[byte]byte) {
	for _, q := range spanPositions(s) {
		p.mapPos(q, m)
	}
}

func (p *parser) mapPos(q pos, m map[byte]byte) {
	if !p.has(q) {
		return
	}
	if c, ok := m[p.get(q)]; ok {
		p.set(q, c)
	}
}

// stateCode corrects a three-letter state code: letters by position, and
// Germany's "D<<" whose fillers were read as K.
func (p *parser) stateCode(s span) {
	p.mapSpan(s, toLetter)
	b := p.b[s.line][s.from:s.to]
	if b[0] == 'D' && (b[1] == '<' || b[1] == 'K') && (b[2] == '<' || b[2] == 'K') {
		p.set(pos{s.line, s.from + 1}, '<')
		p.set(pos{s.line, s.from + 2}, '<')
	}
}

// composite returns the data the composite check digit covers.
func (p *parser) compositeData() string {
	var b strings.Builder
	for _, s := range p.lay.composite {
		b.WriteString(p.str(s))
	}
	return b.String()
}

func (p *parser) compositeOK() bool {
	return !p.has(p.lay.compCD) || checkOK(p.compositeData(), p.get(p.lay.compCD))
}

// docNumber returns the document number (with its fillers), its check digit,
// the positions of its characters, and where the optional data starts in
// opt[0] (after an overflow, relative to the span start).
func (p *parser) docNumber() (data string, cd byte, ps []pos, optSkip int) {
	lay := p.lay
	data = p.str(lay.docNum)
	cd = p.get(lay.docCD)
	ps = spanPositions(lay.docNum)
	if !lay.overflow || cd != '<' {
		return
	}
	// ICAO 9303 part 5, note j: a number longer than 9 characters
	// continues in the optional data, followed by its check digit and a
	// filler; the check digit position holds '<'.
	o := lay.opt[0]
	ext := p.b[o.line][o.from:o.to]
	n := 0
	for n < len(ext) && ext[n] != '<' {
		n++
	}
	if n == 0 {
		return
	}
	data += string(ext[:n-1])
	cd = ext[n-1]
	for i := 0; i < n-1; i++ {
		ps = append(ps, pos{o.line, o.from + i})
	}
	return data, cd, ps, n
}

func (p *parser) docOK() bool {
	data, cd, _, _ := p.docNumber()
	return checkOK(data, cd)
}

// search tries changing up to max of the characters at ps to the characters
// OCR confuses them with, and keeps the change when it is the only one of
// its size that makes ok hold. It returns whether a change was kept.
func (p *parser) search(ps []pos, max int, ok func() bool) bool {
	type change struct {
		q pos
		c byte
	}
	for k := 1; k <= max; k++ {
		var sols [][]change
		cur := make([]change, 0, k)
		var rec func(start int)
		rec = func(start int) {
			if len(sols) > 1 {
				return
			}
			if len(cur) == k {
				if ok() {
					sols = append(sols, append([]change(nil), cur...))
				}
				return
			}
			for i := start; i < len(ps); i++ {
				orig := p.get(ps[i])
				for _, a := range []byte(alternatives[orig]) {
					p.put(ps[i], a)
					cur = append(cur, change{ps[i], a})
					rec(i + 1)
					cur = cur[:len(cur)-1]
					p.put(ps[i], orig)
				}
			}
		}
		rec(0)
		if len(sols) > 1 {
			return false // ambiguous: leave the number as read
		}
		if len(sols) == 1 {
			for _, c := range sols[0] {
				p.set(c.q, c.c)
			}
			return true
		}
	}
	return false
}

// optFix finds, in the optional data field s (after skip characters), the
// letters OCR reads a '<' as, where fillers are expected. A token (a run
// between fillers) made only of K S G C E L, with a '<' on its left, is
// fillers; so is a run of two or more K ending the last token. K is
// invisible to check digits (K = 20 ≡ 0 mod 10), so runs of K are returned
// in always; the other letters, and tokens at the very start of the field,
// in gated, to be turned only when a check digit then holds.
func (p *parser) optFix(s span, skip int) (always, gated []pos) {
	b := p.b[s.line][s.from+skip : s.to]
	add := func(to *[]pos, i, j int) {
		for k := i; k < j; k++ {
			*to = append(*to, pos{s.line, s.from + skip + k})
		}
	}
	onlyK := func(i, j int) bool { return strings.Trim(string(b[i:j]), "K") == "" }
	for i := 0; i < len(b); {
		if b[i] == '<' {
			i++
			continue
		}
		j := i
		for j < len(b) && b[j] != '<' {
			j++
		}
		k := j
		for k > i && fillerLike(b[k-1]) {
			k--
		}
		switch {
		case k == i && i > 0 && onlyK(i, j):
			add(&always, i, j)
		case k == i:
			add(&gated, i, j)
		case strings.Trim(string(b[j:]), "<KSGCEL") == "":
			// the last real token, ending in filler-like letters
			if j-k >= 2 && onlyK(k, j) {
				add(&always, k, j)
			} else {
				add(&gated, k, j)
			}
		}
		i = j
	}
	return always, gated
}

// fixOptional applies optFix to the optional data fields. Where no check
// digit covers them (visas), the gated changes are applied too; otherwise
// only when ok then holds.
func (p *parser) fixOptional(checked bool, ok func() bool) {
	for i, s := range p.lay.opt {
		skip := 0
		if i == 0 {
			_, _, _, skip = p.docNumber()
		}
		always, gated := p.optFix(s, skip)
		for _, q := range always {
			p.set(q, '<')
		}
		if !checked {
			for _, q := range gated {
				p.set(q, '<')
			}
			continue
		}
		if len(gated) == 0 || ok() {
			continue
		}
		saved := make([]byte, len(gated))
		for k, q := range gated {
			saved[k] = p.get(q)
			p.put(q, '<')
		}
		pass := ok()
		for k, q := range gated {
			p.put(q, saved[k])
			if pass {
				p.set(q, '<')
			}
		}
	}
}

// fixName corrects the name field: letters by position, then fillers read as
// letters (see Parse).
func (p *parser) fixName(s span) {
	p.mapSpan(s, toLetter)
	b := p.b[s.line][s.from:s.to]
	at := func(i int) pos { return pos{s.line, s.from + i} }
	sep := strings.Index(string(b), "<<")
	givenStart := len(b)
	fill := len(b)
	if sep >= 0 {
		givenStart = sep + 2
		if q := strings.Index(string(b[givenStart:]), "<<"); q >= 0 {
			fill = givenStart + q
		}
	}
	for i := fill; i < len(b); i++ {
		if fillerLike(b[i]) {
			p.set(at(i), '<')
		}
	}
	// Walk back over the tokens before the filler area.
	te := fill
	for {
		for te > 0 && b[te-1] == '<' {
			te--
		}
		ts := te
		for ts > 0 && b[ts-1] != '<' {
			ts--
		}
		if ts == te {
			return
		}
		if te-ts == 1 && fillerLike(b[ts]) && ts > givenStart {
			p.set(at(ts), '<')
			te = ts
			continue
		}
		// A run of two or more K ending the last name is fillers.
		k := te
		for k > ts && b[k-1] == 'K' {
			k--
		}
		if te-k >= 2 && k > ts {
			for i := k; i < te; i++ {
				p.set(at(i), '<')
			}
		}
		return
	}
}

// parseLayout parses lines that have exactly the layout's width.
func parseLayout(lay layout, lines []string, now time.Time) *Result {
	p := &parser{lay: lay, b: make([][]byte, len(lines))}
	for i, l := range lines {
		p.b[i] = []byte(l)
	}

	// Deterministic corrections by position.
	p.mapSpan(lay.docType, toLetter)
	p.stateCode(lay.state)
	p.stateCode(lay.nat)
	p.fixName(lay.name)
	if lay.given.to > 0 {
		p.fixName(lay.given)
	}
	p.mapSpan(lay.birth, toDigit)
	p.mapSpan(lay.expiry, toDigit)
	for _, q := range []pos{lay.docCD, lay.birthCD, lay.expiryCD, lay.optCD, lay.compCD} {
		p.mapPos(q, toDigit)
	}
	// A TD3 optional data check digit over empty optional data may be a
	// filler: K there is a '<' misread.
	if p.has(lay.optCD) && p.get(lay.optCD) == 'K' && strings.Trim(p.str(lay.opt[0]), "<K") == "" {
		p.set(lay.optCD, '<')
	}
	if c := p.get(lay.sex); c == 'K' {
		p.set(lay.sex, '<')
	}

	// Optional data, then the document number, then the optional data
	// again (the composite covers both).
	optChecked := p.has(lay.optCD) || p.has(lay.compCD)
	optOK := func() bool {
		if p.has(lay.optCD) {
			return p.optionalOK()
		}
		return p.compositeOK()
	}
	p.fixOptional(optChecked, optOK)
	if !p.docOK() {
		max := 1
		if p.has(lay.compCD) {
			max = 2
		}
		_, _, ps, _ := p.docNumber()
		p.search(ps, max, func() bool { return p.docOK() && p.compositeOK() })
	}
	if optChecked {
		p.fixOptional(true, optOK)
	}

	return p.result(now)
}

// optionalOK checks the TD3 optional data check digit: '<' is allowed when
// the optional data is empty.
func (p *parser) optionalOK() bool {
	data := p.str(p.lay.opt[0])
	cd := p.get(p.lay.optCD)
	if cd == '<' {
		return strings.Trim(data, "<") == ""
	}
	return checkOK(data, cd)
}

func (p *parser) result(now time.Time) *Result {
	lay := p.lay
	r := &Result{Format: lay.format, Corrections: p.corr}
	r.DocumentType = strings.ReplaceAll(p.str(lay.docType), "<", "")
	r.IssuingState = strings.ReplaceAll(p.str(lay.state), "<", "")
	r.Nationality = strings.ReplaceAll(p.str(lay.nat), "<", "")
	r.Surname, r.GivenNames = splitName(p.str(lay.name))
	if lay.given.to > 0 {
		r.Surname, r.GivenNames = spaced(p.str(lay.name)), spaced(p.str(lay.given))
	}

	data, cd, _, skip := p.docNumber()
	r.DocumentNumber = strings.ReplaceAll(data, "<", "")
	r.Checks = append(r.Checks, Check{"document_number", checkOK(data, cd)})

	birth := p.str(lay.birth)
	r.BirthDate = parseDate(birth, now, true)
	r.Checks = append(r.Checks, Check{"birth_date", checkOK(birth, p.get(lay.birthCD))})
	switch c := p.get(lay.sex); c {
	case 'M', 'F':
		r.Sex = string(c)
	case '<', 'X':
		r.Sex = "X"
	}
	if p.has(lay.expiryCD) {
		expiry := p.str(lay.expiry)
		r.ExpiryDate = parseDate(expiry, now, false)
		r.Checks = append(r.Checks, Check{"expiry_date", checkOK(expiry, p.get(lay.expiryCD))})
	}

	for i, s := range lay.opt {
		v := p.str(s)
		if i == 0 {
			v = v[min(skip, len(v)):]
		}
		v = strings.Trim(v, "<")
		if i == 0 {
			r.OptionalData = v
		} else {
			r.OptionalData2 = v
		}
	}
	if p.has(lay.optCD) {
		r.Checks = append(r.Checks, Check{"optional_data", p.optionalOK()})
	}
	if p.has(lay.compCD) {
		r.Checks = append(r.Checks, Check{"composite", p.compositeOK()})
	}
	r.Valid = true
	for _, c := range r.Checks {
		r.Valid = r.Valid && c.OK
	}
	for _, l := range p.b {
		r.Lines = append(r.Lines, string(l))
	}
	return r
}

// splitName splits a name field at the first "<<" into surname and given
// names, fillers turned into single spaces. A name without "<<" is a single
// name: it is the surname and the given names are empty.
func splitName(s string) (surname, given string) {
	sur, giv, _ := strings.Cut(s, "<<")
	return spaced(sur), spaced(giv)
}

func spaced(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '<' }), " ")
}

// parseDate reads YYMMDD. Birth dates go to the most recent year not after
// now; other dates (expiry) to the window [now.Year−79, now.Year+20]. It
// returns the zero time when the date is unreadable or impossible.
func parseDate(s string, now time.Time, birth bool) time.Time {
	if len(s) != 6 {
		return time.Time{}
	}
	n := [3]int{}
	for i := 0; i < 3; i++ {
		hi, lo := s[2*i], s[2*i+1]
		if hi < '0' || hi > '9' || lo < '0' || lo > '9' {
			return time.Time{}
		}
		n[i] = int(hi-'0')*10 + int(lo-'0')
	}
	yy, mm, dd := n[0], n[1], n[2]
	if mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return time.Time{}
	}
	var year int
	if birth {
		today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
		year = now.Year() - ((now.Year()-yy)%100+100)%100
		if time.Date(year, time.Month(mm), dd, 0, 0, 0, 0, time.UTC).After(today) {
			year -= 100
		}
	} else {
		top := now.Year() + 20
		year = top - ((top-yy)%100+100)%100
	}
	t := time.Date(year, time.Month(mm), dd, 0, 0, 0, 0, time.UTC)
	if t.Day() != dd || int(t.Month()) != mm {
		return time.Time{} // 31 April, 29 February of a common year
	}
	return t
}
