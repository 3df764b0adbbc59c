package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/intake-app/intake/document"
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
func WriteText(w io.Writer, in Input, opt TextOptions) error {
	p := painter(opt.Color)
	v := in.Verdict
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", p.paint(ansiBold, fmt.Sprintf("%s/%s: %s", v.Country, v.Procedure, v.Title)))
	fmt.Fprintf(&b, "Dossier %s, checked for %s\n\n", in.Dossier, v.Reference)

	notMet := 0
	for _, o := range v.Requirements {
		if !o.Status.Met() && o.Need != validate.MayAsk {
			notMet++
		}
	}
	blocking := 0
	for _, t := range v.Todo {
		if t.Blocking {
			blocking++
		}
	}
	switch {
	case v.Ready:
		fmt.Fprintf(&b, "%s: every one of the %d requirements is met.\n\n", p.paint(ansiBold+ansiGreen, "READY"), len(v.Requirements))
	case notMet > 0:
		fmt.Fprintf(&b, "%s: %d of %d requirements are not met.\n\n", p.paint(ansiBold+ansiRed, "NOT READY"), notMet, len(v.Requirements))
	default:
		fmt.Fprintf(&b, "%s: %d thing(s) to do first (see To do).\n\n", p.paint(ansiBold+ansiRed, "NOT READY"), blocking)
	}
	// The to-do (validate.Todo): blocking items first, numbered.
	if len(v.Todo) > 0 {
		b.WriteString(p.paint(ansiBold, "To do") + "\n")
		for i, t := range v.Todo {
			mark := p.paint(ansiRed, "✗")
			if !t.Blocking {
				mark = p.paint(ansiYellow, "!")
			}
			fmt.Fprintf(&b, "  %d. %s %s\n", i+1, mark, t.Action)
		}
		b.WriteByte('\n')
	}

	b.WriteString(p.paint(ansiBold, "Requirements") + "\n")
	width := 0
	for _, o := range v.Requirements {
		width = max(width, len(o.Status))
	}
	for _, o := range v.Requirements {
		mark, colour := "✓", ansiGreen
		switch {
		case o.Status == validate.ExpiresSoon || o.Status == validate.NeedsReview:
			mark, colour = "!", ansiYellow
		case !o.Status.Met():
			mark, colour = "✗", ansiRed
		}
		status := fmt.Sprintf("%-*s", width, o.Status)
		fmt.Fprintf(&b, "  %s %s  %s", p.paint(colour, mark), p.paint(colour, status), o.Title)
		if o.Need == validate.MayAsk {
			b.WriteString(p.paint(ansiDim, " (may be asked)"))
		}
		if o.SeedOnly {
			b.WriteString(p.paint(ansiDim, " (source: an informal guide only, less certain)"))
		}
		if len(o.Files) > 0 {
			fmt.Fprintf(&b, "  %s", p.paint(ansiDim, strings.Join(o.Files, ", ")))
		}
		b.WriteByte('\n')
		if o.Message != "" {
			fmt.Fprintf(&b, "      %s\n", o.Message)
		}
	}

	b.WriteString("\n" + p.paint(ansiBold, "Documents") + "\n")
	for _, d := range in.Documents {
		if d.Error != "" {
			fmt.Fprintf(&b, "  %s %s: %s\n", p.paint(ansiRed, "✗"), d.File, d.Error)
			continue
		}
		fmt.Fprintf(&b, "  %s  %s\n", d.File, p.paint(ansiDim, describe(d)))
		for _, msg := range d.Warnings {
			fmt.Fprintf(&b, "      %s %s\n", p.paint(ansiYellow, "!"), msg)
		}
		if d.Photo != nil {
			for _, msg := range d.Photo.Problems {
				fmt.Fprintf(&b, "      %s %s\n", p.paint(ansiYellow, "!"), msg)
			}
			for _, msg := range d.Photo.Unchecked {
				fmt.Fprintf(&b, "      %s not checked: %s\n", p.paint(ansiYellow, "?"), msg)
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
