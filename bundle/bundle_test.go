package bundle_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/intake-app/intake/bundle"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/synth"
	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/validate"
)

var (
	now       = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	reference = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
)

// exampleRS generates the example Serbian dossier and reads it, once for
// all the tests of the package: reading costs seconds of OCR.
var exampleRS = sync.OnceValues(func() (*intake.Result, error) {
	dir, err := os.MkdirTemp("", "intake-bundle-rs-")
	if err != nil {
		return nil, err
	}
	spec := synth.ExampleRS(reference)
	if err := synth.Write(dir, spec); err != nil {
		return nil, err
	}
	files, err := intake.Scan(dir)
	if err != nil {
		return nil, err
	}
	eng, err := ocr.NewEngine()
	if err != nil {
		return nil, fmt.Errorf("tesseract is needed (scripts/setup-debian installs it): %w", err)
	}
	defer eng.Close()
	docs, err := intake.Read(context.Background(), eng, files, intake.ReadOptions{
		Country: spec.Country, Nationality: spec.Nationality, Now: now, Workers: runtime.NumCPU(),
	})
	if err != nil {
		return nil, err
	}
	rules, err := validate.Builtin()
	if err != nil {
		return nil, err
	}
	ref := document.DateOf(reference)
	proc, err := rules.Procedure(spec.Country, spec.Procedure, ref)
	if err != nil {
		return nil, err
	}
	verdict := validate.Evaluate(proc, docs, validate.Facts{Reference: ref, Nationality: spec.Nationality})
	return &intake.Result{Dir: dir, Documents: docs, Report: verdict}, nil
})

func example(t *testing.T) *intake.Result {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed: install poppler-utils (scripts/setup-debian)", tool)
		}
	}
	in, err := exampleRS()
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func docOf(in *intake.Result, file string) *document.Document {
	for i := range in.Documents {
		if in.Documents[i].File == file {
			return &in.Documents[i]
		}
	}
	return nil
}

