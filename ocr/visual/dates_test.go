package visual

import (
	"testing"
	"time"

	"github.com/intake-app/intake/ocr/layout"
	"github.com/intake-app/intake/ocr/mrz"
)

var now = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func lines(ts ...string) []layout.Line {
	var out []layout.Line
	for _, t := range ts {
		out = append(out, layout.Line{Words: []layout.Word{{Text: t}}})
	}
	return out
}

func TestVisualDates(t *testing.T) {
	for _, tc := range []struct {
		name                string
		lines               []string
		issue, expiry, born time.Time
	}{
		{"ICAO bilingual, value on the label's line", []string{
			"Date of birth / Date de naissance 12 AUG/AOUT 74",
			"Date of issue / Date de délivrance 16 APR/AVR 07",
			"Date of expiry / Date d'expiration 15 APR/AVR 12"},
			day(2007, 4, 16), day(2012, 4, 15), day(1974, 8, 12)},
		{"values under their labels", []string{
			"Date of birth / Date de naissance", "07 JUN 1984", "Sex / Sexe", "F",
			"Date of issue / Date de délivrance", "01 MAR 2014",
			"Date of expiry / Date d'expiration", "01 MAR 2024"},
			day(2014, 3, 1), day(2024, 3, 1), day(1984, 6, 7)},
		{"German labels, numeric dates", []string{
			"Datum der Ausstellung 25.01.2005", "gültig bis 24.01.2015", "Geburtsdatum 09.09.1971"},
			day(2005, 1, 25), day(2015, 1, 24), day(1971, 9, 9)},
		{"a validity range", []string{"Valabilitate 17.10.03-09.05.2013"},
			day(2003, 10, 17), day(2013, 5, 9), time.Time{}},
		{"a dot read as a comma", []string{"Mun. Hunedoara 17.10,03-09.05.2013"},
			day(2003, 10, 17), day(2013, 5, 9), time.Time{}},
		{"commas alone are no date", []string{"Date of issue 17,10,2003"},
			time.Time{}, time.Time{}, time.Time{}},
		{"a label without a value stops at the next label", []string{
			"Date of issue", "Date of expiry", "01 JAN 2030"},
			time.Time{}, day(2030, 1, 1), time.Time{}},
		{"Polish labels, values under them", []string{
			"Data wydania / Date of issue", "12.03.2019", "Data ważności / Date of expiry", "12.03.2029"},
			day(2019, 3, 12), day(2029, 3, 12), time.Time{}},
		{"Czech and Greek labels", []string{
			"Datum vydání 02.05.2018", "ΗΜΕΡΟΜΗΝΙΑ ΛΗΞΗΣ 01.05.2028"},
			day(2018, 5, 2), day(2028, 5, 1), time.Time{}},
		{"no dates", []string{"PASSPORT", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"},
			time.Time{}, time.Time{}, time.Time{}},
	} {
		d := VisualDates(lines(tc.lines...), now)
		if !d.Issue.Equal(tc.issue) || !d.Expiry.Equal(tc.expiry) || !d.Birth.Equal(tc.born) {
			t.Errorf("%s: issue %v expiry %v birth %v, want %v %v %v", tc.name,
				d.Issue.Format(time.DateOnly), d.Expiry.Format(time.DateOnly), d.Birth.Format(time.DateOnly),
				tc.issue.Format(time.DateOnly), tc.expiry.Format(time.DateOnly), tc.born.Format(time.DateOnly))
		}
	}
}

func TestExpiryMismatch(t *testing.T) {
	m := &mrz.Result{ExpiryDate: day(2019, 3, 21), Checks: []mrz.Check{{Field: "expiry_date", OK: true}}}
	d := Dates{Expiry: day(2024, 3, 1)}
	if w := ExpiryMismatch(d, m); w == "" {
		t.Error("no warning when the printed expiry (2024-03-01) and the MRZ's (2019-03-21) disagree")
	}
	d.Expiry = m.ExpiryDate
	if w := ExpiryMismatch(d, m); w != "" {
		t.Errorf("warning %q when the dates agree", w)
	}
	m.Checks[0].OK = false
	d.Expiry = day(2024, 3, 1)
	if w := ExpiryMismatch(d, m); w != "" {
		t.Errorf("warning %q though the MRZ's expiry does not check out", w)
	}
}

// Labels side by side take the values side by side on the next line.
func TestLabelsSideBySide(t *testing.T) {
	now := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	d := datesIn([]string{"Datum izdavanja   Važi do", "27.12.2021.   26.12.2026."}, now)
	if got := d.Issue.Format(time.DateOnly); got != "2021-12-27" {
		t.Errorf("issue %s, want 2021-12-27", got)
	}
	if got := d.Expiry.Format(time.DateOnly); got != "2026-12-26" {
		t.Errorf("expiry %s, want 2026-12-26", got)
	}
}

func TestIssueByTerm(t *testing.T) {
	expiry, birth := day(2013, 1, 1), day(1981, 2, 28)
	for _, tc := range []struct {
		name  string
		lines []string
		want  time.Time
	}{
		{"compact, ten years before", []string{"Luzern LU", "010103"}, day(2003, 1, 1)},
		{"spaced, ten years before", []string{"01 01 03   01 01 13"}, day(2003, 1, 1)},
		{"five years less a day", []string{"Date 02.01.2008"}, day(2008, 1, 2)},
		{"the birth date is not the issue", []string{"280281"}, time.Time{}},
		{"a date off any term", []string{"17.10.2003"}, time.Time{}},
		{"a document number is no date", []string{"S0002068"}, time.Time{}},
		{"not after the expiry", []string{"01.01.2023"}, time.Time{}},
	} {
		got, _ := IssueByTerm(lines(tc.lines...), expiry, birth)
		if !got.Equal(tc.want) {
			t.Errorf("%s: %q gave %v, want %v", tc.name, tc.lines, got, tc.want)
		}
	}
	if got, _ := IssueByTerm(lines("010103"), time.Time{}, birth); !got.IsZero() {
		t.Errorf("no expiry known, yet an issue date %v", got)
	}
}

func TestExpiryByTerm(t *testing.T) {
	issue := day(2014, 3, 1)
	for _, tc := range []struct {
		lines []string
		want  time.Time
	}{
		{[]string{"01 MAR 2014", "07 JUN 1984", "01 MAR 2024 Jane"}, day(2024, 3, 1)},
		{[]string{"28.02.2019"}, day(2019, 2, 28)},
		{[]string{"15.07.2020"}, time.Time{}},
		{[]string{"01 MAR 2014"}, time.Time{}},
	} {
		if got, _ := ExpiryByTerm(lines(tc.lines...), issue); !got.Equal(tc.want) {
			t.Errorf("%q gave %v, want %v", tc.lines, got, tc.want)
		}
	}
}

func TestOneDigitApart(t *testing.T) {
	for _, tc := range []struct {
		a, b time.Time
		want bool
	}{
		{day(2015, 5, 9), day(2013, 5, 9), true},
		{day(2013, 5, 8), day(2013, 5, 9), true},
		{day(2024, 3, 1), day(2019, 3, 21), false},
		{day(2013, 5, 9), day(2013, 5, 9), false},
	} {
		if got := OneDigitApart(tc.a, tc.b); got != tc.want {
			t.Errorf("OneDigitApart(%s, %s) = %v, want %v", tc.a.Format(time.DateOnly), tc.b.Format(time.DateOnly), got, tc.want)
		}
	}
}
