package synth

import (
	"bytes"
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"
)

// pdfEpoch is the creation date written into every PDF, so that output
// depends only on the spec.
var pdfEpoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func newPDF(created time.Time) *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: 210, Ht: 297}})
	pdf.SetCatalogSort(true)
	if created.IsZero() {
		created = pdfEpoch
	}
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetProducer("intake synth", false)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	return pdf
}

var pdfFamilies = map[fontID][2]string{
	fSans:      {"sans", ""},
	fSansBold:  {"sans", "B"},
	fSerif:     {"serif", ""},
	fSerifBold: {"serif", "B"},
	fMono:      {"mono", ""},
	fOCRB:      {"mono", ""}, // OCR-B is a CFF font the PDF writer cannot embed
	fOCRBSharp: {"mono", ""},
	fCJK:       {"cjk", ""},
}

// textPDF writes pages as a born-digital PDF: real text in embedded fonts.
func textPDF(pages []*page, created time.Time) ([]byte, error) {
	pdf := newPDF(created)
	used := map[fontID]bool{}
	for _, p := range pages {
		for _, e := range p.els {
			if e.k == kText {
				if e.font == fOCRB {
					used[fMono] = true
				} else {
					used[e.font] = true
				}
			}
		}
	}
	for id := fontID(0); id < numFonts; id++ {
		if !used[id] {
			continue
		}
		b, err := fontBytes(id)
		if err != nil {
			return nil, err
		}
		fam := pdfFamilies[id]
		pdf.AddUTF8FontFromBytes(fam[0], fam[1], b)
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("synth: pdf fonts: %w", err)
	}
	for _, p := range pages {
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: p.w, Ht: p.h})
		if p.paper != 255 {
			pdf.SetFillColor(int(p.paper), int(p.paper), int(p.paper))
			pdf.Rect(0, 0, p.w, p.h, "F")
		}
		for _, e := range p.els {
			g := int(e.gray)
			switch e.k {
			case kFill:
				pdf.SetFillColor(g, g, g)
				pdf.Rect(e.x, e.y, e.w, e.h, "F")
			case kFrame:
				pdf.SetDrawColor(g, g, g)
				pdf.SetLineWidth(e.lw)
				pdf.Rect(e.x, e.y, e.w, e.h, "D")
			case kEllipse:
				pdf.SetFillColor(g, g, g)
				pdf.Ellipse(e.x+e.w/2, e.y+e.h/2, e.w/2, e.h/2, 0, "F")
			case kRing:
				pdf.SetDrawColor(g, g, g)
				pdf.SetLineWidth(e.lw)
				pdf.Ellipse(e.x+e.w/2, e.y+e.h/2, e.w/2, e.h/2, 0, "D")
			case kLine:
				pdf.SetDrawColor(g, g, g)
				pdf.SetLineWidth(e.lw)
				pdf.SetLineCapStyle("round")
				pdf.Line(e.x, e.y, e.x+e.w, e.y+e.h)
			case kText:
				id := e.font
				if id == fOCRB {
					id = fMono
				}
				fam := pdfFamilies[id]
				pdf.SetFont(fam[0], fam[1], e.size)
				pdf.SetTextColor(g, g, g)
				x := e.x
				if e.align != alignLeft {
					w := pdf.GetStringWidth(e.text)
					if e.align == alignCenter {
						x -= w / 2
					} else {
						x -= w
					}
				}
				pdf.Text(x, e.y, e.text)
			}
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("synth: pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// scanPDF wraps JPEG page images in a PDF, one image per page, each page
// sized from the image at dpi (what a scanner's "save as PDF" does).
func scanPDF(jpegs [][]byte, sizes [][2]int, dpi float64, created time.Time) ([]byte, error) {
	pdf := newPDF(created)
	for i, j := range jpegs {
		w := float64(sizes[i][0]) / dpi * 25.4
		h := float64(sizes[i][1]) / dpi * 25.4
		orient := "P"
		if w > h {
			orient = "L"
		}
		pdf.AddPageFormat(orient, fpdf.SizeType{Wd: w, Ht: h})
		name := fmt.Sprintf("page%d", i+1)
		opt := fpdf.ImageOptions{ImageType: "JPG"}
		pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(j))
		pdf.ImageOptions(name, 0, 0, w, h, false, opt, 0, "")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("synth: pdf: %w", err)
	}
	return buf.Bytes(), nil
}
