package intake

import (
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/ocr/layout"
	"github.com/intake-app/intake/ocr/mrz"
)

func TestReadVisualZone(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	now := day(2026, 11, 30)
	for _, tc := range []struct {
		name           string
		lines          []string
		mrzExpiry      time.Time
		issued, expiry time.Time
		warning        string
	}{
		{"the document disagrees with its MRZ: the printed expiry", []string{
			"Date of issue / Date de délivrance", "01 MAR 2014", "Date of expiry", "01 MAR 2024"},
			day(2019, 3, 21), day(2014, 3, 1), day(2024, 3, 1), "intake takes the printed date"},
		{"the expiry's label not read: a term after the issue", []string{
			"Date of issue / Date de délivrance", "01 MAR 2014", "01 MAR 2024 Jane Citizen"},
			day(2019, 3, 21), day(2014, 3, 1), day(2024, 3, 1), "intake takes the printed date"},
		{"one digit apart: a misread, the MRZ's", []string{"Valabilitate 17.10.03-09.05.2015"},
			day(2013, 5, 9), day(2003, 10, 17), day(2013, 5, 9), "by one digit"},
		{"an issue date after the expiry is no issue date", []string{"Date of issue", "01 MAR 2024"},
			day(2019, 3, 21), time.Time{}, day(2019, 3, 21), ""},
		{"the birth date is no issue date", []string{"Date of birth", "Date of issue", "28 FEB 1981"},
			day(2013, 1, 1), time.Time{}, day(2013, 1, 1), ""},
		{"labels too small to read: a term before the MRZ's expiry", []string{"Luzern LU", "010103", "7h"},
			day(2013, 1, 1), day(2003, 1, 1), day(2013, 1, 1), ""},
	} {
		d := document.Document{Type: document.IDCard, Expires: document.DateOf(tc.mrzExpiry),
			MRZ: &mrz.Result{ExpiryDate: tc.mrzExpiry, BirthDate: day(1981, 2, 28), Valid: true,
				Checks: []mrz.Check{{Field: "expiry_date", OK: true}}}}
		var page layout.Page
		for _, l := range tc.lines {
			page.Lines = append(page.Lines, layout.Line{Words: []layout.Word{{Text: l}}})
		}
		d.Layout = []document.PageLayout{{Words: page}}
		readVisualZone(&d, now)
		if !d.Issued.Time().Equal(tc.issued) || !d.Expires.Time().Equal(tc.expiry) {
			t.Errorf("%s: issued %v, expires %v; want %v, %v", tc.name, d.Issued, d.Expires,
				tc.issued.Format(time.DateOnly), tc.expiry.Format(time.DateOnly))
		}
		warned := strings.Join(d.Warnings, "; ")
		if (tc.warning == "") != (warned == "") || !strings.Contains(warned, tc.warning) {
			t.Errorf("%s: warnings %q, want one saying %q", tc.name, warned, tc.warning)
		}
	}
}
