package synth

import (
	"math"
	"sort"
	"strings"
)

// text returns what a perfect reader would read on p: its text elements
// grouped in lines by baseline (within a third of a line), left to right,
// lines from top to bottom.
func (p *page) plainText() string {
	var els []elem
	for _, e := range p.els {
		if e.k == kText && strings.TrimSpace(e.text) != "" {
			els = append(els, e)
		}
	}
	sort.SliceStable(els, func(i, j int) bool { return els[i].y < els[j].y })
	var lines [][]elem
	for _, e := range els {
		n := len(lines)
		if n > 0 && math.Abs(lines[n-1][0].y-e.y) < e.size*ptMM/3 {
			lines[n-1] = append(lines[n-1], e)
			continue
		}
		lines = append(lines, []elem{e})
	}
	var b strings.Builder
	for _, l := range lines {
		sort.SliceStable(l, func(i, j int) bool { return left(l[i]) < left(l[j]) })
		for i, e := range l {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(e.text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// left is the left edge of a text element, roughly (its width is guessed
// from its length).
func left(e elem) float64 {
	w := float64(len([]rune(e.text))) * e.size * ptMM * 0.5
	switch e.align {
	case alignCenter:
		return e.x - w/2
	case alignRight:
		return e.x - w
	}
	return e.x
}

// Text returns the text of each page of doc as a perfect reader would read
// it, without rendering: the generator's text-level view of a document.
func Text(d Dossier, doc Doc) ([]string, error) {
	doc = withDefaults(d, doc)
	pages, err := layout(d, doc)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = p.plainText()
	}
	return out, nil
}
