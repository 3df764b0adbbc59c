package bundle

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/go-pdf/fpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// level is how scanned pages are re-encoded.
type level struct{ dpi, quality int }

// levels are tried in turn in split mode until a file fits.
var levels = []level{{150, 75}, {150, 60}, {120, 60}, {110, 50}, {100, 45}, {90, 40}, {80, 35}, {72, 30}, {60, 25}}

// assembly is what goes into one PDF.
type assembly struct {
	cover   []byte // a PDF of the cover pages, or nil
	nCover  int
	secs    []Section
	pages   map[string]*docPages
	title   string
	subject string
	// footer is the applicant's name, printed with the page number at
	// the foot of every page.
	footer string
}

// firstPages returns the first page of every document of a, in the
// assembled PDF (1-based), given its cover pages.
func (a assembly) firstPages(nCover int) (map[string]int, int) {
	first := map[string]int{}
	n := nCover
	for _, s := range a.secs {
		for _, d := range s.Documents {
			first[d.File] = n + 1
			n += len(a.pages[d.File].pages)
		}
	}
	return first, n
}

func relaxed() *model.Configuration {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// build assembles the PDF at level lv and returns it, validated, with its
// page count. When strict validation fails on pages imported from the
// dossier's own PDFs (which intake does not rewrite) and relaxed
// validation passes, the PDF is returned with a warning saying so.
func (a assembly) build(lv level, opt Options) ([]byte, int, string, error) {
	var pieces [][]byte
	if a.cover != nil {
		pieces = append(pieces, a.cover)
	}
	var bms []pdfcpu.Bookmark
	first, total := a.firstPages(a.nCover)
	for i, s := range a.secs {
		if len(s.Documents) == 0 {
			continue
		}
		bm := pdfcpu.Bookmark{Title: fmt.Sprintf("%d. %s", i+1, s.Outcome.Title), PageFrom: first[s.Documents[0].File], Bold: true}
		for _, d := range s.Documents {
			dp := a.pages[d.File]
			bm.Kids = append(bm.Kids, pdfcpu.Bookmark{Title: fmt.Sprintf("%s (%s)", d.File, d.Type), PageFrom: first[d.File]})
			ps, err := dp.pieces(lv)
			if err != nil {
				return nil, 0, "", fmt.Errorf("%s: %w", d.File, err)
			}
			pieces = append(pieces, ps...)
		}
		bms = append(bms, bm)
	}
	if len(pieces) == 0 {
		return nil, 0, "", fmt.Errorf("nothing to put in the PDF")
	}
	var merged bytes.Buffer
	if len(pieces) == 1 {
		merged.Write(pieces[0])
	} else {
		rs := make([]io.ReadSeeker, len(pieces))
		for i, p := range pieces {
			rs[i] = bytes.NewReader(p)
		}
		if err := api.MergeRaw(rs, &merged, false, relaxed()); err != nil {
			return nil, 0, "", fmt.Errorf("merge pages: %w", err)
		}
	}
	conf := relaxed()
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(merged.Bytes()), conf)
	if err != nil {
		return nil, 0, "", fmt.Errorf("read merged PDF: %w", err)
	}
	if ctx.PageCount != total {
		return nil, 0, "", fmt.Errorf("assembled %d pages, expected %d", ctx.PageCount, total)
	}
	if err := toA4(ctx); err != nil {
		return nil, 0, "", err
	}
	if len(bms) > 0 {
		if err := pdfcpu.AddBookmarks(ctx, bms, true); err != nil {
			return nil, 0, "", fmt.Errorf("bookmarks: %w", err)
		}
	}
	if err := stampFooter(ctx, a.footer); err != nil {
		return nil, 0, "", err
	}
	if opt.Watermark != "" {
		// pdfcpu's own text watermarks use a core font whose dictionary
		// does not pass strict validation: draw the text on a page with
		// an embedded font, and stamp that page.
		stamp, err := watermarkPage(opt.Watermark)
		if err != nil {
			return nil, 0, "", fmt.Errorf("watermark: %w", err)
		}
		wm, err := api.PDFWatermarkForReadSeeker(bytes.NewReader(stamp), 1, "scale:1 rel, rot:0, op:0.3", true, false, types.POINTS)
		if err != nil {
			return nil, 0, "", fmt.Errorf("watermark: %w", err)
		}
		if err := api.WatermarkContext(ctx, nil, wm); err != nil {
			return nil, 0, "", fmt.Errorf("watermark: %w", err)
		}
	}
	props := map[string]string{"Title": a.title, "Subject": a.subject, "Creator": opt.Creator}
	if err := pdfcpu.PropertiesAdd(ctx, props); err != nil {
		return nil, 0, "", fmt.Errorf("properties: %w", err)
	}
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		return nil, 0, "", fmt.Errorf("write PDF: %w", err)
	}
	if err := Validate(out.Bytes()); err != nil {
		if !a.imports() || api.Validate(bytes.NewReader(out.Bytes()), relaxed()) != nil {
			return nil, 0, "", err
		}
		return out.Bytes(), total, fmt.Sprintf("%v; the PDF passes relaxed validation: the problem lies in pages imported as they are from the dossier's own PDFs", err), nil
	}
	return out.Bytes(), total, "", nil
}

