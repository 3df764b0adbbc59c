package mrzsynth

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"os"

	"github.com/disintegration/imaging"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font files the generator draws with (Debian packages fonts-ocr-b and
// fonts-dejavu-core). x/image cannot draw some glyphs of OCRB.otf ('<' and
// '8' come out blank); the "Sharp" cut draws them all.
const (
	OCRBPath = "/usr/share/fonts/opentype/ocr-b/OCRBS.otf"
	SansPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
)

// Generator draws document images. It holds the parsed fonts; it is safe
// for concurrent use.
type Generator struct {
	ocrb, sans *sfnt.Font
}

// New loads the fonts.
func New() (*Generator, error) {
	load := func(path, pkg string) (*sfnt.Font, error) {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("mrzsynth: font %s (install the Debian package %s): %w", path, pkg, err)
		}
		f, err := opentype.Parse(b)
		if err != nil {
			return nil, fmt.Errorf("mrzsynth: font %s: %w", path, err)
		}
		return f, nil
	}
	o, err := load(OCRBPath, "fonts-ocr-b")
	if err != nil {
		return nil, err
	}
	s, err := load(SansPath, "fonts-dejavu-core")
	if err != nil {
		return nil, err
	}
	return &Generator{ocrb: o, sans: s}, nil
}

// Degradation says how a sample was spoiled.
type Degradation struct {
	Width       int     // of the final image, pixels
	Angle       float64 // degrees, counter-clockwise
	Perspective float64 // corner displacement, share of the size
	Blur        float64 // Gaussian sigma, pixels of the final image
	Noise       float64 // Gaussian sigma, gray levels
	Glare       float64 // strength, 0–200: at 200 the peak leaves ink a quarter of its contrast
	Contrast    float64 // ink to paper, share of full contrast
	JPEG        int     // quality; 0 for none
	Busy        bool    // a cluttered background around the document
}

func (d Degradation) String() string {
	return fmt.Sprintf("w=%d angle=%.1f persp=%.3f blur=%.2f noise=%.0f glare=%.0f contrast=%.2f jpeg=%d busy=%v",
		d.Width, d.Angle, d.Perspective, d.Blur, d.Noise, d.Glare, d.Contrast, d.JPEG, d.Busy)
}

// Sample is one generated image with its truth.
type Sample struct {
	Zone  Zone
	Image *image.Gray
	Deg   Degradation
	// Pitch is the zone's character pitch in pixels of the final image
	// (before perspective, which changes it by a few per cent along the
	// zone): what a reader sees of the zone's size, which Deg.Width alone
	// does not say, the document lying in a margin of random width.
	Pitch float64
}

// RandomDegradation draws the spoiling of one sample: widths 200–1600
// pixels (log-uniform), mostly small tilts but a quarter of the samples
// turned by 90, 180 or 270 degrees and some tilted up to 30 degrees, blur,
// noise, glare, low contrast and JPEG quality down to 20.
func RandomDegradation(r *rand.Rand) Degradation {
	d := Degradation{
		Width:       int(200 * math.Pow(8, r.Float64())),
		Angle:       r.NormFloat64() * 3,
		Perspective: r.Float64() * 0.06,
		Blur:        r.Float64() * 1.2,
		Noise:       r.Float64() * 14,
		Contrast:    0.35 + 0.65*r.Float64(),
		Busy:        r.IntN(3) == 0,
	}
	switch x := r.IntN(20); {
	case x < 5:
		d.Angle += float64(90 * (1 + r.IntN(3)))
	case x < 8:
		d.Angle = -30 + 60*r.Float64()
	}
	if r.IntN(3) == 0 {
		d.Glare = 60 + 140*r.Float64()
	}
	if r.IntN(4) != 0 {
		d.JPEG = 20 + r.IntN(76)
	}
	return d
}

// Document sizes in millimetres (ICAO 9303: ID-1, ID-2, ID-3).
func docSize(layout string) (w, h float64) {
	switch layout {
	case "TD1":
		return 85.6, 54
	case "TD2", "MRV-B", "FRA-ID":
		return 105, 74
	}
	return 125, 88
}

