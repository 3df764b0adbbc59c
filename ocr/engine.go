// Package ocr turns the files of a dossier into pages and reads them:
// images are loaded upright (EXIF orientation, 90/180/270° turns and small
// skews corrected), PDFs give their text layer or their scans, and
// Tesseract (through gosseract) reads what has no text layer. The MRZ band
// of a page is located and read on its own crop.
package ocr

import (
	"errors"
	"fmt"
	"image"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/intake-app/intake/ocr/layout"

	"github.com/otiai10/gosseract/v2"
)

// ErrDependency marks an error caused by a missing program or language
// pack rather than by the input. Test for it with errors.Is: the errors
// are DependencyErrors, whose message says what to install.
var ErrDependency = errors.New("missing dependency")

// A DependencyError is a program or a language pack intake needs and does
// not find, with the Debian packages that provide it.
type DependencyError struct {
	What     string   // "Tesseract's language packs for fra, srp", "pdftoppm"
	Packages []string // Debian packages to install
	Err      error    // the underlying error, if any
}

func (e *DependencyError) Error() string {
	msg := e.What + " not installed"
	if len(e.Packages) > 0 {
		msg += fmt.Sprintf(": install with `sudo apt-get install %s` (scripts/setup-debian installs everything intake needs)", strings.Join(e.Packages, " "))
	}
	if e.Err != nil {
		msg += " (" + e.Err.Error() + ")"
	}
	return msg
}

// Is makes errors.Is(err, ErrDependency) hold.
func (e *DependencyError) Is(target error) bool { return target == ErrDependency }

func (e *DependencyError) Unwrap() error { return e.Err }

// Engine holds what the OCR workers share: the set of installed language
// packs (Tesseract's initialisations are serialised by tesseractInit).
type Engine struct {
	available map[string]bool
	mrzConfig string // a Tesseract config file that turns dictionaries off
}

// tesseractInit serialises Tesseract's initialisations in the whole
// process: Init is not safe to run concurrently with another Init, even
// of another Engine (intake status runs one Engine per worker).
var tesseractInit sync.Mutex

// NewEngine checks that Tesseract is usable and lists its language packs.
// Call Close when done.
func NewEngine() (*Engine, error) {
	quietLeptonica()
	tesseractInit.Lock() // GetAvailableLanguages initialises Tesseract to find its data
	langs, err := gosseract.GetAvailableLanguages()
	tesseractInit.Unlock()
	if err != nil {
		return nil, &DependencyError{What: "Tesseract", Packages: []string{"tesseract-ocr"}, Err: err}
	}
	e := &Engine{available: map[string]bool{}}
	for _, l := range langs {
		e.available[l] = true
	}
	if len(e.available) == 0 {
		return nil, &DependencyError{What: "Tesseract's language data", Packages: []string{"tesseract-ocr-eng"}}
	}
	f, err := os.CreateTemp("", "intake-mrz-*.config")
	if err != nil {
		return nil, fmt.Errorf("write Tesseract config: %w", err)
	}
	// Dictionaries are load-time settings: they can only be set through a
	// config file read by Init.
	_, err = f.WriteString("load_system_dawg F\nload_freq_dawg F\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return nil, fmt.Errorf("write Tesseract config: %w", err)
	}
	e.mrzConfig = f.Name()
	return e, nil
}

// Close removes the engine's temporary files.
func (e *Engine) Close() error {
	if e.mrzConfig == "" {
		return nil
	}
	return os.Remove(e.mrzConfig)
}

// Version is the version of the Tesseract library.
func (e *Engine) Version() string { return gosseract.Version() }

