package intake_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/eval"
)

// realWorldDev is ../shared/realworld-dev beside the repository: real
// documents nobody on the project wrote, with their truth.
func realWorldDev(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "..", "shared", "realworld-dev")
	if _, err := os.Stat(filepath.Join(dir, "truth.json")); err != nil {
		t.Skipf("no real-world development set at %s (it lives beside the repository, in ../shared): %v", dir, err)
	}
	return dir
}

// The real-world development set is read through the whole pipeline
// (Tesseract included) and scored against its truth; issue 11 wants every
// type and every printed issue date and expiry right.
func TestRealWorldDev(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Tesseract; run without -short")
	}
	dir := realWorldDev(t)
	eng := newEngine(t)
	read := func(ctx context.Context, filesDir string) ([]document.Document, error) {
		files, err := intake.Scan(filesDir)
		if err != nil {
			return nil, err
		}
		return intake.Read(ctx, eng, files, intake.Options{Country: "FR", Now: now, Workers: runtime.NumCPU()})
	}
	r, err := eval.Run(context.Background(), dir, read)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r.Print(&b)
	t.Log("\n" + b.String())
	for _, f := range []string{"type", "issued", "expires"} {
		if a := r.Fields[f].Accuracy(); a < 1 {
			t.Errorf("%s: %.0f%% right on the real-world set, want all", f, 100*a)
		}
	}
}
