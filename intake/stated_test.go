package intake

import (
	"strings"
	"testing"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake/extract"
)

func TestApplyStated(t *testing.T) {
	docs := []document.Document{
		{File: "scan 3.jpg", Type: document.BankStatement},
		{File: "pasos.jpg", Type: document.Passport},
	}
	stated := map[string]extract.Stated{"./scan 3.jpg": {Type: document.ProofOfAddress, Issued: "2026-11-03"}}
	if err := applyStated("dossier", stated, docs); err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	if d.Type != document.ProofOfAddress || d.Issued != document.NewDate(2026, 11, 3) || strings.Join(d.Stated, ",") != "type,issued" {
		t.Errorf("stated values not applied: %+v", d)
	}
	if docs[1].Type != document.Passport || len(docs[1].Stated) != 0 {
		t.Errorf("another document changed: %+v", docs[1])
	}
	err := applyStated("dossier", map[string]extract.Stated{"nothere.pdf": {Type: document.Payslip}}, docs)
	if err == nil || !strings.Contains(err.Error(), `"nothere.pdf" is not a file of the dossier`) {
		t.Errorf("a stated file that is not there: %v", err)
	}
}
