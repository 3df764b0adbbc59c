package validate

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/internal/fold"
)

// Cross-document checks: requirement-independent checks that Evaluate
// appends to the report's requirements, each only when it finds a problem
// (a ready dossier's report lists the requirements alone). Their ids:
const (
	CheckHolderName = "check-holder-name" // the holder's name on each document matches the passport's MRZ
	CheckDates      = "check-dates"       // no document issued after the reference date or before the holder's birth
	CheckPairs      = "check-pairs"       // every translation and apostille goes with a document of the dossier
)

func (e *evaluator) crossChecks() []Outcome {
	var out []Outcome
	if o, ok := e.checkNames(); ok {
		out = append(out, o)
	}
	if o, ok := e.checkDates(); ok {
		out = append(out, o)
	}
	if o, ok := e.checkPairs(); ok {
		out = append(out, o)
	}
	return out
}

func (e *evaluator) checkOutcome(id, title string, status Status, files, msgs []string, tail string) Outcome {
	return Outcome{ID: id, Title: title, LocalTitle: title, Status: status, Files: uniqSorted(files),
		Message: strings.Join(msgs, "; ") + tail, Source: e.p.Source}
}

// reads reports whether d was read well enough to be judged on its text.
func reads(d *document.Document) bool {
	return d.Error == "" && !(d.TextSource == document.SourceOCR && d.Confidence < minConfidence)
}

// checkNames compares the holder's name on each document with the name in
// the passport's MRZ.
func (e *evaluator) checkNames() (Outcome, bool) {
	var pass *document.Document
	for _, d := range e.docs {
		if d.Type == document.Passport && d.Error == "" && d.MRZ != nil && d.MRZ.Valid && strings.TrimSpace(d.MRZ.Surname) != "" {
			pass = d
			break
		}
	}
	if pass == nil {
		return Outcome{}, false
	}
	want := strings.TrimSpace(pass.MRZ.Surname + " " + pass.MRZ.GivenNames)
	var files, msgs []string
	for _, d := range e.docs {
		if d == pass || !reads(d) {
			continue
		}
		switch d.Type {
		case document.Photo, document.Apostille, document.MarriageCertificate, document.Unknown:
			continue // no holder, or the names of others
		case document.BirthCertificate:
			if d.BirthDate.IsZero() || d.BirthDate != e.birth {
				continue // maybe a child's
			}
		}
		name := d.HolderName()
		if !fold.NameLike(name) || sameName(name, want) {
			continue
		}
		files = append(files, d.File)
		msgs = append(msgs, fmt.Sprintf("the name on %s (%s) is not the passport's (%s)", d.File, strings.Join(strings.Fields(name), " "), want))
	}
	if len(msgs) == 0 {
		return Outcome{}, false
	}
	files = append(files, pass.File)
	tail := ": have the document corrected, or add a document that proves both names are yours"
	if e.p.Country == "FR" {
		tail = ": have the document corrected, or ask your consulate for an attestation de concordance (certificate that both names are the same person's), translated by a sworn translator"
	}
	msgs[0] = strings.ToUpper(msgs[0][:1]) + msgs[0][1:]
	return e.checkOutcome(CheckHolderName, "Same name on every document as in the passport", NonCompliant, files, msgs, tail), true
}

// checkDates flags documents issued after the reference date or before
// the holder was born.
func (e *evaluator) checkDates() (Outcome, bool) {
	var files, msgs []string
	for _, d := range e.docs {
		if !reads(d) || d.Issued.IsZero() {
			continue
		}
		switch {
		case d.Issued.After(e.ref):
			msgs = append(msgs, fmt.Sprintf("%s is dated %s, after %s", d.File, d.Issued, e.ref))
		case !e.birth.IsZero() && d.Issued.Before(e.birth) && d.Type != document.MarriageCertificate:
			msgs = append(msgs, fmt.Sprintf("%s is dated %s, before its holder was born (%s)", d.File, d.Issued, e.birth))
		default:
			continue
		}
		files = append(files, d.File)
	}
	if len(msgs) == 0 {
		return Outcome{}, false
	}
	return e.checkOutcome(CheckDates, "No document dated in the future or before the holder's birth", NeedsReview, files, msgs,
		": a misread date or the wrong document; check it by hand and rescan it if the date is right"), true
}

// checkPairs flags translations and apostilles that go with no document
// of the dossier.
func (e *evaluator) checkPairs() (Outcome, bool) {
	var files, msgs []string
	for _, t := range e.docs {
		if (t.Type != document.Translation && t.Type != document.Apostille) || t.Error != "" {
			continue
		}
		found := false
		for _, d := range e.docs {
			if d == t || d.Error != "" || d.Type == t.Type {
				continue
			}
			if e.pairs(t, d) || (t.Type == document.Translation && t.Translates != "" && t.Translates == d.Type) {
				found = true
				break
			}
		}
		if found {
			continue
		}
		kind := "translation"
		if t.Type == document.Apostille {
			kind = "apostille"
		}
		what := "a document"
		if t.Translates != "" {
			what = "a " + typeName(t.Translates)
		}
		if len(t.References) > 0 {
			what += " no. " + t.References[0]
		}
		files = append(files, t.File)
		msgs = append(msgs, fmt.Sprintf("%s is the %s of %s that is not in the dossier", t.File, kind, what))
	}
	if len(msgs) == 0 {
		return Outcome{}, false
	}
	return e.checkOutcome(CheckPairs, "Every translation and apostille goes with its original", NeedsReview, files, msgs,
		": add the original (a translation or an apostille is filed with it), or name the files alike (x.pdf, x-translation.pdf)"), true
}

// sameName reports whether two spellings of a name are the same person's:
// case, accents, the order of the names, hyphens and apostrophes,
// Cyrillic transliteration, a missing middle name and one OCR error per
// long word are tolerated.
func sameName(a, b string) bool {
	ta, tb := nameTokens(a), nameTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return true
	}
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	used := make([]bool, len(tb))
	for _, x := range ta {
		ok := false
		for j, y := range tb {
			if !used[j] && tokenMatch(x, y) {
				used[j], ok = true, true
				break
			}
		}
		if !ok {
			// "XIAO MING" against "XIAOMING", in either order of the names.
			return sameJoined(ta, tb)
		}
	}
	return true
}

// sameJoined reports whether the words of a and b, joined in their order
// or starting from another word (given names first), spell the same.
func sameJoined(a, b []string) bool {
	rot := func(t []string) map[string]bool {
		m := map[string]bool{}
		for i := range t {
			m[strings.Join(append(append([]string(nil), t[i:]...), t[:i]...), "")] = true
		}
		return m
	}
	rb := rot(b)
	for k := range rot(a) {
		if rb[k] {
			return true
		}
	}
	return false
}

func tokenMatch(x, y string) bool {
	if x == y {
		return true
	}
	if len(x) >= 5 && len(y) >= 5 && levenshtein.ComputeDistance(x, y) <= 1 {
		return true
	}
	return false
}

// nameTokens folds a name to comparable words: lower case, no accents,
// Cyrillic transliterated, spelling variants merged (y/j/i, kh/h, w/v,
// ou/u, double letters).
func nameTokens(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(fold.Romanize(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		w = spelling.Replace(w)
		var c []byte
		for i := 0; i < len(w); i++ {
			if i == 0 || w[i] != w[i-1] {
				c = append(c, w[i])
			}
		}
		if len(c) > 0 {
			out = append(out, string(c))
		}
	}
	return out
}

var spelling = strings.NewReplacer("shch", "sch", "kh", "h", "ks", "x", "w", "v", "ou", "u", "y", "i", "j", "i", "dj", "d")
