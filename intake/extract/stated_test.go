package extract

import (
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/intake-app/intake/document"
)

// The documents key of intake.yaml reads into Stated, unquoted dates too.
func TestStatedYAML(t *testing.T) {
	var c struct {
		Documents map[string]Stated `yaml:"documents"`
	}
	src := "documents:\n  \"scan 3.jpg\": {type: proof_of_address, issued: 2026-11-03}\n  bill.pdf:\n    expires: \"2027-01-31\"\n"
	if err := yaml.UnmarshalWithOptions([]byte(src), &c, yaml.Strict()); err != nil {
		t.Fatal(err)
	}
	want := map[string]Stated{
		"scan 3.jpg": {Type: document.ProofOfAddress, Issued: "2026-11-03"},
		"bill.pdf":   {Expires: "2027-01-31"},
	}
	for name, w := range want {
		if got := c.Documents[name]; got != w {
			t.Errorf("%s: %+v, want %+v", name, got, w)
		}
	}
}

func TestStatedApply(t *testing.T) {
	d := document.Document{File: "scan 3.jpg", Type: document.BankStatement, Review: "a bank statement or a proof of address?",
		Alternative: document.ProofOfAddress, Evidence: []document.Signal{{Type: document.BankStatement, Weight: 3, Why: "title"}}}
	if err := (Stated{Type: document.ProofOfAddress, Issued: "2026-11-03"}).Apply(&d); err != nil {
		t.Fatal(err)
	}
	if d.Type != document.ProofOfAddress || d.Issued.String() != "2026-11-03" || d.Review != "" || d.Alternative != "" {
		t.Errorf("after Apply: %+v", d)
	}
	if strings.Join(d.Stated, ",") != "type,issued" {
		t.Errorf("Stated = %v", d.Stated)
	}
	if len(d.Evidence) != 1 || d.Evidence[0].Why != "stated in intake.yaml" {
		t.Errorf("Evidence = %+v", d.Evidence)
	}
	// Stating the same twice does not repeat the field.
	if err := (Stated{Issued: "2026-11-04"}).Apply(&d); err != nil || strings.Join(d.Stated, ",") != "type,issued" {
		t.Errorf("second Apply: %v %v", err, d.Stated)
	}
}

func TestStatedErrors(t *testing.T) {
	for _, s := range []Stated{{Type: "visa"}, {Issued: "3.11.2026"}, {Expires: "2026-02-30"}} {
		d := document.Document{Type: document.Passport}
		err := s.Apply(&d)
		if err == nil {
			t.Errorf("%+v: no error", s)
			continue
		}
		if d.Type != document.Passport || len(d.Stated) != 0 {
			t.Errorf("%+v: the document changed on error: %+v", s, d)
		}
		t.Logf("%+v: %v", s, err)
	}
}

func TestApplyStated(t *testing.T) {
	docs := []document.Document{{File: "scan 3.jpg", Type: document.Unknown}, {File: "bills/march.pdf", Type: document.ProofOfAddress}}
	err := ApplyStated(docs, map[string]Stated{"scan 3.jpg": {Type: document.ProofOfAddress}, "bills/march.pdf": {Expires: "2027-03-31"}})
	if err != nil {
		t.Fatal(err)
	}
	if docs[0].Type != document.ProofOfAddress || docs[1].Expires.String() != "2027-03-31" {
		t.Errorf("docs: %+v", docs)
	}
	// A file that is not there is named; nothing is applied.
	docs = []document.Document{{File: "a.jpg", Type: document.Unknown}}
	err = ApplyStated(docs, map[string]Stated{"a.jpg": {Type: document.Photo}, "scan 4.jpg": {Type: document.Photo}})
	if err == nil || !strings.Contains(err.Error(), `"scan 4.jpg"`) {
		t.Errorf("error %v should name scan 4.jpg", err)
	}
	if docs[0].Type != document.Unknown {
		t.Errorf("applied despite the error: %+v", docs[0])
	}
	err = ApplyStated(docs, map[string]Stated{"a.jpg": {Issued: "yesterday"}})
	if err == nil || !strings.Contains(err.Error(), `"a.jpg"`) {
		t.Errorf("error %v should name a.jpg", err)
	}
}
