package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"

	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

// TextOptions say how to render the text report.
type TextOptions struct {
	Color bool // ANSI colours (only on a terminal, never with NO_COLOR)
	// Lang is the language of the report (see i18n.Languages); "" is English.
	Lang string
	// Details adds what the reading measured: MRZ, OCR confidence, numbers.
	Details bool
	// Width wraps lines to that many columns, with a hanging indent; 0
	// does not wrap.
	Width int
	// Today says that the reference date is the day of the run because
	// none was given (no --on, no appointment: in intake.yaml).
	Today bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiDim    = "\x1b[2m"
)

type painter bool

func (p painter) paint(code, s string) string {
	if !p {
		return s
	}
	return code + s + ansiReset
}

// WriteText writes the report a person reads, in opt.Lang: the verdict,
// what to do, each requirement with its status, then each file as read.
func WriteText(w io.Writer, in *intake.Result, opt TextOptions) error {
	p := painter(opt.Color)
	v := newView(in, opt.Lang, opt.Details, opt.Today)
	var b strings.Builder
	line := func(indent int, s string) {
		b.WriteString(wrap(s, indent, opt.Width))
		b.WriteByte('\n')
	}
	line(0, p.paint(ansiBold, safe(v.Title))+" "+p.paint(ansiDim, "("+safe(v.Key)+")"))
	line(0, safe(v.Checked))
	b.WriteByte('\n')

	colour := ansiBold + ansiRed
	if v.Ready {
		colour = ansiBold + ansiGreen
	}
	line(0, strings.Replace(v.Line, v.Verdict, p.paint(colour, v.Verdict), 1))
	b.WriteByte('\n')
	if v.Deadlines != "" {
		// The filing window, shown ready or not: the date that matters most.
		line(0, p.paint(ansiBold, v.DeadlinesHead+":")+" "+safe(v.Deadlines))
		b.WriteByte('\n')
	}

	if len(v.Todo) > 0 {
		line(0, p.paint(ansiBold, v.TodoHead))
		for i, t := range v.Todo {
			mark := p.paint(ansiRed, "✗")
			if !t.Blocking {
				mark = p.paint(ansiYellow, "!")
			}
			line(7, fmt.Sprintf("  %d. %s %s", i+1, mark, safe(t.Text)))
		}
		b.WriteByte('\n')
	}

	line(0, p.paint(ansiBold, v.Labels.Requirements))
	width := 0
	for _, r := range v.Reqs {
		width = max(width, runewidth.StringWidth(r.Word))
	}
	for _, r := range v.Reqs {
		colour := severityColour[r.Severity]
		word := r.Word + strings.Repeat(" ", width-runewidth.StringWidth(r.Word))
		s := fmt.Sprintf("  %s %s  %s", p.paint(colour, r.Severity.Mark()), p.paint(colour, word), safe(r.Title))
		for _, n := range r.Notes {
			s += " " + p.paint(ansiDim, "("+n+")")
		}
		if len(r.Files) > 0 {
			s += "  " + p.paint(ansiDim, safe(strings.Join(r.Files, ", ")))
		}
		line(width+6, s)
		if r.Message != "" {
			line(6, "      "+safe(r.Message))
		}
	}

	if len(v.Docs) > 0 {
		b.WriteString("\n" + p.paint(ansiBold, v.Labels.Documents) + "\n")
	}
	for _, d := range v.Docs {
		facts := append([]string{d.TypeName}, d.Facts...)
		if v.ShowExtra {
			facts = append(facts, d.Extra...)
		}
		line(6, fmt.Sprintf("  %s  %s", safe(d.Doc.File), p.paint(ansiDim, safe(strings.Join(facts, " · ")))))
		for _, msg := range d.Problems {
			line(8, fmt.Sprintf("      %s %s", p.paint(ansiYellow, "!"), safe(msg)))
		}
		for _, msg := range d.Unchecked {
			line(8, fmt.Sprintf("      %s %s", p.paint(ansiYellow, "?"), safe(msg)))
		}
	}
	if len(v.Unread) > 0 {
		b.WriteString("\n" + p.paint(ansiBold, v.Labels.Unreadable) + "\n")
		for _, d := range v.Unread {
			line(4, fmt.Sprintf("  %s %s: %s", p.paint(ansiRed, "✗"), safe(d.Doc.File), safe(d.Doc.Error)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// wrap breaks s into lines of at most width columns at spaces, the lines
// after the first indented by indent; ANSI colour codes take no column.
// A width of 0 (or one too narrow to hold the indent) does not wrap.
func wrap(s string, indent, width int) string {
	if width <= indent+20 || visibleWidth(s) <= width {
		return s
	}
	var b strings.Builder
	col := 0
	pad := strings.Repeat(" ", indent)
	// Leading spaces belong to the first word's indentation.
	lead := len(s) - len(strings.TrimLeft(s, " "))
	b.WriteString(s[:lead])
	col = lead
	for i, word := range strings.Split(s[lead:], " ") {
		w := visibleWidth(word)
		if i > 0 {
			if col+1+w > width && col > indent {
				b.WriteString("\n" + pad)
				col = indent
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(word)
		col += w
	}
	return b.String()
}

// visibleWidth is the number of columns s takes on a terminal, without
// its ANSI escape sequences.
func visibleWidth(s string) int {
	n := 0
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return n + runewidth.StringWidth(s)
		}
		n += runewidth.StringWidth(s[:i])
		s = s[i:]
		j := strings.IndexByte(s, 'm')
		if j < 0 {
			return n
		}
		s = s[j+1:]
	}
}

// severityColour is the colour of each severity's mark and status.
var severityColour = map[validate.Severity]string{
	validate.Fine:    ansiGreen,
	validate.Warning: ansiYellow,
	validate.Failing: ansiRed,
}

// safe shows the control characters of s escaped ("\n", "\x1b"): a
// file name or a text read from a scan can hold any of them, and must
// neither add lines to the report (a forged verdict) nor drive the
// terminal (an escape sequence that clears the screen).
func safe(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isControl reports whether r is a C0 or C1 control character, DEL, or a
// Unicode format character that reorders text (bidirectional overrides).
func isControl(r rune) bool {
	return unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}
