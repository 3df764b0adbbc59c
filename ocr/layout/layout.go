// Package layout holds what a page reading is made of: words with their
// boxes and confidences, grouped in lines. It is a leaf: the OCR engine
// produces it, the cache stores it, extraction and the bundle read it.
package layout

import (
	"image"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is one word read on a page, with its box in the page's pixels (the
// page as read: upright and deskewed).
type Word struct {
	Text       string          `json:"t"`
	Box        image.Rectangle `json:"b"`
	Confidence float64         `json:"c"` // 0–100
}

// Line is one line of words, in reading order.
type Line struct {
	Words []Word          `json:"w"`
	Box   image.Rectangle `json:"b"`
}

// Text returns the words of l separated by spaces. Tesseract reads each
// Chinese character as a word of its own; no space is put between two of
// them, since Chinese puts none.
func (l Line) Text() string {
	var b strings.Builder
	for i, w := range l.Words {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(l.Words[i-1].Text)
			next, _ := utf8.DecodeRuneInString(w.Text)
			if !(Wide(prev) && Wide(next)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

// Wide reports whether r is a Han character or CJK punctuation.
func Wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// Page is the reading of one page: its size in pixels as read, and its
// lines. A page that came from a PDF's text layer has no lines (Width and
// Height are zero): only its text is known.
type Page struct {
	Width  int    `json:"width,omitempty"`
	Height int    `json:"height,omitempty"`
	Lines  []Line `json:"lines,omitempty"`
}

// Text returns the page's lines, one per line.
func (p Page) Text() string {
	var b strings.Builder
	for i, l := range p.Lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.Text())
	}
	return b.String()
}
