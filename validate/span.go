package validate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/intake-app/intake/document"
)

// Unit is the unit of a Span.
type Unit string

// The units a rule file may use (singular or plural: "1 month", "6 months").
const (
	Days   Unit = "days"
	Weeks  Unit = "weeks"
	Months Unit = "months"
	Years  Unit = "years"
)

// Span is a length of calendar time such as "3 months" or "60 days". The
// zero Span means "not set"; "0 days" is a set Span of length zero.
type Span struct {
	N    int
	Unit Unit
}

// ParseSpan parses "N unit", unit one of day(s), week(s), month(s), year(s).
func ParseSpan(s string) (Span, error) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return Span{}, fmt.Errorf("span %q: want \"N days|weeks|months|years\"", s)
	}
	n, err := strconv.Atoi(f[0])
	if err != nil || n < 0 {
		return Span{}, fmt.Errorf("span %q: %q is not a whole number ≥ 0", s, f[0])
	}
	u := Unit(strings.ToLower(f[1]))
	if !strings.HasSuffix(string(u), "s") {
		u += "s"
	}
	switch u {
	case Days, Weeks, Months, Years:
	default:
		return Span{}, fmt.Errorf("span %q: unknown unit %q (want days, weeks, months or years)", s, f[1])
	}
	return Span{N: n, Unit: u}, nil
}

// IsZero reports whether the span is not set.
func (s Span) IsZero() bool { return s.Unit == "" }

// String formats the span as "3 months" ("1 month" for one).
func (s Span) String() string {
	if s.IsZero() {
		return ""
	}
	u := string(s.Unit)
	if s.N == 1 {
		u = strings.TrimSuffix(u, "s")
	}
	return fmt.Sprintf("%d %s", s.N, u)
}

// After returns the date s after d.
func (s Span) After(d document.Date) document.Date { return s.add(d, 1) }

// Before returns the date s before d.
func (s Span) Before(d document.Date) document.Date { return s.add(d, -1) }

func (s Span) add(d document.Date, sign int) document.Date {
	n := sign * s.N
	switch s.Unit {
	case Days:
		return d.AddDate(0, 0, n)
	case Weeks:
		return d.AddDate(0, 0, 7*n)
	case Months:
		return addMonths(d, n)
	case Years:
		return addMonths(d, 12*n)
	}
	return d
}

// addMonths adds n months to d, clamping to the end of the month rather
// than overflowing into the next one (2026-08-31 + 6 months = 2027-02-28).
func addMonths(d document.Date, n int) document.Date {
	t := d.Time()
	first := document.NewDate(t.Year(), t.Month(), 1).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Time().Day()
	day := t.Day()
	if day > last {
		day = last
	}
	ft := first.Time()
	return document.NewDate(ft.Year(), ft.Month(), day)
}
