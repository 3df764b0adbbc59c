package ocr

import (
	"context"
	"errors"
	"image"
	"math"
	"slices"
	"sort"
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
}

// goodConfidence is the mean word confidence above which a reading is
// accepted without trying other orientations or languages.
const goodConfidence = 70

// Page is a page read by a Worker.
type Page struct {
	Image    *image.Gray // upright and deskewed
	DPI      int
	Rotation int     // clockwise quarter turn applied to make it upright
	Skew     float64 // degrees of skew removed
	Reading  *Recognition
	// MRZ is what was read in the page's machine-readable zone, undecoded
	// (mrz.Decode does that, with the reference day); empty when the page
	// shows no zone. MRZBox is the zone's band, empty when there is none.
	MRZ    mrz.Reading
	MRZBox image.Rectangle
}

// ReadPage makes g upright and reads it. A page that shows a
// machine-readable zone is turned by the zone's direction; when it reads
// poorly, it is read again in its issuer's languages, then its document
// alone and enlarged (readIdentity). Another page upside down, or in a
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
	// The machine-readable zone first: found at any angle, it tells which
	// way is up better than the page's lines (a phone photo of a passport
	// tilted by 20°, a card turned on a busy table), and the page is then
	// read upright.
	// A zone that decodes has said which way is up, who issued the
	// document and where the document lies.
	zone, decoded := w.readZone(p, g)
	up = p.Image
	rec, err := w.Recognize(up, dpi, opt.Languages)
	if err != nil {
		return nil, err
	}
	switch {
	case good(rec):
	case decoded != nil:
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if rec, err = w.readIdentity(p, rec, zone, decoded, opt); err != nil {
			return nil, err
		}
	default:
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
	if zone.reading.Empty() {
		w.readMRZ(p)
	}
	return p, nil
}

// readIdentity reads again an identity document that read poorly: in its
// issuer's languages, whatever the dossier's (no other script is probed:
// Tesseract reads a worn German card as Arabic with more confidence than
// as German), then, if that reads poorly too, the document alone and
// enlarged (readDocument). It returns the best reading.
func (w *Worker) readIdentity(p *Page, rec *Recognition, zone zoneRead, decoded *mrz.Result, opt Options) (*Recognition, error) {
	langs := opt.Languages
	if l := w.engine.IssuerLanguages(decoded.IssuingState, decoded.Nationality); len(l) > 0 {
		langs = opt.holding(l)
	}
	if !sameLangs(langs, rec.Languages) {
		again, err := w.Recognize(p.Image, p.DPI, langs)
		if err != nil {
			return nil, err
		}
		if score(again) > score(rec) {
			rec = again
		}
	}
	if good(rec) {
		return rec, nil
	}
	doc, err := w.readDocument(p, rec, zone, langs)
	if err != nil {
		return nil, err
	}
	if doc != nil && score(doc) > score(rec) {
		rec = doc
	}
	return rec, nil
}

// minTilt is the smallest tilt, in degrees, of a machine-readable zone
// for which the page is turned again: Upright removes the small ones.
const minTilt = 1.5

// readZone reads the page's machine-readable zone as rows of OCR-B cells
// (see readZone in zone.go) into p, and returns the zone as it lies on p's
// image and its decoding (nil when it does not decode; only check digits
// and codes matter here, so the day given to Decode does not). When the
// zone runs at an angle, p's image is made again from g, the page as
// given, turned so that the zone reads left to right, and the zone is read
// again there so that its box is in the page's coordinates.
func (w *Worker) readZone(p *Page, g *image.Gray) (zoneRead, *mrz.Result) {
	z := readZone(p.Image)
	if z.reading.Empty() {
		return z, nil
	}
	p.MRZ, p.MRZBox = z.reading, z.box
	decoded := mrz.Decode(z.reading, time.Now())
	a := z.angle
	if a > 180 {
		a -= 360
	}
	quarter := int(math.Round(a/90)) * 90
	tilt := a - float64(quarter)
	// Only a zone that decodes turns the page: rows of something else say
	// nothing of the page's direction.
	if quarter == 0 && math.Abs(tilt) < minTilt || decoded == nil {
		return z, decoded
	}
	p.Rotation = ((p.Rotation-quarter)%360 + 360) % 360
	p.Skew = math.Round((p.Skew+tilt)*10) / 10
	p.Image = Rotate(g, p.Rotation)
	if math.Abs(p.Skew) >= 0.05 {
		p.Image = rotateFine(p.Image, p.Skew)
	}
	again := readZone(p.Image)
	p.MRZBox = again.box
	if again.reading.Empty() {
		// Not found again (cut off by the turn): its reading stands, its
		// place is unknown.
		z.box = image.Rectangle{}
		return z, decoded
	}
	// The reading of the straightened zone, unless only the first checks
	// out.
	if d := mrz.Decode(again.reading, time.Now()); d != nil && (d.Valid || !decoded.Valid) {
		p.MRZ, decoded = again.reading, d
	}
	again.reading = p.MRZ
	return again, decoded
}

