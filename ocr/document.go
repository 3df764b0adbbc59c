package ocr

import (
	"image"
	"math"
	"slices"

	"github.com/disintegration/imaging"
)

// An identity document is often photographed on a table or scanned small:
// Tesseract then reads the table's grain as text, or the document's
// printing too small to read, and the page reading misses the dates of its
// visual zone. The machine-readable zone says where the document lies and
// how large its print is (ICAO 9303 fixes both), so the document can be
// read again alone, at a size Tesseract reads well.

// Document sizes in millimetres (ICAO 9303): TD1 (identity cards, 3 lines
// of 30), TD2 (2 of 36: TD2, MRV-B visas, the French identity card of
// 1988–2021), TD3 (passports, MRV-A visas: 2 of 44).
var documentSizes = map[int][2]float64{30: {85.6, 54}, 36: {105, 74}, 44: {125, 88}}

// cellMM is the pitch of an MRZ's cells, in millimetres.
const cellMM = 2.54

// readablePitch is the cell pitch, in pixels, at which a document's print
// is the size Tesseract reads best (an MRZ cell at 300 dpi); maxEnlarge
// bounds the enlargement of a small image.
const (
	readablePitch = 30.0
	maxEnlarge    = 4.0
)

// documentBox is where the document that carries zone z lies on a page of
// the given bounds: the zone is centred across the document's width, near
// its foot. The box errs on the large side by a few millimetres.
func documentBox(z zoneRead, bounds image.Rectangle) image.Rectangle {
	size, ok := documentSizes[z.cells]
	if !ok || z.box.Empty() || z.pitch <= 0 {
		return image.Rectangle{}
	}
	px := z.pitch / cellMM // pixels per millimetre
	w, h := size[0], size[1]
	cx := float64(z.box.Min.X+z.box.Max.X) / 2
	bottom := float64(z.box.Max.Y)
	r := image.Rect(int(cx-(w/2+6)*px), int(bottom-(h+4)*px), int(cx+(w/2+6)*px), int(bottom+8*px))
	return r.Intersect(bounds)
}

// readDocument reads again, alone and enlarged to a readable size, the
// document that carries zone z on page p, and returns the page's reading
// with the lines inside the document replaced by the new ones, in the
// page's coordinates. It returns nil when there is nothing to gain: the
// document fills the page and its print is large enough.
func (w *Worker) readDocument(p *Page, rec *Recognition, z zoneRead, langs []string) (*Recognition, error) {
	box := documentBox(z, p.Image.Bounds())
	if box.Empty() {
		return nil, nil
	}
	f := min(maxEnlarge, readablePitch/z.pitch)
	pb := p.Image.Bounds()
	fills := box.Dx()*box.Dy() >= pb.Dx()*pb.Dy()*4/5
	if f < 1.2 && fills {
		return nil, nil
	}
	f = max(f, 1)
	img := Crop(p.Image, box)
	if f > 1 {
		// Catmull-Rom keeps small print's strokes sharper than a linear
		// filter, at a fraction of Lanczos's cost.
		b := img.Bounds()
		img = toGray(imaging.Resize(img, int(float64(b.Dx())*f), int(float64(b.Dy())*f), imaging.CatmullRom))
	}
	dpi := p.DPI
	if dpi <= 0 {
		dpi = 300
	}
	doc, err := w.Recognize(img, int(float64(dpi)*f), langs)
	if err != nil {
		return nil, err
	}
	if !good(doc) {
		// Fields scattered over a patterned card defeat the page layout
		// analysis; read them as sparse text. Sparse text breaks a label
		// from its value, so only a clearly better reading is taken.
		sparse, err := w.recognize(img, int(float64(dpi)*f), langs, modeSparse)
		if err != nil {
			return nil, err
		}
		if score(sparse) > 1.5*score(doc) {
			doc = sparse
		}
	}
	return replaceLines(rec, place(doc, box.Min, f), box), nil
}

// place maps the boxes of r, a reading of a crop enlarged by f whose
// origin is at origin on the page, to the page's coordinates.
func place(r *Recognition, origin image.Point, f float64) *Recognition {
	to := func(b image.Rectangle) image.Rectangle {
		return image.Rect(
			origin.X+int(math.Floor(float64(b.Min.X)/f)), origin.Y+int(math.Floor(float64(b.Min.Y)/f)),
			origin.X+int(math.Ceil(float64(b.Max.X)/f)), origin.Y+int(math.Ceil(float64(b.Max.Y)/f)))
	}
	out := &Recognition{Languages: r.Languages}
	for _, l := range r.Lines {
		nl := Line{Box: to(l.Box)}
		for _, wd := range l.Words {
			wd.Box = to(wd.Box)
			nl.Words = append(nl.Words, wd)
		}
		out.Lines = append(out.Lines, nl)
	}
	return out
}

// replaceLines returns the lines of page whose centre lies outside box,
// and the lines of inside, ordered top to bottom, with the confidence and
// word count of the whole.
func replaceLines(page, inside *Recognition, box image.Rectangle) *Recognition {
	out := &Recognition{Languages: inside.Languages}
	for _, l := range page.Lines {
		c := image.Pt((l.Box.Min.X+l.Box.Max.X)/2, (l.Box.Min.Y+l.Box.Max.Y)/2)
		if !c.In(box) {
			out.Lines = append(out.Lines, l)
		}
	}
	out.Lines = append(out.Lines, inside.Lines...)
	slices.SortStableFunc(out.Lines, func(a, b Line) int { return a.Box.Min.Y - b.Box.Min.Y })
	var sum float64
	for _, l := range out.Lines {
		for _, wd := range l.Words {
			if hasAlnum(wd.Text) {
				sum += wd.Confidence
				out.Words++
			}
		}
	}
	if out.Words > 0 {
		out.Confidence = sum / float64(out.Words)
	}
	return out
}
