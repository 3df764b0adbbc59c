package intake

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/ocr/mrz"
	"github.com/intake-app/intake/validate"
)

func TestSharesName(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"LI NA", "Li Na", true},
		{"LI NA", "NA LI", true},
		{"WANG XIAOMING", "WANG XIAO MING", true},
		{"BENALI AMINA", "Amina Benali-Haddad", true},
		{"KOWALSKI PIOTR", "KOWALSKl PIOTR", true}, // one OCR error
		{"WANG XIAOMING", "WANC XlAOMlNG", true},   // OCR errors in every word
		{"LI NA", "LU NI", false},                  // short names: one letter is another name
		{"PETROVIC MARKO", "PETRIC MIRKO", true},   // near names: better a stray kept than a document lost
		{"Müller Jürgen", "MULLER JURGEN", true},
		{"KOWALSKI PIOTR", "LEFEBVRE CAMILLE", false},
		{"LI NA", "ZHANG WEI", false},
		{"KARIMOV RUSTAM", "Каримов Рустам", true}, // another script: not told apart
		{"IVANOVA ELENA", "", true},
	}
	for _, tc := range cases {
		if got := sharesName(tc.a, tc.b); got != tc.want {
			t.Errorf("sharesName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func passport(file, surname, given string) document.Document {
	return document.Document{File: file, Type: document.Passport, TextSource: document.SourceOCR, Confidence: 90,
		MRZ: &mrz.Result{Valid: true, Surname: surname, GivenNames: given}}
}

func text(file string, t document.Type, holder string) document.Document {
	return document.Document{File: file, Type: t, Holder: holder, TextSource: document.SourceTextLayer, Confidence: 100}
}

func TestHolders(t *testing.T) {
	docs := []document.Document{
		passport("a/passeport.jpg", "BENALI", "AMINA"),
		passport("a/passeport (1).jpg", "BENALI", "AMINA"),
		text("a/titre.pdf", document.ResidencePermit, "BENALI AMINA"),
		passport("b/paspoort.jpg", "ZHANG", "WEI"),
		text("b/contract.pdf", document.EmploymentContract, "ZHANG WEI"),
		{File: "c/photo.jpg", Type: document.Photo},
	}
	hs := holders(docs)
	if len(hs) != 2 || hs[0].Name != "BENALI AMINA" || hs[1].Name != "ZHANG WEI" {
		t.Errorf("holders = %+v, want BENALI AMINA and ZHANG WEI", hs)
	}
	if hs := holders(docs[:3]); len(hs) != 1 {
		t.Errorf("one person's passports and card: holders = %+v", hs)
	}
}

func TestSeparate(t *testing.T) {
	rules, err := validate.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := document.ParseDate("2026-12-01")
	proc, err := rules.Procedure("FR", "carte-de-sejour-renewal", ref)
	if err != nil {
		t.Fatal(err)
	}
	facts := validate.Facts{Reference: ref}
	contract := text("contrat.pdf", document.EmploymentContract, "Camille Lefebvre")
	contract.Issued, _ = document.ParseDate("2024-01-10")
	// A rent receipt whose only name is the block it is addressed to,
	// read as the landlord's: never taken for another person's document.
	receipt := text("quittance.pdf", document.ProofOfAddress, "MARTIN JEAN")
	receipt.HolderAddressed = true
	docs := []document.Document{
		passport("passeport.jpg", "BENALI", "AMINA"),
		text("facture.pdf", document.ProofOfAddress, "Mme Amina BENALI"),
		text("attestation.pdf", document.HealthInsurance, "BENALI AMINA"),
		contract,
		receipt,
	}
	res := &Result{Dir: "amina", Procedure: proc, Settings: Settings{Facts: facts}, Documents: docs,
		Report: validate.Evaluate(proc, docs, facts)}
	var work validate.Outcome
	for _, o := range res.Report.Requirements {
		if o.ID == "employment" {
			work = o
		}
	}
	if !slices.Contains(work.Files, "contrat.pdf") {
		t.Fatalf("before: the other person's contract should count for employment: %+v", work)
	}
	if err := separate(res); err != nil {
		t.Fatal(err)
	}
	if len(res.Report.Others) != 1 || res.Report.Others[0] != (validate.Other{File: "contrat.pdf", Holder: "Camille Lefebvre"}) {
		t.Errorf("Others = %+v", res.Report.Others)
	}
	for _, o := range res.Report.Requirements {
		if slices.Contains(o.Files, "contrat.pdf") {
			t.Errorf("%s still counts the other person's contract: %+v", o.ID, o)
		}
		if o.ID == "employment" && o.Status != validate.Missing {
			t.Errorf("employment: %s, want missing once the contract is left out", o.Status)
		}
	}
	if w := res.Documents[3].Warnings; len(w) != 1 || !strings.Contains(w[0], "another person's document") {
		t.Errorf("no warning on the contract: %q", w)
	}
	if n := len(res.Report.Todo); n == 0 || res.Report.Todo[n-1].Blocking || !strings.Contains(res.Report.Todo[n-1].Action, "contrat.pdf is Camille Lefebvre's document") {
		t.Errorf("the to-do does not end with the other person's document: %+v", res.Report.Todo)
	}
	if len(res.Documents) != 5 {
		t.Errorf("the documents listed changed: %d", len(res.Documents))
	}

	// Two people's passports: refused as several dossiers.
	res.Documents = append(res.Documents, passport("paspoort.jpg", "ZHANG", "WEI"))
	var several *SeveralDossiersError
	err = separate(res)
	if !errors.As(err, &several) || len(several.Holders) != 2 {
		t.Errorf("two people's passports: %v", err)
	}
	var se *SettingsError
	if !errors.As(err, &se) {
		t.Error("the refusal is not a settings error (exit 2)")
	}
}

func TestNestedDossiers(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"amina/intake.yaml", "dupont_be/intake.yaml", "wang/rs/intake.yaml", "wang/rs/inner/intake.yaml",
		".hidden/intake.yaml", "loose/scan.jpg"} {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := NestedDossiers(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"amina", "dupont_be", "wang/rs"}; !slices.Equal(got, want) {
		t.Errorf("NestedDossiers = %v, want %v", got, want)
	}
	var several *SeveralDossiersError
	if err := checkNested(dir); !errors.As(err, &several) || len(several.Dossiers) != 3 {
		t.Errorf("checkNested: %v", err)
	}
	if err := checkNested(filepath.Join(dir, "amina")); err != nil {
		t.Errorf("a dossier without subfolders: %v", err)
	}
}

// TestCheckMany: every dossier is handed over once with its index; one
// that fails keeps its error and does not stop the others.
func TestCheckMany(t *testing.T) {
	example := filepath.Join("..", "testdata", "example")
	dirs := []string{example, filepath.Join(t.TempDir(), "nowhere"), example}
	opt := Options{On: "2026-12-01", Recorded: filepath.Join("..", "testdata", "readings", "example")}
	seen := map[int]Checked{}
	if err := CheckMany(context.Background(), dirs, opt, 2, func(i int, c Checked) { seen[i] = c }); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3 {
		t.Fatalf("%d checks handed over, want 3", len(seen))
	}
	for _, i := range []int{0, 2} {
		if c := seen[i]; c.Err != nil || c.Result == nil || c.Result.Report.Applicant.Name != "WANG XIAOMING" || c.Dir != dirs[i] {
			t.Errorf("dossier %d: %+v", i, c)
		}
	}
	if c := seen[1]; c.Err == nil || c.Result != nil {
		t.Errorf("the missing folder: %+v", c)
	}
}
