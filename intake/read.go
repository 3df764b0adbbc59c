package intake

import (
	"context"
	"errors"
	"fmt"
	"image"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/intake-app/intake/cache"
	"github.com/intake-app/intake/country"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake/extract"
	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/ocr/layout"
	"github.com/intake-app/intake/ocr/mrz"
	"github.com/intake-app/intake/ocr/visual"
	"github.com/intake-app/intake/photo"
	"golang.org/x/sync/errgroup"
)

// ReadOptions say how to read the files of a dossier.
type ReadOptions struct {
	Country     string    // the procedure's country, alpha-2
	Nationality string    // the applicant's, alpha-2 or alpha-3; "" when unknown
	Now         time.Time // resolves two-digit MRZ years
	Workers     int       // OCR workers; 0 means one per CPU
	// Reference is the date an ID photo's age is judged against (the
	// appointment date); zero means Now.
	Reference time.Time
	// Progress, when set, is called after each page is read, from one
	// goroutine at a time.
	Progress func(Progress)
	// Cache, when set, holds the reading of files already read: a file
	// found there is not read again (see cache.go).
	Cache *cache.Cache
	// Recorded, when set, is a folder of recorded readings (SUM.json, as
	// Record writes them): a file found there is not read. Tests replay
	// them without Tesseract or poppler. Record, when set, is the folder
	// where the readings of this run are written.
	Recorded, Record string
	// Limits bound what one file may cost to read (zero fields: the
	// defaults).
	Limits ocr.Limits
}

// Progress is how far reading a dossier has gone.
type Progress struct {
	Pages, PagesDone int
	Files, FilesDone int
	Current          string // the file whose page was just read
}

// Read reads the files of a dossier into documents, one per file, in the
// order of files. A file that cannot be read gets a Document with Error
// set; the others are still read. The returned error is for what stops
// the whole run: a missing dependency (wrapping ocr.ErrDependency) or a
// cancelled context. eng may be nil when every file has a recorded
// reading (opt.Recorded).
func Read(ctx context.Context, eng *ocr.Engine, files []File, opt ReadOptions) ([]document.Document, error) {
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	var langs ocr.Options
	salt := ""
	if eng != nil {
		langs = languagesFor(eng, opt.Country, opt.Nationality)
		if err := eng.Require(langs.Languages...); err != nil {
			return nil, err
		}
		salt = cacheSalt(eng, langs, opt)
	}
	work := make([]*fileWork, len(files))
	for i, f := range files {
		work[i] = &fileWork{file: f, country: opt.Country, doc: document.Document{File: f.Rel, Path: f.Path, Format: f.MIME, Type: document.Unknown}}
		work[i].cache, work[i].salt, work[i].now = opt.Cache, salt, opt.Now
		work[i].recorded, work[i].record = opt.Recorded, opt.Record
		work[i].lim = opt.Limits
		work[i].reference = opt.Reference
		if work[i].reference.IsZero() {
			work[i].reference = opt.Now
		}
	}

	// Stage 1, per file: open it and list its pages. PDFs give their text
	// layer here; pages that need OCR become tasks.
	if err := forEach(ctx, opt.Workers, len(work), func(ctx context.Context, i int) error {
		return work[i].open(ctx)
	}, func(i int, v any) { work[i].doc.Error = bug(v) }); err != nil {
		return nil, err
	}
	var tasks []task
	for i, w := range work {
		for p := range w.pages {
			if w.pages[p].needsOCR {
				tasks = append(tasks, task{file: i, page: p})
			}
		}
	}

	if len(tasks) > 0 && eng == nil {
		return nil, fmt.Errorf("%s has no recorded reading and there is no OCR engine: %w", work[tasks[0].file].file.Rel, ocr.ErrDependency)
	}

	// Stage 2, per page: OCR, across files and across the pages of a PDF.
	prog := newProgressCounter(opt.Progress, work, len(tasks))
	var mu sync.Mutex
	workers := make(chan *ocr.Worker, opt.Workers)
	for range opt.Workers {
		workers <- eng.NewWorker()
	}
	defer func() {
		close(workers)
		for w := range workers {
			w.Close()
		}
	}()
	err := forEach(ctx, opt.Workers, len(tasks), func(ctx context.Context, i int) error {
		t := tasks[i]
		w := <-workers
		defer func() { workers <- w }()
		fw := work[t.file]
		err := fw.readPage(ctx, w, t.page, langs)
		mu.Lock()
		prog.pageDone(fw.file.Rel, t.file)
		mu.Unlock()
		return err
	}, func(i int, v any) {
		t := tasks[i]
		work[t.file].pages[t.page].err = errors.New(bug(v))
	})
	if err != nil {
		return nil, err
	}

	// Stage 3, per file: from page texts to a typed document.
	docs := make([]document.Document, len(work))
	for _, w := range work {
		w.store()
	}
	for i, w := range work {
		w.safeFinish(opt.Country)
		docs[i] = w.doc
	}
	return docs, nil
}

