package ocr

import (
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/disintegration/imaging"
	"github.com/intake-app/intake/ocr/mrz"
)

const dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

// OCRB.otf uses a CFF operator x/image cannot draw (its "<" and "8" come
// out blank); the "Sharp" cut draws every glyph.
const ocrB = "/usr/share/fonts/opentype/ocr-b/OCRBS.otf"

// page draws lines of text on a white page of w×h pixels.
func page(t testing.TB, fontPath string, size float64, w, h int, lines ...string) *image.Gray {
	t.Helper()
	g := image.NewGray(image.Rect(0, 0, w, h))
	draw.Draw(g, g.Bounds(), image.White, image.Point{}, draw.Src)
	drawLines(t, g, fontPath, size, int(size*2), int(size*3), int(size*1.6), lines...)
	return g
}

var paragraph = []string{
	"REPUBLIKA SRBIJA",
	"Ministarstvo unutrašnjih poslova",
	"UVERENJE O NEKAŽNJAVANJU",
	"Ime i prezime: WANG XIAOMEI",
	"Datum izdavanja: 15. oktobra 2026.",
	"Ovim se potvrđuje da navedeno lice nije osuđivano",
	"za krivična dela na teritoriji Republike Srbije.",
	"Uverenje se izdaje na lični zahtev radi",
	"regulisanja boravka i važi tri meseca.",
}

func TestUprightFindsSkew(t *testing.T) {
	straight := page(t, dejaVu, 28, 1240, 900, paragraph...)
	for _, deg := range []float64{-3, -1.5, 0, 2, 4, 9, -13} {
		// imaging turns counter-clockwise: text lines then rise to the
		// right, which Upright must undo.
		tilted := rotateFine(straight, deg)
		_, turn, skew := Upright(tilted)
		if turn != 0 {
			t.Errorf("tilted %.1f°: turned by %d°, want 0", deg, turn)
		}
		if math.Abs(skew+deg) > 0.3 {
			t.Errorf("tilted %.1f°: skew %.1f°, want %.1f°", deg, skew, -deg)
		}
	}
}

func TestUprightTurnsSidewaysPages(t *testing.T) {
	straight := page(t, dejaVu, 28, 1240, 900, paragraph...)
	for _, deg := range []int{90, 270} {
		sideways := Rotate(straight, deg)
		up, turn, _ := Upright(sideways)
		if turn != 90 {
			t.Errorf("page turned %d°: Upright turned it by %d°, want 90", deg, turn)
		}
		if b := up.Bounds(); b.Dx() != 1240 || b.Dy() != 900 {
			t.Errorf("page turned %d°: upright size %v", deg, b.Size())
		}
	}
}

func newWorker(t testing.TB) *Worker {
	t.Helper()
	eng, err := NewEngine()
	if err != nil {
		t.Fatalf("Tesseract is needed for this test (scripts/setup-debian installs it): %v", err)
	}
	t.Cleanup(func() { eng.Close() })
	if err := eng.Require("eng", "srp_latn", "srp"); err != nil {
		t.Fatal(err)
	}
	w := eng.NewWorker()
	t.Cleanup(w.Close)
	return w
}

func TestReadPageUpsideDown(t *testing.T) {
	skipShort(t)
	w := newWorker(t)
	straight := page(t, dejaVu, 28, 1240, 900, paragraph...)
	for _, deg := range []int{0, 90, 180, 270} {
		p, err := w.ReadPage(context.Background(), Rotate(straight, deg), 200, Options{Languages: []string{"srp_latn", "srp"}})
		if err != nil {
			t.Fatal(err)
		}
		text := p.Reading.Text()
		if !strings.Contains(text, "UVERENJE O NEKA") || !strings.Contains(text, "WANG XIAOMEI") {
			t.Errorf("page turned %d°: read %q", deg, text)
		}
		if (p.Rotation+deg)%360 != 0 {
			t.Errorf("page turned %d°: rotation applied %d°", deg, p.Rotation)
		}
		if p.Reading.Confidence < 70 {
			t.Errorf("page turned %d°: confidence %.0f", deg, p.Reading.Confidence)
		}
	}
}

