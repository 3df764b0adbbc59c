package bundle_test

import (
	"context"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/intake-app/intake/bundle"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

// recorded checks the example dossier on the day on from its recorded
// readings: no OCR. The bundle still needs poppler (pdftoppm, pdftotext).
func recorded(t *testing.T, on string) *intake.Result {
	t.Helper()
	for _, tool := range []string{"pdftoppm", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed: install poppler-utils (scripts/setup-debian)", tool)
		}
	}
	res, err := intake.Check(context.Background(), filepath.Join("..", "testdata", "example"), intake.Options{
		On: on, Recorded: filepath.Join("..", "testdata", "readings", "example"), Now: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestCoverIsAnIndex: the cover of a bundle forced on a dossier that is
// not ready holds the index in Serbian, and nothing of the verdict, the
// advice, the statuses or the files left out; those are on the to-do
// sheet. Every page carries the applicant's name and its number; the
// scanned pages carry intake's reading as text.
func TestCoverIsAnIndex(t *testing.T) {
	in := recorded(t, "2027-06-01") // the card has expired, certificates too old
	if in.Report.Ready {
		t.Fatal("the example should not be ready on 2027-06-01")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "bundle.pdf")
	res, err := bundle.Write(context.Background(), out, in, bundle.Options{Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	cover := pdftotext(t, out, 1)
	for _, s := range []string{"Spisak priloženih dokumenata", "WANG XIAOMING", "Podnosilac zahteva", "30.11.2026.",
		"Strana", in.Report.LocalTitle} {
		if !strings.Contains(cover, s) {
			t.Errorf("the cover lacks %q:\n%s", s, cover)
		}
	}
	forbidden := []string{"READY", "ready", "✓", "✗", "requirements", "--force", "Not bundled"}
	for _, st := range validate.Statuses() {
		forbidden = append(forbidden, string(st))
	}
	for _, o := range in.Report.Requirements {
		if o.Message != "" {
			forbidden = append(forbidden, firstN(o.Message, 40))
		}
	}
	for _, f := range bundle.Unused(in) {
		forbidden = append(forbidden, f)
	}
	if dl := in.Report.Deadlines; dl != nil && dl.Late != "" {
		forbidden = append(forbidden, firstN(dl.Late, 30))
	}
	for _, s := range forbidden {
		if regexp.MustCompile(`(^|\P{L})` + regexp.QuoteMeta(s) + `($|\P{L})`).MatchString(cover) {
			t.Errorf("the cover holds %q (a verdict, advice or a file left out):\n%s", s, cover)
		}
	}

	// A footer on every page: the applicant and the page number.
	if n := pageCount(t, out); n != res.Pages {
		t.Fatalf("%d pages, Write says %d", n, res.Pages)
	}
	for p := 1; p <= res.Pages; p++ {
		if want := fmt.Sprintf("WANG XIAOMING — %d / %d", p, res.Pages); !strings.Contains(pdftotext(t, out, p), want) {
			t.Errorf("page %d has no footer %q", p, want)
		}
	}

	// Scanned pages: the words intake read are found by pdftotext on the
	// page where the document starts.
	first := map[string]int{}
	page := 2
	for _, s := range bundle.Sections(in) {
		for _, d := range s.Documents {
			first[d.File] = page
			page += d.Pages
		}
	}
	checked := 0
	for _, d := range in.Documents {
		p, ok := first[d.File]
		if !ok || len(d.Layout) == 0 || d.Layout[0].Source != document.SourceOCR {
			continue
		}
		words := longWords(d.Layout[0], 4)
		if len(words) == 0 {
			continue
		}
		text := pdftotext(t, out, p)
		for _, w := range words {
			if !strings.Contains(text, w) {
				t.Errorf("%s (page %d): %q, read by intake, is not in the page's text:\n%s", d.File, p, w, text)
			}
		}
		checked++
	}
	if checked < 3 {
		t.Errorf("only %d scanned documents checked for their text layer", checked)
	}

	// The to-do sheet has what the cover leaves out.
	sheet := filepath.Join(dir, "todo.pdf")
	if err := bundle.WriteToDo(sheet, in, bundle.Options{}); err != nil {
		t.Fatal(err)
	}
	todo, err := exec.Command("pdftotext", sheet, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(todo)), " ")
	for _, s := range []string{"NOT READY", "157 days late", "If you file late"} {
		if !strings.Contains(flat, s) {
			t.Errorf("the to-do sheet lacks %q:\n%s", s, todo)
		}
	}
	if len(in.Report.Todo) == 0 {
		t.Fatal("the example has nothing to do on 2027-06-01?")
	}
	for i, td := range in.Report.Todo {
		mark := "✗"
		if !td.Blocking {
			mark = "!"
		}
		if want := fmt.Sprintf("%d. %s %s", i+1, mark, firstN(td.Action, 25)); !strings.Contains(flat, want) {
			t.Errorf("the to-do sheet lacks item %d, %q:\n%s", i+1, td.Action, todo)
		}
	}
}

// TestOtherPersonNeverBundled: a document listed as another person's is
// in no section, even when a requirement names it.
func TestOtherPersonNeverBundled(t *testing.T) {
	in := recorded(t, "2026-12-01")
	victim := "prihodi/ugovor_o_radu.png"
	in.Report.Others = []validate.Other{{File: victim, Holder: "LEFEBVRE CAMILLE"}}
	for _, s := range bundle.Sections(in) {
		for _, d := range s.Documents {
			if d.File == victim {
				t.Errorf("%s is bundled under %s", victim, s.Outcome.ID)
			}
		}
	}
}

func TestCoverLanguage(t *testing.T) {
	cases := []struct{ country, region, want string }{
		{"FR", "", "fr"}, {"BE", "", "nl"}, {"BE", "flanders", "nl"}, {"BE", "wallonia", "fr"},
		{"BE", "Brussels", "fr"}, {"BE", "east-belgium", "de"}, {"RS", "", "sr"}, {"RU", "", "ru"}, {"DE", "", "en"},
	}
	for _, tc := range cases {
		in := &intake.Result{Report: &validate.Report{Country: tc.country}}
		in.Settings.Facts.Region = tc.region
		if got := bundle.CoverLanguage(in); got != tc.want {
			t.Errorf("%s/%s: %s, want %s", tc.country, tc.region, got, tc.want)
		}
	}
}

// longWords returns up to n of the longest words of the page, letters
// only, each once.
func longWords(l document.PageLayout, n int) []string {
	var out []string
	for _, line := range l.Words.Lines {
		for _, w := range line.Words {
			s := strings.Trim(w.Text, ".,:;()/-")
			if utf8.RuneCountInString(s) < 6 || w.Confidence < 80 || slices.Contains(out, s) || strings.ContainsFunc(s, func(r rune) bool { return r > 0x2FF }) {
				continue
			}
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	return out[:min(n, len(out))]
}

func firstN(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// TestTextLayerPositions: on a page scanned sideways (the receipt, turned
// by 90°), the invisible words sit where Tesseract, reading the bundle's
// own rendering of the page, finds them printed.
func TestTextLayerPositions(t *testing.T) {
	skipShort(t)
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Fatal("tesseract is needed: install tesseract-ocr (scripts/setup-debian)")
	}
	in := recorded(t, "2026-12-01")
	dir := t.TempDir()
	out := filepath.Join(dir, "bundle.pdf")
	if _, err := bundle.Write(context.Background(), out, in, bundle.Options{}); err != nil {
		t.Fatal(err)
	}
	const file = "uplatnica.jpg"
	page := 2
	for _, s := range bundle.Sections(in) {
		for _, d := range s.Documents {
			if d.File == file {
				goto found
			}
			page += d.Pages
		}
	}
	t.Fatalf("%s is not bundled", file)
found:
	n := strconv.Itoa(page)
	// Where the text layer puts each word, in points.
	bbox, err := exec.Command("pdftotext", "-f", n, "-l", n, "-bbox", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	layer := map[string][][2]float64{} // a word may be printed more than once (the footer's name)
	for _, m := range regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</word>`).FindAllStringSubmatch(string(bbox), -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		layer[m[3]] = append(layer[m[3]], [2]float64{x, y})
	}
	// Where Tesseract reads them on the page as rendered, at 100 dpi.
	if out, err := exec.Command("pdftoppm", "-f", n, "-l", n, "-r", "100", "-gray", "-png", "-singlefile", out, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	tsv, err := exec.Command("tesseract", filepath.Join(dir, "page.png"), "-", "-l", "srp_latn+eng", "tsv").Output()
	if err != nil {
		t.Fatal(err)
	}
	matched := 0
	for _, line := range strings.Split(string(tsv), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 12 || utf8.RuneCountInString(f[11]) < 5 {
			continue
		}
		places, ok := layer[f[11]]
		if !ok {
			continue
		}
		left, _ := strconv.ParseFloat(f[6], 64)
		top, _ := strconv.ParseFloat(f[7], 64)
		// 100 dpi pixels to points; a tolerance of 4 mm.
		x, y := left*72/100, top*72/100
		best := math.Inf(1)
		for _, p := range places {
			best = min(best, math.Hypot(x-p[0], y-p[1]))
		}
		if best > 11.3 {
			t.Errorf("%q: printed at (%.0f, %.0f) pt, in the text layer at %v pt", f[11], x, y, places)
		}
		matched++
	}
	if matched < 3 {
		t.Errorf("only %d words found both in the text layer and on the page:\n%s", matched, tsv)
	}
}
