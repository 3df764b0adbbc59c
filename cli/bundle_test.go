package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBundleLeavesOutOtherPerson: the bundle of a dossier holding another
// person's employment contract leaves it out and says so; its cover holds
// no verdict or advice.
func TestBundleLeavesOutOtherPerson(t *testing.T) {
	caseloadUsed = true
	dir, err := caseload()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("INTAKE_CACHE_DIR", filepath.Join(dir, ".cache"))
	out := filepath.Join(t.TempDir(), "bundle.pdf")
	var stdout, stderr bytes.Buffer
	// The dossier is ready (the other person's contract is left out of
	// the checks); the cover must hold no verdict all the same.
	code := Run([]string{"bundle", filepath.Join(dir, "07-fr-other-person"), "-o", out, "--on", caseloadDay.Format(time.DateOnly), "--quiet", "--force"},
		Env{Stdout: &stdout, Stderr: &stderr})
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "left out travail/contrat_autre.pdf: its holder is LEFEBVRE CAMILLE") {
		t.Errorf("the command does not say it left the document out:\n%s", stderr.String())
	}
	text, err := exec.Command("pdftotext", "-layout", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(text), "LEFEBVRE") || strings.Contains(string(text), "CDI-2024-0093") {
		t.Errorf("the other person's contract is in the bundle:\n%s", text)
	}
	cover, err := exec.Command("pdftotext", "-l", "1", "-layout", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"READY", "requirements", "needs_review", "partly checked", "file on ANEF", "droit de visa", "contrat_autre"} {
		if strings.Contains(string(cover), s) {
			t.Errorf("the cover holds %q:\n%s", s, cover)
		}
	}
	if !strings.Contains(string(cover), "Bordereau des pièces") || !strings.Contains(string(cover), "KOWALSKI PIOTR") {
		t.Errorf("the cover is not the French index for KOWALSKI PIOTR:\n%s", cover)
	}
	todo, err := exec.Command("pdftotext", strings.TrimSuffix(out, ".pdf")+"-todo.pdf", "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(todo), "travail/contrat_autre.pdf") || !strings.Contains(string(todo), "READY: every one of the") {
		t.Errorf("the to-do sheet does not name the document left out:\n%s", todo)
	}
}

// TestSeveralDossiersRefused: validate and bundle refuse a folder of
// dossiers, saying how to check them one by one or all together.
func TestSeveralDossiersRefused(t *testing.T) {
	caseloadUsed = true
	dir, err := caseload()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate", dir}, {"bundle", dir, "-o", filepath.Join(t.TempDir(), "x.pdf")}} {
		var stdout, stderr bytes.Buffer
		code := Run(args, Env{Stdout: &stdout, Stderr: &stderr})
		if code != ExitUsage {
			t.Errorf("%s: exit %d, want %d", args[0], code, ExitUsage)
		}
		msg := stderr.String()
		for _, s := range []string{"holds 21 dossiers", "intake validate " + filepath.Join(dir, "01-fr-open"), "intake status " + dir} {
			if !strings.Contains(msg, s) {
				t.Errorf("%s: the message lacks %q:\n%s", args[0], s, msg)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a bundle was written")
	}
}
