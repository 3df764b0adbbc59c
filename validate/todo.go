package validate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/intake-app/intake/document"
)

// Todo is one thing to do before filing, as the report lists it
// (numbered, blocking items first). A blocking item keeps the dossier from
// READY; the others are warnings and what the authority may also ask.
type Todo struct {
	// Files are the dossier files concerned, sorted; empty when the item
	// is about something to add.
	Files []string `json:"files"`
	// Requirement is the id of the requirement concerned, "" for a file
	// problem (unreadable, duplicate, not recognised).
	Requirement string `json:"requirement,omitempty"`
	// Action says what is wrong and what to do.
	Action   string `json:"action"`
	Blocking bool   `json:"blocking"`
}

// identityTypes are the document types whose Number identifies one
// document: two files of such a type with one number are one document
// scanned twice.
var identityTypes = map[document.Type]bool{
	document.Passport: true, document.IDCard: true, document.ResidencePermit: true,
	document.CriminalRecord: true, document.BirthCertificate: true, document.MarriageCertificate: true,
	document.LanguageCertificate: true, document.CivicExam: true,
}

// todo builds the to-do of a dossier: files that could not be read,
// duplicates, then each requirement not met (required first, in the
// report's order), then warnings, what the authority may ask and files
// intake did not recognise.
func (e *evaluator) todo(outcomes []Outcome) []Todo {
	var block, later []Todo
	for _, d := range e.docs {
		if d.Error != "" {
			block = append(block, Todo{Files: []string{d.File}, Blocking: true,
				Action: fmt.Sprintf("%s could not be read (%s): scan or export it again as a PDF, JPEG or PNG, or take it out of the folder if it is not part of the dossier", d.File, d.Error)})
		}
	}
	for _, t := range e.duplicates() {
		if t.Blocking {
			block = append(block, t)
		} else {
			later = append(later, t)
		}
	}
	for _, o := range outcomes {
		switch {
		case o.Status == OK:
		case o.Status == ExpiresSoon:
			later = append(later, Todo{Files: o.Files, Requirement: o.ID, Action: o.Message})
		case o.Need == MayAsk:
			later = append(later, Todo{Files: o.Files, Requirement: o.ID,
				Action: "The authority may ask for this (" + o.Title + "): " + o.Message})
		default:
			block = append(block, Todo{Files: o.Files, Requirement: o.ID, Blocking: true, Action: o.Message})
		}
	}
	for _, d := range e.docs {
		if d.Error == "" && (d.Type == document.Unknown || d.Type == "") {
			later = append(later, Todo{Files: []string{d.File},
				Action: fmt.Sprintf("intake could not tell what %s is, so it was not checked: make sure it belongs in the dossier", d.File)})
		}
	}
	return append(block, later...)
}

// duplicates finds documents present twice: the same type with the same
// identifying number, or the same content as read (same text, or the same
// photo measured alike). Two files of one number where only one holds the
// machine-readable zone are the two sides of one card (or pages of one
// passport): not a duplicate, but better handed in as one file.
func (e *evaluator) duplicates() []Todo {
	type group struct {
		files  []string
		why    string
		sides  bool // the files differ in having an MRZ: sides of one document
		byText bool
	}
	groups := map[string]*group{}
	var keys []string
	hasMRZ := map[string]bool{}
	addKey := func(k, why string, d *document.Document, byText bool) {
		g, ok := groups[k]
		if !ok {
			g = &group{why: why, byText: byText}
			groups[k] = g
			keys = append(keys, k)
		}
		if !contains(g.files, d.File) {
			if len(g.files) > 0 && hasMRZ[g.files[0]] != (d.MRZ != nil) {
				g.sides = true
			}
			g.files = append(g.files, d.File)
		}
	}
	for _, d := range e.docs {
		if d.Error != "" {
			continue
		}
		hasMRZ[d.File] = d.MRZ != nil
		if n := normNumber(d.Number); identityTypes[d.Type] && len(n) >= 5 {
			addKey("n|"+string(d.Type)+"|"+n, fmt.Sprintf("the same %s (number %s)", typeName(d.Type), d.Number), d, false)
		}
		if k := contentKey(d); k != "" {
			addKey("c|"+k, "the same content", d, true)
		}
	}
	var out []Todo
	seen := map[string]bool{}
	for _, k := range keys {
		g := groups[k]
		files := uniqSorted(g.files)
		id := strings.Join(files, "\x00")
		if len(files) < 2 || seen[id] {
			continue
		}
		seen[id] = true
		if g.sides && !g.byText {
			out = append(out, Todo{Files: files,
				Action: fmt.Sprintf("%s seem to be the sides (or pages) of one %s: hand them in as one PDF, one page per side", strings.Join(files, " and "), strings.TrimPrefix(g.why, "the same "))})
			continue
		}
		out = append(out, Todo{Files: files, Blocking: true,
			Action: fmt.Sprintf("%s hold %s: keep one file (put the pages of one document into one PDF) and take the others out, or replace the wrong one with the document that is missing", strings.Join(files, " and "), g.why)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Files[0] < out[j].Files[0] })
	return out
}

// contentKey identifies what was read of d, so that two copies of one file
// give the same key; "" when too little was read to tell.
func contentKey(d *document.Document) string {
	if p := d.Photo; p != nil && d.Type == document.Photo {
		return fmt.Sprintf("photo|%d|%d|%g|%g|%g|%g|%s|%g", p.WidthPx, p.HeightPx, p.DPI, p.HeadShare, p.EyeLine, p.FaceCentre, p.BackgroundColour, p.BackgroundGradient)
	}
	text := strings.Join(strings.Fields(d.Text), " ")
	if len([]rune(text)) < 40 {
		return ""
	}
	// What was read from the text goes with it: two files with one text
	// but other dates are not copies (a fixture, or a form filled twice).
	return fmt.Sprintf("text|%s|%s|%d|%s|%s|%s|%s|%s|%v|%s", d.Type, d.Format, d.Pages, d.Issued, d.ValidFrom, d.Expires, d.Number, d.Holder, d.Periods, text)
}
