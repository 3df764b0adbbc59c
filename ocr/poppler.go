package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"os/exec"
	"strconv"
	"strings"
)

// poppler runs one of poppler's programs (pdftotext, pdftoppm) and returns
// what it wrote on stdout. A missing program is a DependencyError naming
// its package; a failure carries what the program said on stderr. This is
// the one place intake runs poppler.
func poppler(ctx context.Context, program string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, program, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if errors.Is(err, exec.ErrNotFound) {
		return nil, &DependencyError{What: program + " (poppler)", Packages: []string{"poppler-utils"}}
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &popplerError{program: program, err: err, stderr: strings.TrimSpace(stderr.String())}
	}
	return out, nil
}

// popplerError is a poppler program that ran and failed.
type popplerError struct {
	program, stderr string
	err             error
}

func (e *popplerError) Error() string {
	return fmt.Sprintf("%s: %v: %s", e.program, e.err, e.stderr)
}

func (e *popplerError) Unwrap() error { return e.err }

// Thumbnail renders page 1 of the PDF at path at dpi (a small preview:
// the HTML report's cards), within the default limits.
func Thumbnail(ctx context.Context, path string, dpi int) (image.Image, error) {
	out, err := poppler(ctx, "pdftoppm", "-r", strconv.Itoa(dpi), "-f", "1", "-l", "1", "-singlefile", "-png", path)
	if err != nil {
		return nil, err
	}
	return Limits{}.DecodeImage(out)
}
