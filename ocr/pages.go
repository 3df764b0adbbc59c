package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"os/exec"
	"strconv"
	"strings"

	"github.com/disintegration/imaging"
)

// UprightImage turns img the way a page was read: clockwise by rotation
// (a multiple of 90, as in Page.Rotation), then counter-clockwise by skew
// degrees (as in Page.Skew), keeping its size and filling the corners
// with white. Colour is kept; img is not modified.
func UprightImage(img image.Image, rotation int, skew float64) image.Image {
	switch ((rotation % 360) + 360) % 360 {
	case 90:
		img = imaging.Rotate270(img) // imaging turns counter-clockwise
	case 180:
		img = imaging.Rotate180(img)
	case 270:
		img = imaging.Rotate90(img)
	}
	if skew <= -0.05 || skew >= 0.05 {
		b := img.Bounds()
		out := imaging.Rotate(img, skew, color.White)
		ob := out.Bounds()
		off := image.Pt((ob.Dx()-b.Dx())/2, (ob.Dy()-b.Dy())/2)
		img = imaging.Crop(out, image.Rectangle{Min: off, Max: off.Add(b.Size())})
	}
	return img
}

// PageScanImage returns the image of PDF page p as it was given to OCR
// (its embedded scan, or a rendering at renderDPI), in colour unless
// gray, and its resolution. Together with UprightImage and the page's
// layout it gives the page upright.
func (d *PDF) PageScanImage(ctx context.Context, p PDFPage, gray bool) (image.Image, int, error) {
	if p.Scan != nil {
		if img, err := DecodeImage(p.Scan); err == nil {
			return img, p.ScanDPI, nil
		}
	}
	n := strconv.Itoa(p.Number)
	args := []string{"-r", strconv.Itoa(renderDPI), "-f", n, "-l", n, "-singlefile", "-png"}
	if gray {
		args = append(args, "-gray")
	}
	cmd := exec.CommandContext(ctx, "pdftoppm", append(args, d.Path)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if errors.Is(err, exec.ErrNotFound) {
		return nil, 0, fmt.Errorf("pdftoppm is not installed (install poppler-utils: `sudo apt-get install poppler-utils`): %w", ErrDependency)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("render page %d: %v: %s", p.Number, err, strings.TrimSpace(stderr.String()))
	}
	img, err := DecodeImage(out)
	if err != nil {
		return nil, 0, fmt.Errorf("render page %d: %w", p.Number, err)
	}
	return img, renderDPI, nil
}
