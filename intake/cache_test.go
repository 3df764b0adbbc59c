package intake_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/intake-app/intake/cache"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/synth"
)

// readCached reads dir with c and returns the documents and the number of
// pages that were OCR'd.
func readCached(t *testing.T, dir string, spec synth.Dossier, c *cache.Cache) ([]document.Document, int) {
	t.Helper()
	files, err := intake.Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	docs, err := intake.Read(context.Background(), newEngine(t), files, intake.ReadOptions{
		Country: spec.Country, Nationality: spec.Nationality, Now: now, Workers: runtime.NumCPU(),
		Cache: c, Progress: func(p intake.Progress) { pages = p.Pages },
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs, pages
}

// TestCache: a second run over unchanged files OCRs nothing and reads the
// same documents; a corrupt entry is not trusted but read again; a changed
// file is read again.
func TestCache(t *testing.T) {
	skipShort(t)
	src, err := exampleRS()
	if err != nil {
		t.Fatal(err)
	}
	spec := synth.ExampleRS(reference)
	dir := t.TempDir()
	// A passport (OCR and MRZ), a born-digital PDF, an ID photo.
	for _, name := range []string{"licna_dokumenta/pasos.jpg", "zahtev.pdf", "licna_dokumenta/fotografija.jpg"} {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatalf("the example dossier has no %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := cache.Open(t.TempDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	cold, coldPages := readCached(t, dir, spec, c)
	if coldPages == 0 {
		t.Fatal("the cold run OCR'd no page")
	}
	warm, warmPages := readCached(t, dir, spec, c)
	if warmPages != 0 {
		t.Errorf("the warm run OCR'd %d pages, want 0", warmPages)
	}
	if !reflect.DeepEqual(cold, warm) {
		for i := range cold {
			if !reflect.DeepEqual(cold[i], warm[i]) {
				t.Errorf("%s read from the cache:\n%+v\nwant\n%+v", cold[i].File, warm[i], cold[i])
			}
		}
	}
	for _, d := range warm {
		if d.Type == document.Passport && (d.MRZ == nil || !d.MRZ.Valid || d.MRZBox.Empty()) {
			t.Errorf("passport from the cache: MRZ %+v, box %v", d.MRZ, d.MRZBox)
		}
	}

	// Corrupt every entry: they are read again, and rewritten.
	filepath.WalkDir(c.Path(), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.WriteFile(p, []byte("garbage"), 0o600)
		}
		return nil
	})
	again, pages := readCached(t, dir, spec, c)
	if pages != coldPages {
		t.Errorf("after corrupting the cache %d pages OCR'd, want %d", pages, coldPages)
	}
	for i := range cold {
		if !sameReading(cold[i], again[i]) {
			t.Errorf("after corrupting the cache %s differs:\n%+v %+v\nwant\n%+v %+v", cold[i].File, again[i], again[i].Photo, cold[i], cold[i].Photo)
		}
	}
	if _, pages := readCached(t, dir, spec, c); pages != 0 {
		t.Errorf("corrupt entries not rewritten: %d pages OCR'd", pages)
	}

	// A changed file is a miss.
	p := filepath.Join(dir, "pasos.jpg")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, append(b, 0), 0o644)
	if _, pages := readCached(t, dir, spec, c); pages != 1 {
		t.Errorf("after changing one image %d pages OCR'd, want 1", pages)
	}
}

// skipShort skips a test that needs Tesseract, poppler or Chromium under
// go test -short, the quick tier; the full suite (CI) runs it.
func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("needs Tesseract, poppler or Chromium: run without -short")
	}
}

// sameReading reports whether two fresh readings of one file agree. They
// agree exactly but for an ID photo's face measures: pigo's pupil
// localisation perturbs its start with math/rand (photo/face.go), so two
// readings place the pupils a pixel or two apart. The verdict must not
// differ.
func sameReading(a, b document.Document) bool {
	pa, pb := a.Photo, b.Photo
	a.Photo, b.Photo = nil, nil
	if !reflect.DeepEqual(a, b) || (pa == nil) != (pb == nil) {
		return false
	}
	if pa == nil {
		return true
	}
	near := func(x, y, tol float64) bool { return math.Abs(x-y) <= tol }
	if pa.Compliant != pb.Compliant || pa.Faces != pb.Faces || len(pa.Problems) != len(pb.Problems) ||
		!near(pa.HeadShare, pb.HeadShare, 1) || !near(pa.HeadMM, pb.HeadMM, 0.5) || !near(pa.EyeLine, pb.EyeLine, 1) ||
		!near(pa.FaceCentre, pb.FaceCentre, 1) || !near(pa.EyeDistancePx, pb.EyeDistancePx, 4) || !near(pa.RollDeg, pb.RollDeg, 1) {
		return false
	}
	return true
}
