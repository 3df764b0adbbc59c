package bundle

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/intake-app/intake/intake"
)

// Result is what Write produced.
type Result struct {
	Path   string
	Pages  int
	Size   int64
	Signed []string // signed PDFs whose pages were copied into the bundle
	// Warning is set when the PDF passes only pdfcpu's relaxed
	// validation, because of pages imported from the dossier's PDFs.
	Warning string
}

// Write builds the bundle of the dossier into the PDF file path: a cover
// page with the checklist, then the documents in the order of the
// procedure's requirements. It does not judge whether the dossier is
// ready: the caller refuses or forces.
func Write(ctx context.Context, path string, in *intake.Result, opt Options) (Result, error) {
	opt = opt.withDefaults()
	secs := Sections(in)
	pages, err := prepare(ctx, secs)
	if err != nil {
		return Result{}, err
	}
	a := assembly{secs: secs, pages: pages, title: title(in), subject: subject(in), footer: in.Report.Applicant.Name}
	var signedFiles []string
	for _, s := range secs {
		for _, d := range s.Documents {
			if pages[d.File].signed {
				signedFiles = append(signedFiles, d.File)
			}
		}
	}
	// The cover's page numbers depend on how many pages the cover takes.
	nCover := 1
	for range 3 {
		first, total := a.firstPages(nCover)
		cover, n, err := renderCover(coverInfo{in: in, secs: secs, first: first, total: total, opt: opt})
		if err != nil {
			return Result{}, err
		}
		a.cover, a.nCover = cover, n
		if n == nCover {
			break
		}
		nCover = n
	}
	b, total, warning, err := a.build(level{opt.DPI, opt.Quality}, opt)
	if err != nil {
		return Result{}, err
	}
	if err := writeAtomic(path, b); err != nil {
		return Result{}, err
	}
	return Result{Path: path, Pages: total, Size: int64(len(b)), Signed: signedFiles, Warning: warning}, nil
}

// SplitFile is one file written by Split.
type SplitFile struct {
	Requirement string
	Path        string
	Pages       int
	Size        int64
	DPI         int // the resolution scanned pages were re-encoded at; 0 when none
	Quality     int
	// Fits is false when the file is over the size limit even at the
	// lowest resolution and quality.
	Fits bool
	// Signed is true for a digitally signed PDF copied unchanged.
	Signed bool
	// Warning: see Result.Warning.
	Warning string
}

// Split writes one PDF per requirement into dir, each under maxSize bytes
// when it can be: scanned pages are re-encoded at lower resolutions and
// qualities until the file fits. Digitally signed PDFs are copied
// unchanged, as their own file. Requirements without documents get no
// file.
func Split(ctx context.Context, dir string, in *intake.Result, maxSize int64, opt Options) ([]SplitFile, error) {
	opt = opt.withDefaults()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	// Each file is complete: a document that serves two requirements
	// goes into both.
	secs := sections(in, false)
	pages, err := prepare(ctx, secs)
	if err != nil {
		return nil, err
	}
	var out []SplitFile
	for i, s := range secs {
		if len(s.Documents) == 0 {
			continue
		}
		name := fmt.Sprintf("%02d-%s", i+1, slug(s.Outcome.ID))
		var rest []*docPagesRef
		var signedDocs []*docPagesRef
		for _, d := range s.Documents {
			r := &docPagesRef{d.File}
			if pages[d.File].signed {
				signedDocs = append(signedDocs, r)
			} else {
				rest = append(rest, r)
			}
		}
		for _, r := range signedDocs {
			p := filepath.Join(dir, name+".pdf")
			if len(rest) > 0 || len(signedDocs) > 1 {
				p = filepath.Join(dir, name+"-"+slug(trimExt(base(r.file)))+".pdf")
			}
			b, err := os.ReadFile(pages[r.file].doc.Path)
			if err != nil {
				return out, err
			}
			if err := writeAtomic(p, b); err != nil {
				return out, err
			}
			out = append(out, SplitFile{Requirement: s.Outcome.ID, Path: p, Pages: pages[r.file].doc.Pages,
				Size: int64(len(b)), Fits: maxSize <= 0 || int64(len(b)) <= maxSize, Signed: true})
		}
		if len(rest) == 0 {
			continue
		}
		sec := Section{Outcome: s.Outcome}
		for _, d := range s.Documents {
			if !pages[d.File].signed {
				sec.Documents = append(sec.Documents, d)
			}
		}
		a := assembly{secs: []Section{sec}, pages: pages, title: s.Outcome.Title, subject: subject(in), footer: in.Report.Applicant.Name}
		raster := false
		for _, d := range sec.Documents {
			for _, p := range pages[d.File].pages {
				raster = raster || !p.vector
			}
		}
		var b []byte
		var n int
		var lv level
		var warning string
		for k, l := range levels {
			if k == 0 {
				l = level{min(opt.DPI, l.dpi), min(opt.Quality, l.quality)}
			}
			lv = l
			b, n, warning, err = a.build(l, opt)
			if err != nil {
				return out, fmt.Errorf("%s: %w", s.Outcome.ID, err)
			}
			if maxSize <= 0 || int64(len(b)) <= maxSize || !raster {
				break
			}
		}
		p := filepath.Join(dir, name+".pdf")
		if err := writeAtomic(p, b); err != nil {
			return out, err
		}
		f := SplitFile{Requirement: s.Outcome.ID, Path: p, Pages: n, Size: int64(len(b)),
			Fits: maxSize <= 0 || int64(len(b)) <= maxSize, Warning: warning}
		if raster {
			f.DPI, f.Quality = lv.dpi, lv.quality
		}
		out = append(out, f)
	}
	return out, nil
}

type docPagesRef struct{ file string }

func trimExt(s string) string { return s[:len(s)-len(filepath.Ext(s))] }

func title(in *intake.Result) string {
	a := in.Report.Applicant
	t := in.Report.Title
	if a.Name != "" {
		t += " — " + a.Name
	}
	return t
}

func subject(in *intake.Result) string {
	return fmt.Sprintf("%s/%s dossier for %s", in.Report.Country, in.Report.Procedure, in.Report.Reference)
}
