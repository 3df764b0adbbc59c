package extract

import (
	"strings"
	"unicode/utf8"
)

// fuzzyDates reads dates whose label the reader misspelt ("Datum der
// Ausstlung", "Gütigbs"): the text just before a date that no label
// claimed, on its line or ending the line above, is compared with the date
// labels of at least 8 letters, allowing one edit in five. Dates in taken
// (by position) are left alone.
func (p *page) fuzzyDates(taken map[int]bool) []dateFor {
	v := theVocab()
	t := p.text()
	var out []dateFor
	for i, d := range p.dates {
		if p.used[i] || taken[d.start] {
			continue
		}
		l := p.lineOf(d.start)
		ls, _ := p.lineBounds(l)
		before := strings.Trim(t[ls:d.start], " :;.,/-|")
		if before == "" && l > 0 && p.onlyDate(i) {
			// The label ends the line above; with several dates on this
			// line, which label is whose is a matter of columns.
			pls, ple := p.lineBounds(l - 1)
			before = strings.Trim(t[pls:ple], " :;.,/-|")
		}
		if utf8.RuneCountInString(before) < 6 {
			continue
		}
		best, bestCost := field(-1), 1.0
		for k := range v.labels {
			ph := &v.labels[k]
			if len(ph.parts) != 1 || !ph.field.isDate() || ph.field == fIssuedWeak || ph.anchored {
				continue
			}
			label := []rune(ph.parts[0])
			if len(label) < 8 {
				continue
			}
			if c := tailDistance([]rune(before), label); c <= len(label)/5 {
				if cost := float64(c) / float64(len(label)); cost < bestCost {
					best, bestCost = ph.field, cost
				}
			}
		}
		if best >= 0 {
			out = append(out, dateFor{best, d.d, d.start})
		}
	}
	return out
}

// tailDistance is the fewest edits that turn some end of s into label:
// the label may be preceded by anything ("BH UTOPIA Gütigbs").
func tailDistance(s, label []rune) int {
	// Edit distance of label against a suffix of s: reversed, the suffix
	// is a prefix, free to end anywhere.
	n, m := len(s), len(label)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for j := range prev {
		prev[j] = j
	}
	best := prev[m]
	for i := 1; i <= n; i++ {
		cur[0] = i
		for j := 1; j <= m; j++ {
			cost := 1
			if s[n-i] == label[m-j] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		best = min(best, cur[m])
		prev, cur = cur, prev
	}
	return best
}

// onlyDate reports whether date i is the only date on its line.
func (p *page) onlyDate(i int) bool {
	l := p.lineOf(p.dates[i].start)
	for k, d := range p.dates {
		if k != i && p.lineOf(d.start) == l {
			return false
		}
	}
	return true
}
