package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/intake-app/intake/document"
)

func TestScore(t *testing.T) {
	dir := t.TempDir()
	truth := `{"files": {
	  "a.jpg": {"type": "passport", "language": "en", "issued": "2007-04-16", "expires": "2012-04-15", "holder": "ERIKSSON ANNA MARIA"},
	  "b.pdf": {"type": "proof_of_address", "language": "fr", "issued": "2015-07-02", "expires": null, "period": ["2015-07-01", "2015-07-31"]},
	  "c.pdf": {"type": "unknown", "language": "en", "issued": null, "expires": null},
	  "d.jpg": {"type": "photo", "language": null, "issued": null, "expires": null}
	}}`
	if err := os.WriteFile(filepath.Join(dir, "truth.json"), []byte(truth), 0o644); err != nil {
		t.Fatal(err)
	}
	tr, err := LoadTruth(filepath.Join(dir, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	date := func(s string) document.Date { d, _ := document.ParseDate(s); return d }
	docs := []document.Document{
		{File: "a.jpg", Type: document.Passport, Language: "fr", Issued: date("2007-04-16"), Expires: date("2012-04-15"), Holder: "Eriksson Anna  Maria"},
		{File: "b.pdf", Type: document.BankStatement, Language: "fr", Issued: date("2015-07-02"), Expires: date("2015-07-31")},
		{File: "c.pdf", Type: document.Unknown, Language: "en", Issued: date("2020-01-01")},
	}
	r := Score(tr, docs)
	want := map[string]Tally{
		"type":     {Right: 2, Total: 3},
		"language": {Right: 2, Total: 3},
		"issued":   {Right: 2, Total: 2, Spurious: 1},
		"expires":  {Right: 2, Total: 2},
		"holder":   {Right: 1, Total: 1},
	}
	for f, w := range want {
		if got := *r.Fields[f]; got != w {
			t.Errorf("%s: %+v, want %+v", f, got, w)
		}
	}
	if r.Files != 3 || len(r.Missing) != 1 || r.Missing[0] != "d.jpg" {
		t.Errorf("files %d, missing %v", r.Files, r.Missing)
	}
	if r.Confusion[document.ProofOfAddress][document.BankStatement] != 1 {
		t.Errorf("confusion: %v", r.Confusion)
	}
	var b strings.Builder
	r.Print(&b)
	for _, s := range []string{"type        66.7%  2/3", "(1 read where none is printed)", `b.pdf: type want "proof_of_address", read "bank_statement"`} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, b.String())
		}
	}
}

func TestLoadTruthErrors(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"bad.json": "{", "type.json": `{"files": {"x": {"type": "visa"}}}`} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		if _, err := LoadTruth(p); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v should name the file", name, err)
		}
	}
	if _, err := LoadTruth(filepath.Join(dir, "none.json")); err == nil {
		t.Error("no error for a missing file")
	}
}
