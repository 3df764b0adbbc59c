package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
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

// PDFPage is one page of a PDF, before OCR.
type PDFPage struct {
	Number int    // 1-based
	Text   string // the text layer, when the page has one
	// Scan is the encoded image embedded in the page, when the page is a
	// single scanned image; nil otherwise.
	Scan []byte
	// ScanDPI is the resolution of Scan on the page.
	ScanDPI int
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

// PDF is an opened PDF file.
type PDF struct {
	Path  string
	Pages []PDFPage
}

// OpenPDF reads a PDF: its pages, their text layer (through poppler's
// pdftotext) and, for pages without one, their embedded scans (through
// pdfcpu). The file is only read.
func OpenPDF(ctx context.Context, path string) (*PDF, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Cmd = model.EXTRACTIMAGES
	pctx, err := api.ReadValidateAndOptimize(bytes.NewReader(data), conf)
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
	texts, err := pdfText(ctx, path, n)
	if err != nil {
		return nil, err
	}
	dims, _ := pctx.PageDims()
	doc := &PDF{Path: path, Pages: make([]PDFPage, n)}
	for i := range doc.Pages {
		p := &doc.Pages[i]
		p.Number = i + 1
		p.Text = texts[i]
		if p.HasText() {
			continue
		}
		imgs, err := pdfcpu.ExtractPageImages(pctx, p.Number, false)
		if err != nil || len(imgs) != 1 {
			continue // rendered later
		}
		for _, img := range imgs {
			if img.Thumb || img.IsImgMask {
				continue
			}
			b, err := io.ReadAll(img.Reader)
			if err != nil || len(b) == 0 {
				continue
			}
			p.Scan = b
			p.ScanDPI = 150
			if i < len(dims) && dims[i].Width > 0 {
				p.ScanDPI = int(float64(img.Width)/(dims[i].Width/72) + 0.5)
			}
		}
	}
	return doc, nil
}

// pdfText returns the text layer of each of the n pages of path.
func pdfText(ctx context.Context, path string, n int) ([]string, error) {
	cmd := exec.CommandContext(ctx, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if errors.Is(err, exec.ErrNotFound) {
		return nil, fmt.Errorf("pdftotext is not installed (install poppler-utils: `sudo apt-get install poppler-utils`): %w", ErrDependency)
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "Incorrect password") {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("pdftotext: %v: %s", err, msg)
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
// scan, or a rendering of the page by poppler's pdftoppm.
func (d *PDF) PageImage(ctx context.Context, p PDFPage) (*image.Gray, int, error) {
	img, dpi, err := d.PageScanImage(ctx, p, true)
	if err != nil {
		return nil, 0, err
	}
	g, scale := Gray(img)
	return g, max(1, int(float64(dpi)*scale)), nil
}
