package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

// TextOptions say how to render the text report.
type TextOptions struct {
	Color bool // ANSI colours (only on a terminal, never with NO_COLOR)
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

// WriteText writes the report a person reads: the verdict, each
// requirement with its status and what to do, then each file as read.
func WriteText(w io.Writer, in *intake.Result, opt TextOptions) error {
	p := painter(opt.Color)
	v := in.Report
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", p.paint(ansiBold, safe(fmt.Sprintf("%s/%s: %s", v.Country, v.Procedure, v.Title))))
	fmt.Fprintf(&b, "Dossier %s, checked for %s\n\n", safe(in.Dir), v.Reference)

	verdict, rest, _ := strings.Cut(v.Summary(), ": ")
	colour := ansiBold + ansiRed
	if v.Ready {
		colour = ansiBold + ansiGreen
	}
	fmt.Fprintf(&b, "%s: %s.\n\n", p.paint(colour, verdict), rest)
	if dl := v.Deadlines.Sentence(); dl != "" {
		// The filing window, shown ready or not: the date that matters most.
		fmt.Fprintf(&b, "%s %s\n\n", p.paint(ansiBold, "Deadlines:"), safe(dl))
	}
	// The to-do (validate.Todo): blocking items first, numbered.
	if len(v.Todo) > 0 {
		b.WriteString(p.paint(ansiBold, "To do") + "\n")
		for i, t := range v.Todo {
			mark := p.paint(ansiRed, "✗")
			if !t.Blocking {
				mark = p.paint(ansiYellow, "!")
			}
			fmt.Fprintf(&b, "  %d. %s %s\n", i+1, mark, safe(t.Action))
		}
		b.WriteByte('\n')
	}

	b.WriteString(p.paint(ansiBold, "Requirements") + "\n")
	width := 0
	for _, o := range v.Requirements {
		width = max(width, len(o.Status))
	}
	for _, o := range v.Requirements {
		sev := o.Status.Severity()
		colour := severityColour[sev]
		status := fmt.Sprintf("%-*s", width, o.Status)
		fmt.Fprintf(&b, "  %s %s  %s", p.paint(colour, sev.Mark()), p.paint(colour, status), safe(o.Title))
		if o.Need == validate.MayAsk {
			b.WriteString(p.paint(ansiDim, " (may be asked)"))
		}
		if o.SeedOnly {
			b.WriteString(p.paint(ansiDim, " (source: an informal guide only, less certain)"))
		}
		if len(o.Files) > 0 {
			fmt.Fprintf(&b, "  %s", p.paint(ansiDim, safe(strings.Join(o.Files, ", "))))
		}
		b.WriteByte('\n')
		if o.Message != "" {
			fmt.Fprintf(&b, "      %s\n", safe(o.Message))
		}
	}

	b.WriteString("\n" + p.paint(ansiBold, "Documents") + "\n")
	for _, d := range in.Documents {
		if d.Error != "" {
			fmt.Fprintf(&b, "  %s %s: %s\n", p.paint(ansiRed, "✗"), safe(d.File), safe(d.Error))
			continue
		}
		fmt.Fprintf(&b, "  %s  %s\n", safe(d.File), p.paint(ansiDim, safe(describe(d))))
		for _, msg := range d.Warnings {
			fmt.Fprintf(&b, "      %s %s\n", p.paint(ansiYellow, "!"), safe(msg))
		}
		if d.Photo != nil {
			for _, msg := range d.Photo.Problems {
				fmt.Fprintf(&b, "      %s %s\n", p.paint(ansiYellow, "!"), safe(msg))
			}
			for _, msg := range d.Photo.Unchecked {
				fmt.Fprintf(&b, "      %s not checked: %s\n", p.paint(ansiYellow, "?"), safe(msg))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// describe summarises what was read of a document on one line.
func describe(d document.Document) string {
	parts := []string{string(d.Type)}
	if d.Language != "" {
		parts = append(parts, d.Language)
	}
	if d.Pages > 1 {
		parts = append(parts, fmt.Sprintf("%d pages", d.Pages))
	}
	if !d.Issued.IsZero() {
		parts = append(parts, "issued "+d.Issued.String())
	}
	if !d.ValidFrom.IsZero() {
		parts = append(parts, "from "+d.ValidFrom.String())
	}
	if !d.Expires.IsZero() {
		parts = append(parts, "until "+d.Expires.String())
	}
	if d.Holder != "" {
		parts = append(parts, d.Holder)
	}
	if d.MRZ != nil {
		verdict := "check digits hold"
		if !d.MRZ.Valid {
			verdict = "check digits fail"
		}
		parts = append(parts, fmt.Sprintf("MRZ %s, %s", d.MRZ.Format, verdict))
	}
	if d.Photo != nil && d.Photo.WidthMM > 0 {
		parts = append(parts, fmt.Sprintf("%.1f×%.1f mm", d.Photo.WidthMM, d.Photo.HeightMM))
	}
	if d.TextSource == document.SourceOCR && d.Confidence > 0 {
		parts = append(parts, fmt.Sprintf("OCR confidence %.0f%%", d.Confidence))
	}
	return strings.Join(parts, " · ")
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
