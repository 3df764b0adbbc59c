package synth

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// A page is a drawing in millimetres that can be rasterised at any
// resolution or written as a PDF page with a text layer.
type page struct {
	w, h  float64 // mm
	paper uint8   // gray level of the paper
	els   []elem
}

type kind int

const (
	kText    kind = iota
	kFill         // filled rectangle x, y, w, h
	kFrame        // stroked rectangle
	kEllipse      // filled ellipse in the box x, y, w, h
	kRing         // stroked ellipse in the box x, y, w, h
	kLine         // from x, y to x+w, y+h
)

const (
	alignLeft = iota
	alignCenter
	alignRight
)

type elem struct {
	k     kind
	x, y  float64 // text: anchor and baseline; shapes: top-left corner
	w, h  float64
	size  float64 // pt
	font  fontID
	align int
	text  string
	gray  uint8
	lw    float64 // mm
}

const ptMM = 25.4 / 72

func newPage(w, h float64) *page { return &page{w: w, h: h, paper: 255} }

func a4() *page { return newPage(210, 297) }

func (p *page) text(x, y float64, size float64, f fontID, align int, s string) {
	p.els = append(p.els, elem{k: kText, x: x, y: y, size: size, font: pickFont(f, s), align: align, text: s})
}

func (p *page) fill(x, y, w, h float64, g uint8) {
	p.els = append(p.els, elem{k: kFill, x: x, y: y, w: w, h: h, gray: g})
}

func (p *page) frame(x, y, w, h, lw float64, g uint8) {
	p.els = append(p.els, elem{k: kFrame, x: x, y: y, w: w, h: h, gray: g, lw: lw})
}

func (p *page) ellipse(x, y, w, h float64, g uint8) {
	p.els = append(p.els, elem{k: kEllipse, x: x, y: y, w: w, h: h, gray: g})
}

func (p *page) ring(x, y, w, h, lw float64, g uint8) {
	p.els = append(p.els, elem{k: kRing, x: x, y: y, w: w, h: h, gray: g, lw: lw})
}

func (p *page) line(x0, y0, x1, y1, lw float64, g uint8) {
	p.els = append(p.els, elem{k: kLine, x: x0, y: y0, w: x1 - x0, h: y1 - y0, gray: g, lw: lw})
}

// hasHan reports whether s holds Chinese characters or CJK punctuation.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) {
			return true
		}
	}
	return false
}

// pickFont switches to the CJK font when s needs it.
func pickFont(f fontID, s string) fontID {
	if hasHan(s) {
		return fCJK
	}
	return f
}

// portrait draws a face placeholder (background, shoulders, head, hair,
// eyes, mouth) in the box x, y, w, h.
func (p *page) portrait(x, y, w, h float64) {
	p.fill(x, y, w, h, 205)
	cx := x + w/2
	p.fill(cx-w*0.11, y+h*0.55, w*0.22, h*0.25, 150) // neck
	// Shoulders: a body with rounded shoulders, inside the box.
	p.ellipse(cx-w*0.46, y+h*0.76, w*0.36, h*0.24, 70)
	p.ellipse(cx+w*0.10, y+h*0.76, w*0.36, h*0.24, 70)
	p.fill(cx-w*0.46, y+h*0.88, w*0.92, h*0.12, 70)
	p.fill(cx-w*0.28, y+h*0.76, w*0.56, h*0.24, 70)
	p.ellipse(cx-w*0.25, y+h*0.16, w*0.5, h*0.5, 165)   // head
	p.ellipse(cx-w*0.27, y+h*0.1, w*0.54, h*0.22, 40)   // hair
	p.ellipse(cx-w*0.15, y+h*0.36, w*0.09, h*0.045, 30) // eyes
	p.ellipse(cx+w*0.06, y+h*0.36, w*0.09, h*0.045, 30)
	p.line(cx, y+h*0.4, cx-w*0.02, y+h*0.47, w*0.015, 110) // nose
	p.line(cx-w*0.08, y+h*0.54, cx+w*0.08, y+h*0.54, w*0.02, 90)
}

// stamp draws a round official stamp with a short text inside.
func (p *page) stamp(cx, cy, r float64, s string) {
	p.ring(cx-r, cy-r, 2*r, 2*r, 0.7, 90)
	p.ring(cx-r*0.78, cy-r*0.78, 1.56*r, 1.56*r, 0.4, 90)
	if s != "" {
		p.text(cx, cy+1.2, 7, fSans, alignCenter, s)
		p.els[len(p.els)-1].gray = 90
	}
}