// imports reports whether a holds pages imported from the dossier's PDFs.
func (a assembly) imports() bool {
	for _, s := range a.secs {
		for _, d := range s.Documents {
			for _, p := range a.pages[d.File].pages {
				if p.vector {
					return true
				}
			}
		}
	}
	return false
}

// Validate checks a PDF strictly with pdfcpu.
func Validate(b []byte) error {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(b), conf); err != nil {
		return fmt.Errorf("the PDF written does not pass strict validation: %w", err)
	}
	return nil
}

// pieces returns the document's pages as PDFs to merge: runs of scanned
// pages drawn on A4, runs of born-digital pages taken from the file.
func (dp *docPages) pieces(lv level) ([][]byte, error) {
	var out [][]byte
	ps := dp.pages
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].vector == ps[i].vector {
			j++
		}
		var b []byte
		var err error
		if ps[i].vector {
			b, err = dp.vectorRun(ps[i].pdfPage, ps[j-1].pdfPage)
		} else {
			b, err = rasterPDF(ps[i:j], lv)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, b)
		i = j
	}
	return out, nil
}

// vectorRun returns pages from..thru of the document's PDF.
func (dp *docPages) vectorRun(from, thru int) ([]byte, error) {
	data, err := os.ReadFile(dp.doc.Path)
	if err != nil {
		return nil, err
	}
	if from == 1 && thru == dp.doc.Pages {
		return data, nil
	}
	var out bytes.Buffer
	sel := strconv.Itoa(from) + "-" + strconv.Itoa(thru)
	if err := api.Trim(bytes.NewReader(data), &out, []string{sel}, relaxed()); err != nil {
		return nil, fmt.Errorf("take pages %s: %w", sel, err)
	}
	return out.Bytes(), nil
}

// rasterPDF draws pages on A4, centred, as JPEGs at lv, each with the
// words intake read on it as invisible text over the image, where they
// are printed: the bundle can be searched and its text copied.
func rasterPDF(ps []page, lv level) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	family, tr := "", func(s string) string { return s }
	for _, p := range ps {
		if len(p.words.Lines) > 0 && family == "" {
			pdf, family, tr = newDoc()
		}
	}
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCreator("intake", false)
	for i, p := range ps {
		b, err := p.encode(lv.dpi, lv.quality)
		if err != nil {
			return nil, err
		}
		name := "p" + strconv.Itoa(i)
		opt := fpdf.ImageOptions{ImageType: "JPG"}
		pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(b))
		pdf.AddPage()
		pdf.ImageOptions(name, (a4W-p.wMM)/2, (a4H-p.hMM)/2, p.wMM, p.hMM, false, opt, 0, "")
		if family != "" {
			textLayer(pdf, family, tr, p, (a4W-p.wMM)/2, (a4H-p.hMM)/2)
		}
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// writeAtomic writes b to path through a temporary file in the same
// folder, renamed into place once complete.
func writeAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// toA4 puts the pages of another size (born-digital pages on US Letter,
// say) on A4, scaled to fit.
func toA4(ctx *model.Context) error {
	dims, err := ctx.PageDims()
	if err != nil {
		return fmt.Errorf("page sizes: %w", err)
	}
	const w, h, tol = 595.28, 841.89, 3.0
	sel := types.IntSet{}
	for i, d := range dims {
		portrait := math.Abs(d.Width-w) <= tol && math.Abs(d.Height-h) <= tol
		landscape := math.Abs(d.Width-h) <= tol && math.Abs(d.Height-w) <= tol
		if !portrait && !landscape {
			sel[i+1] = true
		}
	}
	if len(sel) == 0 {
		return nil
	}
	res, err := pdfcpu.ParseResizeConfig("formsize:A4", types.POINTS)
	if err != nil {
		return err
	}
	if err := pdfcpu.Resize(ctx, sel, res); err != nil {
		return fmt.Errorf("put pages on A4: %w", err)
	}
	return nil
}
