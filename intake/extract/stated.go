package extract

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"

	"github.com/intake-app/intake/document"
)

// Stated is what the user states about one file in intake.yaml, under
// documents, by file name:
//
//	documents:
//	  "scan 3.jpg": {type: proof_of_address, issued: 2026-11-03, expires: 2027-11-02}
//
// Every field is optional; a stated value replaces what was read.
type Stated struct {
	Type    document.Type `yaml:"type,omitempty"`
	Issued  string        `yaml:"issued,omitempty"`  // YYYY-MM-DD
	Expires string        `yaml:"expires,omitempty"` // YYYY-MM-DD
}

// Check reports what is wrong with s: an unknown type or a date not
// written YYYY-MM-DD.
func (s Stated) Check() error {
	if s.Type != "" && !s.Type.Valid() {
		var names []string
		for _, t := range document.Types() {
			names = append(names, string(t))
		}
		return fmt.Errorf("type %q is not a document type (one of %v)", s.Type, names)
	}
	for _, d := range []struct{ name, v string }{{"issued", s.Issued}, {"expires", s.Expires}} {
		if d.v == "" {
			continue
		}
		if _, err := document.ParseDate(d.v); err != nil {
			return fmt.Errorf("%s: %w", d.name, err)
		}
	}
	return nil
}

// Apply gives d the values the user stated, has the user's word recorded
// in d.Stated (the field names: "type", "issued", "expires") and in its
// evidence, and clears a review of the type the user settled. It returns
// the error of Check, leaving d as it was.
func (s Stated) Apply(d *document.Document) error {
	if err := s.Check(); err != nil {
		return err
	}
	mark := func(field string) {
		for _, f := range d.Stated {
			if f == field {
				return
			}
		}
		d.Stated = append(d.Stated, field)
	}
	if s.Type != "" {
		if s.Type != d.Type && d.Type != "" {
			d.Evidence = nil
		}
		d.Type = s.Type
		d.Evidence = append([]document.Signal{{Type: s.Type, Weight: 1, Why: "stated in intake.yaml"}}, d.Evidence...)
		d.Review, d.Alternative = "", ""
		if s.Type != document.Translation {
			d.Translates = ""
		}
		mark("type")
	}
	if s.Issued != "" {
		d.Issued, _ = document.ParseDate(s.Issued)
		mark("issued")
	}
	if s.Expires != "" {
		d.Expires, _ = document.ParseDate(s.Expires)
		mark("expires")
	}
	return nil
}

// ApplyStated applies what intake.yaml states, by file name (the
// document's File: its path in the dossier, with forward slashes), to
// docs. A name that is no file of the dossier, or a value that does not
// check, is an error naming the file; the documents are then left as they
// were.
func ApplyStated(docs []document.Document, stated map[string]Stated) error {
	byFile := map[string]int{}
	for i, d := range docs {
		byFile[d.File] = i
	}
	names := make([]string, 0, len(stated))
	for name := range stated {
		names = append(names, name)
	}
	sort.Strings(names)
	// A name is compared as the report writes it: "./scan 3.jpg" and
	// "scan 3.jpg" are one file.
	file := func(name string) string { return path.Clean(filepath.ToSlash(name)) }
	for _, name := range names {
		if _, ok := byFile[file(name)]; !ok {
			return fmt.Errorf("documents: %q is not a file of the dossier (give its path from the dossier's folder, with / between folders)", name)
		}
		if err := stated[name].Check(); err != nil {
			return fmt.Errorf("documents: %q: %w", name, err)
		}
	}
	for _, name := range names {
		_ = stated[name].Apply(&docs[byFile[file(name)]]) // checked above
	}
	return nil
}