// pitchPx is the MRZ character pitch (2.54 mm) on the rendered document.
const pitchPx = 20.0

// Draw renders the zone on a document, places it in a scene and spoils it.
func (g *Generator) Draw(r *rand.Rand, z Zone, d Degradation) (*image.Gray, error) {
	img, _, err := g.draw(r, z, d)
	return img, err
}

// draw is Draw, which also returns the zone's pitch on the final image.
func (g *Generator) draw(r *rand.Rand, z Zone, d Degradation) (*image.Gray, float64, error) {
	doc, err := g.document(r, z)
	if err != nil {
		return nil, 0, err
	}
	scene := g.scene(r, doc, d.Busy)
	// spoil scales the scene to d.Width, then turns and warps it.
	pitch := pitchPx * float64(d.Width) / float64(scene.Bounds().Dx())
	img, err := spoil(r, scene, d)
	return img, pitch, err
}

// Sample draws a random zone of a random layout and a random degradation.
func (g *Generator) Sample(r *rand.Rand) (Sample, error) {
	z := NewZone(r, pick(r, Layouts))
	d := RandomDegradation(r)
	img, pitch, err := g.draw(r, z, d)
	return Sample{Zone: z, Image: img, Deg: d, Pitch: pitch}, err
}

func face(f *sfnt.Font, size float64) (font.Face, error) {
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}

// document draws the document: a pale patterned background, a photo,
// labelled fields in the visual zone, and the MRZ on a fixed grid.
func (g *Generator) document(r *rand.Rand, z Zone) (*image.Gray, error) {
	wmm, hmm := docSize(z.Layout)
	px := pitchPx / 2.54
	w, h := int(wmm*px), int(hmm*px)
	img := image.NewGray(image.Rect(0, 0, w, h))
	paper := 215 + r.IntN(40)
	// A gradient and a guilloche-like pattern of thin sine lines.
	amp, freq := 5+r.Float64()*20, 0.01+r.Float64()*0.04
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := float64(paper) - 15*float64(x+y)/float64(w+h)
			if math.Abs(math.Sin(float64(y)*freq+amp*math.Sin(float64(x)*0.02))) < 0.08 {
				v -= 25
			}
			img.Pix[y*img.Stride+x] = clamp(v)
		}
	}
	// The photo.
	fillRect(img, image.Rect(w/25, h/6, w/25+w*3/10, h*2/3), uint8(60+r.IntN(100)))
	// The visual zone: labels and values.
	lab, err := face(g.sans, 9+r.Float64()*3)
	if err != nil {
		return nil, err
	}
	val, err := face(g.sans, 14+r.Float64()*6)
	if err != nil {
		return nil, err
	}
	x0 := w/25 + w*3/10 + w/30
	words := []string{"Surname / Nom", "Given names / Prénoms", "Date of birth", "Date of expiry / Date d'expiration", "Authority"}
	vals := []string{"ERIKSSON", "ANNA MARIA", "12 AUG 74", "15 APR 12", "PASSPORT OFFICE"}
	y := h / 8
	for i := range words {
		drawText(img, lab, x0, y, words[i], 90)
		drawText(img, val, x0, y+h/20, vals[r.IntN(len(vals))], 20)
		y += h / 9
	}
	// The zone: each character centred in its cell, on a fixed pitch.
	capH := pitchPx * (0.8 + 0.2*r.Float64()) // letters 0.8–1 pitch tall, as on real documents
	ocrb, err := face(g.ocrb, capH/0.7)
	if err != nil {
		return nil, err
	}
	n := len(z.Lines[0])
	lineGap := pitchPx * (1.45 + 0.35*r.Float64())
	left := (float64(w) - float64(n)*pitchPx) / 2
	base := float64(h) - pitchPx*(0.8+0.6*r.Float64()) - lineGap*float64(len(z.Lines)-1)
	ink := uint8(r.IntN(40))
	for i, l := range z.Lines {
		for k := 0; k < len(l); k++ {
			adv, _ := ocrb.GlyphAdvance(rune(l[k]))
			x := left + float64(k)*pitchPx + (pitchPx-float64(adv)/64)/2
			drawText(img, ocrb, int(math.Round(x)), int(math.Round(base+float64(i)*lineGap)), l[k:k+1], ink)
		}
	}
	return img, nil
}

