package bundle

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

// Fonts for the cover page (Debian fonts-dejavu-core): they cover Latin,
// Cyrillic and the accents of every procedure's language.
var coverFonts = [2]string{
	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
	"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
}

// coverInfo is what the cover page says.
type coverInfo struct {
	in      *intake.Result
	secs    []Section
	first   map[string]int // first page of each bundled document
	signed  []string       // signed PDFs in the bundle
	dossier string
	opt     Options
}

// statusLabel is how a status is shown on the cover: the same mark as in
// every report.
func statusLabel(s validate.Status) string {
	return s.Severity().Mark() + " " + string(s)
}

// newDoc returns an A4 document with the cover's font, and a function
// that makes a string printable in it.
func newDoc() (*fpdf.Fpdf, string, func(string) string) {
	pdf := fpdf.New("P", "mm", "A4", "")
	regular, err1 := os.ReadFile(coverFonts[0])
	bold, err2 := os.ReadFile(coverFonts[1])
	if err1 == nil && err2 == nil {
		pdf.AddUTF8FontFromBytes("DejaVu", "", regular)
		pdf.AddUTF8FontFromBytes("DejaVu", "B", bold)
		return pdf, "DejaVu", func(s string) string { return s }
	}
	// Core fonts: Latin-1 only.
	return pdf, "Helvetica", pdf.UnicodeTranslatorFromDescriptor("")
}

