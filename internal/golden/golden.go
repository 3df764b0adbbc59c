// Package golden compares a test's output with a golden file under
// testdata, or rewrites the file when the test runs with -update.
package golden

import (
	"bytes"
	"os"
	"testing"
)

// Check compares got with the golden file at path, or writes got there
// when update is set (the calling package's -update flag). A difference
// fails the test with the output and the command that rewrites the file.
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (write it with go test -run '%s' -update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test -run '%s' -update and review the diff:\n%s", path, t.Name(), got)
	}
}
