package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"os/exec"
	"strconv"
	"strings"

	"github.com/disintegration/imaging"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
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
// (its embedded scan, or a rendering), in colour unless gray, and its
// resolution. Together with UprightImage and the page's layout it gives
// the page upright. Only this page's image is made; the PDF keeps none.
func (d *PDF) PageScanImage(ctx context.Context, p PDFPage, gray bool) (image.Image, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	if p.scanObj != 0 {
		if img, err := d.scan(p); err == nil {
			return img, p.ScanDPI, nil
		}
		// A scan pdfcpu cannot extract (JBIG2, CCITT…) is rendered.
	}
	return d.render(ctx, p, gray)
}

// scan extracts and decodes the page's embedded scan.
func (d *PDF) scan(p PDFPage) (image.Image, error) {
	data, err := d.scanBytes(p)
	if err != nil {
		return nil, err
	}
	return d.limits.DecodeImage(data)
}

// scanBytes extracts the page's embedded scan, encoded: as stored for a
// JPEG, as PNG for the others.
func (d *PDF) scanBytes(p PDFPage) (_ []byte, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	defer func() {
		// pdfcpu on a broken stream may panic; the page is then rendered.
		if r := recover(); r != nil {
			err = fmt.Errorf("extract the scan of page %d: %v", p.Number, r)
		}
	}()
	io := d.pctx.Optimize.ImageObjects[p.scanObj]
	if io == nil {
		return nil, fmt.Errorf("page %d: no image object %d", p.Number, p.scanObj)
	}
	img, err := pdfcpu.ExtractImage(d.pctx, io.ImageDict, false, io.ResourceNames[p.Number-1], p.scanObj, false)
	if err != nil {
		return nil, err
	}
	if img == nil || img.Reader == nil {
		return nil, fmt.Errorf("page %d: the scan cannot be extracted", p.Number)
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(img.Reader); err != nil {
		return nil, err
	}
	if buf.Len() == 0 {
		return nil, fmt.Errorf("page %d: the scan is empty", p.Number)
	}
	return buf.Bytes(), nil
}

// renderDPIFor is the resolution page p is rendered at: renderDPI, lowered
// for a large page so that its longest side stays within maxSide pixels,
// the most OCR uses (a larger image would only be scaled down).
func renderDPIFor(p PDFPage) float64 {
	dpi := float64(renderDPI)
	if long := max(p.Width, p.Height); long > 0 && long/72*dpi > maxSide {
		dpi = maxSide * 72 / long
	}
	return dpi
}

// render renders page p with poppler's pdftoppm, at renderDPIFor(p).
func (d *PDF) render(ctx context.Context, p PDFPage, gray bool) (image.Image, int, error) {
	dpi := renderDPIFor(p)
	what := fmt.Sprintf("page %d (%.0f×%.0f pt) rendered at %.0f dpi", p.Number, p.Width, p.Height, dpi)
	// The page's declared size gives the size of the rendering: check it
	// before poppler allocates it.
	if err := d.limits.CheckPixels(what, int64(p.Width/72*dpi+1), int64(p.Height/72*dpi+1), 4); err != nil {
		return nil, 0, err
	}
	n := strconv.Itoa(p.Number)
	args := []string{"-r", strconv.FormatFloat(dpi, 'f', 3, 64), "-f", n, "-l", n, "-singlefile", "-png"}
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
	cfg, _, err := image.DecodeConfig(bytes.NewReader(out))
	if err != nil {
		return nil, 0, fmt.Errorf("render page %d: %w", p.Number, err)
	}
	if err := d.limits.CheckPixels(what, int64(cfg.Width), int64(cfg.Height), bytesPerPixel(cfg.ColorModel)); err != nil {
		return nil, 0, err
	}
	img, err := d.limits.DecodeImage(out)
	if err != nil {
		return nil, 0, fmt.Errorf("render page %d: %w", p.Number, err)
	}
	return img, int(math.Round(dpi)), nil
}
