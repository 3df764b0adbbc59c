package validate

import (
	"path"
	"strings"
	"unicode"

	"github.com/intake-app/intake/document"
)

// How a translation or an apostille is matched with the document it goes
// with (its "original"). A document of type kind pairs with the original
// when, in this order:
//
//  1. its References hold the original's Number (compared on letters and
//     digits only, ignoring case), or
//  2. its file name is the original's with a marker word added before or
//     after the name, separated by "-", "_", "." or a space:
//     criminal-record-cn.pdf ← criminal-record-cn-translation.pdf,
//     criminal-record-cn_prevod.pdf, criminal-record-cn.sr.pdf,
//     traduction-acte-naissance.pdf, criminal-record-cn-apostille.pdf.
//     Directories and extensions are ignored; markers are listed in
//     translationMarkers and apostilleMarkers, and for a translation the
//     procedure's accepted languages ("sr", "fr") count as markers too; or
//  3. for a translation only, when nothing pairs by 1 or 2: it says it
//     translates the original's type (Translates), the original is the only
//     document of that type in a language needing translation, and the
//     translation does not pair with another document by 1 or 2.
var (
	translationMarkers = []string{
		"translation", "translated", "transl", "tr", "sworn", "certified",
		"prevod", "prijevod", "превод", "traduction", "traduit", "trad",
		"perevod", "перевод", "vertaling", "übersetzung", "ubersetzung",
		"uebersetzung", "翻译", "翻译件",
	}
	apostilleMarkers = []string{
		"apostille", "apostil", "apostila", "апостил", "апостиль",
		"legalisation", "legalization", "legalizacija", "legalized", "legalised",
		"overa", "认证",
	}
)

// partners returns the documents of type kind that go with d, best first
// (sworn translations first).
func (e *evaluator) partners(d *document.Document, kind document.Type) []*document.Document {
	var out []*document.Document
	for _, t := range e.docs {
		if t.Type == kind && t.Error == "" && t != d && e.pairs(t, d) {
			out = append(out, t)
		}
	}
	if len(out) == 0 && kind == document.Translation && d.Type != document.Translation {
		out = e.pairByType(d)
	}
	// Sworn translations first, then by file name, for stable reports.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && less(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func less(a, b *document.Document) bool {
	if a.Sworn != b.Sworn {
		return a.Sworn
	}
	return a.File < b.File
}

// pairs reports whether t (a translation or an apostille) pairs with d by
// number or by file name.
func (e *evaluator) pairs(t, d *document.Document) bool {
	if n := normNumber(d.Number); len(n) >= 3 {
		for _, r := range t.References {
			if normNumber(r) == n {
				return true
			}
		}
	}
	markers := apostilleMarkers
	if t.Type == document.Translation {
		markers = append(append([]string(nil), translationMarkers...), e.langs...)
	}
	return sameStem(t.File, d.File, markers)
}

// pairByType pairs d with the one translation that says it translates d's
// type, when that is unambiguous.
func (e *evaluator) pairByType(d *document.Document) []*document.Document {
	for _, o := range e.docs {
		if o != d && o.Type == d.Type && o.Error == "" && o.Language != "" && !contains(e.langs, o.Language) {
			return nil // another original of the same type needs a translation
		}
	}
	var found *document.Document
	for _, t := range e.docs {
		if t.Type != document.Translation || t.Error != "" || t.Translates != d.Type {
			continue
		}
		claimed := false
		for _, o := range e.docs {
			if o != d && o != t && o.Type != document.Translation && e.pairs(t, o) {
				claimed = true
				break
			}
		}
		if claimed {
			continue
		}
		if found != nil {
			return nil // two candidates: do not guess
		}
		found = t
	}
	if found == nil {
		return nil
	}
	return []*document.Document{found}
}

// sameStem reports whether file is other's name plus marker words.
func sameStem(file, other string, markers []string) bool {
	ft, ot := stemTokens(file), stemTokens(other)
	if len(ft) <= len(ot) {
		return false
	}
	isMarker := func(s string) bool { return contains(markers, s) }
	// Strip markers from the end, then from the start, then compare.
	end := len(ft)
	for end > 0 && isMarker(ft[end-1]) && end > len(ot) {
		end--
	}
	start := 0
	for start < end && isMarker(ft[start]) && end-start > len(ot) {
		start++
	}
	if end-start != len(ot) || (start == 0 && end == len(ft)) {
		return false
	}
	for i, tok := range ot {
		if ft[start+i] != tok {
			return false
		}
	}
	return true
}

// stemTokens splits a file's base name, without its extension, into lower
// case words.
func stemTokens(file string) []string {
	base := path.Base(strings.ReplaceAll(file, "\\", "/"))
	if ext := path.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return strings.FieldsFunc(strings.ToLower(base), func(r rune) bool {
		return r == '-' || r == '_' || r == '.' || unicode.IsSpace(r)
	})
}

// partnerName suggests a file name for the partner of file: "x.pdf" →
// "x-translation.pdf".
func partnerName(file, marker string) string {
	base := path.Base(file)
	ext := path.Ext(base)
	return strings.TrimSuffix(base, ext) + "-" + marker + ext
}

func normNumber(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Pair is a document with the apostilles and translations that go with
// it, as Evaluate paired them (by the rules above). The bundle places
// them after it; every renderer reads the pairs from here.
type Pair struct {
	Document     string   `json:"document"`
	Apostilles   []string `json:"apostilles,omitempty"`
	Translations []string `json:"translations,omitempty"`
}

// pairList pairs every readable document that is not itself an
// apostille or a translation with its partners; documents without any
// are left out.
func (e *evaluator) pairList() []Pair {
	var out []Pair
	for _, d := range e.docs {
		if d.Error != "" || d.Type == document.Apostille || d.Type == document.Translation {
			continue
		}
		p := Pair{Document: d.File}
		for _, a := range e.partners(d, document.Apostille) {
			p.Apostilles = append(p.Apostilles, a.File)
		}
		for _, t := range e.partners(d, document.Translation) {
			p.Translations = append(p.Translations, t.File)
		}
		if len(p.Apostilles)+len(p.Translations) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// PairOf returns the pair of the document file, and whether it has one.
func (r *Report) PairOf(file string) (Pair, bool) {
	for _, p := range r.Pairs {
		if p.Document == file {
			return p, true
		}
	}
	return Pair{}, false
}
