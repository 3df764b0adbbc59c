package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(to), 0o755)
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWatch: the first verdict in full, then only what changed when a
// file appears and when it goes.
func TestWatch(t *testing.T) {
	t.Setenv("INTAKE_CACHE_DIR", t.TempDir())
	t.Setenv("OMP_THREAD_LIMIT", "1")
	example := filepath.Join("..", "testdata", "example")
	dir := t.TempDir()
	copyFile(t, filepath.Join(example, "intake.yaml"), filepath.Join(dir, "intake.yaml"))
	copyFile(t, filepath.Join(example, "zahtev.pdf"), filepath.Join(dir, "zahtev.pdf"))

	var out, errs syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int)
	go func() {
		err := runWatch(ctx, []string{dir, "--poll", "50ms", "--settle", "300ms", "--lang", "en"}, Env{Stdout: &out, Stderr: &errs})
		if err != nil {
			t.Errorf("watch: %v", err)
		}
		done <- exitCode(err)
	}()
	waitFor := func(what string) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for !strings.Contains(out.String(), what) {
			if time.Now().After(deadline) {
				t.Fatalf("no %q in the output:\n%s\nstderr:\n%s", what, out.String(), errs.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor("NOT READY")
	waitFor("Missing  Proof of address")
	waitFor("Still to do:\n  1. Add: ")
	first := len(out.String())

	bill := filepath.Join(dir, "stanovanje", "racun_za_struju.pdf")
	copyFile(t, filepath.Join(example, "stanovanje", "racun_za_struju.pdf"), bill)
	waitFor("added: stanovanje/racun_za_struju.pdf")
	waitFor("Missing → OK  Proof of address")
	changes := out.String()[first:]
	if strings.Contains(changes, "Application form") {
		t.Errorf("an unchanged requirement is printed again:\n%s", changes)
	}

	os.Remove(bill)
	waitFor("removed: stanovanje/racun_za_struju.pdf")
	waitFor("OK → Missing  Proof of address")
	cancel()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Errorf("exit code %d after Ctrl-C, want 0", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("watch did not stop")
	}
}

// TestWaitForChange: a file written in steps is reported once, complete.
// The writer pauses 80 ms between writes; a settle of one second leaves
// room for a loaded machine (CI runs OCR packages beside this one).
func TestWaitForChange(t *testing.T) {
	dir := t.TempDir()
	snap := snapshot(dir)
	go func() {
		f, _ := os.Create(filepath.Join(dir, "scan.pdf"))
		defer f.Close()
		for range 4 {
			time.Sleep(80 * time.Millisecond)
			f.Write(make([]byte, 1000))
		}
		os.WriteFile(filepath.Join(dir, ".scan.tmp"), []byte("hidden"), 0o644)
	}()
	cur, changed, err := waitForChange(context.Background(), dir, snap, 20*time.Millisecond, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if cur["scan.pdf"].size != 4000 {
		t.Errorf("returned while the file was %d bytes, want 4000", cur["scan.pdf"].size)
	}
	if changed != "added: scan.pdf" {
		t.Errorf("changed = %q", changed)
	}
}