// Languages returns the installed language packs, sorted.
func (e *Engine) Languages() []string {
	var out []string
	for l := range e.available {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Require reports an ErrDependency naming the Debian packages to install
// when one of langs is not installed.
func (e *Engine) Require(langs ...string) error {
	var missing []string
	for _, l := range langs {
		if !e.available[l] {
			missing = append(missing, "tesseract-ocr-"+strings.ReplaceAll(l, "_", "-"))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
	missing = slices.Compact(missing)
	return &DependencyError{What: "Tesseract language data (" + strings.Join(missing, ", ") + ")", Packages: missing}
}

// Has reports whether the language pack lang is installed.
func (e *Engine) Has(lang string) bool { return e.available[lang] }

// Word and Line are the layout of a reading (see package layout).
type (
	Word = layout.Word
	Line = layout.Line
)

// Recognition is the result of reading one image.
type Recognition struct {
	Lines      []Line
	Confidence float64 // mean confidence of the words that hold a letter or digit, 0–100
	Words      int     // number of such words
	Languages  []string
}

// Text returns the recognised text, one line per line.
func (r *Recognition) Text() string { return layout.Page{Lines: r.Lines}.Text() }

// Worker reads images with Tesseract. A worker is not safe for concurrent
// use: give each goroutine its own. It keeps one initialised client per
// language set, since re-initialising Tesseract is slow.
type Worker struct {
	engine  *Engine
	clients map[string]*gosseract.Client
}

// NewWorker returns a worker; Close it when done.
func (e *Engine) NewWorker() *Worker {
	return &Worker{engine: e, clients: map[string]*gosseract.Client{}}
}

// Close frees the worker's Tesseract clients.
func (w *Worker) Close() {
	for k, c := range w.clients {
		c.Close()
		delete(w.clients, k)
	}
}

type mode int

const (
	modeText   mode = iota // a page of text, automatic layout
	modeMRZ                // an MRZ band: uniform block, A-Z0-9< only, no dictionaries
	modeSparse             // scattered fields (an identity card): as much text as can be found, in no order
)

func (w *Worker) client(langs []string, m mode) (*gosseract.Client, error) {
	key := strings.Join(langs, "+") + "/" + strconv.Itoa(int(m))
	if c, ok := w.clients[key]; ok {
		return c, nil
	}
	if err := w.engine.Require(langs...); err != nil {
		return nil, err
	}
	c := gosseract.NewClient()
	if err := c.SetLanguage(langs...); err != nil {
		c.Close()
		return nil, err
	}
	c.DisableOutput()
	if m == modeMRZ {
		if err := c.SetConfigFile(w.engine.mrzConfig); err != nil {
			c.Close()
			return nil, fmt.Errorf("tesseract config: %w", err)
		}
		c.SetWhitelist("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
		c.SetVariable("tessedit_pageseg_mode", strconv.Itoa(int(gosseract.PSM_SINGLE_BLOCK)))
	} else if m == modeSparse {
		c.SetVariable("tessedit_pageseg_mode", strconv.Itoa(int(gosseract.PSM_SPARSE_TEXT)))
	} else {
		c.SetVariable("tessedit_pageseg_mode", strconv.Itoa(int(gosseract.PSM_AUTO)))
	}
	// Initialise now, on a blank image, while holding the engine's lock:
	// Tesseract's Init must not run concurrently with another Init, and
	// gosseract only initialises on the first recognition.
	if err := c.SetImageFromBytes(encodePGM(image.NewGray(image.Rect(0, 0, 16, 16)))); err != nil {
		c.Close()
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	tesseractInit.Lock()
	_, err := c.GetBoundingBoxesVerbose()
	tesseractInit.Unlock()
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("start Tesseract with %s: %w", strings.Join(langs, "+"), err)
	}
	w.clients[key] = c
	return c, nil
}

// Recognize reads img, an image at the given resolution, with the given
// Tesseract languages ("fra", "srp_latn", …).
func (w *Worker) Recognize(img *image.Gray, dpi int, langs []string) (*Recognition, error) {
	return w.recognize(img, dpi, langs, modeText)
}

func (w *Worker) recognize(img *image.Gray, dpi int, langs []string, m mode) (*Recognition, error) {
	if img.Bounds().Dx() < 8 || img.Bounds().Dy() < 8 {
		return &Recognition{Languages: langs}, nil
	}
	c, err := w.client(langs, m)
	if err != nil {
		return nil, err
	}
	if dpi <= 0 {
		dpi = 300
	}
	c.SetVariable("user_defined_dpi", strconv.Itoa(dpi))
	if err := c.SetImageFromBytes(encodePGM(img)); err != nil {
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	boxes, err := c.GetBoundingBoxesVerbose()
	if err != nil {
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	return assemble(boxes, langs), nil
}

// symbols reads img in MRZ mode and returns each character with its box.
func (w *Worker) symbols(img *image.Gray, dpi int) ([]Word, error) {
	c, err := w.client([]string{"eng"}, modeMRZ)
	if err != nil {
		return nil, err
	}
	c.SetVariable("user_defined_dpi", strconv.Itoa(dpi))
	if err := c.SetImageFromBytes(encodePGM(img)); err != nil {
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	boxes, err := c.GetBoundingBoxes(gosseract.RIL_SYMBOL)
	if err != nil {
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	out := make([]Word, 0, len(boxes))
	for _, b := range boxes {
		if t := strings.TrimSpace(b.Word); t != "" {
			out = append(out, Word{Text: t, Box: b.Box, Confidence: b.Confidence})
		}
	}
	return out, nil
}

// assemble groups Tesseract's words into lines.
func assemble(boxes []gosseract.BoundingBox, langs []string) *Recognition {
	r := &Recognition{Languages: langs}
	type key struct{ block, par, line int }
	var cur key
	var sum float64
	for i, b := range boxes {
		k := key{b.BlockNum, b.ParNum, b.LineNum}
		if i == 0 || k != cur {
			r.Lines = append(r.Lines, Line{})
			cur = k
		}
		text := strings.TrimSpace(b.Word)
		if text == "" {
			continue
		}
		l := &r.Lines[len(r.Lines)-1]
		l.Words = append(l.Words, Word{Text: text, Box: b.Box, Confidence: b.Confidence})
		l.Box = l.Box.Union(b.Box)
		if hasAlnum(text) {
			sum += b.Confidence
			r.Words++
		}
	}
	r.Lines = slices.DeleteFunc(r.Lines, func(l Line) bool { return len(l.Words) == 0 })
	if r.Words > 0 {
		r.Confidence = sum / float64(r.Words)
	}
	return r
}

// hasAlnum reports whether s holds a letter or a digit: a word that
// counts in a reading's confidence.
func hasAlnum(s string) bool { return strings.IndexFunc(s, isAlnum) >= 0 }

func isAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
}

// encodePGM encodes img as a binary PGM, which Leptonica reads without
// any compression work.
func encodePGM(img *image.Gray) []byte {
	b := img.Bounds()
	header := fmt.Sprintf("P5\n%d %d\n255\n", b.Dx(), b.Dy())
	out := make([]byte, 0, len(header)+b.Dx()*b.Dy())
	out = append(out, header...)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		off := img.PixOffset(b.Min.X, y)
		out = append(out, img.Pix[off:off+b.Dx()]...)
	}
	return out
}