// forEach runs fn(0..n-1) on up to workers goroutines. It stops at the
// first error, which fn returns only for what ends the whole run (a
// missing dependency, a cancellation): other problems are fn's to record.
// A panic in fn(i) does not reach the user: it is handed to onPanic, to
// be recorded against the file it happened on, and the others go on.
func forEach(ctx context.Context, workers, n int, fn func(ctx context.Context, i int) error, onPanic func(i int, v any)) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(1, workers))
	for i := range n {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			defer func() {
				if v := recover(); v != nil {
					onPanic(i, v)
				}
			}()
			return fn(gctx, i)
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return ctx.Err() // the group's context ends with Wait; the caller's may have ended first
}

// bug is the problem recorded for a file whose reading panicked.
func bug(v any) string {
	return fmt.Sprintf("intake failed on this file (a bug: please report it, without the file): %v", v)
}

type task struct{ file, page int }

// pageWork is one page of a file, as it is read.
// Only what was measured is kept, never the page's image: memory stays
// flat in the number of pages.
type pageWork struct {
	needsOCR bool
	text     string
	source   document.Source
	conf     float64
	ocr      bool        // read by OCR (the fields below are set)
	layout   layout.Page // the words with their boxes
	rotation int
	skew     float64
	mrz      mrz.Reading     // the zone's raw readings, decoded in finish
	mrzBox   image.Rectangle // the zone's band in thousandths of the page
	err      error
}

type fileWork struct {
	file    File
	doc     document.Document
	data    []byte   // the image file's bytes
	pdf     *ocr.PDF // an opened PDF
	pages   []pageWork
	photo   *measuredPhoto
	country string // the procedure's country: its photo profile

	cache *cache.Cache // nil: no cache
	salt  string       // the cache key's parts other than the file's
	sum   string       // the file's SHA-256, once read
	hit   bool         // the pages came from the cache
	now   time.Time    // resolves MRZ years of cached pages

	reference time.Time // an ID photo's age is judged against it

	recorded, record string // folders of recorded readings: to replay, to write

	lim ocr.Limits // what one file may cost to read
}

// open lists the pages of the file. Problems with the file are recorded
// on its document; only dependency errors and cancellation are returned.
func (w *fileWork) open(ctx context.Context) error {
	if w.file.Problem != "" {
		w.doc.Error = w.file.Problem
		return nil
	}
	if msg := w.file.MisnamedWarning(); msg != "" {
		w.doc.Warnf("%s", msg)
	}
	if w.load() {
		return nil
	}
	switch w.file.kind() {
	case kindPDF:
		pdf, err := w.lim.OpenPDF(ctx, w.file.Path)
		if err != nil {
			if errors.Is(err, ocr.ErrDependency) || ctx.Err() != nil {
				return err
			}
			w.doc.Error = pdfProblem(err)
			return nil
		}
		w.pdf = pdf
		w.doc.Pages = len(pdf.Pages)
		w.pages = make([]pageWork, len(pdf.Pages))
		for i, p := range pdf.Pages {
			if p.HasText() {
				w.pages[i] = pageWork{text: p.Text, source: document.SourceTextLayer, conf: 100}
			} else {
				w.pages[i] = pageWork{needsOCR: true}
			}
		}
	case kindImage:
		data, err := w.lim.ReadFile(w.file.Path)
		if err != nil {
			w.doc.Error = "cannot be read: " + err.Error()
			return nil
		}
		if _, err := w.lim.CheckImage(data); err != nil {
			w.doc.Error = imageProblem(err)
			return nil
		}
		w.data = data
		w.doc.Pages = 1
		w.pages = []pageWork{{needsOCR: true}}
	}
	return nil
}

