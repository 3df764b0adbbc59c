package extract

import (
	"image"
	"sort"
	"unicode/utf8"

	"github.com/intake-app/intake/ocr/layout"
)

// wordBox is one word of a page's reading: where it is in the page's
// text and where it is on the page.
type wordBox struct {
	start, end int // byte offsets in the page's original text
	box        image.Rectangle
}

// wordBoxes lines up the words of a reading with the text the reader made
// of it (layout.Page.Text). It returns nil when they do not match: the
// text then came from elsewhere (a text layer) and has no geometry.
func wordBoxes(text string, lay layout.Page) []wordBox {
	if len(lay.Lines) == 0 {
		return nil
	}
	var out []wordBox
	pos := 0
	for i, l := range lay.Lines {
		if i > 0 {
			if pos >= len(text) || text[pos] != '\n' {
				return nil
			}
			pos++
		}
		for k, w := range l.Words {
			if k > 0 {
				prev, _ := utf8.DecodeLastRuneInString(l.Words[k-1].Text)
				next, _ := utf8.DecodeRuneInString(w.Text)
				if !(layout.Wide(prev) && layout.Wide(next)) {
					if pos >= len(text) || text[pos] != ' ' {
						return nil
					}
					pos++
				}
			}
			if len(text)-pos < len(w.Text) || text[pos:pos+len(w.Text)] != w.Text {
				return nil
			}
			out = append(out, wordBox{start: pos, end: pos + len(w.Text), box: w.Box})
			pos += len(w.Text)
		}
	}
	if pos != len(text) {
		return nil
	}
	return out
}

// boxAt returns the box of the word at normalised position i, if the page
// has word boxes.
func (p *page) boxAt(i int) (image.Rectangle, bool) {
	if len(p.boxes) == 0 || i < 0 || i >= len(p.n.src) {
		return image.Rectangle{}, false
	}
	o := p.n.src[i]
	k := sort.Search(len(p.boxes), func(k int) bool { return p.boxes[k].end > o })
	if k == len(p.boxes) || p.boxes[k].start > o {
		return image.Rectangle{}, false
	}
	return p.boxes[k].box, true
}

// spanBox is the box around the words of normalised text[i:j].
func (p *page) spanBox(i, j int) (image.Rectangle, bool) {
	a, ok := p.boxAt(i)
	if !ok {
		return a, false
	}
	b, ok := p.boxAt(max(i, j-1))
	if !ok {
		return a, true
	}
	return a.Union(b), true
}

// dateNear finds, by the word boxes, the date that belongs to a label
// whose line holds none: the nearest date on the same row to its right
// (a form read in two columns), else the nearest below it and across its
// width (a value printed under its label). It returns the date's index
// in p.dates, or -1; ok is false when the label has no box.
func (p *page) dateNear(m match, taken []bool) (di int, ok bool) {
	lb, ok := p.spanBox(m.start, m.end)
	if !ok {
		return -1, false
	}
	h := max(lb.Dy(), 1)
	best, bestDist := -1, 1<<30
	for di, d := range p.dates {
		if taken[di] {
			continue
		}
		db, ok := p.spanBox(d.start, d.end)
		if !ok {
			continue
		}
		var dist int
		overlapY := min(lb.Max.Y, db.Max.Y) - max(lb.Min.Y, db.Min.Y)
		switch {
		case overlapY > min(lb.Dy(), db.Dy())/2 && db.Min.X >= lb.Max.X:
			dist = db.Min.X - lb.Max.X // beside, to the right
		case db.Min.Y >= lb.Max.Y-h/4 && db.Min.Y-lb.Max.Y < 3*h &&
			db.Min.X < lb.Max.X+2*h && db.Max.X > lb.Min.X-2*h:
			dist = 4*(db.Min.Y-lb.Max.Y) + abs(db.Min.X-lb.Min.X) // under
		default:
			continue
		}
		if dist < bestDist {
			best, bestDist = di, dist
		}
	}
	return best, true
}
