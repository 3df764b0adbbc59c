package ocr

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/draw"
	"os"
	"testing"

	"github.com/disintegration/imaging"
	"github.com/intake-app/intake/internal/mrzsynth"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

var updateTemplates = flag.Bool("update-templates", false, "write ocrb_cells.bin from the OCR-B font")

// Template variants: the height of the capitals in pitches (documents
// print OCR-B between about 0.75 and 1.05 pitch tall; the reader picks the
// height that fits a zone, which keeps a digit, taller than a capital in
// OCR-B, apart from the letter it resembles: 0 and O), sharp and blurred
// (in patch pixels).
var templateVariants = func() []struct{ capHeight, blur float64 } {
	var vs []struct{ capHeight, blur float64 }
	for _, h := range templateHeights {
		for _, b := range templateBlurs {
			vs = append(vs, struct{ capHeight, blur float64 }{h, b})
		}
	}
	return vs
}()

// makeTemplates renders the MRZ alphabet from the OCR-B font and samples
// each glyph as the reader samples a cell.
func makeTemplates(t testing.TB) []byte {
	t.Helper()
	raw, err := os.ReadFile(mrzsynth.OCRBPath)
	if err != nil {
		t.Fatalf("the OCR-B font is needed (install fonts-ocr-b): %v", err)
	}
	f, err := opentype.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	const pitch = 64.0
	var out []byte
	patch := make([]float32, tplW*tplH)
	for c := 0; c < len(mrzAlphabet); c++ {
		for _, v := range templateVariants {
			size := v.capHeight * pitch / 0.70 // OCR-B capitals are 0.70 em tall
			face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
			if err != nil {
				t.Fatal(err)
			}
			g := image.NewGray(image.Rect(0, 0, 3*pitch, 3*pitch))
			draw.Draw(g, g.Bounds(), image.White, image.Point{}, draw.Src)
			ch := string(mrzAlphabet[c])
			adv, _ := face.GlyphAdvance(rune(mrzAlphabet[c]))
			capH := 0.70 * size
			x := 1.5*pitch - float64(adv)/64/2
			y := 1.5*pitch + capH/2
			d := font.Drawer{Dst: g, Src: image.NewUniform(color.Black), Face: face, Dot: fixed.P(int(x), int(y))}
			d.DrawString(ch)
			if v.blur > 0 {
				g = toGray(imaging.Blur(g, v.blur*pitch/cellPX))
			}
			samplePatch(g, frame{cx: 1.5 * pitch, cy: 1.5 * pitch, ux: 1, pitch: pitch}, tplW, tplH, patch)
			for _, p := range patch {
				out = append(out, byte(min(255, max(0, p+0.5))))
			}
		}
	}
	return out
}

// TestCellTemplates checks that ocrb_cells.bin is what the font gives;
// with -update-templates it writes it.
func TestCellTemplates(t *testing.T) {
	want := makeTemplates(t)
	if *updateTemplates {
		if err := os.WriteFile("ocrb_cells.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(templateData, want) || templates() == nil {
		t.Fatal("ocrb_cells.bin is stale: run go test ./ocr -run TestCellTemplates -update-templates")
	}
}
