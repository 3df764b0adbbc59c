package synth

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"math/rand/v2"

	"github.com/disintegration/imaging"
	"github.com/intake-app/intake/document"
)

func newRand(doc Doc) *rand.Rand {
	s := newRandSeed(doc)
	return rand.New(rand.NewPCG(s, s^0x9e3779b97f4a7c15))
}

// scanImage rasterises p and applies what a scanner or a phone does to it:
// uneven paper and light, speckles, skew and a turned page.
func scanImage(p *page, r Render, rng *rand.Rand) (*image.Gray, error) {
	img, err := rasterize(p, float64(r.DPI))
	if err != nil {
		return nil, err
	}
	if r.Noise > 0 {
		addNoise(img, r.Noise, rng)
	}
	if r.Skew != 0 {
		// imaging turns counter-clockwise for positive angles.
		bg := p.paper
		if r.Noise > 0 && bg > 20 {
			bg -= uint8(r.Noise * 12)
		}
		img = toGray(imaging.Rotate(img, -r.Skew, color.Gray{bg}))
	}
	switch ((r.Rotate % 360) + 360) % 360 {
	case 0:
	case 90:
		img = toGray(imaging.Rotate270(img)) // 270° counter-clockwise = 90° clockwise
	case 180:
		img = toGray(imaging.Rotate180(img))
	case 270:
		img = toGray(imaging.Rotate90(img))
	default:
		return nil, fmt.Errorf("rotation %d: want 0, 90, 180 or 270", r.Rotate)
	}
	return img, nil
}

// exifTurn stores an upright image turned so that the Exif orientation
// tag o undoes the turn; it returns the stored pixels and the tag (0 when
// there is none to write).
func exifTurn(img image.Image, o int) (image.Image, int) {
	switch o {
	case 3:
		return imaging.Rotate180(img), 3
	case 6: // viewer turns 90° clockwise: store 90° counter-clockwise
		return grayIf(img, imaging.Rotate90(img)), 6
	case 8:
		return grayIf(img, imaging.Rotate270(img)), 8
	case 1:
		return img, 1
	}
	return img, 0
}

// grayIf keeps gray pictures gray after imaging turned them into NRGBA.
func grayIf(orig image.Image, out *image.NRGBA) image.Image {
	if _, ok := orig.(*image.Gray); ok {
		return toGray(out)
	}
	return out
}

func toGray(src image.Image) *image.Gray {
	if g, ok := src.(*image.Gray); ok {
		return g
	}
	b := src.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	if n, ok := src.(*image.NRGBA); ok {
		for y := 0; y < b.Dy(); y++ {
			row := n.Pix[n.PixOffset(b.Min.X, b.Min.Y+y):]
			out := g.Pix[g.PixOffset(0, y):]
			for x := 0; x < b.Dx(); x++ {
				r, gg, bb := int(row[4*x]), int(row[4*x+1]), int(row[4*x+2])
				out[x] = uint8((299*r + 587*gg + 114*bb + 500) / 1000)
			}
		}
		return g
	}
	draw.Draw(g, g.Rect, src, b.Min, draw.Src)
	return g
}

// addNoise darkens the paper unevenly, adds light fall-off across the
// page, faint grain and a few specks of dust.
func addNoise(img *image.Gray, amount float64, rng *rand.Rand) {
	W, H := img.Rect.Dx(), img.Rect.Dy()
	// A coarse random field, bilinearly interpolated: paper texture.
	const cell = 48
	gw, gh := W/cell+2, H/cell+2
	field := make([]float64, gw*gh)
	for i := range field {
		field[i] = rng.Float64()
	}
	lx, ly := rng.Float64()*2-1, rng.Float64()*2-1 // light direction
	for y := 0; y < H; y++ {
		fy := float64(y) / cell
		iy := int(fy)
		ty := fy - float64(iy)
		for x := 0; x < W; x++ {
			fx := float64(x) / cell
			ix := int(fx)
			tx := fx - float64(ix)
			a := field[iy*gw+ix]*(1-tx) + field[iy*gw+ix+1]*tx
			b := field[(iy+1)*gw+ix]*(1-tx) + field[(iy+1)*gw+ix+1]*tx
			tex := a*(1-ty) + b*ty
			light := 1 - amount*0.06*(1+lx*(float64(x)/float64(W)-0.5)*2+ly*(float64(y)/float64(H)-0.5)*2)/2
			grain := 0.0
			if rng.IntN(16) == 0 {
				grain = (rng.Float64() - 0.5) * amount * 18
			}
			i := img.PixOffset(x, y)
			v := float64(img.Pix[i])*light - tex*amount*10 + grain
			img.Pix[i] = uint8(math.Max(0, math.Min(255, v)))
		}
	}
	specks := int(amount * float64(W*H) / 6000)
	for range specks {
		x, y := rng.IntN(W), rng.IntN(H)
		r := 1 + rng.IntN(2)
		v := uint8(60 + rng.IntN(120))
		fillRectPx(img, x, y, x+r, y+r, v)
	}
}