func drawText(img *image.Gray, f font.Face, x, y int, s string, ink uint8) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(color.Gray{ink}), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

func fillRect(img *image.Gray, r image.Rectangle, v uint8) {
	draw.Draw(img, r, image.NewUniform(color.Gray{v}), image.Point{}, draw.Src)
}

func clamp(v float64) uint8 {
	return uint8(max(0, min(255, math.Round(v))))
}

// scene places the document on a table: plain, or cluttered with shapes
// and text.
func (g *Generator) scene(r *rand.Rand, doc *image.Gray, busy bool) *image.Gray {
	b := doc.Bounds()
	mx, my := int(float64(b.Dx())*r.Float64()*0.25), int(float64(b.Dy())*r.Float64()*0.25)
	img := image.NewGray(image.Rect(0, 0, b.Dx()+2*mx, b.Dy()+2*my))
	bg := uint8(60 + r.IntN(150))
	fillRect(img, img.Bounds(), bg)
	if busy {
		for i := 0; i < 40; i++ {
			x, y := r.IntN(img.Bounds().Dx()), r.IntN(img.Bounds().Dy())
			fillRect(img, image.Rect(x, y, x+5+r.IntN(80), y+3+r.IntN(40)), uint8(r.IntN(256)))
		}
		f, err := face(g.sans, 18+r.Float64()*20)
		if err == nil {
			for i := 0; i < 6; i++ {
				drawText(img, f, r.IntN(img.Bounds().Dx()), r.IntN(img.Bounds().Dy()), "SCAN < OK 1234 <<", uint8(r.IntN(256)))
			}
		}
	}
	draw.Draw(img, b.Add(image.Pt(mx, my)), doc, image.Point{}, draw.Src)
	return img
}

// spoil scales, turns, warps and degrades the scene.
func spoil(r *rand.Rand, scene *image.Gray, d Degradation) (*image.Gray, error) {
	sb := scene.Bounds()
	s := float64(d.Width) / float64(sb.Dx())
	small := imaging.Resize(scene, d.Width, max(1, int(float64(sb.Dy())*s)), imaging.Linear)
	src := toGray(small)
	w, h := float64(src.Bounds().Dx()), float64(src.Bounds().Dy())
	// The output canvas holds the turned scene.
	rad := d.Angle * math.Pi / 180
	sin, cos := math.Sincos(rad)
	ow := int(math.Abs(w*cos) + math.Abs(h*sin))
	oh := int(math.Abs(w*sin) + math.Abs(h*cos))
	// Perspective: each corner of the source moves by up to p of the size.
	jit := func() float64 { return (r.Float64()*2 - 1) * d.Perspective }
	var corners [4][2]float64
	for i, c := range [4][2]float64{{0, 0}, {1, 0}, {1, 1}, {0, 1}} {
		corners[i] = [2]float64{(c[0] + jit()) * w, (c[1] + jit()) * h}
	}
	// Homography from the unit square to the displaced corners, then the
	// rotation about the centres.
	H := squareToQuad(corners)
	fill := src.Pix[0]
	out := image.NewGray(image.Rect(0, 0, ow, oh))
	for y := 0; y < oh; y++ {
		for x := 0; x < ow; x++ {
			// Undo the rotation (counter-clockwise by Angle) about the centres.
			dx, dy := float64(x)-float64(ow)/2, float64(y)-float64(oh)/2
			sx := cos*dx - sin*dy + w/2
			sy := sin*dx + cos*dy + h/2
			// Undo the perspective: find (u, v) with H(u, v) = (sx, sy).
			u, v := invertHomography(H, sx, sy)
			out.Pix[y*out.Stride+x] = bilinear(src, u*w, v*h, fill)
		}
	}
	// Photometric spoiling.
	lo := 255 * (1 - d.Contrast) * 0.7
	gx, gy, gs := r.Float64()*float64(ow), float64(oh)*(0.5+0.5*r.Float64()), float64(ow)*(0.1+0.2*r.Float64())
	for y := 0; y < oh; y++ {
		for x := 0; x < ow; x++ {
			v := lo + float64(out.Pix[y*out.Stride+x])*d.Contrast
			if d.Glare > 0 {
				// Light reflected off the laminate brightens ink and paper
				// towards white: at the peak, ink keeps a quarter of its
				// contrast (a glare that wipes the ink out is unreadable
				// by anyone, and not in the set).
				r2 := (float64(x)-gx)*(float64(x)-gx) + (float64(y)-gy)*(float64(y)-gy)
				v += (255 - v) * 0.75 * d.Glare / 200 * math.Exp(-r2/(2*gs*gs))
			}
			out.Pix[y*out.Stride+x] = clamp(v)
		}
	}
	if d.Blur > 0.3 {
		out = toGray(imaging.Blur(out, d.Blur))
	}
	if d.Noise > 0 {
		for i := range out.Pix {
			out.Pix[i] = clamp(float64(out.Pix[i]) + r.NormFloat64()*d.Noise)
		}
	}
	if d.JPEG > 0 {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, out, &jpeg.Options{Quality: d.JPEG}); err != nil {
			return nil, fmt.Errorf("mrzsynth: jpeg: %w", err)
		}
		img, err := jpeg.Decode(&buf)
		if err != nil {
			return nil, fmt.Errorf("mrzsynth: jpeg: %w", err)
		}
		g, ok := img.(*image.Gray)
		if !ok {
			return nil, fmt.Errorf("mrzsynth: jpeg decoded as %T", img)
		}
		out = g
	}
	return out, nil
}

