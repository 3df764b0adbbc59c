package bundle_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/intake-app/intake/bundle"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

// TestLetterPDF: a born-digital page on US Letter goes on A4 and keeps
// its text. Its core-font dictionary fails pdfcpu's strict validation:
// the bundle is still written, with a warning that says why.
func TestLetterPDF(t *testing.T) {
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Fatal("pdfinfo is needed: install poppler-utils (scripts/setup-debian)")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "statement.pdf")
	pdf := fpdf.New("P", "mm", "Letter", "")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.Text(20, 30, "Bank statement of account for the applicant, November 2026")
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	in := &intake.Result{Dir: dir,
		Documents: []document.Document{{File: "statement.pdf", Path: path, Format: "application/pdf", Pages: 1,
			Type: document.BankStatement, Layout: []document.PageLayout{{Source: document.SourceTextLayer}}}},
		Report: &validate.Report{Title: "Test", Ready: true, Requirements: []validate.Outcome{
			{ID: "means", Title: "Means of subsistence", Status: validate.OK, Files: []string{"statement.pdf"}}}}}
	res, err := bundle.Write(context.Background(), filepath.Join(t.TempDir(), "b.pdf"), in, bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 2 || !strings.Contains(res.Warning, "relaxed validation") {
		t.Errorf("result: %+v", res)
	}
	out, err := exec.Command("pdfinfo", "-f", "2", "-l", "2", res.Path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "(A4)") {
		t.Errorf("page 2 is not on A4:\n%s", out)
	}
	if txt := pdftotext(t, res.Path, 2); !strings.Contains(txt, "Bank statement of account") {
		t.Errorf("page 2 lost its text: %q", txt)
	}
}
