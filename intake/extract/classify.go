package extract

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/intake-app/intake/country"
	"github.com/intake-app/intake/document"
)

const headerLines = 6 // non-empty lines at the top of the first page that count as its title

// lineRank returns, for each line of p, its rank among the non-empty lines
// (-1 for an empty line).
func (p *page) lineRanks() []int {
	ranks := make([]int, len(p.lineStarts))
	k := 0
	for l := range p.lineStarts {
		s, e := p.lineBounds(l)
		if strings.TrimSpace(p.text()[s:e]) == "" {
			ranks[l] = -1
			continue
		}
		ranks[l] = k
		k++
	}
	return ranks
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// occurrence weight: a title near the top of the first page counts most,
// more still when it is the whole line.
func titleWeight(pageNo, rank int, line, phraseText string) float64 {
	w := 1.0
	switch {
	case pageNo == 0 && rank >= 0 && rank < headerLines:
		w = 3
	case pageNo > 0 && rank >= 0 && rank < 3:
		w = 2
	}
	if w > 1 && letterCount(line) <= letterCount(phraseText)*8/5+2 {
		w += 2
	}
	return w
}

// spacedOut reports whether a line is a title printed with spaced letters
// ("P A S S E P O R T").
func spacedOut(line string) bool {
	singles := 0
	for w := range strings.FieldsSeq(line) {
		if utf8.RuneCountInString(w) == 1 {
			singles++
		}
	}
	return singles >= 4
}

// signal is a piece of evidence with what the decision needs to know
// about where it was found.
type signal struct {
	document.Signal
	title  bool // a title (not a hint, an issuer or a negative)
	header int  // rank of its line among the first lines of page 1; -1 elsewhere
}

// evidence is what the detectors look at.
type evidence struct {
	ps   []*page
	hint Hint
	buf  []match
}

// A detector looks at a document and emits signals.
type detector func(*evidence) []signal

// detectors are run in this order; the order does not change the outcome.
var detectors = []detector{detectTitles, detectWords, detectNegatives, detectAmounts, detectMRZ, detectPhoto}

// where names a line for a reason: "page 1, line 2".
func (e *evidence) where(pn, l int) string {
	if len(e.ps) == 1 {
		return fmt.Sprintf("line %d", l+1)
	}
	return fmt.Sprintf("page %d, line %d", pn+1, l+1)
}

// quote is a phrase as printed, for a reason.
func quote(p *page, m match) string {
	s := strings.Join(strings.Fields(p.n.origSpan(m.start, m.end)), " ")
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return "«" + s + "»"
}

// inProse reports whether a title found in the line starting at ls is
// written as words of a sentence: after other words on its line, in small
// letters ("… en contrat à durée indéterminée"). A heading starts its line
// (after a field number or a slash) or is printed in capitals.
func inProse(p *page, ls int, m match) bool {
	before := strings.TrimLeft(p.text()[ls:m.start], " ")
	if before == "" || strings.HasSuffix(strings.TrimRight(before, " "), "/") || fieldNumberRE.MatchString(before) && len(fieldNumberRE.FindString(before)) == len(before) {
		return false
	}
	for _, r := range p.n.origSpan(m.start, m.end) {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// isFormLabel reports whether the phrase at text[m.start:m.end] is a
// form's label rather than a title: followed by a colon ("Паспорт: 45 12
// 345678").
func isFormLabel(t string, m match) bool {
	rest := strings.TrimLeft(t[m.end:], " ")
	return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, ";")
}

// detectTitles finds the titles of the vocabulary: a title near the top of
// the first page counts most, more still when it is the whole line.
func detectTitles(e *evidence) []signal {
	v := theVocab()
	w := v.weights
	var out []signal
	for pn, p := range e.ps {
		t := p.text()
		ranks := p.lineRanks()
		// A title inside a longer one counts only as the longer one:
		// "Demande de titre de séjour" is not a "titre de séjour".
		e.buf = v.titleSet.findAllWords(t, p.words, true, e.buf[:0])
		sort.SliceStable(e.buf, func(i, j int) bool { return e.buf[i].end-e.buf[i].start > e.buf[j].end-e.buf[j].start })
		var kept []match
		for _, m := range e.buf {
			inside := false
			for _, k := range kept {
				inside = inside || (m.start < k.end && k.start < m.end)
			}
			if !inside {
				kept = append(kept, m)
			}
		}
		sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
		best := map[int]int{} // entry → index in out of its first occurrence
		repeats := map[int]int{}
		for _, m := range kept {
			l := p.lineOf(m.start)
			if isFormLabel(t, m) {
				continue // "Паспорт:" inside a form is a label, not a title
			}
			s, end := p.lineBounds(l)
			weight, header := w.TitleElsewhere, -1
			place := "in the text"
			switch r := ranks[l]; {
			case pn == 0 && r >= 0 && r < headerLines:
				weight, header, place = w.TitleHeader, r, "at the top of page 1"
			case pn > 0 && r >= 0 && r < 3:
				weight, place = w.TitleOtherHeader, fmt.Sprintf("at the top of page %d", pn+1)
			}
			if weight > w.TitleElsewhere && letterCount(t[s:end]) <= letterCount(t[m.start:m.end])*8/5+2 {
				weight += w.TitleAlone
			}
			if weight > w.TitleElsewhere && (letterCount(t[s:end]) > 3*letterCount(t[m.start:m.end])+12 || inProse(p, s, m)) {
				// Inside a sentence, even near the top, a title is a mention.
				weight, header, place = w.TitleElsewhere, -1, "in a sentence"
			}
			if strings.ContainsAny(t[s:m.start], ":;") {
				// The value of a field ("Type : Titre de séjour") names a
				// document; it is not this one's heading.
				weight, header, place = w.TitleElsewhere, -1, "as the value of a field"
			}
			sig := signal{Signal: document.Signal{Type: m.p.typ, Weight: weight,
				Why: fmt.Sprintf("title %s %s (%s)", quote(p, m), place, e.where(pn, l))}, title: true, header: header}
			if k, ok := best[m.p.key]; ok {
				// A repeated title adds a little, up to three times.
				if repeats[m.p.key] < 3 {
					repeats[m.p.key]++
					out[k].Weight += w.TitleRepeat
				}
				continue
			}
			best[m.p.key] = len(out)
			out = append(out, sig)
		}
		if pn == 0 {
			out = append(out, spacedTitles(e, p, ranks, best)...)
		}
	}
	return out
}

// spacedTitles finds titles printed with spaced letters ("P A S S E P O R
// T") in the first lines of page 1.
func spacedTitles(e *evidence, p *page, ranks []int, found map[int]int) []signal {
	v := theVocab()
	t := p.text()
	var out []signal
	for l := range p.lineStarts {
		if ranks[l] < 0 || ranks[l] >= headerLines {
			continue
		}
		s, end := p.lineBounds(l)
		if !spacedOut(t[s:end]) {
			continue
		}
		squeezed := strings.ReplaceAll(t[s:end], " ", "")
		for i := range v.titles {
			ph := &v.titles[i]
			if _, ok := found[ph.key]; ok || len(ph.parts) != 1 || utf8.RuneCountInString(ph.parts[0]) < 6 {
				continue
			}
			if strings.Contains(squeezed, strings.ReplaceAll(ph.parts[0], " ", "")) {
				found[ph.key] = -1
				out = append(out, signal{Signal: document.Signal{Type: ph.typ, Weight: v.weights.TitleSpaced,
					Why: fmt.Sprintf("title «%s» in spaced letters at the top of page 1 (%s)", ph.text, e.where(0, l))}, title: true, header: ranks[l]})
			}
		}
	}
	return out
}

// flat is text with its line breaks as spaces, at the same positions.
func flat(text string) string { return strings.ReplaceAll(text, "\n", " ") }

// detectWords finds the domain words and the issuers of each type: each
// entry counts once per document.
func detectWords(e *evidence) []signal {
	v := theVocab()
	var out []signal
	for _, set := range []struct {
		s    *phraseSet
		kind string
	}{{v.hintSet, "word"}, {v.issuerSet, "issuer"}} {
		seen := map[int]bool{}
		for pn, p := range e.ps {
			// Words may run on to the next line of a paragraph.
			for _, m := range set.s.findAllWords(flat(p.text()), p.words, true, e.buf[:0]) {
				if seen[m.p.key] {
					continue
				}
				seen[m.p.key] = true
				out = append(out, signal{Signal: document.Signal{Type: m.p.typ, Weight: m.p.weight,
					Why: fmt.Sprintf("%s %s (%s)", set.kind, quote(p, m), e.where(pn, p.lineOf(m.start)))}, header: -1})
			}
		}
	}
	return out
}

// detectNegatives finds what shows a document is not of a type: a bank
// details slip is no statement, a retail invoice no proof of address, a
// visa no residence permit. Each rule counts once.
func detectNegatives(e *evidence) []signal {
	v := theVocab()
	var out []signal
	done := map[int]bool{}
	for pn, p := range e.ps {
		ranks := p.lineRanks()
		for _, m := range v.negativeSet.findAllWords(flat(p.text()), p.words, true, e.buf[:0]) {
			r := v.negativeRules[m.p.negative]
			if done[m.p.negative] {
				continue
			}
			l := p.lineOf(m.start)
			if r.header && (pn > 0 || ranks[l] < 0 || ranks[l] >= headerLines) {
				continue
			}
			done[m.p.negative] = true
			for _, t := range r.not {
				out = append(out, signal{Signal: document.Signal{Type: t, Weight: -v.weights.Negative,
					Why: fmt.Sprintf("%s: %s (%s)", r.why, quote(p, m), e.where(pn, l))}, header: -1})
			}
		}
	}
	return out
}

// amountRE is a money amount ending a line: "29.99", "1 876,90 €",
// "2.059,35 EUR", "-84,20".
var amountRE = regexp.MustCompile(`[-+]?\d{1,3}(?:[ .,]?\d{3})*[.,]\d{2} ?(?:€|eur|rsd|rub|руб\.?|din\.?|£|\$|元|ttc)?$`)

// amountTypes are the documents made of amounts: a table of them supports
// each a little (never enough alone).
var amountTypes = []document.Type{document.ProofOfAddress, document.BankStatement, document.Payslip, document.PaymentReceipt}

// detectAmounts sees a table of amounts: three lines or more ending with
// one.
func detectAmounts(e *evidence) []signal {
	n := 0
	for _, p := range e.ps {
		for l := range p.lineStarts {
			s, end := p.lineBounds(l)
			if amountRE.MatchString(strings.TrimSpace(p.text()[s:end])) {
				n++
			}
		}
	}
	if n < 3 {
		return nil
	}
	var out []signal
	for _, t := range amountTypes {
		out = append(out, signal{Signal: document.Signal{Type: t, Weight: theVocab().weights.Amounts,
			Why: fmt.Sprintf("a table of amounts (%d lines end with one)", n)}, header: -1})
	}
	return out
}

// mrzWeight makes the machine-readable zone's code decisive.
const mrzWeight = 100

// detectMRZ reads the document code of the machine-readable zone. An
// identity card issued by the procedure's country to a foreigner is a
// residence permit (as is a card titled as one).
func detectMRZ(e *evidence) []signal {
	z := e.hint.MRZ
	if z == nil || z.DocumentType == "" {
		return nil
	}
	code := z.DocumentType[:1]
	t, ok := theVocab().decision.MRZ[code]
	if !ok {
		return nil
	}
	why := fmt.Sprintf("machine-readable zone: document code %s", strings.Trim(z.DocumentType, "<"))
	if !z.Valid {
		why += " (its check digits do not all hold)"
	}
	if t == document.IDCard {
		issuer := country.Alpha2(z.IssuingState)
		foreigner := strings.Trim(z.Nationality, "< ") != strings.Trim(z.IssuingState, "< ")
		if issuer != "" && issuer == strings.ToUpper(e.hint.Country) && foreigner {
			t = document.ResidencePermit
			why += fmt.Sprintf(", a card issued by %s to a national of %s", issuer, strings.Trim(z.Nationality, "< "))
		}
	}
	return []signal{{Signal: document.Signal{Type: t, Weight: mrzWeight, Why: why}, header: -1}}
}

// detectPhoto says an image with hardly any text is a photo when it has
// a face or the shape of an ID photo.
func detectPhoto(e *evidence) []signal {
	ph := e.hint.Photo
	if ph == nil {
		return nil
	}
	words := 0
	for _, p := range e.ps {
		for _, sp := range p.words {
			if sp[1]-sp[0] >= 3 {
				words++
			}
		}
	}
	portrait := ph.Faces >= 1 && ph.Height >= ph.Width
	switch {
	case words < 8 && ph.IDShaped:
		return photoSignal(mrzWeight/2, "an image of %d×%d pixels with the shape of an ID photo and no text", ph)
	case words < 8 && portrait:
		// A landscape picture with a face is rather a document
		// photographed whole (its holder's portrait) than an ID photo.
		return photoSignal(mrzWeight/2, "a portrait image of %d×%d pixels with a face and no text", ph)
	case words < 40 && (portrait || ph.IDShaped):
		// A few words read on a photo (a caption, a backdrop) make it a
		// photo only when nothing else stands out.
		return photoSignal(theVocab().decision.Minimum, "a portrait image of %d×%d pixels with a face and little text", ph)
	}
	return nil
}

func photoSignal(weight float64, format string, ph *PhotoFacts) []signal {
	why := fmt.Sprintf(format, ph.Width, ph.Height)
	return []signal{{Signal: document.Signal{Type: document.Photo, Weight: weight, Why: why}, header: -1}}
}

// classify sets Type, Score, Translates, Evidence and the review fields.
func (f *Fields) classify(ps []*page, hint Hint) {
	e := &evidence{ps: ps, hint: hint}
	var sigs []signal
	for _, d := range detectors {
		sigs = append(sigs, d(e)...)
	}
	// A card whose zone says identity card but whose title says residence
	// permit is a residence permit.
	for i, s := range sigs {
		if s.Type != document.IDCard || s.Weight < mrzWeight {
			continue
		}
		for _, r := range sigs {
			if r.Type == document.ResidencePermit && r.title {
				sigs[i].Type = document.ResidencePermit
				sigs[i].Why += ", titled as a residence permit"
				break
			}
		}
	}
	// Translation marks count wherever they are.
	translationAnywhere := false
	v := theVocab()
	for pn, p := range ps {
		e.buf = v.translationSet.findAllWords(p.text(), p.words, true, e.buf[:0])
		if len(e.buf) == 0 {
			continue
		}
		translationAnywhere = true
		ranks := p.lineRanks()
		m := e.buf[0]
		r := ranks[p.lineOf(m.start)]
		if pn > 0 || r < 0 || r >= headerLines {
			r = -1
		}
		sigs = append(sigs, signal{Signal: document.Signal{Type: document.Translation, Weight: v.weights.TitleHeader,
			Why: fmt.Sprintf("translation mark %s (%s)", quote(p, m), e.where(pn, p.lineOf(m.start)))}, title: true, header: r})
		break
	}
	f.decide(sigs, translationAnywhere)
}

// decide turns the signals into a type: a precedence type marked at the
// top of page 1 wins (the one higher up first; a translation mark counts
// anywhere), then the MRZ code, then the best score.
func (f *Fields) decide(sigs []signal, translationAnywhere bool) {
	v := theVocab()
	score := map[document.Type]float64{}
	for _, s := range sigs {
		score[s.Type] += s.Weight
	}
	winners := func(t document.Type) []document.Signal {
		var out []document.Signal
		for _, s := range sigs {
			if s.Type == t && s.Weight > 0 {
				out = append(out, s.Signal)
			}
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].Weight > out[j].Weight })
		return out[:min(len(out), 5)]
	}
	bestOf := func(exclude ...document.Type) (document.Type, float64, document.Type, float64) {
		bt, b, st, second := document.Unknown, 0.0, document.Unknown, 0.0
		for _, t := range document.Types() {
			if slices.Contains(exclude, t) {
				continue
			}
			switch s := score[t]; {
			case s > b:
				bt, b, st, second = t, s, bt, b
			case s > second:
				st, second = t, s
			}
		}
		return bt, b, st, second
	}

	// Precedence: the type whose mark is highest at the top of page 1.
	top, topRank := document.Unknown, headerLines+1
	for _, pt := range v.decision.Precedence {
		for _, s := range sigs {
			if s.Type == pt && s.title && s.header >= 0 && s.header < topRank {
				top, topRank = pt, s.header
			}
		}
	}
	if top == document.Unknown && translationAnywhere && slices.Contains(v.decision.Precedence, document.Translation) {
		top = document.Translation
	}
	if top != document.Unknown {
		f.Type, f.Evidence = top, winners(top)
		f.Score = max(0.8, score[top]/(score[top]+1))
		if top == document.Translation {
			bt, b, _, _ := bestOf(document.Translation, document.Apostille)
			switch {
			case b >= v.decision.Minimum:
				f.Translates = bt
			case score[document.Apostille] > 0:
				f.Translates = document.Apostille
			default:
				f.Translates = document.Unknown
			}
		}
		return
	}

	bt, b, st, second := bestOf(document.Translation, document.Apostille)
	if b < v.decision.Minimum {
		// Of no known type: the evidence says what ruled types out (a
		// retail invoice, a visa) and what little there was.
		f.Type, f.Score = document.Unknown, 0.1
		seen := map[string]bool{}
		for _, s := range sigs {
			if s.Weight < 0 && !seen[s.Why] {
				seen[s.Why] = true
				f.Evidence = append(f.Evidence, document.Signal{Type: document.Unknown, Weight: s.Weight, Why: s.Why})
			}
		}
		if bt != document.Unknown && b > 0 {
			f.Evidence = append(f.Evidence, winners(bt)...)
		}
		return
	}
	f.Type, f.Score, f.Evidence = bt, b/(b+second+1), winners(bt)
	if b < mrzWeight/2 && second >= v.decision.Minimum && second >= v.decision.Close*b {
		f.Alternative = st
		f.Review = fmt.Sprintf("%s or %s? the evidence for both is close", describe(bt), describe(st))
	}
}

// describe names a type for a person: "a health-insurance policy".
func describe(t document.Type) string {
	s := strings.ReplaceAll(string(t), "_", " ")
	if strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}