// renderPhotoFile draws an ID photo: 35×45 mm at the render's DPI, a
// light uniform background, head and shoulders (see portrait), no text.
// The head is 34 mm from chin to crown (31 mm for Russia, which asks for
// 30 to 32), the crown 3 mm below the upper edge; the person's colouring
// varies with the document.
func renderPhotoFile(doc Doc) ([]byte, error) {
	r := doc.Render
	s := float64(r.DPI) / 25.4
	W, H := int(math.Round(35*s)), int(math.Round(45*s))
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	bg := float64(r.Background)
	if bg == 0 {
		bg = 242
	}
	head := 34.0
	if doc.Country == "RU" {
		head = 31
	}
	rng := newRand(doc)
	p := newPortrait(head, 3)
	p.skin = skinTones[rng.IntN(len(skinTones))]
	p.hair = hairColours[rng.IntN(len(hairColours))]
	p.cloth = clothColours[rng.IntN(len(clothColours))]
	back := [3]float64{bg, bg, bg + (255-bg)/3}
	if r.FlatFace {
		drawFlatFigure(img, s, back)
	} else {
		p.draw(img, s, back)
	}
	if r.Noise > 0 {
		for i := 0; i < len(img.Pix); i += 4 {
			d := int((rng.Float64() - 0.5) * r.Noise * 10)
			for c := 0; c < 3; c++ {
				img.Pix[i+c] = uint8(max(0, min(255, int(img.Pix[i+c])+d)))
			}
		}
	}
	stored, orient := exifTurn(img, r.EXIFOrientation)
	switch r.Format {
	case FormatJPEG:
		return encodeJPEG(stored, r.Quality, r.DPI, orient)
	case FormatPNG:
		return encodePNG(stored, r.DPI)
	}
	return nil, fmt.Errorf("a %s is rendered as jpeg or png, not %s", document.Photo, r.Format)
}

// drawFlatFigure draws head and shoulders as flat-coloured ellipses, with
// no shading: a figure no face detector takes for a face, whose measures
// are left to a person (Render.FlatFace).
func drawFlatFigure(img *image.RGBA, s float64, bg [3]float64) {
	draw.Draw(img, img.Rect, image.NewUniform(color.RGBA{clamp8f(bg[0]), clamp8f(bg[1]), clamp8f(bg[2]), 255}), image.Point{}, draw.Src)
	cx := float64(img.Rect.Dx()) / 2
	mm := func(v float64) float64 { return v * s }
	// Shoulders and clothes.
	fillEllipsePx(img, cx, mm(50), mm(19), mm(13), color.RGBA{45, 55, 80, 255})
	// Neck.
	neck := image.Rect(int(cx-mm(4.2)), int(mm(33)), int(cx+mm(4.2)), int(mm(40)))
	draw.Draw(img, neck, image.NewUniform(color.RGBA{205, 160, 130, 255}), image.Point{}, draw.Src)
	fillEllipsePx(img, cx, mm(40), mm(4.2), mm(1.6), color.RGBA{185, 140, 112, 255})
	// Hair behind, then the face, the fringe, the ears.
	fillEllipsePx(img, cx, mm(17), mm(12.5), mm(13), color.RGBA{35, 28, 25, 255})
	fillEllipsePx(img, cx, mm(22.5), mm(10.8), mm(15.5), color.RGBA{222, 180, 150, 255})
	fillEllipsePx(img, cx, mm(9.5), mm(10.5), mm(4.5), color.RGBA{35, 28, 25, 255})
	fillEllipsePx(img, cx-mm(10.7), mm(22), mm(1.5), mm(3), color.RGBA{210, 168, 138, 255})
	fillEllipsePx(img, cx+mm(10.7), mm(22), mm(1.5), mm(3), color.RGBA{210, 168, 138, 255})
	// Eyes, brows, nose and mouth.
	for _, dx := range []float64{-4.2, 4.2} {
		fillEllipsePx(img, cx+mm(dx), mm(19.5), mm(2.2), mm(1.05), color.RGBA{250, 250, 250, 255})
		fillEllipsePx(img, cx+mm(dx), mm(19.5), mm(0.95), mm(0.95), color.RGBA{60, 40, 30, 255})
		fillEllipsePx(img, cx+mm(dx), mm(19.5), mm(0.45), mm(0.45), color.RGBA{10, 10, 10, 255})
		fillEllipsePx(img, cx+mm(dx), mm(16.9), mm(2.6), mm(0.45), color.RGBA{50, 38, 32, 255})
	}
	fillEllipsePx(img, cx, mm(25.3), mm(1.8), mm(0.9), color.RGBA{200, 155, 128, 255})
	fillEllipsePx(img, cx, mm(30), mm(3.3), mm(0.8), color.RGBA{170, 95, 90, 255})
}
