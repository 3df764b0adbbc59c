// Package bundle assembles a checked dossier into PDFs to hand in: one
// ordered bundle with a checklist on a cover page (for the counter), or
// one PDF per requirement under a size limit (for an upload portal).
//
// Scanned pages are turned upright and deskewed as intake read them
// (document.Layout), placed on A4 and re-encoded as JPEG; born-digital
// PDF pages are imported as they are, keeping their vector text. Every
// file written is validated strictly with pdfcpu and written atomically.
package bundle

import (
	"fmt"
	"os"
	"path"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

func init() {
	// pdfcpu otherwise writes a configuration directory into the user's
	// home on first use.
	api.DisableConfigDir()
}

// Options say how to build the PDFs.
type Options struct {
	// Watermark, when set, is written across every page.
	Watermark string
	// DPI and Quality are the resolution and JPEG quality scanned pages
	// are re-encoded at (defaults 150 and 75). Split mode lowers them
	// step by step when a file is over the size limit.
	DPI     int
	Quality int
	// Creator names the program in the document properties.
	Creator string
	// Now is the date printed on the cover (default: time.Now()).
	Now time.Time
}

func (o Options) withDefaults() Options {
	if o.DPI <= 0 {
		o.DPI = 150
	}
	if o.Quality <= 0 {
		o.Quality = 75
	}
	if o.Creator == "" {
		o.Creator = "intake"
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return o
}

// Section is one requirement of the procedure with the documents that go
// under it, in the order they are bundled.
type Section struct {
	Outcome   validate.Outcome
	Documents []*document.Document
}

// Sections returns the requirements in the procedure's order, each with
// its documents: the documents themselves first, each followed by its
// apostille and then its translation. A document already placed under an
// earlier requirement is not repeated.
func Sections(in *intake.Result) []Section { return sections(in, true) }

func sections(in *intake.Result, dedupe bool) []Section {
	byFile := map[string]*document.Document{}
	for i := range in.Documents {
		byFile[in.Documents[i].File] = &in.Documents[i]
	}
	// Another person's documents are never bundled, whatever names them.
	for f := range in.Others() {
		delete(byFile, f)
	}
	placed := map[string]bool{}
	var out []Section
	for _, o := range in.Report.Requirements {
		var docs []*document.Document
		for _, f := range o.Files {
			d := byFile[f]
			if d == nil || dedupe && placed[f] || d.Error != "" {
				continue
			}
			docs = append(docs, d)
		}
		docs = arrange(docs, byFile, in.Report, placed, dedupe)
		for _, d := range docs {
			placed[d.File] = true
		}
		out = append(out, Section{Outcome: o, Documents: docs})
	}
	return out
}

// arrange puts each document of a section before its apostilles, then
// its translations, as validate paired them (Report.Pairs), adding the
// partners the requirement was not judged on (a certificate too old still
// goes with its translation). A companion that pairs with no document of
// the section goes at the end.
func arrange(docs []*document.Document, byFile map[string]*document.Document, r *validate.Report, placed map[string]bool, dedupe bool) []*document.Document {
	companion := func(d *document.Document) bool {
		return d.Type == document.Apostille || d.Type == document.Translation
	}
	in := map[string]bool{}
	var out []*document.Document
	add := func(d *document.Document) {
		if d == nil || in[d.File] || dedupe && placed[d.File] || d.Error != "" {
			return
		}
		in[d.File] = true
		out = append(out, d)
	}
	for _, d := range docs {
		if companion(d) {
			continue
		}
		add(d)
		if p, ok := r.PairOf(d.File); ok {
			for _, f := range p.Apostilles {
				add(byFile[f])
			}
			for _, f := range p.Translations {
				add(byFile[f])
			}
		}
	}
	for _, d := range docs {
		add(d)
	}
	return out
}

// Unused returns the readable files of the dossier that no requirement
// uses: they are not bundled.
func Unused(in *intake.Result) []string {
	used := map[string]bool{}
	for _, s := range Sections(in) {
		for _, d := range s.Documents {
			used[d.File] = true
		}
	}
	var out []string
	for _, d := range in.Documents {
		if !used[d.File] {
			out = append(out, d.File)
		}
	}
	return out
}

// Gaps lists the requirements that are not met, as "id (status)".
func Gaps(r *validate.Report) []string {
	var out []string
	for _, o := range r.NotMet() {
		out = append(out, fmt.Sprintf("%s (%s)", o.ID, o.Status))
	}
	return out
}

// signed reports whether the PDF file at p carries a digital signature.
func signed(d *document.Document) bool {
	if d.Format != "application/pdf" {
		return false
	}
	b, err := os.ReadFile(d.Path)
	if err != nil {
		return false
	}
	s := string(b)
	return strings.Contains(s, "/ByteRange") && (strings.Contains(s, "/Sig") || strings.Contains(s, "/DocTimeStamp"))
}

// slug turns a requirement id into a file name part.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

func base(file string) string { return path.Base(file) }
