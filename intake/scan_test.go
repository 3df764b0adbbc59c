//go:build unix

package intake

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/intake-app/intake/ocr"
)

// smallJPEG is a valid 64×64 JPEG.
func smallJPEG(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 64, 64)), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make a link here: %v", err)
	}
}

// TestScanHostileEntries: every entry that is not a regular file inside
// the dossier is listed with why, and never opened. The targets outside
// the dossier and the FIFOs would hang the test if they were opened.
func TestScanHostileEntries(t *testing.T) {
	outside := t.TempDir()
	dir := t.TempDir()
	jpg := smallJPEG(t)
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("scan.jpg", jpg)
	write("sub/inner.jpg", jpg)
	mkfifo(t, filepath.Join(outside, "pipe"))
	if err := os.WriteFile(filepath.Join(outside, "secret.jpg"), jpg, 0o644); err != nil {
		t.Fatal(err)
	}
	mkfifo(t, filepath.Join(dir, "fifo.jpg"))
	symlink(t, filepath.Join(outside, "secret.jpg"), filepath.Join(dir, "out.jpg"))
	symlink(t, filepath.Join(outside, "pipe"), filepath.Join(dir, "out-pipe.jpg"))
	symlink(t, "../"+filepath.Base(outside)+"/secret.jpg", filepath.Join(dir, "relative-out.jpg"))
	symlink(t, "scan.jpg", filepath.Join(dir, "in.jpg"))
	symlink(t, "../scan.jpg", filepath.Join(dir, "sub", "up.jpg"))
	symlink(t, "fifo.jpg", filepath.Join(dir, "in-fifo.jpg"))
	symlink(t, "sub", filepath.Join(dir, "folder-link"))
	symlink(t, "loop2.jpg", filepath.Join(dir, "loop1.jpg"))
	symlink(t, "loop1.jpg", filepath.Join(dir, "loop2.jpg"))
	symlink(t, "missing.jpg", filepath.Join(dir, "dangling.jpg"))
	symlink(t, "/", filepath.Join(dir, "root-link"))
	// A small JPEG followed by 1.2 GB of trailing data, as a sparse file.
	write("huge.jpg", jpg)
	if err := os.Truncate(filepath.Join(dir, "huge.jpg"), 1200<<20); err != nil {
		t.Fatal(err)
	}

	files, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // name: a part of its Problem; "" for none
		"scan.jpg":         "",
		"sub/inner.jpg":    "",
		"in.jpg":           "",
		"sub/up.jpg":       "",
		"fifo.jpg":         "is a FIFO (named pipe), not a regular file",
		"in-fifo.jpg":      "is a FIFO (named pipe), not a regular file",
		"out.jpg":          "link to a file outside the dossier",
		"out-pipe.jpg":     "link to a file outside the dossier",
		"relative-out.jpg": "link to a file outside the dossier",
		"folder-link":      "link to a folder",
		"loop1.jpg":        "leads to no file",
		"loop2.jpg":        "leads to no file",
		"dangling.jpg":     "leads to no file",
		"root-link":        "outside the dossier",
		"huge.jpg":         "1.2 GB, more than the limit of 256 MB",
	}
	got := map[string]File{}
	for _, f := range files {
		got[f.Rel] = f
	}
	for name, problem := range want {
		f, ok := got[name]
		if !ok {
			t.Errorf("%s: not listed", name)
			continue
		}
		if problem == "" {
			if f.Problem != "" || f.MIME != "image/jpeg" {
				t.Errorf("%s: problem %q, type %q; want a JPEG to read", name, f.Problem, f.MIME)
			}
			if real, _ := filepath.EvalSymlinks(f.Path); real != f.Path {
				t.Errorf("%s: path %s is a link; want the file it leads to", name, f.Path)
			}
			continue
		}
		if !strings.Contains(f.Problem, problem) {
			t.Errorf("%s: problem %q, want %q", name, f.Problem, problem)
		}
		if f.MIME != "" {
			t.Errorf("%s: type %q was detected: the file was opened", name, f.MIME)
		}
	}
	if len(files) != len(want) {
		t.Errorf("%d files listed, want %d", len(files), len(want))
	}
	// The size limit can be raised.
	files, err = ScanLimited(dir, ocr.Limits{MaxFileBytes: 2 << 30})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Rel == "huge.jpg" && f.Problem != "" {
			t.Errorf("limit raised: %s", f.Problem)
		}
	}
}

func TestScanDossierBehindLink(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "scan.jpg"), smallJPEG(t), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "dossier")
	symlink(t, dir, link)
	files, err := Scan(link)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Rel != "scan.jpg" || files[0].Problem != "" {
		t.Fatalf("files = %+v", files)
	}
}
