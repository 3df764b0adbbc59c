package validate

import (
	"testing"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/ocr/mrz"
)

func TestApplicantOf(t *testing.T) {
	born := time.Date(1988, 5, 14, 0, 0, 0, 0, time.UTC)
	passport := func(valid bool) document.Document {
		return document.Document{File: "pasos.jpg", Type: document.Passport, Holder: "WANG XIAO MING", Number: "EK372846", Country: "CN",
			MRZ: &mrz.Result{Valid: valid, Surname: "WANG", GivenNames: "XIAOMING", DocumentNumber: "EK3728461", Nationality: "CHN", BirthDate: born}}
	}
	card := document.Document{File: "karta.jpg", Type: document.ResidencePermit, Holder: "WANG XIAOMING", Number: "007",
		MRZ: &mrz.Result{Valid: true, Surname: "WANG", GivenNames: "XIAOMING", DocumentNumber: "007", Nationality: "CHN", BirthDate: born}}
	tests := []struct {
		name  string
		facts Facts
		docs  []document.Document
		want  Applicant
	}{
		{"a passport's valid MRZ", Facts{}, []document.Document{card, passport(true)},
			Applicant{Name: "WANG XIAOMING", Nationality: "CN", BirthDate: document.DateOf(born), Passport: "EK3728461", File: "pasos.jpg",
				NationalityFrom: "mrz", BirthDateFrom: "mrz"}},
		{"a passport's MRZ that does not check out: the printed name, no birth date from it", Facts{}, []document.Document{passport(false)},
			Applicant{Name: "WANG XIAO MING", Nationality: "CN", Passport: "EK372846", File: "pasos.jpg", NationalityFrom: "printed"}},
		{"a card when there is no passport: no nationality from it", Facts{}, []document.Document{card},
			Applicant{Name: "WANG XIAOMING", BirthDate: document.DateOf(born), Passport: "007", File: "karta.jpg", BirthDateFrom: "mrz"}},
		{"what the user states wins", Facts{Nationality: "CHN", BirthDate: document.NewDate(1988, 5, 15)}, []document.Document{passport(true)},
			Applicant{Name: "WANG XIAOMING", Nationality: "CN", BirthDate: document.NewDate(1988, 5, 15), Passport: "EK3728461", File: "pasos.jpg",
				NationalityFrom: "stated", BirthDateFrom: "stated"}},
		{"an unreadable passport says nothing", Facts{}, []document.Document{{File: "x.jpg", Type: document.Passport, Error: "empty"}}, Applicant{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ptrs []*document.Document
			for i := range tc.docs {
				ptrs = append(ptrs, &tc.docs[i])
			}
			if got := applicantOf(tc.facts, ptrs); got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}
