package ocr

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pngHeader returns the start of a PNG file declaring w×h pixels of the
// given bit depth and colour type, with no pixel data.
func pngHeader(w, h uint32, depth, colourType byte) []byte {
	ihdr := []byte("IHDR")
	ihdr = binary.BigEndian.AppendUint32(ihdr, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, depth, colourType, 0, 0, 0)
	out := append([]byte("\x89PNG\r\n\x1a\n"), 0, 0, 0, 13)
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}

func TestCheckImageCountsBytesPerPixel(t *testing.T) {
	tests := []struct {
		name    string
		header  []byte
		refused bool
		want    string
	}{
		{"16-bit RGBA 9999×9999", pngHeader(9999, 9999, 16, 6), true, "8 bytes each"},
		{"16-bit RGB 9999×9999", pngHeader(9999, 9999, 16, 2), true, "763 MB"},
		{"8-bit gray 9999×9999", pngHeader(9999, 9999, 8, 0), false, ""},
		{"8-bit RGBA 9999×9999", pngHeader(9999, 9999, 8, 6), false, ""},
		{"8-bit gray 10001×10001", pngHeader(10001, 10001, 8, 0), true, "(100.1 megapixels), more than the limit of 100 megapixels"},
		{"no pixels", pngHeader(0, 10, 8, 0), true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CheckImage(tt.header)
			if !tt.refused {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("not refused")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
	// The limit on memory is what refuses the 16-bit image: raised, it
	// passes.
	l := Limits{MaxImageBytes: 1 << 30}
	if _, err := l.CheckImage(pngHeader(9999, 9999, 16, 6)); err != nil {
		t.Errorf("with MaxImageBytes raised: %v", err)
	}
	_, err := CheckImage(pngHeader(9999, 9999, 16, 6))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "--max-image-memory") {
		t.Errorf("error %q: want ErrTooLarge and the flag that raises the limit", err)
	}
}

// jpegHeader returns the start of a JPEG declaring w×h pixels of three
// components, progressive or baseline, with an APP0 segment before the
// frame header and no scan.
func jpegHeader(w, h uint16, progressive bool) []byte {
	sof := byte(0xc0)
	if progressive {
		sof = 0xc2
	}
	out := []byte{0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}
	out = append(out, 0xff, sof, 0, 17, 8, byte(h>>8), byte(h), byte(w>>8), byte(w), 3,
		1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1)
	return out
}

func TestCheckImageProgressiveJPEG(t *testing.T) {
	// 9000×9000 in colour: 243 MB decoded as a baseline JPEG; a
	// progressive one keeps 12 more bytes a pixel while it is decoded.
	if _, err := CheckImage(jpegHeader(9000, 9000, false)); err != nil {
		t.Errorf("baseline: %v", err)
	}
	_, err := CheckImage(jpegHeader(9000, 9000, true))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "15 bytes each") {
		t.Errorf("progressive: %v, want a refusal counting 15 bytes a pixel", err)
	}
	if !progressiveJPEG(blankScanProgressiveFlag(blankScan())) || progressiveJPEG(blankScan()) {
		t.Error("progressiveJPEG does not tell a real JPEG's frame header")
	}
}

// blankScanProgressiveFlag returns a copy of a baseline JPEG with its frame
// marker turned into SOF2.
func blankScanProgressiveFlag(jpg []byte) []byte {
	out := append([]byte{}, jpg...)
	for i := 2; i+1 < len(out); i++ {
		if out[i] == 0xff && out[i+1] == 0xc0 {
			out[i+1] = 0xc2
			break
		}
	}
	return out
}

func TestReadFileRefusesLargeFileBeforeReading(t *testing.T) {
	// A small JPEG followed by 300 MB of trailing data, as a sparse file:
	// nothing is written to disk, and nothing may be read.
	path := filepath.Join(t.TempDir(), "scan.jpg")
	if err := os.WriteFile(path, blankScan(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 300<<20); err != nil {
		t.Fatal(err)
	}
	_, err := DefaultLimits().ReadFile(path)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "300 MB") || !strings.Contains(err.Error(), "--max-file-size") {
		t.Fatalf("err = %v, want a refusal naming the size and the flag", err)
	}
	// Raised, the limit lets the file through, read once.
	if err := os.Truncate(path, 3<<20); err != nil {
		t.Fatal(err)
	}
	if _, err := (Limits{MaxFileBytes: 2 << 20}).ReadFile(path); !errors.Is(err, ErrTooLarge) {
		t.Errorf("3 MB under a 2 MB limit: %v", err)
	}
	data, err := Limits{MaxFileBytes: 4 << 20}.ReadFile(path)
	if err != nil || len(data) != 3<<20 || cap(data) > 3<<20+1 {
		t.Fatalf("with the limit raised: %d bytes (capacity %d), %v", len(data), cap(data), err)
	}
}

func TestReadFileRefusesFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo.jpg")
	if err := mkfifo(path); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	// Opening a FIFO for reading blocks until a writer comes: the check
	// must not open it. The test would hang if it did.
	if _, err := DefaultLimits().OpenPDF(context.Background(), path); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("OpenPDF: %v", err)
	}
	if _, err := DefaultLimits().ReadFile(path); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("ReadFile: %v", err)
	}
}

