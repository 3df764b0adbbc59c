package validate

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLoadDirAndWith(t *testing.T) {
	builtin, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := builtinFS.ReadFile("rules/rs-permanent-residence-renewal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// A user's version of a built-in procedure, and a new procedure.
	custom := strings.Replace(string(rs), "title: Permanent-residence card renewal", "title: Permanent-residence card renewal (Novi Sad office)", 1)
	if custom == string(rs) {
		t.Fatal("the RS rule file's title changed: update this test")
	}
	os.WriteFile(filepath.Join(dir, "rs.yaml"), []byte(custom), 0o644)
	other := strings.Replace(custom, "id: permanent-residence-renewal", "id: temporary-residence-renewal", 1)
	os.WriteFile(filepath.Join(dir, "rs-temporary.yaml"), []byte(other), 0o644)
	user, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	all := builtin.With(user)
	p, err := all.Procedure("RS", "permanent-residence-renewal", day("2026-12-01"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Title, "Novi Sad") || !strings.HasPrefix(p.File, dir) {
		t.Errorf("got %q from %s, want the user's version", p.Title, p.File)
	}
	if _, err := all.Procedure("RS", "temporary-residence-renewal", day("2026-12-01")); err != nil {
		t.Errorf("the user's new procedure: %v", err)
	}
	if _, err := all.Procedure("FR", "carte-de-sejour-renewal", day("2026-12-01")); err != nil {
		t.Errorf("a built-in procedure the user did not touch: %v", err)
	}

	// A broken file is refused with its name and line.
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte(strings.Replace(custom, "languages:", "langauges:", 1)), 0o644)
	_, err = LoadDir(dir)
	if err == nil || !strings.Contains(err.Error(), "broken.yaml") || !strings.Contains(err.Error(), "langauges") {
		t.Errorf("err = %v, want the file and the unknown key", err)
	}
	if _, err := LoadDir(filepath.Join(dir, "none")); err == nil {
		t.Error("no error for a missing folder")
	}
}

// A pipe named like a rule file is refused at once, never read (it would
// hang intake).
func TestLoadDirRefusesPipes(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "x.yaml"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := LoadDir(dir); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "x.yaml is not a plain file") {
			t.Errorf("error %v, want x.yaml refused as not a plain file", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("LoadDir hangs on a FIFO")
	}
}
