package eval_test

import (
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake/extract"
	"github.com/intake-app/intake/internal/eval"
	"github.com/intake-app/intake/internal/synth"
	"github.com/intake-app/intake/ocr/mrz"
)

var verbose = flag.Bool("eval.v", false, "print the whole evaluation report")

// The day the corpus is read: it resolves two-digit MRZ years.
var now = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

// readCorpus reads the generated corpus at text level (the text a perfect
// reader reads), as the pipeline would with that text: the MRZ found in
// it, the procedure's country.
func readCorpus(t *testing.T) (eval.Truth, []document.Document) {
	t.Helper()
	samples, err := synth.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	return readSamples(samples)
}

func readSamples(samples []synth.Sample) (eval.Truth, []document.Document) {
	truth := eval.Truth{Files: map[string]eval.Entry{}}
	var docs []document.Document
	for _, s := range samples {
		e := eval.Entry{Type: s.Type, Language: ptr(s.Lang), Issued: date(s.Issued), Expires: date(s.Expires)}
		if s.Holder != "" {
			e.Holder = ptr(s.Holder)
		}
		truth.Files[s.Name] = e
		z, _ := mrz.Find(strings.Join(s.Pages, "\n"), now)
		f := extract.Analyze(s.Pages, extract.Hint{MRZ: z, Country: s.Country})
		docs = append(docs, document.Document{File: s.Name, Type: f.Type, Language: f.Language,
			Issued: f.Issued, Expires: f.Expires, Holder: f.Holder})
	}
	return truth, docs
}

func ptr(s string) *string { return &s }

func date(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	return ptr(t.Format(time.DateOnly))
}

// The generated corpus is read as well as issue 11 asks: types at least
// 98 %, issue and expiry dates at least 95 %; and holders at least 95 %
// (99.7 % measured, the letters' and bills' from the block they are
// addressed to).
func TestGeneratedCorpus(t *testing.T) {
	truth, docs := readCorpus(t)
	r := eval.Score(truth, docs)
	if *verbose || t.Failed() {
		r.Print(os.Stdout)
	} else {
		printSummary(t, r)
	}
	if r.Files < 300 {
		t.Errorf("the corpus has only %d documents", r.Files)
	}
	for field, min := range map[string]float64{"type": 0.98, "issued": 0.95, "expires": 0.95, "holder": 0.95} {
		if a := r.Fields[field].Accuracy(); a < min {
			t.Errorf("%s: %.1f%% right, want at least %.0f%%", field, 100*a, 100*min)
		}
	}
}

func printSummary(t *testing.T, r *eval.Report) {
	var b strings.Builder
	r.Print(&b)
	lines := strings.Split(b.String(), "\n")
	t.Log(strings.Join(lines[:min(len(lines), 7)], "\n"))
}

// Documents written after the vocabulary was last tuned: how intake reads
// wordings it has never seen.
func TestHeldOut(t *testing.T) {
	truth, docs := readSamples(synth.HeldOut())
	r := eval.Score(truth, docs)
	if *verbose {
		r.Print(os.Stdout)
	} else {
		printSummary(t, r)
	}
	for field, min := range map[string]float64{"type": 0.9, "issued": 0.8} {
		if a := r.Fields[field].Accuracy(); a < min {
			t.Errorf("%s: %.1f%% right, want at least %.0f%%", field, 100*a, 100*min)
		}
	}
}
