// Package eval measures how well intake reads documents: it compares the
// documents read from a folder with a truth file written by a person who
// read them, and reports per-field accuracy and a confusion matrix of
// document types.
//
// The truth file has the shape of ../shared/realworld-dev/truth.json:
//
//	{"files": {"dir/scan.jpg": {"type": "passport", "language": "en",
//	  "issued": "2007-04-16", "expires": "2012-04-15", "holder": "ERIKSSON ANNA MARIA",
//	  "period": ["2015-07-01", "2015-07-31"]}}}
//
// A null (or absent) value means "not printed": it is not counted in the
// field's accuracy, but a value read where none is printed is counted as
// spurious. For a bill or statement with a period and no expiry, the
// expected expiry is the period's end (the last day it covers).
package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/internal/fold"
)

// Entry is what a person read on one file.
type Entry struct {
	Type     document.Type `json:"type"`
	Language *string       `json:"language"`
	Issued   *string       `json:"issued"`
	Expires  *string       `json:"expires"`
	Period   []string      `json:"period,omitempty"`
	Holder   *string       `json:"holder"`
	Notes    string        `json:"notes,omitempty"`
}

// Truth is the content of a truth.json: entries by path under files/.
type Truth struct {
	Files map[string]Entry `json:"files"`
}

// LoadTruth reads a truth.json.
func LoadTruth(path string) (Truth, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Truth{}, fmt.Errorf("eval: %w", err)
	}
	var t Truth
	if err := json.Unmarshal(b, &t); err != nil {
		return Truth{}, fmt.Errorf("eval: %s: %w", path, err)
	}
	for name, e := range t.Files {
		if !e.Type.Valid() {
			return Truth{}, fmt.Errorf("eval: %s: %s: unknown type %q", path, name, e.Type)
		}
	}
	return t, nil
}

// Fields that are scored, in the order of the report.
var Fields = []string{"type", "language", "issued", "expires", "holder"}

// Reader reads the documents of a folder of files; names are paths
// relative to that folder with forward slashes (document.Document.File).
type Reader func(ctx context.Context, filesDir string) ([]document.Document, error)

// Run reads dir/files with read and scores it against dir/truth.json: what
// `intake eval DIR` does.
func Run(ctx context.Context, dir string, read Reader) (*Report, error) {
	t, err := LoadTruth(filepath.Join(dir, "truth.json"))
	if err != nil {
		return nil, err
	}
	docs, err := read(ctx, filepath.Join(dir, "files"))
	if err != nil {
		return nil, fmt.Errorf("eval: reading %s: %w", dir, err)
	}
	return Score(t, docs), nil
}

// Tally counts the files where a field was right.
type Tally struct {
	Right, Total int // over the files where the field is printed
	Spurious     int // a value read where none is printed
}

// Accuracy is Right/Total, 1 when nothing was to be read.
func (t Tally) Accuracy() float64 {
	if t.Total == 0 {
		return 1
	}
	return float64(t.Right) / float64(t.Total)
}

// Miss is one field read wrong on one file.
type Miss struct {
	File, Field, Want, Got string
}

// Report is the outcome of an evaluation.
type Report struct {
	Files     int
	Fields    map[string]*Tally
	Confusion map[document.Type]map[document.Type]int // want → got → count
	Misses    []Miss
	Missing   []string // files of the truth that were not read
}

// Score compares the documents read with the truth.
func Score(t Truth, docs []document.Document) *Report {
	r := &Report{Fields: map[string]*Tally{}, Confusion: map[document.Type]map[document.Type]int{}}
	for _, f := range Fields {
		r.Fields[f] = &Tally{}
	}
	byName := map[string]*document.Document{}
	for i := range docs {
		byName[docs[i].File] = &docs[i]
	}
	names := make([]string, 0, len(t.Files))
	for n := range t.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		e := t.Files[name]
		d, ok := byName[name]
		if !ok {
			r.Missing = append(r.Missing, name)
			continue
		}
		r.Files++
		r.add(name, e, d)
	}
	return r
}