// needPoppler skips a test that needs pdftoppm and pdftotext.
func needPoppler(t *testing.T) {
	t.Helper()
	for _, cmd := range []string{"pdftoppm", "pdftotext"} {
		if _, err := exec.LookPath(cmd); err != nil {
			t.Skipf("%s is not installed (poppler-utils)", cmd)
		}
	}
}

func TestOpenPDFLimits(t *testing.T) {
	needPoppler(t)
	dir := t.TempDir()
	huge := writePDF(t, dir, "huge-image.pdf", func(b *pdfBuilder) {
		// A 30000×30000 image in a stream of a few bytes: its size is
		// declared, never decoded.
		img := b.stream("/Type /XObject /Subtype /Image /Width 30000 /Height 30000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", flateOf(make([]byte, 1000)))
		b.page(595, 842, 0)
		b.page(595, 842, img)
	})
	deep := writePDF(t, dir, "16bit.pdf", func(b *pdfBuilder) {
		img := b.stream("/Type /XObject /Subtype /Image /Width 9999 /Height 9999 /ColorSpace /DeviceRGB /BitsPerComponent 16 /Filter /FlateDecode", flateOf(make([]byte, 1000)))
		b.page(595, 842, img)
	})
	big := writePDF(t, dir, "big-page.pdf", func(b *pdfBuilder) {
		b.page(595, 842, 0)
		b.page(20000, 1000, 0)
	})
	ten := writePDF(t, dir, "ten.pdf", func(b *pdfBuilder) {
		for range 10 {
			b.page(595, 842, 0)
		}
	})
	tests := []struct {
		name   string
		limits Limits
		path   string
		want   []string // in the error; none: no error
	}{
		{"image of 30000×30000", Limits{}, huge, []string{"the image on page 2", "30000×30000", "900 megapixels", "limit of 100 megapixels", "--max-pixels"}},
		{"16-bit image", Limits{}, deep, []string{"the image on page 1", "9999×9999", "6 bytes", "--max-image-memory"}},
		{"page of 20000 pt", Limits{}, big, []string{"page 2", "20000×1000 pt", "706×35 cm", "--max-page-size"}},
		{"page size raised", Limits{MaxPageSide: 20000}, big, nil},
		{"10 pages, limit 5", Limits{MaxPages: 5}, ten, []string{"10 pages", "limit of 5", "--max-pages"}},
		{"10 pages", Limits{}, ten, nil},
		{"file size", Limits{MaxFileBytes: 100}, ten, []string{"KB", "limit of 1 KB", "--max-file-size"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := tt.limits.OpenPDF(context.Background(), tt.path)
			if tt.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				if pdf.Pages[len(pdf.Pages)-1].Width <= 0 {
					t.Errorf("no page size: %+v", pdf.Pages)
				}
				return
			}
			var le *LimitError
			if !errors.Is(err, ErrTooLarge) || !errors.As(err, &le) || le.Limit == "" {
				t.Fatalf("err = %v, want a LimitError", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestLargePageRenderedWithinOCRSize(t *testing.T) {
	needPoppler(t)
	// A page of 14400×14400 pt (200 inches a side, the largest the PDF
	// format allows): at 200 dpi it would take 1.6 gigapixels.
	path := writePDF(t, t.TempDir(), "large.pdf", func(b *pdfBuilder) { b.page(14400, 14400, 0) })
	pdf, err := OpenPDF(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	g, dpi, err := pdf.PageImage(context.Background(), pdf.Pages[0])
	if err != nil {
		t.Fatal(err)
	}
	if b := g.Bounds(); max(b.Dx(), b.Dy()) > maxSide || max(b.Dx(), b.Dy()) < maxSide-2 {
		t.Errorf("rendered %v, want a longest side of %d", b, maxSide)
	}
	if dpi < 17 || dpi > 18 {
		t.Errorf("dpi = %d, want 17.5 rounded", dpi)
	}
}

func TestScansReadPageByPage(t *testing.T) {
	needPoppler(t)
	dir := t.TempDir()
	path := writePDF(t, dir, "mixed.pdf", func(b *pdfBuilder) {
		scan := blankScan()
		img := b.stream("/Type /XObject /Subtype /Image /Width 1654 /Height 2339 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", scan)
		b.page(595.28, 841.89, img)
		// A Flate scan of 100×141 pixels on a page of 1×1.41 inches:
		// rendered by poppler at its own resolution, 100 dpi.
		gray := make([]byte, 100*141)
		for i := range gray {
			gray[i] = byte(i)
		}
		img = b.stream("/Type /XObject /Subtype /Image /Width 100 /Height 141 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", flateOf(gray))
		b.page(72, 101.52, img)
		b.page(595.28, 841.89, 0) // no scan: rendered at 200 dpi
	})
	pdf, err := OpenPDF(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ w, h, dpi int }{{1654, 2339, 200}, {100, 141, 100}, {1654, 2339, 200}}
	for i, p := range pdf.Pages {
		g, dpi, err := pdf.PageImage(context.Background(), p)
		if err != nil {
			t.Fatalf("page %d: %v", i+1, err)
		}
		got := struct{ w, h, dpi int }{g.Bounds().Dx(), g.Bounds().Dy(), dpi}
		if d := got.w - want[i].w; d < -1 || d > 1 || got.dpi != want[i].dpi {
			t.Errorf("page %d: %+v, want %+v", i+1, got, want[i])
		}
	}
	if pdf.Pages[0].jpeg == nil || pdf.Pages[1].jpeg != nil || pdf.Pages[2].ScanDPI != 0 {
		t.Errorf("pages: %+v", pdf.Pages)
	}
	// The JPEG scan is read from the file when asked for: a file changed
	// since it was opened is noticed, and the page rendered instead.
	data, _ := os.ReadFile(path)
	off := pdf.Pages[0].jpeg.offset + 1000
	data[off] ^= 0xff
	os.WriteFile(path, data, 0o644)
	if _, err := pdf.scan(pdf.Pages[0]); err == nil || !strings.Contains(err.Error(), "changed") {
		t.Errorf("changed file: %v", err)
	}
}

func TestScannedPDFsOpen(t *testing.T) {
	needPoppler(t)
	if testing.Short() {
		t.Skip("builds a 1000-page PDF; run without -short")
	}
	dir := t.TempDir()
	for _, n := range []int{100, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			pdf, err := OpenPDF(context.Background(), scannedPDF(t, dir, n))
			if err != nil {
				t.Fatal(err)
			}
			if len(pdf.Pages) != n {
				t.Fatalf("%d pages", len(pdf.Pages))
			}
			for _, p := range pdf.Pages {
				if p.jpeg == nil || p.ScanDPI != 200 {
					t.Fatalf("page %d: %+v, want a 200-dpi JPEG scan", p.Number, p)
				}
			}
			last := pdf.Pages[n-1]
			g, _, err := pdf.PageImage(context.Background(), last)
			if err != nil || g.Bounds().Dx() != 1654 {
				t.Fatalf("page %d: %v, %v", n, g.Bounds(), err)
			}
		})
	}
}