// TestReadPageAskew reads a page photographed a dozen degrees askew, on a
// grey table.
func TestReadPageAskew(t *testing.T) {
	skipShort(t)
	w := newWorker(t)
	straight := page(t, dejaVu, 28, 1240, 900, paragraph...)
	for _, deg := range []float64{11, -8} {
		table := image.NewGray(image.Rect(0, 0, 1640, 1300))
		draw.Draw(table, table.Bounds(), image.NewUniform(color.Gray{Y: 120}), image.Point{}, draw.Src)
		draw.Draw(table, straight.Bounds().Add(image.Pt(200, 200)), straight, image.Point{}, draw.Src)
		askew := toGray(imaging.Rotate(table, deg, color.Gray{Y: 120}))
		p, err := w.ReadPage(context.Background(), askew, 200, Options{Languages: []string{"srp_latn", "srp"}})
		if err != nil {
			t.Fatal(err)
		}
		if text := p.Reading.Text(); !strings.Contains(text, "UVERENJE O NEKA") || !strings.Contains(text, "15. oktobra 2026") {
			t.Errorf("page turned %.0f°: read %q", deg, text)
		}
		if math.Abs(p.Skew+deg) > 0.5 {
			t.Errorf("page turned %.0f°: skew removed %.1f°, want %.0f°", deg, p.Skew, -deg)
		}
	}
}

func TestReadPageMRZ(t *testing.T) {
	skipShort(t)
	w := newWorker(t)
	g := page(t, dejaVu, 28, 1400, 700, "PASSPORT", "Surname: ERIKSSON", "Given names: ANNA MARIA")
	mrzLines := page(t, ocrB, 30, 1400, 160,
		"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
		"L898902C36UTO7408122F1204159ZE184226B<<<<<10")
	draw.Draw(g, image.Rect(0, 520, 1400, 680), mrzLines, image.Point{}, draw.Src)
	p, err := w.ReadPage(context.Background(), g, 300, Options{Languages: []string{"eng"}})
	if err != nil {
		t.Fatal(err)
	}
	m := mrz.Decode(p.MRZ, time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC))
	if m == nil {
		t.Fatalf("no MRZ decoded from %+v; page read %q", p.MRZ, p.Reading.Text())
	}
	if !m.Valid || m.DocumentNumber != "L898902C3" || m.Surname != "ERIKSSON" || m.GivenNames != "ANNA MARIA" {
		t.Errorf("MRZ = %+v", m)
	}
	if p.MRZBox.Empty() || p.MRZBox.Min.Y < 450 {
		t.Errorf("MRZ band %v, want near the bottom", p.MRZBox)
	}
}

func TestRequireNamesPackages(t *testing.T) {
	e := &Engine{available: map[string]bool{"eng": true}}
	err := e.Require("eng", "srp_latn", "chi_sim")
	if !errors.Is(err, ErrDependency) {
		t.Fatalf("error %v is not a dependency error", err)
	}
	for _, want := range []string{"tesseract-ocr-srp-latn", "tesseract-ocr-chi-sim", "apt-get install"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestDecodeImageRefusesHugeHeader(t *testing.T) {
	// A PNG header declaring 40000×40000 pixels, with no pixel data.
	ihdr := []byte("IHDR\x00\x00\x9c\x40\x00\x00\x9c\x40\x08\x00\x00\x00\x00")
	hdr := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d"), ihdr...)
	hdr = binary.BigEndian.AppendUint32(hdr, crc32.ChecksumIEEE(ihdr))
	_, err := DecodeImage(hdr)
	if err == nil || !strings.Contains(err.Error(), "40000×40000") {
		t.Fatalf("err = %v, want a refusal naming the size", err)
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
