package extract

import (
	"strings"
	"time"

	"github.com/intake-app/intake/country"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/ocr/layout"
	"github.com/intake-app/intake/ocr/mrz"
)

// Input is everything a document is interpreted from: what the reader
// measured on the file (cacheable) and what the run knows.
type Input struct {
	// Pages are the text of each page, in order ("" for a page that could
	// not be read).
	Pages []string
	// Layout holds, per page, the words with their boxes (OCR'd pages;
	// empty for a text layer): document.Document.Layout[i].Words.
	Layout []layout.Page
	// MRZ is the machine-readable zone decoded on the document, or nil.
	MRZ *mrz.Result
	// Country is the procedure's country, ISO alpha-2.
	Country string
	// Photo describes the image when the file is a single image; nil for
	// a PDF.
	Photo *PhotoFacts
	// Now resolves two-digit years; zero means today.
	Now time.Time
}

// Interpret reads the fields of document d from in, with one precedence
// for each field: a machine-readable zone whose check digits hold beats
// the printed text, which beats a zone whose check digits fail. It sets
// d's type with its evidence, language, country, dates, holder, numbers,
// and the review fields; it does not touch d's provenance (File, Text,
// Layout, MRZ, Photo, Warnings).
func Interpret(d *document.Document, in Input) {
	f := Analyze(in.Pages, Hint{MRZ: in.MRZ, Country: in.Country, Photo: in.Photo, Now: in.Now, Layout: in.Layout})
	d.Type, d.Evidence, d.Review, d.Alternative = f.Type, f.Evidence, f.Review, f.Alternative
	d.Language, d.Script, d.Country = f.Language, f.Script, f.Country
	d.Issued, d.ValidFrom, d.Expires, d.BirthDate = f.Issued, f.ValidFrom, f.Expires, f.BirthDate
	d.Holder, d.Number, d.References = f.Holder, f.Number, f.References
	d.HolderAddressed = f.HolderAddressed
	d.Translates, d.Sworn, d.Periods = f.Translates, f.Sworn, f.Periods
	d.Level = f.Level
	if m := in.MRZ; m != nil {
		if c := country.Alpha2(m.IssuingState); c != "" && (m.Valid || d.Country == "") {
			d.Country = c
		}
		if m.Valid {
			if !m.ExpiryDate.IsZero() {
				d.Expires = document.DateOf(m.ExpiryDate)
			}
			if !m.BirthDate.IsZero() {
				d.BirthDate = document.DateOf(m.BirthDate)
			}
			if name := strings.TrimSpace(m.Surname + " " + m.GivenNames); name != "" {
				d.Holder, d.HolderAddressed = name, false
			}
			if m.DocumentNumber != "" {
				d.Number = m.DocumentNumber
			}
		}
	}
}
