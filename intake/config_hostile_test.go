//go:build unix

package intake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadConfigHostile: each case fails at once with a message naming
// intake.yaml and why. A FIFO, or a link leading to one, would hang the
// test if it were opened.
func TestLoadConfigHostile(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir, outside string)
		want  string
	}{
		{"alias bomb", func(t *testing.T, dir, _ string) {
			writeFile(t, filepath.Join(dir, ConfigFile), aliasBomb())
		}, "alias bomb"},
		{"FIFO", func(t *testing.T, dir, _ string) {
			mkfifo(t, filepath.Join(dir, ConfigFile))
		}, "is a FIFO (named pipe), not a regular file"},
		{"folder", func(t *testing.T, dir, _ string) {
			os.Mkdir(filepath.Join(dir, ConfigFile), 0o755)
		}, "is a folder, not a regular file"},
		{"too large", func(t *testing.T, dir, _ string) {
			writeFile(t, filepath.Join(dir, ConfigFile), "country: FR\n"+strings.Repeat("# padding\n", 10_000))
		}, "more than 65536"},
		{"link out of the dossier", func(t *testing.T, dir, outside string) {
			writeFile(t, filepath.Join(outside, "shared.yaml"), "country: FR\n")
			symlink(t, filepath.Join(outside, "shared.yaml"), filepath.Join(dir, ConfigFile))
		}, "link to a file outside the dossier"},
		{"link to a FIFO out of the dossier", func(t *testing.T, dir, outside string) {
			mkfifo(t, filepath.Join(outside, "pipe"))
			symlink(t, filepath.Join(outside, "pipe"), filepath.Join(dir, ConfigFile))
		}, "link to a file outside the dossier"},
		{"link to a FIFO in the dossier", func(t *testing.T, dir, _ string) {
			mkfifo(t, filepath.Join(dir, "pipe"))
			symlink(t, "pipe", filepath.Join(dir, ConfigFile))
		}, "FIFO"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, outside := t.TempDir(), t.TempDir()
			tt.setup(t, dir, outside)
			_, err := LoadConfig(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), ConfigFile) {
				t.Fatalf("err = %v, want it to name %s and say %q", err, ConfigFile, tt.want)
			}
		})
	}
}

func TestLoadConfigLinkInside(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "settings.yaml"), "country: BE\n")
	symlink(t, "settings.yaml", filepath.Join(dir, ConfigFile))
	c, err := LoadConfig(dir)
	if err != nil || c.Country != "BE" {
		t.Fatalf("config %+v, %v", c, err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkLoadConfigAliasBomb measures the time and memory an alias bomb
// in intake.yaml costs (refused before it is decoded).
func BenchmarkLoadConfigAliasBomb(b *testing.B) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ConfigFile), []byte(aliasBomb()), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadConfig(dir); err == nil {
			b.Fatal("the alias bomb was decoded")
		}
	}
}
