package validate

import (
	"strings"

	"github.com/intake-app/intake/document"
)

// Applicant is who the dossier is for, as decided once for every check,
// renderer and the bundle's cover: from what the user stated first, then
// from the identity document that is best read.
type Applicant struct {
	Name        string        `json:"name,omitempty"`        // "SURNAME Given Names", from the MRZ
	Nationality string        `json:"nationality,omitempty"` // ISO 3166 alpha-2
	BirthDate   document.Date `json:"birth_date"`
	Passport    string        `json:"passport,omitempty"` // the identity document's number
	// File is the identity document the values were read from; "" when
	// none was read.
	File string `json:"file,omitempty"`
	// Nationality and BirthDate say "stated" when they come from
	// intake.yaml or a flag, "mrz" from a valid MRZ, "printed" from the
	// document's text or an MRZ whose check digits fail.
	NationalityFrom string `json:"nationality_from,omitempty"`
	BirthDateFrom   string `json:"birth_date_from,omitempty"`
}

// identityRank orders the documents that can say who the applicant is:
// a passport before an ID card or residence permit, a valid MRZ before an
// unchecked one; -1 for a document that cannot say.
func identityRank(d *document.Document) int {
	if d.Error != "" {
		return -1
	}
	r := 0
	switch d.Type {
	case document.Passport:
		r = 4
	case document.IDCard, document.ResidencePermit:
		r = 1
	default:
		return -1
	}
	if d.MRZ != nil {
		r += 2
		if d.MRZ.Valid {
			r += 4
		}
	}
	return r
}

// applicantOf decides the applicant from f and docs.
func applicantOf(f Facts, docs []*document.Document) Applicant {
	var a Applicant
	if id := identityDocument(docs); id != nil {
		a = readApplicant(id)
	}
	if f.Nationality != "" {
		a.Nationality, a.NationalityFrom = alpha2(f.Nationality), "stated"
	}
	if !f.BirthDate.IsZero() {
		a.BirthDate, a.BirthDateFrom = f.BirthDate, "stated"
	}
	return a
}

// identityDocument is the document of docs that says best who the
// applicant is, or nil.
func identityDocument(docs []*document.Document) *document.Document {
	var id *document.Document
	for _, d := range docs {
		if r := identityRank(d); r >= 0 && (id == nil || r > identityRank(id)) {
			id = d
		}
	}
	return id
}

// readApplicant is what the identity document id says of its holder: a
// valid MRZ first, then the printed text.
func readApplicant(id *document.Document) Applicant {
	a := Applicant{File: id.File, Name: id.HolderName(), Passport: id.Number}
	m := id.MRZ
	valid := m != nil && m.Valid
	if valid {
		a.Name = strings.TrimSpace(m.Surname + " " + m.GivenNames)
		a.Passport = m.DocumentNumber
	}
	if id.Type == document.Passport {
		switch {
		case m != nil && m.Nationality != "":
			a.Nationality, a.NationalityFrom = alpha2(m.Nationality), "printed"
			if valid {
				a.NationalityFrom = "mrz"
			}
		case id.Country != "":
			// A passport is issued by the holder's country.
			a.Nationality, a.NationalityFrom = alpha2(id.Country), "printed"
		}
	}
	switch {
	case valid && !m.BirthDate.IsZero():
		a.BirthDate, a.BirthDateFrom = document.DateOf(m.BirthDate), "mrz"
	case !id.BirthDate.IsZero():
		a.BirthDate, a.BirthDateFrom = id.BirthDate, "printed"
	}
	return a
}