// readPage reads one page that needs OCR. Problems with the page are
// recorded; dependency errors and cancellation are returned.
func (w *fileWork) readPage(ctx context.Context, wk *ocr.Worker, i int, langs ocr.Options) error {
	pw := &w.pages[i]
	var g *image.Gray
	var img image.Image // the file's image, when it is one
	var density photo.Density
	dpi := 0
	if w.pdf != nil {
		var err error
		g, dpi, err = w.pdf.PageImage(ctx, w.pdf.Pages[i])
		if err != nil {
			if errors.Is(err, ocr.ErrDependency) || ctx.Err() != nil {
				return err
			}
			pw.err = err
			return nil
		}
	} else {
		var err error
		if img, err = w.lim.DecodeImage(w.data); err != nil {
			pw.err = errors.New(imageProblem(err))
			return nil
		}
		b := img.Bounds()
		density = photo.ReadDensity(w.data)
		// Every country's ID photo is 35×45 mm: the shape alone says
		// whether to measure one, whatever the procedure.
		if photo.Standard.Likely(b.Dx(), b.Dy(), density) {
			// An ID photo: measure it; it has no text to read. A photo
			// whose print size is unknown is still read, in case it is a
			// document of the same shape.
			w.photo = &measuredPhoto{Measurement: photo.Measure(img, density), Taken: takenOn(w.data)}
			if density.Known() {
				return nil
			}
		} else if _, ok := photo.IsSheet(img); ok {
			// A sheet of photo-booth prints: one is measured; no text.
			w.photo = &measuredPhoto{Measurement: photo.MeasureImage(img, density), Taken: takenOn(w.data)}
			return nil
		}
		var scale float64
		g, scale = ocr.Gray(img)
		dpi = estimateDPI(density, b.Dx(), b.Dy(), scale)
	}
	page, err := wk.ReadPage(ctx, g, dpi, langs)
	if err != nil {
		if errors.Is(err, ocr.ErrDependency) || ctx.Err() != nil {
			return err
		}
		pw.err = err
		return nil
	}
	if img != nil && w.photo == nil && page.Reading.Words < fewWords {
		// An image with little text may be a photo of a person (a
		// square ID photo, a portrait): its faces are measured, for the
		// type to be decided from evidence, and the photo judged if so.
		w.photo = &measuredPhoto{Measurement: photo.MeasureImage(img, density), Taken: takenOn(w.data)}
	}
	b := page.Image.Bounds()
	pw.ocr = true
	pw.layout = layout.Page{Width: b.Dx(), Height: b.Dy(), Lines: page.Reading.Lines}
	pw.rotation, pw.skew = page.Rotation, page.Skew
	pw.mrz = page.MRZ
	pw.mrzBox = permille(page.MRZBox, b)
	pw.text = page.Reading.Text()
	pw.conf = page.Reading.Confidence
	pw.source = document.SourceOCR
	return nil
}

// fewWords is the number of words under which an image is measured as a
// possible photo of a person (extract weighs a face against the text).
const fewWords = 40

// measuredPhoto is what was measured of an ID photo, before judging.
type measuredPhoto struct {
	*photo.Measurement
	Taken string `json:"taken,omitempty"` // YYYY-MM-DD from its EXIF date; "" when unknown
}

