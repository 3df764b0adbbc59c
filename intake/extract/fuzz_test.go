package extract

import (
	"testing"
	"time"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"15/01/2026", "15-01-2026", "15.01.2026", "15.01.2026.", "2026-01-15",
		"15 janvier 2026", "1er mars 2026", "15. Januar 2026", "15. januara 2026.",
		"15. јануара 2026.", "15 января 2026 г.", "January 15, 2026", "2026年1月15日",
		"31.02.2026", "29 février 2024", "00/00/0000", "15/01/26", "", " , ",
		"15 janvier 2026 et 16 janvier 2026", "le 15/01/2026", "9999-99-99",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if !ok {
			if !d.IsZero() {
				t.Fatalf("%q: rejected, yet a date %v", s, d)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("%q: accepted as the zero date", s)
		}
		tm := d.Time()
		if tm.Hour() != 0 || tm.Minute() != 0 || tm.Location() != time.UTC && tm.Location().String() != "UTC" {
			t.Fatalf("%q: %v is not a calendar day", s, tm)
		}
		// What it reads, written out, reads the same.
		back, ok := ParseDate(d.String())
		if !ok || back != d {
			t.Fatalf("%q: %v written as %q reads as %v, %v", s, d, d.String(), back, ok)
		}
	})
}