func (r *Report) add(name string, e Entry, d *document.Document) {
	got := d.Type
	if r.Confusion[e.Type] == nil {
		r.Confusion[e.Type] = map[document.Type]int{}
	}
	r.Confusion[e.Type][got]++
	r.check(name, "type", string(e.Type), string(got), false)
	r.check(name, "language", deref(e.Language), d.Language, false)
	r.check(name, "issued", deref(e.Issued), d.Issued.String(), true)
	wantExp := deref(e.Expires)
	if wantExp == "" && len(e.Period) == 2 {
		wantExp = e.Period[1]
	}
	r.check(name, "expires", wantExp, d.Expires.String(), true)
	r.check(name, "holder", holderKey(deref(e.Holder)), holderKey(d.Holder), false)
}

// check scores one field; for a date, absent says a value read where none
// is printed counts as spurious.
func (r *Report) check(name, field, want, got string, absent bool) {
	t := r.Fields[field]
	switch {
	case want != "":
		t.Total++
		if want == got {
			t.Right++
			return
		}
		r.Misses = append(r.Misses, Miss{name, field, want, got})
	case got != "" && absent:
		t.Spurious++
		r.Misses = append(r.Misses, Miss{name, field, "(none)", got})
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// holderKey compares names without case, accents or word order.
func holderKey(s string) string {
	ws := strings.Fields(strings.ToUpper(fold.Fold(fold.Translit(s))))
	slices.Sort(ws)
	return strings.Join(ws, " ")
}

// Print writes the report: per-field accuracy, the confusion matrix, and
// every miss.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "files: %d", r.Files)
	if len(r.Missing) > 0 {
		fmt.Fprintf(w, " (%d of the truth not read: %s)", len(r.Missing), strings.Join(r.Missing, ", "))
	}
	fmt.Fprintln(w)
	for _, f := range Fields {
		t := r.Fields[f]
		fmt.Fprintf(w, "%-9s %6.1f%%  %d/%d", f, 100*t.Accuracy(), t.Right, t.Total)
		if t.Spurious > 0 {
			fmt.Fprintf(w, "  (%d read where none is printed)", t.Spurious)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "\nconfusion (rows: truth; columns: read)")
	var wants []document.Type
	gotSet := map[document.Type]bool{}
	for want, row := range r.Confusion {
		wants = append(wants, want)
		for got := range row {
			gotSet[got] = true
		}
	}
	order := func(ts []document.Type) {
		all := document.Types()
		sort.Slice(ts, func(i, j int) bool { return slices.Index(all, ts[i]) < slices.Index(all, ts[j]) })
	}
	order(wants)
	var gots []document.Type
	for g := range gotSet {
		gots = append(gots, g)
	}
	order(gots)
	fmt.Fprintf(w, "%-22s", "")
	for _, g := range gots {
		fmt.Fprintf(w, " %5.5s", short(g))
	}
	fmt.Fprintln(w)
	for _, want := range wants {
		fmt.Fprintf(w, "%-22s", want)
		for _, g := range gots {
			if n := r.Confusion[want][g]; n > 0 {
				fmt.Fprintf(w, " %5d", n)
			} else {
				fmt.Fprintf(w, " %5s", ".")
			}
		}
		fmt.Fprintln(w)
	}
	if len(r.Misses) > 0 {
		fmt.Fprintln(w, "\nmisses")
		for _, m := range r.Misses {
			fmt.Fprintf(w, "  %s: %s want %q, read %q\n", m.File, m.Field, m.Want, m.Got)
		}
	}
}

// short abbreviates a type for a matrix column: the initials of its words.
func short(t document.Type) string {
	parts := strings.Split(string(t), "_")
	if len(parts) == 1 {
		return string(t)
	}
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p[:min(3, len(p))])
	}
	return b.String()
}
