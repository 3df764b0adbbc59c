package synth

import (
	"bytes"
	"fmt"
	"strings"
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
// sized from the image at dpi (what a scanner's "save as PDF" does). It
// writes the PDF itself: fpdf orders images of equal width at random.
func scanPDF(jpegs [][]byte, sizes [][2]int, dpi float64, created time.Time) ([]byte, error) {
	if created.IsZero() {
		created = pdfEpoch
	}
	var buf bytes.Buffer
	var offsets []int
	obj := func(body string, stream []byte) {
		offsets = append(offsets, buf.Len())
		fmt.Fprintf(&buf, "%d 0 obj\n%s", len(offsets), body)
		if stream != nil {
			buf.WriteString("\nstream\n")
			buf.Write(stream)
			buf.WriteString("\nendstream")
		}
		buf.WriteString("\nendobj\n")
	}
	buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	n := len(jpegs)
	// Objects: 1 catalog, 2 pages, 3 info, then per page: page, content, image.
	var kids []string
	for i := range n {
		kids = append(kids, fmt.Sprintf("%d 0 R", 4+3*i))
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", n, strings.Join(kids, " ")), nil)
	obj(fmt.Sprintf("<< /Producer (intake synth) /CreationDate (D:%s) >>", created.UTC().Format("20060102150405Z")), nil)
	for i, j := range jpegs {
		w := float64(sizes[i][0]) / dpi * 72
		h := float64(sizes[i][1]) / dpi * 72
		content := []byte(fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", w, h))
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>",
			w, h, 6+3*i, 5+3*i), nil)
		obj(fmt.Sprintf("<< /Length %d >>", len(content)), content)
		cs := "/DeviceGray"
		if jpegComponents(j) == 3 {
			cs = "/DeviceRGB"
		}
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>",
			sizes[i][0], sizes[i][1], cs, len(j)), j)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return buf.Bytes(), nil
}

// jpegComponents returns the number of colour components in a JPEG's
// frame header (0 when it finds none).
func jpegComponents(b []byte) int {
	for i := 2; i+9 < len(b) && b[i] == 0xFF; {
		m := b[i+1]
		l := int(b[i+2])<<8 | int(b[i+3])
		if m >= 0xC0 && m <= 0xC3 {
			return int(b[i+9])
		}
		i += 2 + l
	}
	return 0
}
