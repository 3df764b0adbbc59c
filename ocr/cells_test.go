package ocr

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"testing"

	"github.com/disintegration/imaging"
	"github.com/intake-app/intake/internal/mrzsynth"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

var updateTemplates = flag.Bool("update-templates", false, "write ocrb_glyphs.png from the OCR-B font")

// glyphSheet draws the MRZ alphabet from the OCR-B font, one glyph per
// cell (see glyphCell), as ocrb_glyphs.png holds it.
func glyphSheet(t testing.TB) []byte {
	t.Helper()
	raw, err := os.ReadFile(mrzsynth.OCRBPath)
	if err != nil {
		t.Fatalf("the OCR-B font is needed (install fonts-ocr-b): %v", err)
	}
	f, err := opentype.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	size := glyphCap / 0.70 // OCR-B capitals are 0.70 em tall
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	g := image.NewGray(image.Rect(0, 0, glyphCell*len(mrzAlphabet), glyphCell))
	draw.Draw(g, g.Bounds(), image.White, image.Point{}, draw.Src)
	for c := 0; c < len(mrzAlphabet); c++ {
		adv, _ := face.GlyphAdvance(rune(mrzAlphabet[c]))
		x := float64(c*glyphCell) + glyphCell/2 - float64(adv)/64/2
		y := glyphCell/2 + glyphCap/2
		d := font.Drawer{Dst: g, Src: image.NewUniform(color.Black), Face: face, Dot: fixed.P(int(math.Round(x)), int(math.Round(y)))}
		d.DrawString(string(mrzAlphabet[c]))
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCellTemplates checks that ocrb_glyphs.png is what the font gives and
// that templates are made from it; with -update-templates it writes it.
func TestCellTemplates(t *testing.T) {
	want := glyphSheet(t)
	if *updateTemplates {
		if err := os.WriteFile("ocrb_glyphs.png", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(glyphsPNG, want) {
		t.Fatal("ocrb_glyphs.png is stale: run go test ./ocr -run TestCellTemplates -args -update-templates")
	}
	if templates() == nil {
		t.Fatal("no templates made from ocrb_glyphs.png")
	}
}

// BenchmarkMakeTemplates measures making the cell templates, which every
// cold run that meets an MRZ pays once.
func BenchmarkMakeTemplates(b *testing.B) {
	img, err := png.Decode(bytes.NewReader(glyphsPNG))
	if err != nil {
		b.Fatal(err)
	}
	sheet := toGray(imaging.Clone(img))
	for b.Loop() {
		if makeTemplates(sheet) == nil {
			b.Fatal("no templates")
		}
	}
}
