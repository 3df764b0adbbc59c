package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"math"
	"os"
	"strconv"

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
// (its embedded scan, or a rendering), in colour unless gray, and its
// resolution. Together with UprightImage and the page's layout it gives
// the page upright. Only this page's image is made; the PDF keeps none.
func (d *PDF) PageScanImage(ctx context.Context, p PDFPage, gray bool) (image.Image, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	if p.jpeg != nil {
		if img, err := d.scan(p); err == nil {
			return img, p.ScanDPI, nil
		}
		// A scan that cannot be decoded here is rendered by poppler.
	}
	return d.render(ctx, p, gray)
}

// scan reads and decodes the page's embedded JPEG scan from the file.
func (d *PDF) scan(p PDFPage) (image.Image, error) {
	f, err := os.Open(d.Path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, p.jpeg.length)
	if _, err := f.ReadAt(data, p.jpeg.offset); err != nil {
		return nil, fmt.Errorf("read the scan of page %d: %w", p.Number, err)
	}
	if crc32.ChecksumIEEE(data) != p.jpeg.crc {
		return nil, fmt.Errorf("read the scan of page %d: the file changed since it was opened", p.Number)
	}
	return d.limits.DecodeImage(data)
}

// renderDPIFor is the resolution page p is rendered at: renderDPI (or the
// resolution of the page's scan), lowered for a large page so that its
// longest side stays within maxSide pixels, the most OCR uses (a larger
// image would only be scaled down). A page of 14400 pt (200 inches) is
// rendered at 17.5 dpi, not into 1.6 gigapixels.
func renderDPIFor(p PDFPage) float64 {
	dpi := float64(renderDPI)
	if p.ScanDPI > 0 {
		// A scan pdfcpu cannot hand over as a JPEG (Flate, CCITT, JBIG2) is
		// rendered at its own resolution.
		dpi = float64(p.ScanDPI)
	}
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
	// The crop box (-x -y -W -H, in pixels) bounds the rendering whatever
	// size poppler finds the page to be (it may differ from pdfcpu's: a
	// /UserUnit, a broken box); poppler clips it to the page, so a page
	// of the expected size renders as without it.
	w, h := int(p.Width/72*dpi)+2, int(p.Height/72*dpi)+2
	args := []string{"-r", strconv.FormatFloat(dpi, 'f', 3, 64), "-x", "0", "-y", "0", "-W", strconv.Itoa(w), "-H", strconv.Itoa(h),
		"-f", n, "-l", n, "-singlefile", "-png"}
	if gray {
		args = append(args, "-gray")
	}
	out, err := poppler(ctx, "pdftoppm", append(args, d.Path)...)
	var pe *popplerError
	if errors.As(err, &pe) {
		return nil, 0, fmt.Errorf("render page %d: %w", p.Number, err)
	}
	if err != nil {
		return nil, 0, err
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
