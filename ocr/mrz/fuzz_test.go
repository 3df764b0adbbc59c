package mrz_test

import (
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/ocr/mrz"
)

// fuzzNow fixes the two-digit years of the fuzzed zones.
var fuzzNow = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

// fuzzSeeds are ICAO 9303 specimens (TD3, TD1, TD2), a visa, and a few
// broken zones, one line per row.
var fuzzSeeds = []string{
	"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
	"I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
	"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6",
	"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F9612109ZE184226B<<<<<<<",
	"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO740812",
	"P<UT0ERlKSSON<<ANNA<MARlA<<<<<<<<<<<<<<<<<<\nL898902C3GUTO74O8122F12O4159ZE184226B<<<<<1O",
	"<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
	"",
	"\n\n\n",
	"REPUBLIQUE FRANCAISE\nP<FRAMARTIN<<JEAN<<<<<<<<<<<<<<<<<<<<<<<<<<<\n",
}

// FuzzParse (in mrz_test.go) fuzzes Parse and Find on zones of up to
// four lines; FuzzFind fuzzes Find on whole pages of any length, and
// FuzzParseText the pasted blocks of the mrz command.

func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
		f.Add("Some page text\n" + s + "\nmore text")
	}
	f.Fuzz(func(t *testing.T, text string) {
		res, err := mrz.Find(text, fuzzNow)
		if err != nil {
			if res != nil {
				t.Fatalf("a result with an error: %v", err)
			}
			return
		}
		if res == nil {
			t.Fatal("no result and no error")
		}
		checkResult(t, res)
	})
}

func FuzzParseText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s + "\n\n" + s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		results, errs := mrz.ParseText(strings.NewReader(text), fuzzNow)
		if len(results) != len(errs) {
			t.Fatalf("%d results, %d errors", len(results), len(errs))
		}
		for i := range results {
			if (results[i] == nil) == (errs[i] == nil) {
				t.Fatalf("block %d: result %v, error %v: want exactly one", i, results[i], errs[i])
			}
			if results[i] != nil {
				checkResult(t, results[i])
			}
		}
	})
}

// checkResult checks what holds for any parsed zone.
func checkResult(t *testing.T, r *mrz.Result) {
	t.Helper()
	for _, c := range r.Checks {
		if r.Valid && !c.OK {
			t.Fatalf("valid, yet the %s check fails", c.Field)
		}
	}
	if r.Corrections < 0 {
		t.Fatalf("%d corrections", r.Corrections)
	}
	for _, d := range []time.Time{r.BirthDate, r.ExpiryDate} {
		if !d.IsZero() && (d.Year() < 1900 || d.Year() > fuzzNow.Year()+100) {
			t.Fatalf("date %v out of any two-digit window", d)
		}
	}
}