// watermarkPage returns an A4 page with text written diagonally across
// it, large, in gray.
func watermarkPage(text string) ([]byte, error) {
	pdf, family, tr := newDoc()
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddPage()
	pdf.SetFont(family, "B", 40)
	size := 40.0
	// Fit the text on the page's diagonal (about 300 mm, less margins).
	if w := pdf.GetStringWidth(tr(text)); w > 260 {
		size = 40 * 260 / w
		pdf.SetFont(family, "B", size)
	}
	w := pdf.GetStringWidth(tr(text))
	pdf.SetTextColor(120, 120, 120)
	cx, cy := a4W/2, a4H/2
	pdf.TransformBegin()
	pdf.TransformRotate(55, cx, cy)
	pdf.Text(cx-w/2, cy+size*0.35/2.83, tr(text))
	pdf.TransformEnd()
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// renderCover draws the cover pages and returns them with their count.
func renderCover(c coverInfo) ([]byte, int, error) {
	pdf, family, tr := newDoc()
	pdf.SetMargins(18, 18, 18)
	pdf.SetAutoPageBreak(true, 18)
	r := c.in.Report
	pdf.AddPage()
	w := 210.0 - 36
	pdf.SetFont(family, "B", 18)
	pdf.MultiCell(w, 9, tr("Submission bundle"), "", "L", false)
	pdf.SetFont(family, "B", 13)
	title := r.Title
	if r.LocalTitle != "" && r.LocalTitle != r.Title {
		title += " — " + r.LocalTitle
	}
	pdf.MultiCell(w, 7, tr(title), "", "L", false)
	pdf.Ln(3)

	pdf.SetFont(family, "", 10.5)
	row := func(k, v string) {
		pdf.SetFont(family, "B", 10.5)
		pdf.CellFormat(42, 6, tr(k), "", 0, "L", false, 0, "")
		pdf.SetFont(family, "", 10.5)
		pdf.MultiCell(w-42, 6, tr(v), "", "L", false)
	}
	a := r.Applicant
	name := a.Name
	if name == "" {
		name = "(no passport MRZ was read)"
	}
	row("Applicant", name)
	if a.Nationality != "" {
		row("Nationality", a.Nationality)
	}
	if !a.BirthDate.IsZero() {
		row("Date of birth", a.BirthDate.String())
	}
	if a.Passport != "" {
		row("Passport", a.Passport)
	}
	row("Procedure", r.Country+"/"+r.Procedure)
	row("Reference date", r.Reference.String())
	gaps := Gaps(r)
	if len(gaps) == 0 {
		row("Status", fmt.Sprintf("READY: all %d requirements are met", len(r.Requirements)))
	} else {
		row("Status", fmt.Sprintf("NOT READY: %d of %d requirements are not met (bundled with --force)", len(gaps), len(r.Requirements)))
	}
	pdf.Ln(4)

	pdf.SetFont(family, "B", 12)
	pdf.MultiCell(w, 7, tr("Checklist"), "", "L", false)
	pdf.SetFont(family, "B", 9.5)
	pdf.SetFillColor(230, 230, 230)
	pdf.CellFormat(8, 6, "#", "B", 0, "L", true, 0, "")
	pdf.CellFormat(w-8-40-14, 6, tr("Requirement"), "B", 0, "L", true, 0, "")
	pdf.CellFormat(40, 6, tr("Status"), "B", 0, "L", true, 0, "")
	pdf.CellFormat(14, 6, tr("Page"), "B", 1, "R", true, 0, "")
	for i, s := range c.secs {
		o := s.Outcome
		pg := ""
		p := 0
		for _, f := range o.Files {
			if n, ok := c.first[f]; ok && (p == 0 || n < p) {
				p = n
			}
		}
		if p > 0 {
			pg = strconv.Itoa(p)
		} else {
			pg = "—"
		}
		pdf.SetFont(family, "", 9.5)
		y := pdf.GetY()
		x := pdf.GetX()
		pdf.CellFormat(8, 5.5, strconv.Itoa(i+1), "", 0, "L", false, 0, "")
		pdf.MultiCell(w-8-40-14, 5.5, tr(o.Title), "", "L", false)
		y2 := pdf.GetY()
		if y2 < y {
			y = pdf.GetY() - 5.5 // a page break happened
		}
		pdf.SetXY(x+w-40-14, y)
		if !o.Status.Met() {
			pdf.SetFont(family, "B", 9.5)
		}
		pdf.CellFormat(40, 5.5, tr(statusLabel(o.Status)), "", 0, "L", false, 0, "")
		pdf.SetFont(family, "", 9.5)
		pdf.CellFormat(14, 5.5, pg, "", 1, "R", false, 0, "")
		pdf.SetXY(x, max(y2, pdf.GetY()))
		if !o.Status.Met() && o.Message != "" {
			pdf.SetX(x + 8)
			pdf.SetFont(family, "", 8.5)
			pdf.SetTextColor(150, 0, 0)
			pdf.MultiCell(w-8, 4.5, tr(o.Message), "", "L", false)
			pdf.SetTextColor(0, 0, 0)
		}
		var files []string
		for _, d := range s.Documents {
			files = append(files, d.File)
		}
		if len(files) > 0 {
			pdf.SetX(x + 8)
			pdf.SetFont(family, "", 8)
			pdf.SetTextColor(90, 90, 90)
			pdf.MultiCell(w-8, 4, tr(strings.Join(files, ", ")), "", "L", false)
			pdf.SetTextColor(0, 0, 0)
		}
		pdf.Ln(0.5)
	}
	if len(c.signed) > 0 {
		pdf.Ln(3)
		pdf.SetFont(family, "B", 10)
		pdf.MultiCell(w, 5.5, tr("Digitally signed documents"), "", "L", false)
		pdf.SetFont(family, "", 9.5)
		for _, f := range c.signed {
			pdf.MultiCell(w, 5, tr("• "+f+" is digitally signed: its pages are copied here, but the signature only holds in the original file, which should be handed in or uploaded as it is."), "", "L", false)
		}
	}
	if unused := Unused(c.in); len(unused) > 0 {
		pdf.Ln(2)
		pdf.SetFont(family, "", 8.5)
		pdf.MultiCell(w, 4.5, tr("Not bundled (no requirement uses them): "+strings.Join(unused, ", ")), "", "L", false)
	}
	pdf.Ln(2)
	pdf.SetFont(family, "", 8)
	pdf.SetTextColor(90, 90, 90)
	pdf.MultiCell(w, 4, tr(fmt.Sprintf("Assembled by intake on %s from the dossier %s. Pages of scans were turned upright and re-encoded; born-digital PDF pages are as issued.",
		c.opt.Now.Format("2006-01-02"), c.dossier)), "", "L", false)
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, 0, fmt.Errorf("cover page: %w", err)
	}
	return out.Bytes(), pdf.PageNo(), nil
}