func toGray(img image.Image) *image.Gray {
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(g, g.Bounds(), img, b.Min, draw.Src)
	return g
}

func bilinear(g *image.Gray, x, y float64, fill uint8) uint8 {
	x -= 0.5
	y -= 0.5
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	b := g.Bounds()
	if x0 < 0 || y0 < 0 || x0+1 >= b.Dx() || y0+1 >= b.Dy() {
		return fill
	}
	fx, fy := x-float64(x0), y-float64(y0)
	p := g.Pix[y0*g.Stride+x0:]
	a, c := float64(p[0]), float64(p[1])
	e, f := float64(p[g.Stride]), float64(p[g.Stride+1])
	return clamp((a*(1-fx)+c*fx)*(1-fy) + (e*(1-fx)+f*fx)*fy)
}

// squareToQuad returns the homography (row-major 3×3) mapping the unit
// square's corners (0,0) (1,0) (1,1) (0,1) to q.
func squareToQuad(q [4][2]float64) [9]float64 {
	x0, y0 := q[0][0], q[0][1]
	x1, y1 := q[1][0], q[1][1]
	x2, y2 := q[2][0], q[2][1]
	x3, y3 := q[3][0], q[3][1]
	dx1, dy1 := x1-x2, y1-y2
	dx2, dy2 := x3-x2, y3-y2
	sx, sy := x0-x1+x2-x3, y0-y1+y2-y3
	den := dx1*dy2 - dx2*dy1
	g := (sx*dy2 - dx2*sy) / den
	h := (dx1*sy - sx*dy1) / den
	return [9]float64{
		x1 - x0 + g*x1, x3 - x0 + h*x3, x0,
		y1 - y0 + g*y1, y3 - y0 + h*y3, y0,
		g, h, 1,
	}
}

// invertHomography solves H(u, v) = (x, y).
func invertHomography(m [9]float64, x, y float64) (u, v float64) {
	a, b, c := m[0], m[1], m[2]
	d, e, f := m[3], m[4], m[5]
	g, h, i := m[6], m[7], m[8]
	// The adjugate (transposed cofactors) inverts m up to a scale, which
	// the projective division removes.
	c11, c12, c13 := e*i-f*h, -(d*i - f*g), d*h-e*g
	c21, c22, c23 := -(b*i - c*h), a*i-c*g, -(a*h - b*g)
	c31, c32, c33 := b*f-c*e, -(a*f - c*d), a*e-b*d
	w := c13*x + c23*y + c33
	return (c11*x + c21*y + c31) / w, (c12*x + c22*y + c32) / w
}
