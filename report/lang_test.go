package report

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/internal/golden"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/i18n"
	"github.com/intake-app/intake/validate"
)

// exampleResult checks the example dossier on the day on from its
// recorded readings (no Tesseract needed; see intake/golden_test.go).
func exampleResult(t *testing.T, on string) *intake.Result {
	t.Helper()
	res, err := intake.Check(context.Background(), "../testdata/example", intake.Options{
		On: on, Recorded: "../testdata/readings/example", Now: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatalf("%v (record the readings again: go test ./intake -run TestExampleGolden -record)", err)
	}
	return res
}

func noThumbnail(context.Context, document.Document) ([]byte, error) { return nil, nil }

// TestLanguageGolden pins the example dossier's text report in every
// language, ready and not ready (with its to-do), and its HTML report
// when not ready: testdata/golden/example-CASE.LANG.{txt,html}.
func TestLanguageGolden(t *testing.T) {
	for _, c := range []struct{ name, on string }{{"example-ready", "2026-12-01"}, {"example-2027-06-01", "2027-06-01"}} {
		res := exampleResult(t, c.on)
		for _, lang := range i18n.Languages() {
			t.Run(c.name+"."+lang, func(t *testing.T) {
				var text bytes.Buffer
				if err := WriteText(&text, res, TextOptions{Lang: lang}); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("..", "testdata", "golden", c.name+"."+lang+".txt"), text.Bytes(), *update)
				if res.Report.Ready {
					return
				}
				var page bytes.Buffer
				if err := WriteHTML(context.Background(), &page, res, HTMLOptions{Lang: lang, Thumbnail: noThumbnail}); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("..", "testdata", "golden", c.name+"."+lang+".html"), page.Bytes(), *update)
			})
		}
	}
}

// The reading's details (MRZ, OCR confidence, numbers) show only with
// --details in text, and in a folded section in HTML.
func TestDetails(t *testing.T) {
	res := exampleResult(t, "2026-12-01")
	passport := slices.IndexFunc(res.Documents, func(d document.Document) bool { return d.Type == document.Passport })
	if passport < 0 {
		t.Fatal("no passport in the example dossier")
	}
	confidence := fmt.Sprintf("read by OCR, confidence %d%%", int(res.Documents[passport].Confidence+0.5))
	for _, details := range []bool{false, true} {
		var b bytes.Buffer
		if err := WriteText(&b, res, TextOptions{Details: details}); err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"machine-readable zone TD3, check digits hold", confidence} {
			if got := strings.Contains(b.String(), s); got != details {
				t.Errorf("details %v: %q shown = %v", details, s, got)
			}
		}
		if strings.Contains(b.String(), "OCR confidence") || strings.Contains(b.String(), "too_old") {
			t.Errorf("a code word in the report:\n%s", b.String())
		}
	}
	var page bytes.Buffer
	if err := WriteHTML(context.Background(), &page, res, HTMLOptions{Thumbnail: noThumbnail}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), "<details><summary>Reading details</summary>") {
		t.Error("the HTML report has no folded details section")
	}
}

// Every title of the example's procedure reads in each language: its
// local title in Serbian, the catalogue's translation in the others.
// (Other procedures' titles are translated as far as the catalogues go,
// and shown in English otherwise.)
func TestExampleTitlesTranslated(t *testing.T) {
	res := exampleResult(t, "2026-12-01")
	p := res.Procedure
	for _, lang := range i18n.Languages() {
		if lang == "en" {
			continue
		}
		c, err := i18n.ReadCatalogue(lang)
		if err != nil {
			t.Fatal(err)
		}
		check := func(title, local string) {
			if localIn(lang, p.Country, local) != "" {
				return
			}
			if _, ok := c[title]; !ok {
				t.Errorf("%s: catalog/%s.json lacks the title %q", p.Key(), lang, title)
			}
		}
		check(p.Title, p.LocalTitle)
		for _, r := range p.Requirements {
			check(r.Title, r.LocalTitle)
		}
		// The checks across documents, whatever the procedure.
		for _, title := range []string{
			"Same name on every document as in the passport",
			"No document dated in the future or before the holder's birth",
			"Every translation and apostille goes with its original",
		} {
			check(title, title)
		}
	}
}

// Lines wrap to the terminal's width with a hanging indent, and no word
// is cut.
func TestWrap(t *testing.T) {
	res := exampleResult(t, "2027-06-01")
	var b bytes.Buffer
	if err := WriteText(&b, res, TextOptions{Width: 80, Color: true}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if w := visibleWidth(line); w > 80 && strings.Contains(strings.TrimSpace(line), " ") {
			t.Errorf("line of %d columns: %q", w, line)
		}
	}
	if !strings.Contains(b.String(), "\n      ") {
		t.Error("no hanging indent")
	}
	plain := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var flat bytes.Buffer
	if err := WriteText(&flat, res, TextOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if plain(b.String()) != plain(flat.String()) {
		t.Error("wrapping changed the words")
	}
}

// The status words are words, in every language, for every status.
func TestStatusWords(t *testing.T) {
	statuses := []validate.Status{validate.OK, validate.ExpiresSoon, validate.NeedsReview, validate.NeedsTranslation,
		validate.NeedsLegalization, validate.Insufficient, validate.TooOld, validate.Expired, validate.NonCompliant, validate.Missing}
	for _, lang := range i18n.Languages() {
		p := i18n.New(lang)
		seen := map[string]validate.Status{}
		for _, s := range statuses {
			w := statusWord(p, s)
			if strings.Contains(w, "_") || w == string(s) && s != validate.OK {
				t.Errorf("%s: %s shows as %q", lang, s, w)
			}
			if other, ok := seen[w]; ok {
				t.Errorf("%s: %s and %s both show as %q", lang, s, other, w)
			}
			seen[w] = s
		}
	}
}