// takenOn is the date an ID photo was taken (EXIF), or "".
func takenOn(data []byte) string {
	t := photo.TakenOn(data)
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// estimateDPI returns the resolution of a page image for Tesseract: the
// declared one when there is one, else the resolution it would have as an
// A4 page.
func estimateDPI(d photo.Density, w, h int, scale float64) int {
	if d.Known() {
		return max(1, int(d.DPI*scale))
	}
	long := float64(max(w, h)) * scale
	return min(600, max(70, int(long/11.69)))
}

// safeFinish is finish, with a panic recorded against the file.
func (w *fileWork) safeFinish(procedureCountry string) {
	defer func() {
		if v := recover(); v != nil {
			w.doc = document.Document{File: w.doc.File, Path: w.doc.Path, Format: w.doc.Format, Type: document.Unknown, Error: bug(v)}
		}
	}()
	w.finish(procedureCountry)
}

// finish turns the pages' text into the document's fields.
func (w *fileWork) finish(procedureCountry string) {
	d := &w.doc
	if d.Error != "" {
		return
	}
	w.judgePhoto()
	texts, ok := w.gatherPages()
	if !ok {
		return
	}
	// One place decides the type and the fields, from every piece of
	// evidence at once (see extract.Interpret).
	in := extract.Input{Pages: texts, MRZ: d.MRZ, Country: procedureCountry, Now: w.now}
	for _, l := range d.Layout {
		in.Layout = append(in.Layout, l.Words)
	}
	if w.photo != nil && w.photo.Measurement != nil {
		m := w.photo.Measurement
		in.Photo = &extract.PhotoFacts{Width: m.WidthPx, Height: m.HeightPx, Faces: m.Faces,
			IDShaped: photo.Standard.Likely(m.WidthPx, m.HeightPx, m.Density)}
	}
	extract.Interpret(d, in)
	if d.Type != document.Photo {
		d.Photo = nil
	}
	readVisualZone(d, w.now)
}

// judgePhoto judges a measured photo here, not when it is measured: the
// measurement is cached, while the country's rules and the reference date
// its age is judged against change from run to run.
func (w *fileWork) judgePhoto() {
	if w.photo == nil {
		return
	}
	prof := photo.For(w.country)
	w.doc.Photo = prof.Judge(w.photo.Measurement)
	if w.photo.Taken != "" {
		if taken, err := time.Parse(time.DateOnly, w.photo.Taken); err == nil {
			prof.CheckAge(w.doc.Photo, taken, w.reference)
		}
	}
}

// gatherPages puts the pages' readings into the document: layout, text,
// confidence, the decoded MRZ and what to warn about. It returns the
// pages' texts, and false when no page could be read (the document then
// has its Error).
func (w *fileWork) gatherPages() ([]string, bool) {
	d := &w.doc
	var texts []string
	var confSum float64
	var ocrPages, failed int
	mrzUnread := false
	d.Layout = make([]document.PageLayout, len(w.pages))
	for i, p := range w.pages {
		d.Layout[i] = document.PageLayout{Source: p.source, Rotation: p.rotation, Skew: p.skew, Words: p.layout}
		if p.err != nil {
			failed++
			if len(w.pages) > 1 {
				d.Warnf("page %d could not be read: %v", i+1, p.err)
			}
			texts = append(texts, "")
			continue
		}
		texts = append(texts, p.text)
		if p.source != document.SourceOCR {
			continue
		}
		ocrPages++
		confSum += p.conf
		if p.rotation != 0 {
			d.Warnf("page %d was turned by %d°: intake read it upright, but scan it upright for the counter", i+1, p.rotation)
		}
		mrzUnread = w.decodeMRZ(i, p) || mrzUnread
	}
	if failed == len(w.pages) && len(w.pages) > 0 {
		d.Error = w.pages[0].err.Error()
		if len(w.pages) > 1 {
			d.Error = fmt.Sprintf("none of its %d pages could be read: %s", len(w.pages), d.Error)
		}
		return nil, false
	}
	switch {
	case ocrPages == 0 && w.photo != nil:
		d.TextSource = document.SourceNone
	case ocrPages == 0:
		d.TextSource, d.Confidence = document.SourceTextLayer, 100
	default:
		d.TextSource, d.Confidence = document.SourceOCR, confSum/float64(ocrPages)
	}
	if d.MRZ == nil && mrzUnread {
		d.Warnf("a machine-readable zone is printed but could not be read: check that the bottom lines of the page are sharp and not cut off")
	}
	if d.MRZ != nil && !d.MRZ.Valid {
		d.Warnf("the machine-readable zone was read but its check digits do not all hold: its data may be misread")
	}
	d.Text = strings.Join(texts, "\f")
	return texts, true
}

// decodeMRZ decodes page i's zone here, not when it is read: two-digit
// years depend on the day of the run. The first zone decoded is the
// document's. It reports whether the page shows a zone that could not be
// decoded.
func (w *fileWork) decodeMRZ(i int, p pageWork) bool {
	m := mrz.Decode(p.mrz, w.now)
	if m == nil {
		return !p.mrzBox.Empty()
	}
	if w.doc.MRZ == nil {
		w.doc.MRZ = m
		if i == 0 {
			w.doc.MRZBox = p.mrzBox
		}
	}
	return false
}

// readVisualZone reads the dates printed next to their labels on an
// identity document (the MRZ does not hold the issue date), and warns when
// the printed expiry and the MRZ's disagree.
func readVisualZone(d *document.Document, now time.Time) {
	switch d.Type {
	case document.Passport, document.IDCard, document.ResidencePermit:
	default:
		return
	}
	var lines []layout.Line
	for _, l := range d.Layout {
		lines = append(lines, l.Words.Lines...)
	}
	if len(lines) == 0 {
		return
	}
	if d.MRZ != nil && !d.Issued.IsZero() && !d.Issued.Time().After(d.MRZ.BirthDate) {
		// The birth date, or one before it, taken under an issue label.
		d.Issued = document.Date{}
	}
	vd := visual.VisualDates(lines, now)
	if vd.Expiry.IsZero() {
		// Its label not read: the date a whole term after the issue.
		vd.Expiry, vd.ExpiryText = visual.ExpiryByTerm(lines, vd.Issue)
	}
	if d.Expires.IsZero() && !vd.Expiry.IsZero() {
		d.Expires = document.DateOf(vd.Expiry)
	}
	if d.MRZ != nil {
		switch msg := visual.ExpiryMismatch(vd, d.MRZ); {
		case msg == "":
		case visual.OneDigitApart(vd.Expiry, d.MRZ.ExpiryDate):
			// One glyph misread in the printed date, most likely: the
			// MRZ's check digit holds.
			d.Warnf("%s by one digit: intake takes the MRZ's, whose check digit holds; check it on the document", msg)
		default:
			// The document itself disagrees. The printed date is the
			// document's: the MRZ repeats it for machines, and a counter
			// reads the printed one.
			d.Expires = document.DateOf(vd.Expiry)
			d.Warnf("%s: intake takes the printed date; check it on the document", msg)
		}
	}
	// An issue date on or after the expiry, or not after the birth, is
	// another date taken under the issue's label (the line between them
	// not read).
	if !vd.Issue.IsZero() && (d.Expires.IsZero() || vd.Issue.Before(d.Expires.Time())) && d.Issued.IsZero() &&
		(d.MRZ == nil || vd.Issue.After(d.MRZ.BirthDate)) {
		d.Issued = document.DateOf(vd.Issue)
	}
	if d.Issued.IsZero() && d.MRZ != nil && !d.Expires.IsZero() {
		// Labels too small to read: a date a whole term before the expiry.
		if t, _ := visual.IssueByTerm(lines, d.Expires.Time(), d.MRZ.BirthDate); !t.IsZero() {
			d.Issued = document.DateOf(t)
		}
	}
}

func pdfProblem(err error) string {
	if errors.Is(err, ocr.ErrEncrypted) || errors.Is(err, ocr.ErrTooLarge) {
		return err.Error()
	}
	return fmt.Sprintf("is not a readable PDF (%v): export or scan it again", err)
}

func imageProblem(err error) string {
	if errors.Is(err, ocr.ErrTooLarge) {
		return err.Error()
	}
	msg := err.Error()
	if strings.Contains(msg, "unexpected EOF") || strings.Contains(msg, "short") {
		return "the image is cut off (the file is truncated): copy or scan it again"
	}
	return fmt.Sprintf("is not a readable image (%v): scan or export it again", err)
}

// languagesFor chooses the Tesseract languages for a dossier: the
// country's first, then the applicant's and the other scripts intake
// knows, tried on pages the first languages read poorly. (A page that
// shows an MRZ is read in its issuer's: see ocr.Engine.IssuerLanguages.)
func languagesFor(eng *ocr.Engine, countryCode, nationality string) ocr.Options {
	primary := map[string][]string{
		"FR": {"fra"},
		"BE": {"fra", "nld"},
		"RU": {"rus"},
		"RS": {"srp_latn", "srp"},
	}
	// Civil-status and court papers of the Maghreb are in Arabic, often
	// with French beside it; those of the Arab East in Arabic.
	byNationality := map[string][]string{
		"CN": {"chi_sim"}, "TW": {"chi_sim"}, "HK": {"chi_sim"},
		"RU": {"rus"}, "BY": {"rus"}, "KZ": {"rus"}, "UA": {"rus"},
		"FR": {"fra"}, "BE": {"fra", "nld"}, "NL": {"nld"}, "DE": {"deu"},
		"AT": {"deu"}, "CH": {"fra", "deu"}, "RS": {"srp_latn", "srp"},
		"MA": {"ara", "fra"}, "DZ": {"ara", "fra"}, "TN": {"ara", "fra"}, "MR": {"ara", "fra"}, "LB": {"ara", "fra"},
		"EG": {"ara"}, "LY": {"ara"}, "SD": {"ara"}, "SY": {"ara"}, "IQ": {"ara"}, "JO": {"ara"}, "PS": {"ara"},
		"SA": {"ara"}, "YE": {"ara"}, "KW": {"ara"}, "QA": {"ara"}, "BH": {"ara"}, "AE": {"ara"}, "OM": {"ara"},
	}
	first, ok := primary[strings.ToUpper(countryCode)]
	if !ok {
		first = []string{"eng"}
	}
	opt := ocr.Options{Languages: first}
	seen := map[string]bool{strings.Join(first, "+"): true}
	add := func(l []string) {
		k := strings.Join(l, "+")
		if seen[k] {
			return
		}
		for _, x := range l {
			if !eng.Has(x) {
				return
			}
		}
		seen[k] = true
		opt.Alternates = append(opt.Alternates, l)
	}
	if l, ok := byNationality[country.Alpha2(nationality)]; ok {
		add(l)
	}
	// Whatever the nationality (unknown before the passport is read), a
	// page that reads poorly is tried in the scripts of the applicants'
	// other papers: Latin (English), Chinese, Cyrillic and Arabic.
	for _, l := range [][]string{{"eng"}, {"chi_sim"}, {"rus"}, {"ara"}} {
		add(l)
	}
	return opt
}

// progressCounter turns page completions into Progress reports.
type progressCounter struct {
	report    func(Progress)
	p         Progress
	remaining []int // pages left per file
}

func newProgressCounter(report func(Progress), work []*fileWork, pages int) *progressCounter {
	c := &progressCounter{report: report, remaining: make([]int, len(work))}
	c.p.Pages = pages
	c.p.Files = len(work)
	for i, w := range work {
		for _, p := range w.pages {
			if p.needsOCR {
				c.remaining[i]++
			}
		}
		if c.remaining[i] == 0 {
			c.p.FilesDone++
		}
	}
	if report != nil {
		report(c.p)
	}
	return c
}

func (c *progressCounter) pageDone(name string, file int) {
	c.p.PagesDone++
	c.p.Current = name
	c.remaining[file]--
	if c.remaining[file] == 0 {
		c.p.FilesDone++
	}
	if c.report != nil {
		c.report(c.p)
	}
}
