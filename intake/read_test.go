package intake_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/synth"
	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/validate"
)

// now is the day the tests pretend to run: it resolves MRZ years.
var now = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

var reference = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func newEngine(t testing.TB) *ocr.Engine {
	t.Helper()
	eng, err := ocr.NewEngine()
	if err != nil {
		t.Fatalf("Tesseract is needed (scripts/setup-debian installs it): %v", err)
	}
	t.Cleanup(func() { eng.Close() })
	return eng
}

// exampleRS renders the example Serbian dossier once for all tests.
var exampleRS = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "intake-example-rs-")
	if err != nil {
		return "", err
	}
	return dir, synth.Write(dir, synth.ExampleRS(reference))
})

func readDossier(t testing.TB, dir string, d synth.Dossier) []document.Document {
	t.Helper()
	files, err := intake.Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := intake.Read(context.Background(), newEngine(t), files, intake.ReadOptions{
		Country: d.Country, Nationality: d.Nationality, Now: now, Workers: runtime.NumCPU(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// builtinProcedure is the built-in procedure country/id in force on the
// tests' reference date.
func builtinProcedure(tb testing.TB, country, id string) *validate.Procedure {
	tb.Helper()
	rules, err := validate.Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	proc, err := rules.Procedure(country, id, day(reference))
	if err != nil {
		tb.Fatal(err)
	}
	return proc
}

func day(t time.Time) document.Date {
	if t.IsZero() {
		return document.Date{}
	}
	return document.DateOf(t)
}

// TestReadExamples reads every file of the generated dossiers and
// compares what intake read with what the generator printed, then checks
// that the dossier, built to be ready, is found ready.
func TestReadExamples(t *testing.T) {
	skipShort(t)
	for _, tc := range []struct {
		name      string
		spec      synth.Dossier
		procedure string
	}{
		{"RS", synth.ExampleRS(reference), "permanent-residence-renewal"},
		{"FR", synth.ExampleFR(reference), "carte-de-sejour-renewal"},
		{"FR-resident", synth.ExampleFRResident(reference), "carte-de-resident"},
		{"BE", synth.ExampleBE(reference), "residence-card-renewal"},
		{"RU", synth.ExampleRU(reference), "residence-permit-renewal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var dir string
			var err error
			if tc.name == "RS" {
				dir, err = exampleRS()
			} else {
				dir = t.TempDir()
				err = synth.Write(dir, tc.spec)
			}
			if err != nil {
				t.Fatal(err)
			}
			checkExample(t, dir, tc.spec, tc.procedure)
		})
	}
}

func checkExample(t *testing.T, dir string, spec synth.Dossier, procedure string) {
	docs := readDossier(t, dir, spec)
	got := map[string]document.Document{}
	for _, d := range docs {
		got[d.File] = d
	}
	if len(docs) != len(spec.Docs) {
		t.Errorf("read %d files, the dossier has %d", len(docs), len(spec.Docs))
	}
	for _, want := range spec.Docs {
		t.Run(want.Name, func(t *testing.T) {
			d, ok := got[want.Name]
			if !ok {
				t.Fatalf("not read")
			}
			if d.Error != "" {
				t.Fatalf("error: %s", d.Error)
			}
			if d.Type != want.Type {
				t.Errorf("type %s, want %s (text %.300q)", d.Type, want.Type, d.Text)
			}
			if want.Type == document.Photo {
				if d.Photo == nil || !d.Photo.Compliant {
					t.Errorf("photo %+v, want a compliant measurement", d.Photo)
				}
				return
			}
			// Passports are bilingual (Chinese and English here): which of
			// the two wins is a guess, and no rule depends on it.
			if want.Lang != "" && want.Type != document.Passport && d.Language != want.Lang {
				t.Errorf("language %q, want %q", d.Language, want.Lang)
			}
			if w := day(want.Issued); !w.IsZero() && d.Issued != w {
				t.Errorf("issued %s, want %s", d.Issued, w)
			}
			if w := day(want.Expires); !w.IsZero() && d.Expires != w {
				t.Errorf("expires %s, want %s", d.Expires, w)
			}
			if w := day(want.ValidFrom); !w.IsZero() && d.ValidFrom != w {
				t.Errorf("valid from %s, want %s", d.ValidFrom, w)
			}
			if len(want.Periods) > 0 && len(d.Periods) != len(want.Periods) {
				t.Errorf("%d periods, want %d", len(d.Periods), len(want.Periods))
			}
			if want.Type == document.Passport || want.Type == document.ResidencePermit {
				if d.MRZ == nil || !d.MRZ.Valid {
					t.Fatalf("MRZ %+v, want a valid one", d.MRZ)
				}
				if d.MRZ.DocumentNumber != want.Number {
					t.Errorf("MRZ document number %q, want %q", d.MRZ.DocumentNumber, want.Number)
				}
				if d.MRZ.Surname != strings.ToUpper(spec.Holder.Surname) {
					t.Errorf("MRZ surname %q, want %q", d.MRZ.Surname, spec.Holder.Surname)
				}
			}
		})
	}

	// Every requirement is met, but for what the synthetic examples do not
	// hold yet under the rules of the 2026-11 audit (internal/synth: the
	// CERPR contract, the civic exam, the RU application…), what may be
	// asked and by-hand checks. The drawn ID photos are measured and
	// compliant: a photo only partly checked fails here.
	proc := builtinProcedure(t, spec.Country, procedure)
	for _, d := range docs {
		if d.Type == document.LanguageCertificate && d.Level == "" {
			t.Errorf("%s: the language certificate's level was not read", d.File)
		}
	}
	verdict := validate.Evaluate(proc, docs, validate.Facts{Reference: day(reference)})
	for _, o := range verdict.Requirements {
		switch {
		case o.Status.Met(), o.Need == validate.MayAsk, o.Status == validate.Missing && synthGaps[o.ID]:
		default:
			t.Errorf("requirement %s: %s: %s", o.ID, o.Status, o.Message)
		}
	}
}

// synthGaps are the requirements the synthetic examples miss since the
// rules of the 2026-11 audit (validate/README.md): documents internal/synth
// does not make yet (a missing one only; any other status still fails).
var synthGaps = map[string]bool{
	"republic-contract": true, "civic-exam": true, "application": true,
	"proof-of-address": true, "photo": true, "birth-certificate": true,
}

// TestReadBadInputs checks that every kind of broken file gets its own
// error naming the problem, and that the good file beside them is read.
func TestReadBadInputs(t *testing.T) {
	skipShort(t)
	dir := t.TempDir()
	bad, err := synth.WriteBadInputs(dir)
	if err != nil {
		t.Fatal(err)
	}
	spec := synth.ExampleRS(reference)
	var passport synth.Dossier = spec
	passport.Docs = nil
	for _, d := range spec.Docs {
		if d.Type == document.Passport {
			passport.Docs = append(passport.Docs, d)
		}
	}
	if err := synth.Write(dir, passport); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	docs := readDossier(t, dir, passport)
	if after := snapshot(t, dir); after != before {
		t.Errorf("the dossier folder changed while it was read:\nbefore %s\nafter  %s", before, after)
	}
	want := map[string]string{ // a word the error must contain, per file
		synth.BadEmpty:     "empty",
		synth.BadTruncated: "truncated",
		synth.BadHTML:      "web page",
		synth.BadEncrypted: "password",
		synth.BadHugePNG:   "40000×40000",
		synth.BadHEIC:      "HEIC",
	}
	for name := range bad {
		if _, ok := want[name]; !ok && name != synth.BadMisnamed {
			t.Errorf("synth generated %s (%s), which this test does not check", name, bad[name])
		}
	}
	read := map[string]document.Document{}
	for _, d := range docs {
		read[d.File] = d
		if _, isBad := bad[d.File]; !isBad && (d.Error != "" || d.Type != document.Passport) {
			t.Errorf("%s: good file read as %s, error %q", d.File, d.Type, d.Error)
		}
	}
	for name, word := range want {
		d, ok := read[name]
		if !ok {
			t.Errorf("%s: not listed", name)
			continue
		}
		if !strings.Contains(d.Error, word) {
			t.Errorf("%s (%s): error %q does not say %q", name, bad[name], d.Error, word)
		}
	}
	// A JPEG named .png is read, with a warning about its name.
	if d := read[synth.BadMisnamed]; d.Error != "" || d.Type != document.PaymentReceipt {
		t.Errorf("%s: read as %s with error %q, want a payment receipt", synth.BadMisnamed, d.Type, d.Error)
	} else if !strings.Contains(strings.Join(d.Warnings, " "), "named .png") {
		t.Errorf("%s: warnings %q do not mention its misleading name", synth.BadMisnamed, d.Warnings)
	}
}

// snapshot lists the dossier's files with their sizes and times.
func snapshot(t testing.TB, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %d %s\n", p, info.Size(), info.ModTime())
		return nil
	})
	return b.String()
}

// BenchmarkValidateExample measures a cold run of `intake validate` on
// the example dossier: scanning, OCR of every page, extraction and rules.
// It reports seconds per OCR'd page and pages per second.
func BenchmarkValidateExample(b *testing.B) {
	dir, err := exampleRS()
	if err != nil {
		b.Fatal(err)
	}
	spec := synth.ExampleRS(reference)
	eng := newEngine(b)
	proc := builtinProcedure(b, "RS", "permanent-residence-renewal")
	pages := 0
	b.ResetTimer()
	for b.Loop() {
		files, err := intake.Scan(dir)
		if err != nil {
			b.Fatal(err)
		}
		pages = 0
		docs, err := intake.Read(context.Background(), eng, files, intake.ReadOptions{
			Country: spec.Country, Nationality: spec.Nationality, Now: now,
			Progress: func(p intake.Progress) { pages = p.Pages },
		})
		if err != nil {
			b.Fatal(err)
		}
		validate.Evaluate(proc, docs, validate.Facts{Reference: day(reference)})
	}
	if pages > 0 {
		perRun := b.Elapsed().Seconds() / float64(b.N)
		b.ReportMetric(perRun/float64(pages), "s/page")
		b.ReportMetric(float64(pages), "pages")
	}
}