// signature draws a scribble ending at x, y.
func (p *page) signature(x, y, w float64) {
	pts := [][2]float64{{0, 0}, {0.12, -0.35}, {0.2, 0.15}, {0.3, -0.5}, {0.42, 0.2}, {0.55, -0.3}, {0.68, 0.1}, {0.8, -0.2}, {1, 0.05}}
	for i := 1; i < len(pts); i++ {
		p.line(x+pts[i-1][0]*w, y+pts[i-1][1]*w*0.18, x+pts[i][0]*w, y+pts[i][1]*w*0.18, 0.45, 40)
	}
}

// flow lays out lines of text from the top of a column down.
type flow struct {
	p    *page
	x, y float64 // left edge; baseline of the last line
	w    float64 // column width
	err  error
}

func (p *page) flow(x, y, w float64) *flow { return &flow{p: p, x: x, y: y, w: w} }

func lineHeight(size float64) float64 { return size * ptMM * 1.45 }

// line sets one line of text.
func (f *flow) line(s string, size float64, fn fontID, align int) {
	f.y += lineHeight(size)
	x := f.x
	switch align {
	case alignCenter:
		x = f.x + f.w/2
	case alignRight:
		x = f.x + f.w
	}
	f.p.text(x, f.y, size, fn, align, s)
}

// field sets "label: value", the value in bold.
func (f *flow) field(label, value string, size float64) {
	if value == "" {
		return
	}
	f.y += lineHeight(size)
	lab := label + ": "
	lw, err := textWidth(pickFont(fSans, lab), size, lab)
	if err != nil && f.err == nil {
		f.err = err
	}
	f.p.text(f.x, f.y, size, fSans, alignLeft, lab)
	f.p.text(f.x+lw, f.y, size, fSansBold, alignLeft, value)
}

// row sets a label at the left and an amount at the right of the column.
func (f *flow) row(label, value string, size float64, bold bool) {
	f.y += lineHeight(size)
	fn := fSans
	if bold {
		fn = fSansBold
	}
	f.p.text(f.x, f.y, size, fn, alignLeft, label)
	f.p.text(f.x+f.w, f.y, size, fn, alignRight, value)
}

// cols sets cells at the given offsets from the left edge.
func (f *flow) cols(size float64, fn fontID, offs []float64, cells ...string) {
	f.y += lineHeight(size)
	for i, c := range cells {
		if i < len(offs) {
			f.p.text(f.x+offs[i], f.y, size, fn, alignLeft, c)
		}
	}
}

// para sets a paragraph wrapped to the column's width.
func (f *flow) para(s string, size float64, fn fontID) {
	for _, l := range f.wrap(s, size, pickFont(fn, s)) {
		f.line(l, size, fn, alignLeft)
	}
}

func (f *flow) wrap(s string, size float64, fn fontID) []string {
	fits := func(t string) bool {
		w, err := textWidth(fn, size, t)
		if err != nil {
			if f.err == nil {
				f.err = err
			}
			return true
		}
		return w <= f.w
	}
	var out []string
	if fn == fCJK {
		// Chinese breaks between any two characters.
		var cur []rune
		for _, r := range s {
			if !fits(string(append(cur, r))) && len(cur) > 0 {
				out = append(out, string(cur))
				cur = cur[:0]
			}
			cur = append(cur, r)
		}
		if len(cur) > 0 {
			out = append(out, string(cur))
		}
		return out
	}
	cur := ""
	for _, word := range strings.Fields(s) {
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if cur != "" && !fits(try) {
			out = append(out, cur)
			try = word
		}
		cur = try
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

func (f *flow) gap(mm float64) { f.y += mm }

func (f *flow) rule() {
	f.y += 2
	f.p.line(f.x, f.y, f.x+f.w, f.y, 0.3, 60)
	f.y += 1
}

// rasterize draws p at dpi on a gray image.
func rasterize(p *page, dpi float64) (*image.Gray, error) {
	s := dpi / 25.4 // px per mm
	W, H := int(math.Round(p.w*s)), int(math.Round(p.h*s))
	img := image.NewGray(image.Rect(0, 0, W, H))
	fillRectPx(img, 0, 0, W, H, p.paper)
	for _, e := range p.els {
		switch e.k {
		case kFill:
			fillRectPx(img, px(e.x, s), px(e.y, s), px(e.x+e.w, s), px(e.y+e.h, s), e.gray)
		case kFrame:
			t := max(1, int(math.Round(e.lw*s)))
			x0, y0, x1, y1 := px(e.x, s), px(e.y, s), px(e.x+e.w, s), px(e.y+e.h, s)
			fillRectPx(img, x0, y0, x1, y0+t, e.gray)
			fillRectPx(img, x0, y1-t, x1, y1, e.gray)
			fillRectPx(img, x0, y0, x0+t, y1, e.gray)
			fillRectPx(img, x1-t, y0, x1, y1, e.gray)
		case kEllipse:
			fillEllipsePx(img, (e.x+e.w/2)*s, (e.y+e.h/2)*s, e.w/2*s, e.h/2*s, color.Gray{e.gray})
		case kRing:
			ringPx(img, (e.x+e.w/2)*s, (e.y+e.h/2)*s, e.w/2*s, e.h/2*s, e.lw*s, e.gray)
		case kLine:
			linePx(img, e.x*s, e.y*s, (e.x+e.w)*s, (e.y+e.h)*s, math.Max(1, e.lw*s), e.gray)
		case kText:
			if err := textPx(img, e, dpi); err != nil {
				return nil, err
			}
		}
	}
	return img, nil
}

func px(mm, s float64) int { return int(math.Round(mm * s)) }

func fillRectPx(img *image.Gray, x0, y0, x1, y1 int, g uint8) {
	r := image.Rect(x0, y0, x1, y1).Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for i := range row {
			row[i] = g
		}
	}
}

// fillEllipsePx fills an ellipse on any image (gray pages, the colour ID
// photo), with a one-pixel soft edge.
func fillEllipsePx(img draw.Image, cx, cy, rx, ry float64, c color.Color) {
	b := image.Rect(int(cx-rx)-1, int(cy-ry)-1, int(cx+rx)+2, int(cy+ry)+2).Intersect(img.Bounds())
	cr, cg, cb, _ := c.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			dx, dy := (float64(x)+0.5-cx)/rx, (float64(y)+0.5-cy)/ry
			d := math.Sqrt(dx*dx+dy*dy) - 1 // <0 inside
			edge := d * math.Min(rx, ry)    // ≈ distance in px
			if edge >= 0.5 {
				continue
			}
			a := math.Min(1, 0.5-edge)
			if a >= 1 {
				img.Set(x, y, c)
				continue
			}
			or, og, ob, _ := img.At(x, y).RGBA()
			mix := func(p, q uint32) uint8 { return uint8((float64(p)*a + float64(q)*(1-a)) / 257) }
			img.Set(x, y, color.RGBA{mix(cr, or), mix(cg, og), mix(cb, ob), 255})
		}
	}
}

