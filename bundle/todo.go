package bundle

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/intake-app/intake/intake"
)

// WriteToDo writes the applicant's to-do sheet into the PDF file path:
// what the bundle's cover leaves out on purpose, for the applicant and
// not the authority. The verdict, the deadlines, the report's to-do
// (validate's Report.Todo: files that could not be read, duplicates, what
// each unmet requirement needs, what may be asked, another person's
// documents left out), the files no requirement uses, and the signed PDFs
// whose originals go with the bundle.
func WriteToDo(path string, in *intake.Result, opt Options) error {
	b, err := renderToDo(in, opt.withDefaults())
	if err != nil {
		return err
	}
	return writeAtomic(path, b)
}

func renderToDo(in *intake.Result, opt Options) ([]byte, error) {
	pdf, family, tr := newDoc()
	pdf.SetMargins(18, 18, 18)
	pdf.SetAutoPageBreak(true, 18)
	r := in.Report
	w := 210.0 - 36
	pdf.AddPage()
	pdf.SetFont(family, "B", 17)
	pdf.MultiCell(w, 8.5, tr("To do: for you, not for the counter"), "", "L", false)
	pdf.SetFont(family, "", 10)
	who := r.Applicant.Name
	if who == "" {
		who = in.Dir
	}
	pdf.MultiCell(w, 5.5, tr(fmt.Sprintf("%s · %s/%s: %s · checked for %s on %s", who, r.Country, r.Procedure, r.Title, r.Reference, opt.Now.Format("2006-01-02"))), "", "L", false)
	pdf.Ln(2)
	pdf.SetFont(family, "", 9)
	pdf.SetTextColor(90, 90, 90)
	pdf.MultiCell(w, 4.5, tr("Keep this sheet: it is not part of the bundle. The bundle's first page is an index for the authority."), "", "L", false)
	pdf.SetTextColor(0, 0, 0)
	pdf.Ln(3)

	heading := func(s string) {
		pdf.Ln(2)
		pdf.SetFont(family, "B", 12)
		pdf.MultiCell(w, 6.5, tr(s), "", "L", false)
	}
	item := func(head, body string) {
		pdf.SetFont(family, "B", 10)
		pdf.MultiCell(w, 5.5, tr("• "+head), "", "L", false)
		if body != "" {
			pdf.SetX(pdf.GetX() + 4)
			pdf.SetFont(family, "", 9.5)
			pdf.MultiCell(w-4, 5, tr(body), "", "L", false)
		}
		pdf.Ln(0.8)
	}

	pdf.SetFont(family, "B", 13)
	pdf.MultiCell(w, 7, tr(r.Summary()+"."), "", "L", false)
	if dl := r.Deadlines.Sentence(); dl != "" {
		pdf.SetFont(family, "", 10.5)
		pdf.MultiCell(w, 5.5, tr(dl), "", "L", false)
		if r.Deadlines.Late != "" {
			pdf.SetFont(family, "", 9.5)
			pdf.MultiCell(w, 5, tr("If you file late: "+r.Deadlines.Late+"."), "", "L", false)
		}
	}

	// What to do, as validate decided it (Report.Todo): blocking items
	// first, numbered as in the reports.
	if len(r.Todo) > 0 {
		heading("What to do")
		for i, t := range r.Todo {
			mark := "✗"
			if !t.Blocking {
				mark = "!"
			}
			pdf.SetFont(family, "", 9.5)
			pdf.MultiCell(w, 5, tr(fmt.Sprintf("%d. %s %s", i+1, mark, t.Action)), "", "L", false)
			pdf.Ln(0.8)
		}
	}
	var unreadable []string
	for _, d := range in.Documents {
		if d.Error != "" {
			unreadable = append(unreadable, d.File)
		}
	}
	others := in.Others()
	var unused []string
	for _, f := range Unused(in) {
		if !others[f] && !slices.Contains(unreadable, f) {
			unused = append(unused, f)
		}
	}
	if len(unused) > 0 {
		heading("Files no requirement uses (not in the bundle)")
		pdf.SetFont(family, "", 9.5)
		pdf.MultiCell(w, 5, tr(strings.Join(unused, ", ")), "", "L", false)
	}
	var signedFiles []string
	for _, s := range Sections(in) {
		for _, d := range s.Documents {
			if signed(d) {
				signedFiles = append(signedFiles, d.File)
			}
		}
	}
	if len(signedFiles) > 0 {
		heading("Digitally signed documents")
		for _, f := range signedFiles {
			item(f, "Its pages are copied into the bundle, but the signature only holds in the original file: hand in or upload the original as it is.")
		}
	}
	if len(r.Todo) == 0 && len(signedFiles) == 0 {
		pdf.Ln(2)
		pdf.SetFont(family, "", 10.5)
		pdf.MultiCell(w, 5.5, tr("Nothing left to do: hand in the bundle within the filing window."), "", "L", false)
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, fmt.Errorf("to-do sheet: %w", err)
	}
	return out.Bytes(), nil
}
