package ocr

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"strconv"
)

// Limits bound what intake reads from one file, so that a hostile or
// broken file is refused with a clear message before it can exhaust memory
// or time. Every limit is checked before the content it guards is decoded.
// A zero field means its default (see DefaultLimits); a user who needs more
// raises a field (the command line has a flag for each).
type Limits struct {
	// MaxFileBytes is the largest file read, checked on its size before
	// any byte is read.
	MaxFileBytes int64
	// MaxPixels is the most pixels one image may declare: an image file,
	// an image inside a PDF, or a rendered page.
	MaxPixels int64
	// MaxImageBytes is the most memory one image may take once decoded:
	// width × height × bytes per pixel of its format. It catches 16-bit
	// images, whose pixels take 8 bytes, under MaxPixels.
	MaxImageBytes int64
	// MaxPages is the most pages one PDF may have.
	MaxPages int
	// MaxPageSide is the longest side a PDF page may have, in points
	// (1/72 inch).
	MaxPageSide float64
}

// Default limits. They hold any scan a person makes of a paper document
// (an A4 page at 600 dpi is 35 megapixels, 105 MB decoded in colour; 100
// megapixels is an A4 page at 1000 dpi), and keep one input file under
// about 1 GB of memory.
const (
	DefaultMaxFileBytes  = 256 << 20
	DefaultMaxPixels     = 100_000_000
	DefaultMaxImageBytes = 512 << 20
	DefaultMaxPages      = 2000
	// DefaultMaxPageSide is the largest page size the PDF specification
	// allows (ISO 32000-1, annex C): 200 inches.
	DefaultMaxPageSide = 14400
)

// DefaultLimits returns the limits intake applies unless told otherwise.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:  DefaultMaxFileBytes,
		MaxPixels:     DefaultMaxPixels,
		MaxImageBytes: DefaultMaxImageBytes,
		MaxPages:      DefaultMaxPages,
		MaxPageSide:   DefaultMaxPageSide,
	}
}

// orDefault fills the zero fields of l with their defaults.
func (l Limits) orDefault() Limits {
	d := DefaultLimits()
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = d.MaxPixels
	}
	if l.MaxImageBytes <= 0 {
		l.MaxImageBytes = d.MaxImageBytes
	}
	if l.MaxPages <= 0 {
		l.MaxPages = d.MaxPages
	}
	if l.MaxPageSide <= 0 {
		l.MaxPageSide = d.MaxPageSide
	}
	return l
}

// ErrTooLarge is wrapped by every error that refuses an input for being
// above a limit (a *LimitError).
var ErrTooLarge = errors.New("above intake's limits")

// LimitError refuses an input above one of the Limits. Its message names
// the limit, the input's size, and what to do.
type LimitError struct {
	Limit string // the Limits field, e.g. "MaxPixels"
	msg   string
}

func (e *LimitError) Error() string { return e.msg }

// Unwrap returns ErrTooLarge.
func (e *LimitError) Unwrap() error { return ErrTooLarge }

// Flag returns the command-line flag that raises the Limits field limit
// (e.g. "--max-pixels" for "MaxPixels"); a refusal names it.
func Flag(limit string) string {
	switch limit {
	case "MaxFileBytes":
		return "--max-file-size"
	case "MaxPixels":
		return "--max-pixels"
	case "MaxImageBytes":
		return "--max-image-memory"
	case "MaxPages":
		return "--max-pages"
	case "MaxPageSide":
		return "--max-page-size"
	}
	return ""
}

// limitErrorf returns a LimitError for the Limits field limit: the
// message, then how to raise the limit.
func limitErrorf(limit, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...) + ", or raise the limit (" + Flag(limit) + ")"
	return &LimitError{Limit: limit, msg: msg}
}

// CheckFileSize refuses a file of size bytes above MaxFileBytes.
func (l Limits) CheckFileSize(size int64) error {
	l = l.orDefault()
	if size > l.MaxFileBytes {
		return limitErrorf("MaxFileBytes", "the file holds %s, more than the limit of %s: scan or export it again at 300 dpi",
			megabytes(size), megabytes(l.MaxFileBytes))
	}
	return nil
}

// CheckPixels refuses an image of w×h pixels at bytesPerPixel above
// MaxPixels or MaxImageBytes. what names the image in the message (e.g.
// "the PNG image", "page 3's image").
func (l Limits) CheckPixels(what string, w, h int64, bytesPerPixel float64) error {
	l = l.orDefault()
	if w <= 0 || h <= 0 {
		return fmt.Errorf("%s declares %d×%d pixels: it is broken; scan or export it again", what, w, h)
	}
	// Both sides fit in 32 bits in every format intake reads; cap them so
	// that the product cannot overflow.
	w, h = min(w, 1<<31), min(h, 1<<31)
	px := w * h
	if px > l.MaxPixels {
		return limitErrorf("MaxPixels", "%s declares %d×%d pixels (%s megapixels), more than the limit of %s megapixels: scan it again at 300 dpi",
			what, w, h, mega(px), mega(l.MaxPixels))
	}
	if need := float64(px) * bytesPerPixel; need > float64(l.MaxImageBytes) {
		return limitErrorf("MaxImageBytes", "%s declares %d×%d pixels of %g bytes each: decoded, it would take %s, more than the limit of %s: save it again as an 8-bit image",
			what, w, h, bytesPerPixel, megabytes(int64(need)), megabytes(l.MaxImageBytes))
	}
	return nil
}

// ReadFile reads a whole file, refusing one that is not a regular file
// or is above MaxFileBytes before reading any of it, and reading it into
// memory once.
func (l Limits) ReadFile(path string) ([]byte, error) {
	f, info, err := l.open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The size was checked; the file may still grow while it is read, so
	// the read is bounded too.
	max := l.orDefault().MaxFileBytes
	data := make([]byte, 0, info.Size()+1)
	data, err = readAllInto(io.LimitReader(f, max+1), data)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, l.CheckFileSize(int64(len(data)))
	}
	return data, nil
}

// open opens a regular file within MaxFileBytes. The file is looked at
// before it is opened, since opening a FIFO waits for a writer.
func (l Limits) open(path string) (*os.File, os.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s is not a regular file", path)
	}
	if err := l.CheckFileSize(info.Size()); err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	// The file may have been replaced since it was looked at.
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() || l.CheckFileSize(info.Size()) != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%s changed while it was opened", path)
	}
	return f, info, nil
}

// readAllInto appends r's content to buf, growing it as needed.
func readAllInto(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// bytesPerPixel is the memory one pixel takes once decoded in the Go
// image type of model. An unknown model counts as 8 bytes, the most a
// Go image type takes.
func bytesPerPixel(m color.Model) float64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel, color.NYCbCrAModel:
		return 3 // 4:4:4, the worst case of JPEG subsampling
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel:
		return 4
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8
}

func formatName(format string) string {
	names := map[string]string{"jpeg": "JPEG", "png": "PNG", "gif": "GIF", "tiff": "TIFF", "webp": "WebP"}
	if n, ok := names[format]; ok {
		return n
	}
	return format
}

// mega formats a pixel count in megapixels, rounded up to a tenth so
// that a count above a limit never reads as equal to it.
func mega(px int64) string {
	return strconv.FormatFloat(math.Ceil(float64(px)/1e5)/10, 'f', -1, 64)
}

// megabytes formats a byte count for a person.
func megabytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}