func TestBundle(t *testing.T) {
	skipShort(t)
	in := example(t)
	out := filepath.Join(t.TempDir(), "dossier.pdf")
	start := time.Now()
	res, err := bundle.Write(context.Background(), out, in, bundle.Options{Watermark: "for the préfecture only", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("bundle: %d pages, %d bytes, built in %v", res.Pages, res.Size, time.Since(start).Round(time.Millisecond))

	// Page count: the cover, then every page of every document once.
	secs := bundle.Sections(in)
	want := 1
	var order []string
	for _, s := range secs {
		for _, d := range s.Documents {
			want += d.Pages
			order = append(order, d.File)
		}
	}
	if res.Pages != want || pageCount(t, out) != want {
		t.Errorf("bundle has %d pages (pdfcpu: %d), want %d", res.Pages, pageCount(t, out), want)
	}
	if res.Size > 3_000_000 {
		t.Errorf("bundle is %d bytes: images are not re-encoded small enough", res.Size)
	}

	// The order: requirements as the procedure lists them; the foreign
	// criminal record, then its apostille, then its translation.
	idx := map[string]int{}
	for i, f := range order {
		idx[f] = i
	}
	for _, c := range []struct {
		before, after string
		next          bool // right after
	}{
		{"zahtev.pdf", "licna_dokumenta/dozvola_za_stalni_boravak.jpg", true},
		{"licna_dokumenta/pasos.jpg", "uverenja/uverenje_o_nekaznjavanju.pdf", false},
		{"uverenja/kina_krivicna_evidencija.jpg", "uverenja/kina_apostil.jpg", true},
		{"uverenja/kina_apostil.jpg", "uverenja/kina_prevod.pdf", true},
		{"osiguranje/polisa.tif", "uplatnica.jpg", true},
	} {
		a, okA := idx[c.before]
		b, okB := idx[c.after]
		if !okA || !okB || b <= a || c.next && b != a+1 {
			t.Errorf("%s should come (right: %v) before %s: order is %v", c.before, c.next, c.after, order)
		}
	}

	// Bookmarks: one per requirement with documents, one per document
	// under it, pointing at its first page.
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bms, err := api.Bookmarks(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	page := 2
	nb := 0
	for _, s := range secs {
		if len(s.Documents) == 0 {
			continue
		}
		if nb >= len(bms) {
			t.Fatalf("only %d bookmarks", len(bms))
		}
		bm := bms[nb]
		nb++
		if !strings.Contains(bm.Title, s.Outcome.Title) || bm.PageFrom != page {
			t.Errorf("bookmark %q page %d, want %q page %d", bm.Title, bm.PageFrom, s.Outcome.Title, page)
		}
		if len(bm.Kids) != len(s.Documents) {
			t.Errorf("bookmark %q has %d kids, want %d", bm.Title, len(bm.Kids), len(s.Documents))
			continue
		}
		for i, d := range s.Documents {
			if !strings.HasPrefix(bm.Kids[i].Title, d.File) || bm.Kids[i].PageFrom != page {
				t.Errorf("bookmark %q page %d, want %s page %d", bm.Kids[i].Title, bm.Kids[i].PageFrom, d.File, page)
			}
			page += d.Pages
		}
	}
	if nb != len(bms) {
		t.Errorf("%d bookmarks, want %d", len(bms), nb)
	}

	// The cover, read back from the PDF: an index in Serbian.
	cover := pdftotext(t, out, 1)
	for _, s := range []string{
		"Spisak priloženih dokumenata", "WANG XIAOMING", "EK3728461", in.Report.LocalTitle,
		"Zahtev za produženje, potpisan i datiran", "Potvrda o uplati administrativne takse",
	} {
		if !strings.Contains(cover, s) {
			t.Errorf("cover lacks %q:\n%s", s, cover)
		}
	}
	if strings.Contains(cover, "READY") {
		t.Errorf("the cover carries the verdict:\n%s", cover)
	}
	// Each requirement's line ends with the page its documents start on.
	page = 2
	for _, s := range secs {
		if len(s.Documents) == 0 {
			continue
		}
		re := strconv.Itoa(page)
		found := false
		for _, line := range strings.Split(cover, "\n") {
			if strings.Contains(line, firstWords(s.Outcome.LocalTitle)) && strings.HasSuffix(strings.TrimSpace(line), " "+re) {
				found = true
			}
		}
		if !found {
			t.Errorf("cover: %q should point at page %d:\n%s", s.Outcome.LocalTitle, page, cover)
		}
		for _, d := range s.Documents {
			page += d.Pages
		}
	}
	// Born-digital pages keep their text: the application form is page 2.
	if txt := pdftotext(t, out, 2); !strings.Contains(txt, "Zahtev") {
		t.Errorf("page 2 (zahtev.pdf, born-digital) lost its text: %q", txt)
	}

	// Every page renders, on A4 portrait.
	checkRenders(t, out, want)

	// Pages scanned turned (the apostille upside down, the receipt by
	// 90°) read upright in the bundle.
	first := map[string]int{}
	p := 2
	for _, f := range order {
		first[f] = p
		p += docOf(in, f).Pages
	}
	// Text pages come out level: no quarter turn, no skew left.
	for _, f := range []string{"licna_dokumenta/dozvola_za_stalni_boravak.jpg", "licna_dokumenta/pasos.jpg",
		"uverenja/uverenje_o_nekaznjavanju.pdf", "uverenja/kina_krivicna_evidencija.jpg", "uplatnica.jpg"} {
		g := render(t, out, first[f], 100)
		if _, turn, skew := ocr.Upright(g); turn != 0 || skew > 0.4 || skew < -0.4 {
			t.Errorf("%s (page %d): still turned by %d°, skewed by %.1f°", f, first[f], turn, skew)
		}
	}
	checkUpright(t, out, first["uverenja/kina_apostil.jpg"], "APOSTILLE")
	checkUpright(t, out, first["uplatnica.jpg"], "uplati")
}

// firstWords returns the start of a title, as it fits on one line of the
// cover's table.
func firstWords(s string) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(4, len(w))], " ")
}

