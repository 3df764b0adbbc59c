package ocr

import (
	"context"
	"image"
	"image/color"
	"image/draw"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/disintegration/imaging"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/intake-app/intake/ocr/mrz"
	"github.com/intake-app/intake/ocr/visual"
)

// drawLines draws lines of text on g in the given font, the first
// baseline at (x, y), one every lineH pixels.
func drawLines(t testing.TB, g *image.Gray, fontPath string, size float64, x, y, lineH int, lines ...string) {
	t.Helper()
	data, err := os.ReadFile(fontPath)
	if err != nil {
		t.Fatalf("font %s (Debian packages fonts-dejavu-core, fonts-ocr-b): %v", fontPath, err)
	}
	f, err := opentype.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		t.Fatal(err)
	}
	d := font.Drawer{Dst: g, Src: image.Black, Face: face}
	for i, l := range lines {
		d.Dot = fixed.P(x, y+i*lineH)
		d.DrawString(l)
	}
}

// The ICAO 9303 specimen passport's zone (Utopia).
var specimenZone = []string{
	"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
	"L898902C36UTO7408122F1204159ZE184226B<<<<<10",
}

// photographedPassport draws a passport's data page (its visual zone and
// its MRZ) lying on a grey table, turned counter-clockwise by deg.
func photographedPassport(t testing.TB, deg float64) *image.Gray {
	t.Helper()
	doc := image.NewGray(image.Rect(0, 0, 1300, 900))
	draw.Draw(doc, doc.Bounds(), image.NewUniform(color.Gray{Y: 232}), image.Point{}, draw.Src)
	drawLines(t, doc, dejaVu, 26, 420, 90, 44,
		"PASSPORT / PASSEPORT", "Surname / Nom", "ERIKSSON", "Given names / Prénoms", "ANNA MARIA",
		"Date of issue / Date de délivrance", "16 APR 2007", "Date of expiry / Date d'expiration", "15 APR 2012")
	drawLines(t, doc, ocrB, 40, 40, 760, 62, specimenZone...)
	table := image.NewGray(image.Rect(0, 0, 1900, 1500))
	draw.Draw(table, table.Bounds(), image.NewUniform(color.Gray{Y: 130}), image.Point{}, draw.Src)
	draw.Draw(table, doc.Bounds().Add(image.Pt(300, 300)), doc, image.Point{}, draw.Src)
	return toGray(imaging.Rotate(table, deg, color.Gray{Y: 130}))
}

// TestReadPagePhotographedPassport reads a passport photographed askew on
// a table: its zone turns the page upright, and the dates of its visual
// zone are then read.
func TestReadPagePhotographedPassport(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Tesseract; run without -short")
	}
	w := newWorker(t)
	for _, deg := range []float64{20, -12} {
		p, err := w.ReadPage(context.Background(), photographedPassport(t, deg), 300, Options{Languages: []string{"eng"}})
		if err != nil {
			t.Fatal(err)
		}
		// imaging turns counter-clockwise: the lines rise to the right,
		// and the skew removed is the opposite.
		if math.Abs(p.Skew+deg) > 1 || p.Rotation != 0 {
			t.Errorf("turned %.0f°: page turned by %d° and %.1f°, want 0° and %.0f°", deg, p.Rotation, p.Skew, -deg)
		}
		m := mrz.Decode(p.MRZ, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
		if m == nil || !m.Valid {
			t.Errorf("turned %.0f°: zone %+v, want the specimen's, valid", deg, m)
		}
		if p.MRZBox.Empty() {
			t.Errorf("turned %.0f°: no box for the zone", deg)
		}
		vd := visual.VisualDates(p.Reading.Lines, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
		if want := time.Date(2007, 4, 16, 0, 0, 0, 0, time.UTC); !vd.Issue.Equal(want) {
			t.Errorf("turned %.0f°: issue date %v, want %v; page read:\n%s", deg, vd.Issue, want, p.Reading.Text())
		}
	}
}

// TestReadPageSmallCard reads a small scan of a card, its print a few
// pixels high: the document is read again enlarged.
func TestReadPageSmallCard(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Tesseract; run without -short")
	}
	w := newWorker(t)
	small := Scale(photographedPassport(t, 0), 0.3)
	p, err := w.ReadPage(context.Background(), small, 300, Options{Languages: []string{"eng"}})
	if err != nil {
		t.Fatal(err)
	}
	if text := p.Reading.Text(); !strings.Contains(text, "ERIKSSON") || !strings.Contains(text, "APR 2007") {
		t.Errorf("a card %v px wide read as:\n%s", small.Bounds().Dx(), text)
	}
}

