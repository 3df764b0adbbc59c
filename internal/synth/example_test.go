package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestExampleUpToDate checks that testdata/example, the dossier the README
// runs intake on, is exactly what the generator draws: a committed fixture
// that nobody edited by hand. Regenerate it with go generate.
func TestExampleUpToDate(t *testing.T) {
	d := ExampleRS(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	root := filepath.Join("..", "..", "testdata", "example")
	for _, doc := range d.Docs {
		want, err := RenderDoc(d, doc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(doc.Name)))
		if err != nil {
			t.Fatalf("%v: run go generate ./internal/synth", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output: run go generate ./internal/synth", doc.Name)
		}
	}
}
