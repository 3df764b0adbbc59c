package bundle

import (
	"bytes"
	"fmt"
	"image"
	"math"
	"strings"

	"github.com/go-pdf/fpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/intake-app/intake/ocr/layout"
)

// ptPerMM converts millimetres to PDF points.
const ptPerMM = 72 / 25.4

// textLayer writes the words of p as invisible text (rendering mode 3)
// over its image, placed at x, y on the page: each word in its box,
// sized to the box's height and shrunk to its width.
//
// The words' boxes are in the pixels of the page as intake read it:
// upright and deskewed, which is how the bundle draws it (rasterPage
// turns the scan by the page's Rotation and Skew before placing it). A
// reading whose page is the image's quarter turn (its width and height
// swapped) is mapped back through that turn.
func textLayer(pdf *fpdf.Fpdf, family string, tr func(string) string, p page, x, y float64) {
	wp := p.words
	if wp.Width <= 0 || wp.Height <= 0 || len(wp.Lines) == 0 {
		return
	}
	place := func(b image.Rectangle) (bx, by, bw, bh float64) {
		fx, fy := p.wMM/float64(wp.Width), p.hMM/float64(wp.Height)
		return x + float64(b.Min.X)*fx, y + float64(b.Min.Y)*fy, float64(b.Dx()) * fx, float64(b.Dy()) * fy
	}
	if swapped(wp, p) {
		// The page was read a quarter turn from how it is drawn: map the
		// boxes onto the drawn page (a clockwise turn of the reading).
		place = func(b image.Rectangle) (bx, by, bw, bh float64) {
			fx, fy := p.wMM/float64(wp.Height), p.hMM/float64(wp.Width)
			r := image.Rect(wp.Height-b.Max.Y, b.Min.X, wp.Height-b.Min.Y, b.Max.X)
			return x + float64(r.Min.X)*fx, y + float64(r.Min.Y)*fy, float64(r.Dx()) * fx, float64(r.Dy()) * fy
		}
	}
	pdf.SetTextRenderingMode(3)
	defer pdf.SetTextRenderingMode(0)
	for _, l := range wp.Lines {
		for _, w := range l.Words {
			text := strings.TrimSpace(w.Text)
			if text == "" || w.Box.Empty() {
				continue
			}
			bx, by, bw, bh := place(w.Box)
			size := bh * ptPerMM
			if size < 1 {
				continue
			}
			pdf.SetFont(family, "", size)
			if sw := pdf.GetStringWidth(tr(text)); sw > bw && sw > 0 {
				size *= bw / sw
				pdf.SetFont(family, "", size)
			}
			pdf.Text(bx, by+bh*0.8, tr(text))
		}
	}
}

// swapped reports whether the reading's page is the drawn page turned a
// quarter: their proportions match only once width and height swap.
func swapped(wp layout.Page, p page) bool {
	read := float64(wp.Width) / float64(wp.Height)
	drawn := p.wMM / p.hMM
	near := func(a, b float64) bool { return math.Abs(a-b) <= 0.03*b }
	return !near(read, drawn) && near(1/read, drawn)
}

// stampFooter prints name and "page / pages" at the foot of every page
// of ctx, on top of what the page holds, in small gray type.
func stampFooter(ctx *model.Context, name string) error {
	dims, err := ctx.PageDims()
	if err != nil {
		return fmt.Errorf("footer: %w", err)
	}
	pdf, family, tr := newDoc()
	pdf.SetAutoPageBreak(false, 0)
	for i, d := range dims {
		wmm, hmm := d.Width/ptPerMM, d.Height/ptPerMM
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: wmm, Ht: hmm})
		pdf.SetFont(family, "", 8)
		pdf.SetTextColor(80, 80, 80)
		text := fmt.Sprintf("%d / %d", i+1, len(dims))
		if name != "" {
			text = name + " — " + text
		}
		tw := pdf.GetStringWidth(tr(text))
		pdf.Text((wmm-tw)/2, hmm-5, tr(text))
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("footer: %w", err)
	}
	wm, err := api.PDFMultiWatermarkForReadSeeker(bytes.NewReader(buf.Bytes()), 1, 1, "scale:1 rel, rot:0", true, false, types.POINTS)
	if err != nil {
		return fmt.Errorf("footer: %w", err)
	}
	if err := api.WatermarkContext(ctx, nil, wm); err != nil {
		return fmt.Errorf("footer: %w", err)
	}
	return nil
}
