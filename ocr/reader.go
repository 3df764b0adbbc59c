package ocr

import (
	"context"
	"errors"
	"image"
	"strings"
	"time"

	"github.com/intake-app/intake/ocr/mrz"
)

// Options say how to read a page.
type Options struct {
	// Languages are the Tesseract languages tried first ("fra", "eng").
	Languages []string
	// Alternates are tried, in order, when the first reading is poor: a
	// page in another script (a Chinese certificate in a Serbian dossier).
	Alternates [][]string
	// Now resolves the two-digit years of an MRZ.
	Now time.Time
}

// goodConfidence is the mean word confidence above which a reading is
// accepted without trying other orientations or languages.
const goodConfidence = 70

// Page is a page read by a Worker.
type Page struct {
	Image      *image.Gray // upright and deskewed
	DPI        int
	Rotation   int     // clockwise quarter turn applied to make it upright
	Skew       float64 // degrees of skew removed
	Reading    *Recognition
	MRZ        *mrz.Result // nil when the page has no machine-readable zone
	MRZBox     image.Rectangle
	MRZProblem string // why a zone that seemed present could not be read
}

// ReadPage makes g upright and reads it. A page upside down, or in a
// script the first languages do not cover, is recognised by the poor
// confidence of the first reading; the other orientations and languages
// are then tried on a strip of the page before the whole page is read
// again with the best.
func (w *Worker) ReadPage(ctx context.Context, g *image.Gray, dpi int, opt Options) (*Page, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	up, turn, skew := Upright(g)
	p := &Page{Image: up, DPI: dpi, Rotation: turn, Skew: skew}
	rec, err := w.Recognize(up, dpi, opt.Languages)
	if err != nil {
		return nil, err
	}
	if !good(rec) {
		best, err := w.probe(ctx, up, dpi, rec, opt)
		if err != nil {
			return nil, err
		}
		if best.flip || !sameLangs(best.langs, opt.Languages) {
			img := up
			if best.flip {
				img = Rotate(up, 180)
			}
			again, err := w.Recognize(img, dpi, best.langs)
			if err != nil {
				return nil, err
			}
			if score(again) > score(rec) {
				rec = again
				p.Image = img
				if best.flip {
					p.Rotation = (p.Rotation + 180) % 360
				}
			}
		}
	}
	p.Reading = rec
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	w.readMRZ(p, opt.Now)
	return p, nil
}

func good(r *Recognition) bool { return r.Words >= 5 && r.Confidence >= goodConfidence }

// score ranks readings of the same image: confident words count, guesses
// do not.
func score(r *Recognition) float64 {
	if r.Words == 0 {
		return 0
	}
	return r.Confidence * min(float64(r.Words), 40)
}

func sameLangs(a, b []string) bool { return strings.Join(a, "+") == strings.Join(b, "+") }

type candidate struct {
	flip  bool
	langs []string
}

// probe tries the other orientation and the alternate languages on a
// strip across the middle of the page, and returns the best.
func (w *Worker) probe(ctx context.Context, g *image.Gray, dpi int, first *Recognition, opt Options) (candidate, error) {
	b := g.Bounds()
	strip := Crop(g, image.Rect(0, b.Dy()/4, b.Dx(), b.Dy()*3/4))
	flipped := Rotate(strip, 180)
	cands := []candidate{{flip: true, langs: opt.Languages}}
	for _, l := range opt.Alternates {
		cands = append(cands, candidate{langs: l}, candidate{flip: true, langs: l})
	}
	base, err := w.Recognize(strip, dpi, opt.Languages)
	if err != nil {
		return candidate{}, err
	}
	best, bestScore := candidate{langs: opt.Languages}, score(base)
	for _, c := range cands {
		if err := ctx.Err(); err != nil {
			return candidate{}, err
		}
		img := strip
		if c.flip {
			img = flipped
		}
		r, err := w.Recognize(img, dpi, c.langs)
		if errors.Is(err, ErrDependency) {
			continue // an alternate language that is not installed
		}
		if err != nil {
			return candidate{}, err
		}
		if s := score(r); s > bestScore*1.15 {
			best, bestScore = c, s
		}
		if good(r) && r.Confidence >= 85 {
			break
		}
	}
	return best, nil
}

// mrzChars reports whether s could be an MRZ line as OCR reads it.
func mrzLine(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) < 25 {
		return false
	}
	n := 0
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '<' {
			n++
		}
	}
	return n >= len(s)*9/10 && strings.Count(s, "<") >= 2
}

// readMRZ finds the lines of the page that look like an MRZ, crops their
// band and reads it again with the MRZ alphabet and no dictionaries.
func (w *Worker) readMRZ(p *Page, now time.Time) {
	var band image.Rectangle
	var lines []string
	for _, l := range p.Reading.Lines {
		if mrzLine(l.Text()) {
			band = band.Union(l.Box)
			lines = append(lines, l.Text())
		}
	}
	if band.Empty() {
		return
	}
	// Pad the band by a line's height on each side so that a line the page
	// reading missed is inside the crop too.
	lineH := band.Dy() / max(1, len(lines))
	band = image.Rect(band.Min.X-lineH, band.Min.Y-lineH, band.Max.X+lineH, band.Max.Y+lineH).Intersect(p.Image.Bounds())
	p.MRZBox = band
	crop := Crop(p.Image, band)
	// Tesseract reads best with capitals about 30–40 pixels high.
	if lineH > 0 && lineH < 36 {
		crop = Scale(crop, min(3, 40/float64(lineH)))
	}
	var res *mrz.Result
	if rec, err := w.recognize(crop, p.DPI, []string{"eng"}, modeMRZ); err == nil {
		res, _ = mrz.Find(rec.Text(), now)
	}
	if res == nil || !res.Valid {
		// The page reading may have done better on some characters.
		if alt, err := mrz.Find(strings.Join(lines, "\n"), now); err == nil && (res == nil || alt.Valid) {
			res = alt
		}
	}
	if res == nil {
		p.MRZProblem = "a machine-readable zone is printed but could not be read"
		return
	}
	p.MRZ = res
}
