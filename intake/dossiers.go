package intake

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/sync/errgroup"

	"github.com/agnivade/levenshtein"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/internal/fold"
	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/validate"
)

// One dossier is one person's. A folder given to intake may hold several
// (a caseworker's folder of clients): subfolders with their own
// intake.yaml, or the identity documents of several people. Such a folder
// is refused as a whole, never merged: each dossier is checked on its own
// (intake status checks them all). Inside one dossier, a document whose
// holder is another person is left out of the checks and of the bundle,
// and reported (Report.Others, and a warning on the document).

// SeveralDossiersError says that a folder holds several dossiers. It
// unwraps to a *SettingsError: the caller gave the wrong folder.
type SeveralDossiersError struct {
	Dir string
	// Dossiers are the subfolders with their own intake.yaml, relative to
	// Dir, sorted; empty when the dossiers were told apart by their holders.
	Dossiers []string
	// Holders are the people whose identity documents the folder holds,
	// each with one of their files, when told apart by reading.
	Holders []Holder
}

// Holder is a person whose identity document was read.
type Holder struct {
	Name string
	File string
}

func (e *SeveralDossiersError) Error() string {
	if len(e.Dossiers) > 0 {
		list := e.Dossiers
		if len(list) > 5 {
			list = append(list[:5:5], "…")
		}
		return fmt.Sprintf("%s holds %d dossiers, each with its own %s (%s): check each folder on its own",
			e.Dir, len(e.Dossiers), ConfigFile, strings.Join(list, ", "))
	}
	var names []string
	for _, h := range e.Holders {
		names = append(names, fmt.Sprintf("%s in %s", h.Name, h.File))
	}
	return fmt.Sprintf("%s holds the identity documents of %d people (%s): one dossier is one person's; put each person's documents in a folder of their own and check each folder on its own",
		e.Dir, len(e.Holders), strings.Join(names, "; "))
}

// Unwrap makes the error a *SettingsError for errors.As.
func (e *SeveralDossiersError) Unwrap() error { return &SettingsError{e.Error()} }

// NestedDossiers returns the subfolders of dir, at any depth, that hold
// their own intake.yaml: each is a dossier of its own. The search does not
// go into a dossier found, nor into hidden folders. Paths are relative to
// dir, with forward slashes, sorted.
func NestedDossiers(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // an unreadable subfolder: Scan reports it
		}
		if !d.IsDir() || p == dir {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if _, err := os.Stat(filepath.Join(p, ConfigFile)); err == nil {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
			return fs.SkipDir
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// checkNested refuses a folder that holds other dossiers.
func checkNested(dir string) error {
	nested, err := NestedDossiers(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // Resolve and Scan say it better
		}
		return nil
	}
	if len(nested) > 0 {
		return &SeveralDossiersError{Dir: dir, Dossiers: nested}
	}
	return nil
}

// separate tells the folder's people apart once the documents are read:
// it refuses a folder holding the identity documents of several people,
// and takes the documents of another person out of the checks (judging
// the dossier again without them), with a warning on each and the list
// in Report.Others.
func separate(res *Result) error {
	if hs := holders(res.Documents); len(hs) > 1 {
		return &SeveralDossiersError{Dir: res.Dir, Holders: hs}
	}
	applicant := res.Report.Applicant
	if !comparable(applicant.Name) {
		return nil
	}
	var kept []document.Document
	var others []validate.Other
	for i := range res.Documents {
		d := &res.Documents[i]
		name := d.HolderName()
		if d.File == applicant.File || !judgedOnHolder(d) || !personName(d, name) || sharesName(name, applicant.Name) {
			kept = append(kept, *d)
			continue
		}
		name = strings.Join(strings.Fields(name), " ")
		d.Warnf("its holder is %s, not %s: another person's document, left out of the checks and of the bundle; move it to %s's own folder",
			name, applicant.Name, name)
		others = append(others, validate.Other{File: d.File, Holder: name})
	}
	if len(others) == 0 {
		return nil
	}
	res.Report = validate.Evaluate(res.Procedure, kept, res.Settings.Facts)
	res.Report.Others = others
	for _, o := range others {
		// Not blocking: the dossier is judged without it, and it is never
		// bundled; but it has no business in this folder.
		res.Report.Todo = append(res.Report.Todo, validate.Todo{Files: []string{o.File},
			Action: fmt.Sprintf("%s is %s's document, not %s's: it was left out of the checks and will not be bundled; move it to %s's own folder",
				o.File, o.Holder, res.Report.Applicant.Name, o.Holder)})
	}
	return nil
}

// Others returns the files of res left out as another person's.
func (r *Result) Others() map[string]bool {
	out := map[string]bool{}
	for _, o := range r.Report.Others {
		out[o.File] = true
	}
	return out
}

// identity reports whether d says who its holder is, as a passport or an
// identity card does.
func identity(d *document.Document) bool {
	return d.Type == document.Passport || d.Type == document.IDCard
}

// holders returns the distinct people whose passports or identity cards
// the documents hold, each once.
func holders(docs []document.Document) []Holder {
	var out []Holder
	for i := range docs {
		d := &docs[i]
		if !identity(d) || !judgedOnHolder(d) {
			continue
		}
		name := d.HolderName()
		if !comparable(name) {
			continue
		}
		known := false
		for _, h := range out {
			known = known || sharesName(h.Name, name)
		}
		if !known {
			out = append(out, Holder{Name: strings.Join(strings.Fields(name), " "), File: d.File})
		}
	}
	return out
}

// personName reports whether name, the holder read on d, can be taken
// for a person's: a checked MRZ's, or a printed name of two to five words
// in one script (a single word, or a long line, is more likely a misread
// label or an address than someone else's name).
func personName(d *document.Document, name string) bool {
	if !comparable(name) {
		return false
	}
	if m := d.MRZ; m != nil && m.Valid {
		return true
	}
	n := len(nameWords(name))
	return n >= 2 && n <= 5
}

// judgedOnHolder reports whether the holder's name on d says whose it is:
// a document read well enough, of a type whose named person is its
// holder (a photo has no name; an apostille or a translation names
// officials and translators; marriage and birth certificates name
// relatives).
func judgedOnHolder(d *document.Document) bool {
	if d.Error != "" || (d.TextSource == document.SourceOCR && d.Confidence < 60) {
		return false
	}
	switch d.Type {
	case "", document.Unknown, document.Photo, document.Apostille, document.Translation,
		document.MarriageCertificate, document.BirthCertificate:
		return false
	}
	return true
}

// nameWords returns the words of a name, upper case, without accents,
// Cyrillic written as a passport's MRZ writes it (fold.Romanize).
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(fold.Romanize(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 2 {
			out = append(out, strings.ToUpper(w))
		}
	}
	return out
}

// comparable reports whether a name can be compared (fold.NameLike) and
// has a word of two letters or more.
func comparable(s string) bool { return fold.NameLike(s) && len(nameWords(s)) > 0 }

// sharesName reports whether two names may be the same person's: they
// share a word (allowing for OCR errors, see misreads), or spell the same
// once their spaces are removed. Two names of different scripts are
// taken as possibly the same (transliteration).
func sharesName(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) == 0 || len(wb) == 0 || script(a) != script(b) {
		return true
	}
	if strings.Join(wa, "") == strings.Join(wb, "") {
		return true
	}
	for _, x := range wa {
		for _, y := range wb {
			if x == y || levenshtein.ComputeDistance(x, y) <= misreads(min(len([]rune(x)), len([]rune(y)))) {
				return true
			}
		}
	}
	return false
}

