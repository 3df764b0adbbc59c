package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func init() {
	// pdfcpu otherwise writes a configuration directory into the user's
	// home on first use.
	api.DisableConfigDir()
}

// MinTextLayer is the number of letters and digits below which a PDF page
// is taken for a scan rather than a born-digital page.
const MinTextLayer = 50

// renderDPI is the resolution at which pages without a usable text layer
// or embedded scan are rendered.
const renderDPI = 200

// ErrEncrypted is returned for a PDF that needs a password to open.
var ErrEncrypted = errors.New("the PDF is protected by a password")

// PDFPage is one page of a PDF, before OCR. It holds no image: the page's
// image is made when it is asked for (PDF.PageImage), one page at a time.
type PDFPage struct {
	Number int    // 1-based
	Text   string // the text layer, when the page has one
	// Width and Height are the page's size in points (1/72 inch), as it
	// is shown (its rotation applied).
	Width, Height float64
	// ScanDPI is the resolution of the page's embedded scan, when the page
	// is a single scanned image; 0 otherwise.
	ScanDPI int
	jpeg    *jpegScan // where the scan is in the file, when it is a JPEG
}

// jpegScan is a page's scan stored in the file as a plain JPEG: it is read
// from there when the page is read, so that the PDF keeps no image.
type jpegScan struct {
	offset, length int64
	crc            uint32 // of the bytes read when the PDF was opened
}

// HasText reports whether the page has a usable text layer.
func (p PDFPage) HasText() bool {
	n := 0
	for _, r := range p.Text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n >= MinTextLayer
}

// PDF is an opened PDF file. Its pages' images are made one at a time,
// on demand; it keeps none of them, nor the file's content: its memory
// does not grow with its pages' images. Its methods are safe for
// concurrent use.
type PDF struct {
	Path   string
	Pages  []PDFPage
	limits Limits
}

// OpenPDF opens a PDF within the default limits (see Limits.OpenPDF).
func OpenPDF(ctx context.Context, path string) (*PDF, error) {
	return DefaultLimits().OpenPDF(ctx, path)
}

// OpenPDF reads a PDF: its pages, their size, their text layer (through
// poppler's pdftotext) and which pages are a single embedded scan (through
// pdfcpu). No image is decoded here. The file is refused, before it is
// read, above MaxFileBytes; after its structure is read, above MaxPages,
// with a page above MaxPageSide, or with an image above MaxPixels or
// MaxImageBytes (those are checked on the image's declared size, before
// any pixel is decoded by intake or by poppler). The file is only read.
func (l Limits) OpenPDF(ctx context.Context, path string) (*PDF, error) {
	l = l.orDefault()
	f, _, err := l.open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Cmd = model.EXTRACTIMAGES
	conf.Limits.MaxStreamBytes = l.MaxFileBytes
	conf.Limits.MaxDecodeBytes = l.MaxImageBytes
	conf.Limits.MaxImagePixels = l.MaxPixels
	conf.Limits.MaxImageBytes = l.MaxImageBytes
	pctx, err := api.ReadValidateAndOptimize(f, conf)
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) || strings.Contains(err.Error(), "password") || strings.Contains(err.Error(), "encrypt") {
			return nil, fmt.Errorf("%w: remove the password (for example `qpdf --decrypt --password=… in.pdf out.pdf`) and put the unprotected copy in the dossier", ErrEncrypted)
		}
		return nil, fmt.Errorf("read PDF: %w", err)
	}
	n := pctx.PageCount
	if n == 0 {
		return nil, errors.New("the PDF has no pages")
	}
	if n > l.MaxPages {
		return nil, limitErrorf("MaxPages", "the PDF has %d pages, more than the limit of %d: split it into one file per document", n, l.MaxPages)
	}
	dims, err := pctx.PageDims()
	if err != nil || len(dims) != n {
		return nil, fmt.Errorf("read PDF: the size of its pages cannot be read: %v", err)
	}
	doc := &PDF{Path: path, Pages: make([]PDFPage, n), limits: l}
	for i := range doc.Pages {
		p := &doc.Pages[i]
		p.Number = i + 1
		p.Width, p.Height = dims[i].Width, dims[i].Height
		if err := l.checkPage(*p); err != nil {
			return nil, err
		}
	}
	if err := l.checkImages(pctx); err != nil {
		return nil, err
	}
	texts, err := pdfText(ctx, path, n)
	if err != nil {
		return nil, err
	}
	for i := range doc.Pages {
		p := &doc.Pages[i]
		p.Text = texts[i]
		if !p.HasText() {
			p.ScanDPI, p.jpeg = singleScan(pctx, *p)
		}
	}
	return doc, nil
}

// singleScan returns the resolution of the page's embedded scan, when the
// page shows a single image and nothing else that pdfcpu can see (no
// thumbnail, no mask), and where it is in the file when it is stored as a
// plain, unencrypted JPEG; 0, nil otherwise.
func singleScan(pctx *model.Context, p PDFPage) (int, *jpegScan) {
	nrs := pdfcpu.ImageObjNrs(pctx, p.Number)
	if len(nrs) != 1 {
		return 0, nil
	}
	if _, ok := pctx.PageThumbs[p.Number]; ok {
		return 0, nil
	}
	io := pctx.Optimize.ImageObjects[nrs[0]]
	if io == nil || io.ImageDict == nil {
		return 0, nil
	}
	sd := io.ImageDict
	if m := sd.BooleanEntry("ImageMask"); m != nil && *m {
		return 0, nil
	}
	w := sd.IntEntry("Width")
	if w == nil || *w <= 0 {
		return 0, nil
	}
	dpi := max(1, int(float64(*w)/(p.Width/72)+0.5))
	if len(sd.FilterPipeline) != 1 || sd.FilterPipeline[0].Name != "DCTDecode" || pctx.EncKey != nil || len(sd.Raw) == 0 {
		return dpi, nil
	}
	return dpi, &jpegScan{offset: sd.StreamOffset, length: int64(len(sd.Raw)), crc: crc32.ChecksumIEEE(sd.Raw)}
}

// pdfText returns the text layer of each of the n pages of path.
func pdfText(ctx context.Context, path string, n int) ([]string, error) {
	out, err := poppler(ctx, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	var pe *popplerError
	if errors.As(err, &pe) && strings.Contains(pe.stderr, "Incorrect password") {
		return nil, ErrEncrypted
	}
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("?"))
	}
	pages := strings.Split(string(out), "\f")
	texts := make([]string, n)
	for i := 0; i < n && i < len(pages); i++ {
		texts[i] = pages[i]
	}
	return texts, nil
}

// PageImage returns the image of page p for OCR, in gray: its embedded
// scan, or a rendering of the page by poppler's pdftoppm. Only this page's
// image is made, and the PDF keeps none.
func (d *PDF) PageImage(ctx context.Context, p PDFPage) (*image.Gray, int, error) {
	img, dpi, err := d.PageScanImage(ctx, p, true)
	if err != nil {
		return nil, 0, err
	}
	g, scale := Gray(img)
	return g, max(1, int(float64(dpi)*scale)), nil
}
