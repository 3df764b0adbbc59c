package bundle

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"math"
	"os"
	"runtime"
	"sync"

	"github.com/disintegration/imaging"
	"golang.org/x/sync/errgroup"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/ocr/layout"
	"github.com/intake-app/intake/photo"
)

// A4 in millimetres, and the margin kept around a scan placed on it.
const (
	a4W, a4H = 210.0, 297.0
	margin   = 10.0
	// keepDPI is the highest resolution a page image is kept at, for its
	// size on the page: enough for any level of re-encoding.
	keepDPI = 200
)

// page is one page of a document as it goes into a PDF.
type page struct {
	// vector pages are imported from the PDF file as they are.
	vector  bool
	pdfPage int // 1-based, for vector pages
	// raster pages: the page upright, and its size on A4.
	img      image.Image
	gray     bool
	wMM, hMM float64
	// words are what intake read on the page, in the pixels of the page
	// as read upright (empty for a page not OCR'd).
	words layout.Page
}

// docPages are the pages of one document.
type docPages struct {
	doc    *document.Document
	pages  []page
	signed bool
}

// prepare reads and turns upright the pages of every document of the
// sections, in parallel.
func prepare(ctx context.Context, secs []Section) (map[string]*docPages, error) {
	var docs []*document.Document
	seen := map[string]bool{}
	for _, s := range secs {
		for _, d := range s.Documents {
			if !seen[d.File] {
				seen[d.File] = true
				docs = append(docs, d)
			}
		}
	}
	out := make(map[string]*docPages, len(docs))
	var mu sync.Mutex
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.NumCPU())
	for _, d := range docs {
		g.Go(func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("%s: intake failed on it (a bug: please report it): %v", d.File, r)
				}
			}()
			dp, err := preparePages(ctx, d)
			if err != nil {
				return fmt.Errorf("%s: %w", d.File, err)
			}
			mu.Lock()
			out[d.File] = dp
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return out, nil
}

// colour reports whether pages of documents of type t are kept in
// colour: photos and identity documents; text pages go gray.
func colour(t document.Type) bool {
	switch t {
	case document.Photo, document.Passport, document.IDCard, document.ResidencePermit:
		return true
	}
	return false
}

func layoutOf(d *document.Document, i int) document.PageLayout {
	if i < len(d.Layout) {
		return d.Layout[i]
	}
	return document.PageLayout{}
}

func preparePages(ctx context.Context, d *document.Document) (*docPages, error) {
	dp := &docPages{doc: d}
	gray := !colour(d.Type)
	if d.Format == "application/pdf" {
		dp.signed = signed(d)
		pdf, err := ocr.OpenPDF(ctx, d.Path)
		if err != nil {
			return nil, err
		}
		for i, p := range pdf.Pages {
			l := layoutOf(d, i)
			if l.Source == document.SourceTextLayer || l.Source == document.SourceNone && p.HasText() {
				dp.pages = append(dp.pages, page{vector: true, pdfPage: p.Number})
				continue
			}
			img, dpi, err := pdf.PageScanImage(ctx, p, gray)
			if err != nil {
				return nil, err
			}
			dp.pages = append(dp.pages, rasterPage(img, l, gray, float64(dpi), false))
		}
		return dp, nil
	}
	data, err := os.ReadFile(d.Path)
	if err != nil {
		return nil, err
	}
	img, err := ocr.DecodeImage(data)
	if err != nil {
		return nil, err
	}
	density := photo.ReadDensity(data)
	dpi := 0.0
	if density.Known() {
		dpi = density.DPI
	}
	realSize := d.Type == document.Photo || dpi > 0 && d.Type != document.Unknown && isSmall(img, dpi)
	dp.pages = append(dp.pages, rasterPage(img, layoutOf(d, 0), gray, dpi, realSize))
	return dp, nil
}

// isSmall reports whether an image printed at dpi is smaller than half
// an A4 page: a card or a photo, shown at its real size.
func isSmall(img image.Image, dpi float64) bool {
	b := img.Bounds()
	w, h := float64(b.Dx())/dpi*25.4, float64(b.Dy())/dpi*25.4
	return w*h < a4W*a4H/2
}

// rasterPage turns img upright and decides its size on the page: its
// real size when realSize and its resolution is known, else as large as
// A4 within the margins allows.
func rasterPage(img image.Image, l document.PageLayout, gray bool, dpi float64, realSize bool) page {
	if gray {
		img = toGray(img)
	}
	img = ocr.UprightImage(img, l.Rotation, l.Skew)
	b := img.Bounds()
	maxW, maxH := a4W-2*margin, a4H-2*margin
	var w, h float64
	if realSize && dpi > 0 {
		w, h = float64(b.Dx())/dpi*25.4, float64(b.Dy())/dpi*25.4
	}
	if w <= 0 || h <= 0 || w > maxW || h > maxH {
		f := math.Min(maxW/float64(b.Dx()), maxH/float64(b.Dy()))
		w, h = float64(b.Dx())*f, float64(b.Dy())*f
	}
	// Keep no more pixels than keepDPI at that size.
	if px := int(w / 25.4 * keepDPI); px < b.Dx() {
		img = imaging.Resize(img, px, 0, imaging.Box)
		if gray {
			img = toGray(img)
		}
	}
	if gray {
		img = toGray(img)
	}
	return page{img: img, gray: gray, wMM: w, hMM: h, words: l.Words}
}

func toGray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok && g.Bounds().Min == (image.Point{}) {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(g, g.Bounds(), img, b.Min, draw.Src)
	return g
}

// encode re-encodes a raster page as JPEG at dpi for its size on the page
// (never above the pixels it has) and quality.
func (p page) encode(dpi, quality int) ([]byte, error) {
	if p.vector {
		return nil, errors.New("a vector page has no image")
	}
	img := p.img
	b := img.Bounds()
	if px := int(p.wMM / 25.4 * float64(dpi)); px < b.Dx() && px > 0 {
		img = imaging.Resize(img, px, 0, imaging.Linear)
		if p.gray {
			img = toGray(img)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
