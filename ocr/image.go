package ocr

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/gif" // decoders for image.Decode
	_ "image/jpeg"
	_ "image/png"
	"math"

	"github.com/disintegration/imaging"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"
)

// maxSide is the longest side a page is kept at for OCR: an A4 page at
// 300 dpi. Larger images (phone photos) are scaled down.
const maxSide = 3508

// CheckImage reads an encoded image's header and refuses one above the
// default limits (see Limits.CheckImage).
func CheckImage(data []byte) (image.Config, error) {
	return DefaultLimits().CheckImage(data)
}

// CheckImage reads an encoded image's header and refuses one above
// MaxPixels or MaxImageBytes, before any pixel is decoded, so that a
// hostile or broken file cannot exhaust memory.
func (l Limits) CheckImage(data []byte) (image.Config, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return cfg, fmt.Errorf("read image header: %w", err)
	}
	bpp := bytesPerPixel(cfg.ColorModel)
	if format == "jpeg" && progressiveJPEG(data) {
		// Go's decoder keeps every coefficient of a progressive JPEG, a
		// 32-bit integer per pixel and component, until the last scan.
		bpp += 4 * jpegComponents(cfg.ColorModel)
	}
	return cfg, l.CheckPixels("the "+formatName(format)+" image", int64(cfg.Width), int64(cfg.Height), bpp)
}

// progressiveJPEG reports whether data is a progressive JPEG: its frame
// header (SOF2), found before the first scan, says so.
func progressiveJPEG(data []byte) bool {
	i := 2 // after SOI
	for i+4 <= len(data) {
		if data[i] != 0xff {
			return false
		}
		marker := data[i+1]
		switch {
		case marker == 0xff: // fill byte
			i++
			continue
		case marker == 0xc2:
			return true
		case marker == 0xda || marker == 0xd9: // start of scan, end of image
			return false
		case marker >= 0xd0 && marker <= 0xd8 || marker == 0x01: // no length
			i += 2
			continue
		}
		i += 2 + (int(data[i+2])<<8 | int(data[i+3]))
	}
	return false
}

// jpegComponents is the number of colour components of a JPEG decoded to
// model.
func jpegComponents(m color.Model) float64 {
	switch m {
	case color.GrayModel:
		return 1
	case color.CMYKModel:
		return 4
	}
	return 3
}

// DecodeImage decodes an encoded image within the default limits (see
// Limits.DecodeImage).
func DecodeImage(data []byte) (image.Image, error) {
	return DefaultLimits().DecodeImage(data)
}

// DecodeImage decodes an encoded image (JPEG, PNG, TIFF, WebP, GIF),
// applies its EXIF orientation, and returns it in colour, as stored but
// upright. The header is checked with CheckImage first.
func (l Limits) DecodeImage(data []byte) (image.Image, error) {
	if _, err := l.CheckImage(data); err != nil {
		return nil, err
	}
	img, err := imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(true))
	if err != nil {
		return nil, fmt.Errorf("decode image: %w", err)
	}
	return img, nil
}

// Gray converts img to 8-bit gray, scaling it down so that its longest
// side is at most maxSide pixels. It returns the scale applied (≤ 1).
func Gray(img image.Image) (*image.Gray, float64) {
	b := img.Bounds()
	scale := 1.0
	if long := max(b.Dx(), b.Dy()); long > maxSide {
		scale = float64(maxSide) / float64(long)
		img = imaging.Resize(img, int(math.Round(float64(b.Dx())*scale)), int(math.Round(float64(b.Dy())*scale)), imaging.Box)
		b = img.Bounds()
	}
	if g, ok := img.(*image.Gray); ok && b.Min == (image.Point{}) {
		return g, scale
	}
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(g, g.Bounds(), img, b.Min, draw.Src)
	return g, scale
}

// Rotate turns g clockwise by deg, a multiple of 90.
func Rotate(g *image.Gray, deg int) *image.Gray {
	var out *image.NRGBA
	switch ((deg % 360) + 360) % 360 {
	case 0:
		return g
	case 90:
		out = imaging.Rotate270(g) // imaging turns counter-clockwise
	case 180:
		out = imaging.Rotate180(g)
	case 270:
		out = imaging.Rotate90(g)
	default:
		panic(fmt.Sprintf("ocr.Rotate: %d is not a multiple of 90", deg))
	}
	return toGray(out)
}

// rotateFine turns g counter-clockwise by deg degrees (small angles),
// filling the corners with the shade of g's edges: white for a scan, the
// table's for a photo. (Corners of pure white around a photo's grey page
// make the page darker than the threshold Tesseract picks, and it then
// reads nothing.)
func rotateFine(g *image.Gray, deg float64) *image.Gray {
	out := imaging.Rotate(g, deg, color.Gray{Y: edgeShade(g)})
	// imaging.Rotate grows the canvas; crop back to the original size,
	// centred, so that the page keeps its dimensions.
	b := g.Bounds()
	ob := out.Bounds()
	off := image.Pt((ob.Dx()-b.Dx())/2, (ob.Dy()-b.Dy())/2)
	return toGray(imaging.Crop(out, image.Rectangle{Min: off, Max: off.Add(b.Size())}))
}

// edgeShade is the median shade of the pixels along g's edges.
func edgeShade(g *image.Gray) uint8 {
	var hist [256]int
	b := g.Bounds()
	step := max(1, (b.Dx()+b.Dy())/500)
	n := 0
	for x := b.Min.X; x < b.Max.X; x += step {
		hist[g.GrayAt(x, b.Min.Y).Y]++
		hist[g.GrayAt(x, b.Max.Y-1).Y]++
		n += 2
	}
	for y := b.Min.Y; y < b.Max.Y; y += step {
		hist[g.GrayAt(b.Min.X, y).Y]++
		hist[g.GrayAt(b.Max.X-1, y).Y]++
		n += 2
	}
	seen := 0
	for v, c := range hist {
		if seen += c; 2*seen >= n {
			return uint8(v)
		}
	}
	return 255
}

func toGray(img *image.NRGBA) *image.Gray {
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(g, g.Bounds(), img, b.Min, draw.Src)
	return g
}

// Crop returns the part r of g (clipped to g), as a new image.
func Crop(g *image.Gray, r image.Rectangle) *image.Gray {
	r = r.Intersect(g.Bounds())
	out := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(out, out.Bounds(), g, r.Min, draw.Src)
	return out
}

// Scale resizes g by factor f.
func Scale(g *image.Gray, f float64) *image.Gray {
	b := g.Bounds()
	w, h := max(1, int(float64(b.Dx())*f)), max(1, int(float64(b.Dy())*f))
	return toGray(imaging.Resize(g, w, h, imaging.Linear))
}
