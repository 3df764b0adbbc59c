package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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

// classify sets Type, Score and Translates.
func (f *Fields) classify(ps []*page, hint Hint) {
	v := theVocab()
	score := map[document.Type]float64{}
	firstHeader := map[document.Type]int{} // the first header line (page 1) where a type's title is
	var buf []match
	for pn, p := range ps {
		t := p.text()
		ranks := p.lineRanks()
		// Titles printed with spaced letters ("P A S S E P O R T"), squeezed.
		type squeezed struct {
			text string
			rank int
		}
		var spaced []squeezed
		if pn == 0 {
			for l := range p.lineStarts {
				if ranks[l] < 0 || ranks[l] >= headerLines {
					continue
				}
				s, e := p.lineBounds(l)
				if spacedOut(t[s:e]) {
					spaced = append(spaced, squeezed{strings.ReplaceAll(t[s:e], " ", ""), ranks[l]})
				}
			}
		}
		best := map[int]float64{}
		count := map[int]int{}
		// A title inside a longer one counts only as the longer one:
		// "Demande de titre de séjour" is not a "titre de séjour".
		buf = v.titleSet.findAllWords(t, p.words, true, buf[:0])
		sort.SliceStable(buf, func(i, j int) bool { return buf[i].end-buf[i].start > buf[j].end-buf[j].start })
		var kept []match
		for _, m := range buf {
			inside := false
			for _, k := range kept {
				inside = inside || (m.start < k.end && k.start < m.end)
			}
			if inside {
				continue
			}
			kept = append(kept, m)
			ph := m.p
			l := p.lineOf(m.start)
			s, e := p.lineBounds(l)
			w := titleWeight(pn, ranks[l], t[s:e], t[m.start:m.end])
			best[ph.key] = max(best[ph.key], w)
			count[ph.key]++
			if pn == 0 && ranks[l] >= 0 && ranks[l] < headerLines {
				if old, ok := firstHeader[ph.typ]; !ok || ranks[l] < old {
					firstHeader[ph.typ] = ranks[l]
				}
			}
		}
		for i := range v.titles {
			ph := &v.titles[i]
			if count[ph.key] == 0 && len(spaced) > 0 && len(ph.parts) == 1 && utf8.RuneCountInString(ph.parts[0]) >= 6 {
				sq := strings.ReplaceAll(ph.parts[0], " ", "")
				for _, sl := range spaced {
					if strings.Contains(sl.text, sq) {
						best[ph.key] = max(best[ph.key], 4)
						count[ph.key]++
						if old, ok := firstHeader[ph.typ]; !ok || sl.rank < old {
							firstHeader[ph.typ] = sl.rank
						}
					}
				}
			}
		}
		for i := range v.titles {
			ph := &v.titles[i]
			if c := count[ph.key]; c > 0 {
				score[ph.typ] += best[ph.key] + min(0.6, 0.2*float64(c-1))
				delete(count, ph.key)
			}
		}
		seen := map[int]bool{}
		for _, m := range v.hintSet.findAllWords(t, p.words, true, buf[:0]) {
			if !seen[m.p.key] {
				seen[m.p.key] = true
				score[m.p.typ] += m.p.weight
			}
		}
	}
	translationAnywhere := false
	for pn, p := range ps {
		buf = v.translationSet.findAllWords(p.text(), p.words, true, buf[:0])
		translationAnywhere = translationAnywhere || len(buf) > 0
		if pn > 0 || len(buf) == 0 {
			continue
		}
		ranks := p.lineRanks()
		for _, m := range buf {
			if r := ranks[p.lineOf(m.start)]; r >= 0 && r < headerLines {
				if old, ok := firstHeader[document.Translation]; !ok || r < old {
					firstHeader[document.Translation] = r
				}
			}
		}
	}

	bestOf := func(exclude ...document.Type) (document.Type, float64, float64) {
		bt, b, second := document.Unknown, 0.0, 0.0
		for _, t := range document.Types() {
			skip := false
			for _, x := range exclude {
				skip = skip || t == x
			}
			if skip {
				continue
			}
			switch s := score[t]; {
			case s > b:
				bt, b, second = t, s, b
			case s > second:
				second = s
			}
		}
		return bt, b, second
	}
	confidence := func(b, second float64) float64 {
		return b / (b + second + 1)
	}

	apoTop, apoOK := firstHeader[document.Apostille]
	trTop, trOK := firstHeader[document.Translation]
	switch {
	case apoOK && (!trOK || apoTop <= trTop):
		f.Type = document.Apostille
		f.Score = confidence(score[document.Apostille], 0)
		return
	case trOK || translationAnywhere:
		f.Type = document.Translation
		f.Score = max(0.8, confidence(score[document.Translation], 0))
		bt, b, _ := bestOf(document.Translation, document.Apostille)
		if b >= 1 {
			f.Translates = bt
		} else if score[document.Apostille] > 0 {
			f.Translates = document.Apostille
		} else {
			f.Translates = document.Unknown
		}
		return
	}

	bt, b, second := bestOf(document.Translation)
	if b >= 1 {
		f.Type, f.Score = bt, confidence(b, second)
	} else {
		f.Type, f.Score = document.Unknown, 0.1
	}
	if z := hint.MRZ; z != nil && z.DocumentType != "" {
		switch z.DocumentType[0] {
		case 'P':
			f.Type, f.Score = document.Passport, 0.95
		case 'I', 'A', 'C':
			issuer := countryAlpha2(z.IssuingState)
			foreigner := strings.Trim(z.Nationality, "< ") != strings.Trim(z.IssuingState, "< ")
			if score[document.ResidencePermit] > 0 || (issuer != "" && issuer == strings.ToUpper(hint.Country) && foreigner) {
				f.Type = document.ResidencePermit
			} else {
				f.Type = document.IDCard
			}
			f.Score = 0.95
		}
	}
}
