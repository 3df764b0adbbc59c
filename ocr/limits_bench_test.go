package ocr

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// This file builds PDFs at test time (no fixture on disk) and measures the
// memory of reading them page by page. It uses only the API that OpenPDF
// and PageImage have had from the start, so that the same benchmark runs
// on an older tree for a before/after figure.

// pdfBuilder writes a minimal PDF as its objects are added, so that a
// large PDF is never held in memory: numbered objects, a page tree, an
// xref table. Object 1 is the page tree, written last; object 2 the
// catalog.
type pdfBuilder struct {
	w       *bufio.Writer
	n       int64   // bytes written
	offsets []int64 // offsets[i] is the offset of object i+1
	pages   []int   // object numbers of the pages
	err     error
}

func newPDFBuilder(w io.Writer) *pdfBuilder {
	b := &pdfBuilder{w: bufio.NewWriter(w)}
	b.write("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	b.offsets = []int64{0} // the page tree, written last
	b.add("<< /Type /Catalog /Pages 1 0 R >>")
	return b
}

func (b *pdfBuilder) write(s string) {
	if b.err != nil {
		return
	}
	n, err := b.w.WriteString(s)
	b.n += int64(n)
	b.err = err
}

func (b *pdfBuilder) add(body string) int {
	b.offsets = append(b.offsets, b.n)
	b.write(fmt.Sprintf("%d 0 obj\n%s\nendobj\n", len(b.offsets), body))
	return len(b.offsets)
}

func (b *pdfBuilder) stream(dict string, data []byte) int {
	return b.add(fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data))
}

// page adds a page of w×h points showing the image object img (0: none)
// over the whole page.
func (b *pdfBuilder) page(w, h float64, img int) {
	content := ""
	res := "<< >>"
	if img != 0 {
		content = fmt.Sprintf("q %g 0 0 %g 0 0 cm /Im0 Do Q", w, h)
		res = fmt.Sprintf("<< /XObject << /Im0 %d 0 R >> >>", img)
	}
	c := b.stream("", []byte(content))
	b.pages = append(b.pages, b.add(fmt.Sprintf("<< /Type /Page /Parent 1 0 R /MediaBox [0 0 %g %g] /Resources %s /Contents %d 0 R >>", w, h, res, c)))
}

// close writes the page tree, the xref table and the trailer.
func (b *pdfBuilder) close() error {
	var kids strings.Builder
	for _, p := range b.pages {
		fmt.Fprintf(&kids, "%d 0 R ", p)
	}
	b.offsets[0] = b.n
	b.write(fmt.Sprintf("1 0 obj\n<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n", kids.String(), len(b.pages)))
	xref := b.n
	b.write(fmt.Sprintf("xref\n0 %d\n0000000000 65535 f \n", len(b.offsets)+1))
	for _, o := range b.offsets {
		b.write(fmt.Sprintf("%010d 00000 n \n", o))
	}
	b.write(fmt.Sprintf("trailer\n<< /Size %d /Root 2 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(b.offsets)+1, xref))
	if b.err != nil {
		return b.err
	}
	return b.w.Flush()
}

// writePDF writes the PDF that build makes to dir/name.
func writePDF(tb testing.TB, dir, name string, build func(*pdfBuilder)) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	b := newPDFBuilder(f)
	build(b)
	if err := b.close(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// blankScan is a white A4 page scanned at 200 dpi, as a gray JPEG.
var blankScan = sync.OnceValue(func() []byte {
	g := image.NewGray(image.Rect(0, 0, 1654, 2339))
	for i := range g.Pix {
		g.Pix[i] = 0xff
	}
	// A few specks, as a scanner leaves.
	for i := 0; i < 40; i++ {
		g.SetGray(100+i*37, 200+i*51, color.Gray{Y: 0x40})
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, g, &jpeg.Options{Quality: 75}); err != nil {
		panic(err)
	}
	return buf.Bytes()
})

// scannedPDF writes a PDF of n blank scanned A4 pages into dir. Each page
// has its own image object, made different by a JPEG comment, as scans
// of different pages are.
func scannedPDF(tb testing.TB, dir string, n int) string {
	scan := blankScan()
	return writePDF(tb, dir, fmt.Sprintf("scanned-%d.pdf", n), func(b *pdfBuilder) {
		for i := range n {
			com := fmt.Sprintf("page %d", i+1)
			seg := append([]byte{0xff, 0xfe, 0, byte(len(com) + 2)}, com...)
			jpg := append(append(append([]byte{}, scan[:2]...), seg...), scan[2:]...)
			img := b.stream("/Type /XObject /Subtype /Image /Width 1654 /Height 2339 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", jpg)
			b.page(595.28, 841.89, img)
		}
	})
}

// flateOf compresses data.
func flateOf(data []byte) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

// peakMemory samples the heap in use while fn runs, and returns its peak
// in bytes.
func peakMemory(fn func()) uint64 {
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak
}

// maxRSS is the peak resident memory of this process and of its largest
// finished child (pdftoppm, pdftotext), in bytes.
func maxRSS() (self, children int64) {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	self = ru.Maxrss * 1024
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru)
	return self, ru.Maxrss * 1024
}

// BenchmarkScannedPDF reads blank scanned PDFs page by page, as intake
// does before OCR, keeping no page, and reports the peak heap and the
// process's peak resident memory. Run one size per process for a clean
// max-RSS figure:
//
//	go test -run - -bench 'ScannedPDF/pages=1000$' -benchtime 1x ./ocr/
func BenchmarkScannedPDF(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			path := scannedPDF(b, b.TempDir(), n)
			ctx := context.Background()
			runtime.GC()
			b.ResetTimer()
			var peak uint64
			for b.Loop() {
				peak = max(peak, peakMemory(func() {
					pdf, err := OpenPDF(ctx, path)
					if err != nil {
						b.Fatal(err)
					}
					for _, p := range pdf.Pages {
						g, _, err := pdf.PageImage(ctx, p)
						if err != nil {
							b.Fatal(err)
						}
						if g.Bounds().Dx() < 1000 {
							b.Fatalf("page %d: %v", p.Number, g.Bounds())
						}
					}
				}))
			}
			self, _ := maxRSS()
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(self)/(1<<20), "maxrss-MB")
		})
	}
}
