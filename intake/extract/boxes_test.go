package extract

import (
	"image"
	"strings"
	"testing"

	"github.com/intake-app/intake/ocr/layout"
)

// line makes a layout line of words, each given as text and its box
// (x0, y0, x1, y1).
func line(words ...any) layout.Line {
	var l layout.Line
	for i := 0; i+4 < len(words); i += 5 {
		w := layout.Word{Text: words[i].(string), Box: image.Rect(words[i+1].(int), words[i+2].(int), words[i+3].(int), words[i+4].(int))}
		l.Words = append(l.Words, w)
		l.Box = l.Box.Union(w.Box)
	}
	return l
}

// Values beside or under their labels are found by the word boxes, even
// when the reader put them on lines of their own or in another order.
func TestDatesByWordBoxes(t *testing.T) {
	for _, c := range []struct {
		name  string
		lines []layout.Line
		want  map[string]string
	}{
		{
			name: "a form read in two columns: the values come after all the labels",
			lines: []layout.Line{
				line("PERSONALAUSWEIS", 10, 10, 300, 40),
				line("Date", 10, 100, 60, 120, "of", 65, 100, 85, 120, "expiry", 90, 100, 170, 120),
				line("Date", 10, 200, 60, 220, "of", 65, 200, 85, 220, "issue", 90, 200, 160, 220),
				line("24.01.2015", 400, 101, 520, 121),
				line("25.01.2005", 400, 199, 520, 219),
			},
			want: map[string]string{"issued": "2005-01-25", "expires": "2015-01-24"},
		},
		{
			name: "a value under its label, another label beside it",
			lines: []layout.Line{
				line("PASSPORT", 10, 10, 200, 40),
				line("Date", 10, 100, 60, 120, "of", 65, 100, 85, 120, "birth", 90, 100, 150, 120, "Date", 500, 100, 550, 120, "of", 555, 100, 575, 120, "expiry", 580, 100, 650, 120),
				line("15.04.2032", 500, 130, 620, 150, "12.08.1974", 12, 132, 130, 152),
				line("Sex", 10, 180, 50, 200),
			},
			want: map[string]string{"birth": "1974-08-12", "expires": "2032-04-15"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			lay := layout.Page{Width: 800, Height: 600, Lines: c.lines}
			text := lay.Text()
			f := Analyze([]string{text}, Hint{Layout: []layout.Page{lay}})
			got := fieldsMap(f)
			for k, want := range c.want {
				if got[k] != want {
					t.Errorf("%s = %q, want %q (text %q)", k, got[k], want, strings.ReplaceAll(text, "\n", " | "))
				}
			}
		})
	}
}

// Word boxes are used only when they are the words of the text.
func TestWordBoxesMatchTheText(t *testing.T) {
	lay := layout.Page{Lines: []layout.Line{line("Date", 0, 0, 10, 10, "of", 12, 0, 20, 10), line("签", 0, 20, 10, 30, "发", 10, 20, 20, 30)}}
	if got := wordBoxes("Date of\n签发", lay); len(got) != 4 || got[3].start != len("Date of\n签") {
		t.Errorf("wordBoxes = %+v", got)
	}
	for _, other := range []string{"Date of\n签 发", "Date  of\n签发", "Date of\n签发\n", ""} {
		if got := wordBoxes(other, lay); got != nil {
			t.Errorf("wordBoxes(%q) = %+v, want nil", other, got)
		}
	}
}