func pageCount(t *testing.T, path string) int {
	t.Helper()
	n, err := api.PageCountFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func pdftotext(t *testing.T, path string, page int) string {
	t.Helper()
	n := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-layout", "-f", n, "-l", n, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// checkRenders renders every page at low resolution and checks that each
// is a portrait page.
func checkRenders(t *testing.T, path string, pages int) {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("pdftoppm", "-r", "20", "-png", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(files) != pages {
		t.Fatalf("pdftoppm rendered %d pages, want %d", len(files), pages)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if cfg.Width >= cfg.Height {
			t.Errorf("%s: %d×%d, not portrait", filepath.Base(f), cfg.Width, cfg.Height)
		}
	}
}

// render renders one page in gray.
func render(t *testing.T, path string, page, dpi int) *image.Gray {
	t.Helper()
	n := strconv.Itoa(page)
	out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-f", n, "-l", n, "-singlefile", "-png", path).Output()
	if err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	g, ok := img.(*image.Gray)
	if !ok {
		g, _ = ocr.Gray(img)
	}
	return g
}

// checkUpright renders a page and reads it with Tesseract as it is, not
// turned: the word must be read.
func checkUpright(t *testing.T, path string, page int, word string) {
	t.Helper()
	g := render(t, path, page, 150)
	eng, err := ocr.NewEngine()
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	w := eng.NewWorker()
	defer w.Close()
	rec, err := w.Recognize(g, 150, []string{"srp_latn", "eng"})
	if err != nil {
		t.Fatal(err)
	}
	if txt := rec.Text(); !strings.Contains(txt, word) {
		t.Errorf("page %d does not read upright (no %q, confidence %.0f): %q", page, word, rec.Confidence, txt)
	}
}

func TestSplit(t *testing.T) {
	skipShort(t)
	in := example(t)
	dir := filepath.Join(t.TempDir(), "parts")
	const limit = 2_000_000
	start := time.Now()
	files, err := bundle.Split(context.Background(), dir, in, limit, bundle.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("split in %v", time.Since(start).Round(time.Millisecond))
	byReq := map[string]bundle.SplitFile{}
	for _, f := range files {
		byReq[f.Requirement] = f
		info, err := os.Stat(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d pages, %d bytes, %d dpi", filepath.Base(f.Path), f.Pages, info.Size(), f.DPI)
		if info.Size() != f.Size || f.Size > limit || !f.Fits {
			t.Errorf("%s: %d bytes (reported %d, fits %v), limit %d", f.Path, info.Size(), f.Size, f.Fits, limit)
		}
		b, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if err := bundle.Validate(b); err != nil {
			t.Errorf("%s: %v", f.Path, err)
		}
		if bytes.Contains(b, []byte("/Encrypt")) {
			t.Errorf("%s is encrypted", f.Path)
		}
		if n := pageCount(t, f.Path); n != f.Pages {
			t.Errorf("%s: %d pages, reported %d", f.Path, n, f.Pages)
		}
		checkRenders(t, f.Path, f.Pages)
	}
	for i, o := range in.Report.Requirements {
		if len(o.Files) == 0 {
			continue
		}
		f, ok := byReq[o.ID]
		if !ok {
			t.Errorf("no file for requirement %s", o.ID)
			continue
		}
		if want := fmt.Sprintf("%02d-%s.pdf", i+1, o.ID); filepath.Base(f.Path) != want {
			t.Errorf("file %s, want %s", filepath.Base(f.Path), want)
		}
	}
	if f := byReq["criminal-record-origin"]; f.Pages != 3 {
		t.Errorf("criminal-record-origin: %d pages, want the certificate, its apostille and its translation", f.Pages)
	}

	// A tight limit: resolution and quality go down until the file fits,
	// or the size reached is reported.
	small, err := bundle.Split(context.Background(), filepath.Join(t.TempDir(), "small"), in, 120_000, bundle.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range small {
		if f.Requirement != "criminal-record-origin" {
			continue
		}
		found = true
		if f.DPI >= 150 {
			t.Errorf("criminal-record-origin at 120 kB: still %d dpi", f.DPI)
		}
		if f.Fits != (f.Size <= 120_000) {
			t.Errorf("criminal-record-origin: %d bytes, fits %v", f.Size, f.Fits)
		}
		t.Logf("criminal-record-origin under 120 kB: %d bytes at %d dpi, quality %d", f.Size, f.DPI, f.Quality)
	}
	if !found {
		t.Error("no split file for criminal-record-origin at 120 kB")
	}
}

func TestValidateRejects(t *testing.T) {
	skipShort(t)
	if err := bundle.Validate([]byte("%PDF-1.7\nnot a pdf")); err == nil {
		t.Error("Validate accepted a broken PDF")
	}
	_ = model.ValidationStrict
}

// skipShort skips a test that needs Tesseract, poppler or Chromium under
// go test -short, the quick tier; the full suite (CI) runs it.
func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("needs Tesseract, poppler or Chromium: run without -short")
	}
}