// valid reports whether a zone's readings decode with every check digit
// holding. Only check digits matter here: the day given to Decode does not.
func valid(r mrz.Reading) bool {
	m := mrz.Decode(r, time.Now())
	return m != nil && m.Valid
}

// holding returns the first of opt's language sets, the first languages
// then the alternates, that holds the first of langs, else langs: a
// Tesseract instance is made per language set, at a cost in time and
// memory, and a dossier's sets already cover most issuers' languages.
func (opt Options) holding(langs []string) []string {
	for _, set := range append([][]string{opt.Languages}, opt.Alternates...) {
		if slices.Contains(set, langs[0]) {
			return set
		}
	}
	return langs
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
// band across the middle of the page, in order of likelihood, and returns
// the first that reads well, else the best that reads clearly better than
// the first reading. No probe is needed for a page that read well at once,
// which is most of them.
func (w *Worker) probe(ctx context.Context, g *image.Gray, dpi int, first *Recognition, opt Options) (candidate, error) {
	band := Crop(g, inkiestBand(g, 0.35))
	var flipped *image.Gray
	cands := []candidate{{flip: true, langs: opt.Languages}}
	for _, l := range opt.Alternates {
		cands = append(cands, candidate{langs: l}, candidate{flip: true, langs: l})
	}
	best := candidate{langs: opt.Languages}
	bestConf := first.Confidence + 10 // a probe must do clearly better
	for _, c := range cands {
		if err := ctx.Err(); err != nil {
			return candidate{}, err
		}
		img := band
		if c.flip {
			if flipped == nil {
				flipped = Rotate(band, 180)
			}
			img = flipped
		}
		r, err := w.Recognize(img, dpi, c.langs)
		if errors.Is(err, ErrDependency) {
			continue // an alternate language that is not installed
		}
		if err != nil {
			return candidate{}, err
		}
		if r.Words < 3 {
			continue
		}
		if r.Confidence >= 80 {
			return c, nil
		}
		if r.Confidence > bestConf {
			best, bestConf = c, r.Confidence
		}
	}
	return best, nil
}

// inkiestBand returns the horizontal band of g, of the given share of its
// height, that holds the most ink: the part of the page most worth reading
// (a receipt's text may sit in its top third only).
func inkiestBand(g *image.Gray, share float64) image.Rectangle {
	b := g.Bounds()
	m := newInkMap(g)
	if m.h == 0 || len(m.ys) == 0 {
		return image.Rect(0, b.Dy()*3/10, b.Dx(), b.Dy()*13/20)
	}
	rows := make([]int, m.h+1)
	for _, y := range m.ys {
		rows[int(y)]++
	}
	win := max(1, int(float64(m.h)*share))
	sum, best, bestAt := 0, -1, 0
	for y := 0; y < m.h; y++ {
		sum += rows[y]
		if y >= win {
			sum -= rows[y-win]
		}
		if y >= win-1 && sum > best {
			best, bestAt = sum, y-win+1
		}
	}
	scale := float64(b.Dy()) / float64(m.h)
	top := int(float64(bestAt) * scale)
	return image.Rect(0, top, b.Dx(), min(b.Dy(), top+int(float64(win)*scale)))
}

// mrzLine reports whether s could be a line of an MRZ as a page reading
// gives it: dictionaries often drop the fillers, so a long run of capitals
// and digits counts as much as a line of '<'.
func mrzLine(s string) bool {
	if strings.Count(s, "<") >= 3 {
		return true
	}
	for _, tok := range strings.Fields(s) {
		if len(tok) < 18 {
			continue
		}
		n := 0
		for _, r := range tok {
			if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '<' {
				n++
			}
		}
		if n >= len(tok)*9/10 {
			return true
		}
	}
	return false
}

// readMRZ reads the page's machine-readable zone when the zone finder
// (readZone) saw none: from the lines of the page reading that look like
// an MRZ, whose band is read again with the MRZ alphabet and no
// dictionaries. It records every reading it made; decoding them is the
// caller's.
func (w *Worker) readMRZ(p *Page) {
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
	// A page photographed at an angle keeps some skew that the page-level
	// estimate, dominated by other content, misses; the band's own lines
	// give it exactly, and the cells below need straight lines.
	if sk := newInkMap(crop).skew(); math.Abs(sk) >= 0.2 {
		crop = rotateFine(crop, sk)
	}
	// Tesseract reads best with capitals about 30–40 pixels high.
	if lineH > 0 && lineH < 36 {
		crop = Scale(crop, min(3, 40/float64(lineH)))
	}
	// Once the readings so far decode with every check digit holding, no
	// other reading is needed.
	var reading mrz.Reading
	// First the characters placed in their cells: OCR-B is monospaced, so
	// a character's position says which field it belongs to, whatever
	// Tesseract inserted or dropped around it.
	// Tesseract drops or splits a glyph at one size and not at another:
	// when the zone does not check out, it is read again a little larger
	// and a little smaller.
	for _, f := range []float64{1, 1.3, 0.8} {
		if valid(reading) {
			break
		}
		img := crop
		if f != 1 {
			img = Scale(crop, f)
		}
		if syms, err := w.symbols(img, p.DPI); err == nil {
			if lines := cells(syms); lines != nil {
				reading.Candidates = append(reading.Candidates, mrz.Candidate{Source: "cells", Lines: lines})
			}
		}
	}
	if !valid(reading) {
		if rec, err := w.recognize(crop, p.DPI, []string{"eng"}, modeMRZ); err == nil {
			reading.Candidates = append(reading.Candidates, mrz.Candidate{Source: "zone", Lines: strings.Split(rec.Text(), "\n")})
		}
	}
	if !valid(reading) {
		// The page reading may have done better on some characters.
		reading.Candidates = append(reading.Candidates, mrz.Candidate{Source: "page", Lines: lines})
	}
	p.MRZ = reading
}

// cells rebuilds MRZ lines from characters and their boxes. The lines of
// a zone share one left edge and one character pitch (OCR-B is
// monospaced, and every line has the same length: 30, 36 or 44), so each
// character falls in a cell; an empty cell is a filler, and where
// Tesseract split one glyph in two (a '<' read as "<K") the filler wins.
func cells(syms []Word) []string {
	if len(syms) < 40 {
		return nil
	}
	// Group characters into lines by their vertical centres.
	sort.Slice(syms, func(i, j int) bool { return center(syms[i]).Y < center(syms[j]).Y })
	var heights []int
	for _, s := range syms {
		heights = append(heights, s.Box.Dy())
	}
	sort.Ints(heights)
	h := float64(heights[len(heights)/2])
	var rows [][]Word
	lastY := math.Inf(-1)
	for _, s := range syms {
		y := center(s).Y
		if y-lastY > h*0.6 {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], s)
		lastY = y
	}
	rows = slices.DeleteFunc(rows, func(r []Word) bool { return len(r) < 20 })
	if len(rows) < 2 || len(rows) > 3 {
		return nil
	}
	n := 30
	if len(rows) == 2 {
		n = 36
		for _, r := range rows {
			if len(r) > 40 {
				n = 44
			}
		}
	}
	left, right := math.Inf(1), math.Inf(-1)
	for _, r := range rows {
		for _, s := range r {
			left = math.Min(left, float64(s.Box.Min.X))
			right = math.Max(right, float64(s.Box.Max.X))
		}
	}
	pitch := (right - left) / float64(n)
	if pitch <= 0 {
		return nil
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		// Letters and digits stand on the baseline; the filler '<' floats
		// above it. A character whose box stops short of the baseline is a
		// filler, whatever Tesseract named it (a '<' is often read as K).
		var bottoms []int
		for _, s := range r {
			bottoms = append(bottoms, s.Box.Max.Y)
		}
		sort.Ints(bottoms)
		baseline := float64(bottoms[len(bottoms)/2])
		line := []byte(strings.Repeat("<", n))
		conf := make([]float64, n)
		for _, s := range r {
			if len(s.Text) != 1 {
				continue
			}
			if float64(s.Box.Max.Y) < baseline-math.Max(1, 0.06*h) {
				s.Text = "<"
			}
			k := int((center(s).X - left) / pitch)
			k = min(max(k, 0), n-1)
			switch {
			case conf[k] == 0, line[k] != '<' && (s.Text == "<" || s.Confidence > conf[k]):
				line[k], conf[k] = s.Text[0], s.Confidence
			}
		}
		out[i] = string(line)
	}
	return out
}

type pointF struct{ X, Y float64 }

func center(w Word) pointF {
	return pointF{float64(w.Box.Min.X+w.Box.Max.X) / 2, float64(w.Box.Min.Y+w.Box.Max.Y) / 2}
}