func ringPx(img *image.Gray, cx, cy, rx, ry, lw float64, g uint8) {
	b := image.Rect(int(cx-rx-lw)-1, int(cy-ry-lw)-1, int(cx+rx+lw)+2, int(cy+ry+lw)+2).Intersect(img.Rect)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			dx, dy := (float64(x)+0.5-cx)/rx, (float64(y)+0.5-cy)/ry
			d := (math.Sqrt(dx*dx+dy*dy) - 1) * math.Min(rx, ry)
			if math.Abs(d) <= lw/2 {
				img.Pix[img.PixOffset(x, y)] = g
			}
		}
	}
}

func linePx(img *image.Gray, x0, y0, x1, y1, lw float64, g uint8) {
	r := lw / 2
	b := image.Rect(int(math.Min(x0, x1)-r)-1, int(math.Min(y0, y1)-r)-1, int(math.Max(x0, x1)+r)+2, int(math.Max(y0, y1)+r)+2).Intersect(img.Rect)
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			t := 0.0
			if l2 > 0 {
				t = math.Max(0, math.Min(1, ((px-x0)*dx+(py-y0)*dy)/l2))
			}
			qx, qy := x0+t*dx-px, y0+t*dy-py
			if qx*qx+qy*qy <= r*r {
				img.Pix[img.PixOffset(x, y)] = g
			}
		}
	}
}

func textPx(img *image.Gray, e elem, dpi float64) error {
	faceMu.Lock()
	defer faceMu.Unlock()
	f, err := face(e.font, e.size, dpi)
	if err != nil {
		return err
	}
	s := dpi / 25.4
	x := e.x * s
	if e.align != alignLeft {
		w := fixedToFloat(font.MeasureString(f, e.text))
		if e.align == alignCenter {
			x -= w / 2
		} else {
			x -= w
		}
	}
	d := font.Drawer{
		Dst:  img,
		Src:  image.NewUniform(color.Gray{e.gray}),
		Face: f,
		Dot:  fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(e.y * s * 64)},
	}
	if e.font != fOCRB {
		d.DrawString(e.text)
		return nil
	}
	// OCR-B is monospaced: set it glyph by glyph, taking the ones
	// OCRB.otf cannot give from OCR-B Sharp.
	sharp, err := face(fOCRBSharp, e.size, dpi)
	if err != nil {
		return err
	}
	for _, r := range e.text {
		adv, _ := f.GlyphAdvance(r)
		d.Face = f
		if !drawable(fOCRB, r) {
			d.Face = sharp
		}
		start := d.Dot
		d.DrawString(string(r))
		d.Dot = start.Add(fixed.Point26_6{X: adv})
	}
	return nil
}