func TestRotateFineFillsWithTheEdges(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 400, 300))
	draw.Draw(g, g.Bounds(), image.NewUniform(color.Gray{Y: 120}), image.Point{}, draw.Src)
	draw.Draw(g, image.Rect(100, 80, 300, 220), image.White, image.Point{}, draw.Src)
	out := rotateFine(g, 20)
	if v := out.GrayAt(0, 0).Y; v < 115 || v > 125 {
		t.Errorf("corner filled with %d, want the table's 120", v)
	}
	if v := out.GrayAt(200, 150).Y; v != 255 {
		t.Errorf("centre %d, want the page's white", v)
	}
}

func TestDocumentBox(t *testing.T) {
	page := image.Rect(0, 0, 3000, 2000)
	// A passport's zone: 2 lines of 44 cells, 20 px apart (2.54 mm).
	z := zoneRead{box: image.Rect(1000, 1500, 1900, 1560), pitch: 20, cells: 44, lines: 2}
	got := documentBox(z, page)
	px := 20 / 2.54
	if w := float64(got.Dx()) / px; w < 125 || w > 145 {
		t.Errorf("document %.0f mm wide, want a passport's 125 and a margin", w)
	}
	if h := float64(got.Dy()) / px; h < 88 || h > 105 {
		t.Errorf("document %.0f mm high, want a passport's 88 and a margin", h)
	}
	if !z.box.In(got) {
		t.Errorf("document %v does not hold its zone %v", got, z.box)
	}
	// At the page's edge, clipped to it.
	z.box = z.box.Add(image.Pt(-1000, 0))
	if got := documentBox(z, page); !got.In(page) || got.Empty() {
		t.Errorf("document %v not clipped to the page %v", got, page)
	}
	z.cells = 40
	if got := documentBox(z, page); !got.Empty() {
		t.Errorf("a zone of 40 cells placed a document at %v", got)
	}
}

// TestReadPageInIssuerLanguages: a page whose MRZ names its issuer is read
// in the issuer's languages, whatever the dossier's.
func TestReadPageInIssuerLanguages(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Tesseract; run without -short")
	}
	w := newWorker(t)
	opt := Options{Languages: []string{"rus"}, Alternates: [][]string{{"ara"}}}
	p, err := w.ReadPage(context.Background(), photographedPassport(t, 0), 300, opt)
	if err != nil {
		t.Fatal(err)
	}
	// Utopia, ICAO's example state, is no state intake knows: English.
	if got := strings.Join(p.Reading.Languages, "+"); got != "eng" || !strings.Contains(p.Reading.Text(), "ERIKSSON") {
		t.Errorf("read in %s:\n%s", got, p.Reading.Text())
	}
}

func TestIssuerLanguages(t *testing.T) {
	w := newWorker(t)
	for _, tc := range []struct {
		state string
		want  []string
	}{
		{"CHE", []string{"deu", "eng"}},
		{"D", []string{"deu", "eng"}}, // Germany's MRZ code
		{"SRB", []string{"srp_latn", "eng"}},
		{"CHN", []string{"chi_sim", "eng"}},
		{"MAR", []string{"ara", "eng"}},
		{"AUS", []string{"eng"}},
		{"ROU", []string{"eng"}}, // no Romanian model installed: the English labels
		{"UTO", []string{"eng"}}, // ICAO's imaginary Utopia
		{"", []string{"eng"}},
		{"BDR D", []string{"deu", "eng"}}, // a German specimen's issuer, then nationality
		{"ROU CHE", []string{"eng"}},      // the issuer known, its language not installed
	} {
		if got := w.engine.IssuerLanguages(strings.Fields(tc.state)...); !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.state, got, tc.want)
		}
	}
}
