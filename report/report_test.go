package report

import (
	"bytes"
	"flag"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/internal/golden"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/ocr/mrz"
	"github.com/intake-app/intake/validate"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func input() *intake.Result {
	day := func(s string) document.Date { d, _ := document.ParseDate(s); return d }
	return &intake.Result{
		Dir: "dossier",
		Documents: []document.Document{
			{File: "pasos.jpg", Pages: 1, Type: document.Passport, Language: "en", Script: "Latn", Country: "CN",
				Issued: day("2023-10-01"), Expires: day("2033-09-30"), Holder: "WANG XIAOMING", Number: "EK3728461",
				TextSource: document.SourceOCR, Confidence: 78.43, Format: "image/jpeg",
				MRZ: &mrz.Result{Format: mrz.TD3, Valid: true, DocumentType: "P", IssuingState: "CHN",
					DocumentNumber: "EK3728461", Nationality: "CHN", Sex: "M", Surname: "WANG", GivenNames: "XIAOMING",
					BirthDate: time.Date(1988, 5, 14, 0, 0, 0, 0, time.UTC), ExpiryDate: time.Date(2033, 9, 30, 0, 0, 0, 0, time.UTC),
					Lines:  []string{"POCHNWANG<<XIAOMING<<<<<<<<<<<<<<<<<<<<<<<<<", "EK37284611CHN8805142M3309302<<<<<<<<<<<<<<<6"},
					Checks: []mrz.Check{{Field: "document_number", OK: true}, {Field: "composite", OK: true}}},
				Warnings: []string{"page 1 was turned by 90°: intake read it upright, but scan it upright for the counter"}},
			{File: "foto.jpg", Pages: 1, Type: document.Photo, Format: "image/jpeg",
				Photo: &document.PhotoCheck{WidthPx: 827, HeightPx: 1063, DPI: 600, WidthMM: 35, HeightMM: 45, Compliant: true}},
			{File: "scan.png", Pages: 1, Type: document.Photo, Format: "image/png",
				Photo: &document.PhotoCheck{WidthPx: 800, HeightPx: 1000, Problems: []string{"the file does not say its print size"},
					Unchecked: []string{"head size: no face was found; check it by hand"}}},
			{File: "empty.pdf", Type: document.Unknown, Error: "the file is empty: scan or export the document again"},
		},
		Report: &validate.Report{
			Country: "RS", Procedure: "permanent-residence-renewal", Title: "Permanent-residence card renewal",
			Reference: day("2026-12-01"), Nationality: "CN", RuleFile: "rules/rs-permanent-residence-renewal.yaml",
			Requirements: []validate.Outcome{
				{ID: "passport", Title: "Passport valid at least 6 months", Status: validate.OK, Files: []string{"pasos.jpg"}, Source: "003_5791ef5deadbfea0.txt"},
				{ID: "photos", Title: "Photos", Status: validate.NeedsReview, Files: []string{"scan.png"}, Message: "scan.png could not be measured: check it by hand", Source: "003_5791ef5deadbfea0.txt"},
				{ID: "criminal-record-rs", Title: "Serbian criminal record", Status: validate.Missing, Message: "No criminal record in the dossier: ask the police for one", Source: "003_5791ef5deadbfea0.txt"},
			},
		},
	}
}

func TestJSONGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, input()); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "report.json.golden"), b.Bytes(), *update)
}

func TestTextGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		color bool
	}{{"report.txt.golden", false}, {"report.color.golden", true}} {
		var b bytes.Buffer
		if err := WriteText(&b, input(), TextOptions{Color: tc.color}); err != nil {
			t.Fatal(err)
		}
		if !tc.color && bytes.Contains(b.Bytes(), []byte("\x1b[")) {
			t.Error("colour codes in the plain text report")
		}
		golden.Check(t, filepath.Join("testdata", tc.name), b.Bytes(), *update)
	}
}

// A file name is data: whatever it holds, it must not add a line to the
// text report (a forged verdict) nor reach the terminal as an escape.
func TestTextEscapesNames(t *testing.T) {
	in := input()
	in.Documents[3].File = "x\n\nREADY: every requirement is met.\n\x1b[2J.jpg"
	var b strings.Builder
	if err := WriteText(&b, in, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "\nREADY") || strings.Contains(out, "\x1b") {
		t.Errorf("the name reached the report raw:\n%s", out)
	}
	if !strings.Contains(out, `x\n\nREADY: every requirement is met.\n\x1b[2J.jpg`) {
		t.Errorf("the name is not shown escaped:\n%s", out)
	}
}
