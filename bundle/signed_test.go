package bundle_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/bundle"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

// TestSigned: a digitally signed PDF is copied unchanged in split mode,
// and its pages are imported into the bundle, the cover saying it is
// signed. The signature is simulated: intake only looks for its
// dictionary.
func TestSigned(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed: install poppler-utils (scripts/setup-debian)")
	}
	form, err := os.ReadFile(filepath.Join("..", "testdata", "example", "zahtev.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	signedPDF := append(append([]byte(nil), form...), []byte("\n% /Type /Sig /ByteRange [0 0 0 0]\n")...)
	path := filepath.Join(dir, "zahtev_potpisan.pdf")
	if err := os.WriteFile(path, signedPDF, 0o644); err != nil {
		t.Fatal(err)
	}
	in := &intake.Result{
		Dir: dir,
		Documents: []document.Document{{File: "zahtev_potpisan.pdf", Path: path, Format: "application/pdf", Pages: 1,
			Type: document.ApplicationForm, Layout: []document.PageLayout{{Source: document.SourceTextLayer}}}},
		Report: &validate.Report{Country: "RS", Procedure: "permanent-residence-renewal", Title: "Test", Ready: true,
			Requirements: []validate.Outcome{{ID: "application-form", Title: "Application form", Status: validate.OK, Files: []string{"zahtev_potpisan.pdf"}}}},
	}
	out := t.TempDir()
	files, err := bundle.Split(context.Background(), out, in, 2_000_000, bundle.Options{Now: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || !files[0].Signed || filepath.Base(files[0].Path) != "01-application-form.pdf" {
		t.Fatalf("split: %+v", files)
	}
	if b, _ := os.ReadFile(files[0].Path); !bytes.Equal(b, signedPDF) {
		t.Error("the signed PDF was not copied unchanged")
	}
	res, err := bundle.Write(context.Background(), filepath.Join(out, "bundle.pdf"), in, bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 2 || len(res.Signed) != 1 {
		t.Errorf("bundle: %+v", res)
	}
	// The note is for the applicant: on the to-do sheet, not the cover.
	sheet := filepath.Join(out, "todo.pdf")
	if err := bundle.WriteToDo(sheet, in, bundle.Options{}); err != nil {
		t.Fatal(err)
	}
	if todo := pdftotext(t, sheet, 1); !strings.Contains(todo, "zahtev_potpisan.pdf") || !strings.Contains(todo, "signature only holds in the original") {
		t.Errorf("the to-do sheet does not note the signature:\n%s", todo)
	}
}
