package intake_test

import (
	"context"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/eval"
	"github.com/intake-app/intake/internal/synth"
)

// realWorldDev is ../shared/realworld-dev beside the repository: real
// documents nobody on the project wrote, with their truth.
func realWorldDev(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "..", "shared", "realworld-dev")
	if _, err := os.Stat(filepath.Join(dir, "truth.json")); err != nil {
		t.Skipf("no real-world development set at %s (it lives beside the repository, in ../shared): %v", dir, err)
	}
	return dir
}

// The real-world development set is read through the whole pipeline
// (Tesseract included) and scored against its truth; issue 11 wants every
// type and every printed issue date and expiry right.
func TestRealWorldDev(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Tesseract; run without -short")
	}
	dir := realWorldDev(t)
	eng := newEngine(t)
	read := func(ctx context.Context, filesDir string) ([]document.Document, error) {
		files, err := intake.Scan(filesDir)
		if err != nil {
			return nil, err
		}
		docs, err := intake.Read(ctx, eng, files, intake.ReadOptions{Country: "FR", Now: now, Workers: runtime.NumCPU()})
		if err != nil {
			return nil, err
		}
		for i := range docs {
			d := &docs[i]
			why := "no evidence"
			if len(d.Evidence) > 0 {
				why = d.Evidence[0].Why
			}
			t.Logf("%s: %s (%s)%s", d.File, d.Type, why, map[bool]string{true: "; review: " + d.Review}[d.Review != ""])
		}
		return docs, nil
	}
	r, err := eval.Run(context.Background(), dir, read)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r.Print(&b)
	t.Log("\n" + b.String())
	// Issue 11 wants every type and every printed date: the askew phone
	// screenshot, the 282×179 card back and the grey photocopy give theirs
	// since their documents are read again upright, alone and enlarged
	// (ocr.Worker.ReadPage). Every holder too: the invoice's is the name
	// of the block it is addressed to (extract's recipient).
	for f, floor := range map[string]float64{"type": 1, "issued": 1, "expires": 1, "language": 1, "holder": 1} {
		if a := r.Fields[f].Accuracy(); a < floor {
			t.Errorf("%s: %.0f%% right on the real-world set, want at least %.0f%%", f, 100*a, 100*floor)
		}
	}
}

// A sample of the generated corpus (every twelfth document and every
// held-out one), printed as noisy, slightly skewed scans and read by
// Tesseract: what the text-level evaluation measures, through OCR.
func TestGeneratedCorpusOCR(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Tesseract; run without -short")
	}
	samples, err := synth.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	var picked []synth.Sample
	for i, s := range samples {
		if i%12 == 0 {
			picked = append(picked, s)
		}
	}
	picked = append(picked, synth.HeldOut()...)
	// The dossier's country decides which Tesseract languages read it.
	settings := map[string][2]string{"fr": {"FR", ""}, "nl": {"BE", ""}, "de": {"FR", "DE"}, "en": {"FR", "GB"},
		"sr": {"RS", ""}, "ru": {"RU", ""}, "zh": {"RS", "CN"}}
	eng := newEngine(t)
	truth := eval.Truth{Files: map[string]eval.Entry{}}
	var docs []document.Document
	byLang := map[string][]synth.Sample{}
	for _, s := range picked {
		byLang[s.Lang] = append(byLang[s.Lang], s)
	}
	for lang, group := range byLang {
		dir := t.TempDir()
		country := settings[lang]
		for i, s := range group {
			data, err := synth.RenderSample(s, 0.15, float64(i%3-1)*0.4)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.ReplaceAll(s.Name, "/", "_") + ".jpg"
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
			e := eval.Entry{Type: s.Type, Language: &s.Lang}
			if !s.Issued.IsZero() {
				v := s.Issued.Format(time.DateOnly)
				e.Issued = &v
			}
			if !s.Expires.IsZero() {
				v := s.Expires.Format(time.DateOnly)
				e.Expires = &v
			}
			truth.Files[name] = e
		}
		files, err := intake.Scan(dir)
		if err != nil {
			t.Fatal(err)
		}
		read, err := intake.Read(context.Background(), eng, files, intake.ReadOptions{Country: country[0], Nationality: country[1], Now: now, Workers: runtime.NumCPU()})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, read...)
	}
	r := eval.Score(truth, docs)
	var b strings.Builder
	r.Print(&b)
	t.Log("\n" + b.String())
	for f, floor := range map[string]float64{"type": 0.9, "issued": 0.8, "expires": 0.8} {
		if a := r.Fields[f].Accuracy(); a < floor {
			t.Errorf("%s: %.1f%% right through OCR, want at least %.0f%%", f, 100*a, 100*floor)
		}
	}
}