// misreads is how many letters OCR may get wrong in a word of n letters
// before two spellings count as different names: none in a word of 2 or
// 3 letters (LI and LU are two people), one from 4, two from 7.
func misreads(n int) int {
	switch {
	case n >= 7:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

func script(s string) string {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return "Cyrl"
		}
	}
	return "Latn"
}

// Checked is the check of one dossier of many: its result, or why it
// could not be checked.
type Checked struct {
	Dir    string
	Result *Result
	Err    error
}

// CheckMany checks the dossiers dirs, n at a time, each worker with a
// Checker (one OCR engine) of its own, and hands each check to each, with
// the index of its folder in dirs, as soon as it is done (from several
// goroutines, one call at a time). It keeps no result: the caller keeps
// what it needs, so that memory is bounded by n, not by len(dirs). A
// dossier that cannot be checked comes with its Err and does not stop the
// others; only a cancelled ctx or a missing dependency (ocr.ErrDependency)
// stops them all, and is returned.
func CheckMany(ctx context.Context, dirs []string, opt Options, n int, each func(i int, c Checked)) error {
	n = max(1, min(n, len(dirs)))
	if opt.Rules == nil {
		rules, err := LoadRules("")
		if err != nil {
			return err
		}
		opt.Rules = rules
	}
	pool := make(chan *Checker, n)
	for range n {
		c, err := NewChecker(opt)
		if err != nil {
			return err
		}
		defer c.Close()
		pool <- c
	}
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(n)
	for i, dir := range dirs {
		g.Go(func() error {
			c := <-pool
			defer func() { pool <- c }()
			res, err := c.safeCheck(gctx, dir)
			if err != nil && (gctx.Err() != nil || errors.Is(err, ocr.ErrDependency)) {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			each(i, Checked{Dir: dir, Result: res, Err: err})
			return nil
		})
	}
	return g.Wait()
}

// safeCheck is Check, with a panic turned into the dossier's error: one
// dossier that trips a bug does not take the others down.
func (c *Checker) safeCheck(ctx context.Context, dir string) (res *Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			res, err = nil, fmt.Errorf("intake failed on %s (a bug: please report it): %v", dir, v)
		}
	}()
	return c.Check(ctx, dir)
}
