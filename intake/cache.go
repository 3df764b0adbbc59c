package intake

import (
	"encoding/json"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"

	"github.com/intake-app/intake/cache"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/ocr/layout"
	"github.com/intake-app/intake/ocr/mrz"
)

// cacheFormat changes when cachedFile changes meaning.
const cacheFormat = "intake-read-4"

// cachedFile is what the cache keeps of a file: the reading of its pages
// and, for an ID photo, its measurement. Extraction (stage 3) is not
// cached: it is fast, and depends on the procedure's country.
type cachedFile struct {
	Format string         `json:"format"` // cacheFormat: an entry of another format is not used
	Pages  []cachedPage   `json:"pages"`
	Photo  *measuredPhoto `json:"photo,omitempty"`
}

type cachedPage struct {
	Source document.Source `json:"source"`
	Text   string          `json:"text"`
	Conf   float64         `json:"conf"`
	// OCR'd pages only:
	OCR      bool            `json:"ocr,omitempty"`
	Rotation int             `json:"rotation,omitempty"`
	Skew     float64         `json:"skew,omitempty"`
	Layout   layout.Page     `json:"layout"`        // the words with their boxes and confidences
	MRZ      mrz.Reading     `json:"mrz,omitempty"` // raw: decoded on every run, years depend on the day
	MRZBox   image.Rectangle `json:"mrz_box"`
}

// cacheSalt returns what, besides a file's content, changes how it is
// read: this build of intake, Tesseract's version, the language data and
// the languages chosen for the dossier. The procedure's country is not one
// of them: a photo is measured the same for every country, and judged
// against its rules on every run.
func cacheSalt(eng *ocr.Engine, langs ocr.Options, opt ReadOptions) string {
	if opt.Cache == nil {
		return ""
	}
	parts := []string{cacheFormat, cache.ProgramID(), eng.Version(), strings.Join(langs.Languages, "+")}
	used := append([]string{"eng"}, langs.Languages...)
	for _, l := range langs.Alternates {
		parts = append(parts, strings.Join(l, "+"))
		used = append(used, l...)
	}
	for _, l := range used {
		parts = append(parts, languageData(l))
	}
	return cache.Key(parts...)
}

// languageData identifies the installed data of a Tesseract language by
// its file's size and modification time.
func languageData(lang string) string {
	var dirs []string
	if p := os.Getenv("TESSDATA_PREFIX"); p != "" {
		dirs = append(dirs, p, filepath.Join(p, "tessdata"))
	}
	dirs = append(dirs, "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
		"/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata")
	for _, d := range dirs {
		if info, err := os.Stat(filepath.Join(d, lang+".traineddata")); err == nil {
			return fmt.Sprintf("%s:%d:%d", lang, info.Size(), info.ModTime().UnixNano())
		}
	}
	return lang + ":?"
}

// load fills the file's pages from the cache, and reports whether it
// could. A missing or unusable entry is a miss.
func (w *fileWork) load() bool {
	if w.cache == nil && w.recorded == "" && w.record == "" {
		return false
	}
	data, err := os.ReadFile(w.file.Path)
	if err != nil {
		return false
	}
	w.sum = cache.Sum(data)
	var b []byte
	ok := false
	if w.recorded != "" {
		b, err = os.ReadFile(filepath.Join(w.recorded, w.sum+".json"))
		ok = err == nil
	}
	if !ok && w.cache != nil && w.salt != "" {
		b, ok = w.cache.Get(cache.FileKey(w.sum, w.salt))
	}
	if !ok {
		return false
	}
	var e cachedFile
	if json.Unmarshal(b, &e) != nil || e.Format != cacheFormat || len(e.Pages) == 0 {
		return false
	}
	pages := make([]pageWork, len(e.Pages))
	for i, c := range e.Pages {
		if c.Source == document.SourceOCR && !c.OCR {
			return false // an entry that does not hold together: read the file again
		}
		pages[i] = pageWork{text: c.Text, source: c.Source, conf: c.Conf, mrzBox: c.MRZBox,
			ocr: c.OCR, rotation: c.Rotation, skew: c.Skew, layout: c.Layout, mrz: c.MRZ}
	}
	w.pages = pages
	w.doc.Pages = len(pages)
	w.photo = e.Photo
	w.hit = true
	return true
}

// store puts a file that was read without problems into the cache.
func (w *fileWork) store() {
	if (w.cache == nil && w.record == "") || w.hit || w.sum == "" || w.doc.Error != "" || len(w.pages) == 0 {
		return
	}
	e := cachedFile{Format: cacheFormat, Photo: w.photo}
	for _, p := range w.pages {
		if p.err != nil {
			return // perhaps passing: try again next time
		}
		c := cachedPage{Source: p.source, Text: p.text, Conf: p.conf, MRZBox: p.mrzBox,
			OCR: p.ocr, Rotation: p.rotation, Skew: p.skew, Layout: p.layout, MRZ: p.mrz}
		e.Pages = append(e.Pages, c)
	}
	b, err := json.Marshal(e)
	if err != nil {
		return
	}
	if w.record != "" {
		// Recorded readings are test fixtures: errors are the test's to see
		// (a missing reading on replay).
		_ = os.WriteFile(filepath.Join(w.record, w.sum+".json"), b, 0o644)
	}
	if w.cache != nil && w.salt != "" {
		w.cache.Put(cache.FileKey(w.sum, w.salt), b) // a cache that cannot be written is no cache
	}
}

// permille expresses r in thousandths of b's width and height.
func permille(r, b image.Rectangle) image.Rectangle {
	if r.Empty() || b.Dx() == 0 || b.Dy() == 0 {
		return image.Rectangle{}
	}
	r = r.Sub(b.Min)
	return image.Rect(r.Min.X*1000/b.Dx(), r.Min.Y*1000/b.Dy(), r.Max.X*1000/b.Dx(), r.Max.Y*1000/b.Dy())
}
