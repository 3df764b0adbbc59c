package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"

	"github.com/intake-app/intake/intake"
)

// writeOutput renders to stdout, or, when path is given, to that file,
// atomically: the output is written next to it under a temporary name and
// renamed over it only once complete, so that a full disk or an interrupt
// never leaves a cut-off report, nor loses an earlier one. A path that is
// one of the dossier's own files is refused: intake never writes over an
// input.
func writeOutput(stdout io.Writer, path string, res *intake.Result, render func(io.Writer) error) error {
	if path == "" {
		if err := render(stdout); err != nil {
			return outputErrorf("write the report: %w", err)
		}
		return nil
	}
	if err := refuseDossierFile(path, res); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return outputErrorf("write the report: %w", err)
	}
	return writeFileAtomic(path, buf.Bytes())
}

// refuseDossierFile returns a usage error when path is a file of the
// dossier that was just read.
func refuseDossierFile(path string, res *intake.Result) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return usagef("-o %s: %v", path, err)
	}
	target, err := os.Stat(abs)
	if err != nil {
		return nil // a new file cannot be one of the dossier's
	}
	for _, d := range res.Documents {
		if info, err := os.Stat(d.Path); err == nil && os.SameFile(info, target) {
			return usagef("-o %s is %s, a file of the dossier: intake never writes over your scans; give another file name", path, d.File)
		}
	}
	return nil
}

// writeFileAtomic writes data to path through a temporary file in the
// same folder, synced and renamed over path.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return usagef("-o %s is a folder: give the file to write", path)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return outputErrorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing left to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return outputErrorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return outputErrorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return outputErrorf("cannot write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return outputErrorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return outputErrorf("cannot write %s: %w", path, err)
	}
	return nil
}
