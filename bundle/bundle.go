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
	"sort"
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
		docs = order(withCompanions(docs, in.Documents, placed, dedupe))
		for _, d := range docs {
			placed[d.File] = true
		}
		out = append(out, Section{Outcome: o, Documents: docs})
	}
	return out
}

// withCompanions adds to docs the apostilles and translations of the
// dossier that cite one of them by number and are not there yet: a
// requirement judged on a certificate alone (too old, say) still gets
// them in the bundle.
func withCompanions(docs []*document.Document, all []document.Document, placed map[string]bool, dedupe bool) []*document.Document {
	in := map[string]bool{}
	for _, d := range docs {
		in[d.File] = true
	}
	out := docs
	for _, d := range docs {
		if d.Number == "" || d.Type == document.Apostille || d.Type == document.Translation {
			continue
		}
		for i := range all {
			c := &all[i]
			if in[c.File] || dedupe && placed[c.File] || c.Error != "" {
				continue
			}
			if (c.Type == document.Apostille || c.Type == document.Translation) && cites(c, d.Number) {
				in[c.File] = true
				out = append(out, c)
			}
		}
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

// order puts each apostille and translation right after the document it
// goes with: an apostille or translation that cites a document's number
// goes after that document; one that cites nothing known goes after the
// last document of the type it translates, or at the end.
func order(docs []*document.Document) []*document.Document {
	var mains, extras []*document.Document
	for _, d := range docs {
		if d.Type == document.Apostille || d.Type == document.Translation {
			extras = append(extras, d)
		} else {
			mains = append(mains, d)
		}
	}
	if len(mains) == 0 {
		return docs
	}
	// Apostilles before translations: a sworn translation usually
	// translates the apostille too.
	sort.SliceStable(extras, func(i, j int) bool {
		return extras[i].Type == document.Apostille && extras[j].Type != document.Apostille
	})
	after := make([][]*document.Document, len(mains))
	for _, e := range extras {
		at := -1
		for i, m := range mains {
			if m.Number != "" && cites(e, m.Number) {
				at = i
				break
			}
		}
		if at < 0 {
			for i, m := range mains {
				if e.Translates != "" && m.Type == e.Translates || e.Type == document.Apostille && m.Type.PublicDocument() {
					at = i
				}
			}
		}
		if at < 0 {
			at = len(mains) - 1
		}
		after[at] = append(after[at], e)
	}
	var out []*document.Document
	for i, m := range mains {
		out = append(out, m)
		out = append(out, after[i]...)
	}
	return out
}

func cites(d *document.Document, number string) bool {
	norm := func(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }
	n := norm(number)
	for _, r := range d.References {
		if norm(r) == n {
			return true
		}
	}
	return false
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
