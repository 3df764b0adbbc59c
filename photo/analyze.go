package photo

import (
	"fmt"
	"image"
	"math"
	"sort"

	"github.com/intake-app/intake/document"
)

// workSize is the longest side of the image the content is measured on.
const workSize = 640

// raster is an image scaled down to workSize, as RGB and grey.
type raster struct {
	w, h  int
	rgb   [][3]float64 // 0–255
	gray  []uint8
	scale float64 // file pixels per raster pixel
}

func newRaster(img image.Image) *raster {
	b := img.Bounds()
	s := math.Max(1, float64(max(b.Dx(), b.Dy()))/workSize)
	w, h := max(1, int(float64(b.Dx())/s)), max(1, int(float64(b.Dy())/s))
	r := &raster{w: w, h: h, rgb: make([][3]float64, w*h), gray: make([]uint8, w*h), scale: s}
	step := max(1, int(s/2)) // sample a few pixels of each block
	for y := 0; y < h; y++ {
		y0, y1 := b.Min.Y+int(float64(y)*s), b.Min.Y+int(float64(y+1)*s)
		for x := 0; x < w; x++ {
			x0, x1 := b.Min.X+int(float64(x)*s), b.Min.X+int(float64(x+1)*s)
			var sum [3]float64
			n := 0.0
			for yy := y0; yy < max(y1, y0+1); yy += step {
				for xx := x0; xx < max(x1, x0+1); xx += step {
					cr, cg, cb, _ := img.At(xx, yy).RGBA()
					sum[0] += float64(cr >> 8)
					sum[1] += float64(cg >> 8)
					sum[2] += float64(cb >> 8)
					n++
				}
			}
			i := y*w + x
			r.rgb[i] = [3]float64{sum[0] / n, sum[1] / n, sum[2] / n}
			r.gray[i] = uint8(0.299*r.rgb[i][0] + 0.587*r.rgb[i][1] + 0.114*r.rgb[i][2] + 0.5)
		}
	}
	return r
}

// Analyze measures an ID photo and judges it against p: its print size
// (as Check does), the face (how many, head height, eye line, centring,
// roll, resolution), the background (lightness, colour, uniformity,
// shadows) and the face's exposure. Problems are said in words a person
// can act on.
func (p Profile) Analyze(img image.Image, d Density) *document.PhotoCheck {
	return p.Judge(Measure(img, d))
}

// Measure measures an ID photo: what it shows, whatever the country's
// rules. It depends only on the image, so it can be cached; Judge compares
// it with a profile on every run.
func Measure(img image.Image, d Density) *Measurement {
	b := img.Bounds()
	m := &Measurement{WidthPx: b.Dx(), HeightPx: b.Dy(), Density: d}
	r := newRaster(img)
	faces, err := detectFaces(r.gray, r.w, r.h)
	if err != nil {
		m.DetectorError = err.Error()
		return m
	}
	m.Faces = len(faces)
	var f *face
	if len(faces) > 0 {
		f = &faces[0]
	}
	bg := measureBackground(r, f)
	if bg.n > 0 {
		m.Background = &Background{
			Lightness: round1(bg.l), Chroma: round1(bg.chroma),
			Colour:   fmt.Sprintf("#%02x%02x%02x", clamp8(bg.rgb[0]), clamp8(bg.rgb[1]), clamp8(bg.rgb[2])),
			Gradient: round1(bg.gradient), Shadow: round1(bg.shadow),
		}
	}
	switch len(faces) {
	case 0:
		// Something head-shaped standing in front of the background, on
		// which the detector found no face (drawings, strong shadows,
		// glasses), is not the same as no person at all.
		m.Figure = personInMiddle(r, bg)
	case 1:
		m.Face = measureFace(r, f, bg)
	}
	m.Colourless = r.colourless()
	return m
}

// Head proportions relative to pigo's face box (side s, centre row):
// the chin is chinK·s below the centre; without a usable background the
// crown is crownK·s above it. Calibrated on frontal portraits.
// With both pupils found, the chin is chinEyes times the eye distance
// below the eye line, which is chinShare of the head's height above the
// chin.
const (
	chinK     = 0.50
	crownK    = 0.87
	chinEyes  = 1.5
	chinShare = 0.435
)

func measureFace(r *raster, f *face, bg background) *Face {
	chin := f.row + chinK*f.size
	crown := f.row - crownK*f.size
	eyeY := (f.eyeL[1] + f.eyeR[1]) / 2
	if f.eyes {
		// The pupils are found more precisely than the box's scale.
		ed := math.Hypot(f.eyeR[0]-f.eyeL[0], f.eyeR[1]-f.eyeL[1])
		chin = eyeY + chinEyes*ed
		crown = chin - (chin-eyeY)/chinShare
	}
	fm := &Face{Eyes: f.eyes}
	if top, ok := findCrown(r, f, bg); ok {
		crown = top
		fm.CrownAtTop = top <= 1
	}
	h := float64(r.h)
	fm.HeadShare = round1(100 * (chin - crown) / h)
	fm.EyeLine = round1(100 * (h - eyeY) / h)
	fm.Centre = round1(100 * f.col / float64(r.w))
	fm.RollDeg = round1(180 / math.Pi * math.Atan2(f.eyeR[1]-f.eyeL[1], f.eyeR[0]-f.eyeL[0]))
	fm.EyeDistancePx = math.Round(math.Hypot(f.eyeR[0]-f.eyeL[0], f.eyeR[1]-f.eyeL[1]) * r.scale)
	fm.Dark, fm.Bright = exposure(r, f)
	return fm
}

// personInMiddle reports whether the middle of the photo, where the head
// should be, is mostly not background.
func personInMiddle(r *raster, bg background) bool {
	if bg.n == 0 {
		return false
	}
	n, all := 0, 0
	for y := r.h / 5; y < r.h*7/10; y++ {
		for x := r.w * 3 / 10; x < r.w*7/10; x++ {
			all++
			if colourDist(r.rgb[y*r.w+x], bg.rgb) > bg.tolerance() {
				n++
			}
		}
	}
	return all > 0 && n > all/2
}

// findCrown finds the top of the hair: the first row above the face, in
// a band over it, where the picture stops being background.
func findCrown(r *raster, f *face, bg background) (float64, bool) {
	if bg.n == 0 || bg.gradient > busyGradient {
		return 0, false
	}
	x0, x1 := max(0, int(f.col-0.25*f.size)), min(r.w, int(f.col+0.25*f.size))
	top := int(f.row - 0.3*f.size)
	if x1 <= x0 || top <= 0 {
		return 0, false
	}
	limit := bg.tolerance()
	run := 0
	for y := 0; y < top; y++ {
		n := 0
		for x := x0; x < x1; x++ {
			if colourDist(r.rgb[y*r.w+x], bg.rgb) > limit {
				n++
			}
		}
		if float64(n) > 0.25*float64(x1-x0) {
			run++
			if run == 2 {
				return float64(y - 1), true
			}
		} else {
			run = 0
		}
	}
	return 0, false
}

// exposure is the share of face pixels at luminance 0–25 and 247–255.
func exposure(r *raster, f *face) (dark, bright float64) {
	ax, ay := 0.33*f.size, 0.45*f.size
	var n, nd, nb float64
	for y := max(0, int(f.row-ay)); y < min(r.h, int(f.row+ay)); y++ {
		for x := max(0, int(f.col-ax)); x < min(r.w, int(f.col+ax)); x++ {
			dx, dy := (float64(x)-f.col)/ax, (float64(y)-f.row)/ay
			if dx*dx+dy*dy > 1 {
				continue
			}
			n++
			switch g := r.gray[y*r.w+x]; {
			case g <= 25:
				nd++
			case g >= 247:
				nb++
			}
		}
	}
	if n == 0 {
		return 0, 0
	}
	return round1(100 * nd / n), round1(100 * nb / n)
}

// background is what the borders of the photo show.
type background struct {
	n                int
	rgb              [3]float64
	l, chroma        float64
	gradient, shadow float64
	spread           float64 // median colour distance of background pixels to their median
}

func (bg background) tolerance() float64 { return math.Max(30, 3*bg.spread) }

// busyGradient is the mean Sobel gradient above which a background is not plain.
const busyGradient = 6

// measureBackground takes the background from the borders: the bands
// beside and above the head (the whole border when no face was found),
// down to the chin.
func measureBackground(r *raster, f *face) background {
	inBG := func(x, y int) bool {
		border := x < r.w/20 || x >= r.w-r.w/20 || y < r.h/20
		if f == nil {
			return border && y < r.h*2/3
		}
		if y > int(f.row+0.6*f.size) {
			return false
		}
		return border || math.Abs(float64(x)-f.col) > 0.85*f.size || float64(y) < f.row-1.15*f.size
	}
	var pix [][3]float64
	var at [][2]int
	for y := 1; y < r.h-1; y++ {
		for x := 1; x < r.w-1; x++ {
			if inBG(x, y) {
				pix = append(pix, r.rgb[y*r.w+x])
				at = append(at, [2]int{x, y})
			}
		}
	}
	var bg background
	if len(pix) == 0 {
		return bg
	}
	for k := 0; k < 3; k++ {
		vals := make([]float64, len(pix))
		for i, v := range pix {
			vals[i] = v[k]
		}
		bg.rgb[k] = median(vals)
	}
	dists := make([]float64, len(pix))
	for i, v := range pix {
		dists[i] = colourDist(v, bg.rgb)
	}
	bg.spread = median(dists)
	bg.l, bg.chroma = lab(bg.rgb)
	// The background proper: the pixels of the bands close enough to
	// their median colour (hair or shoulders that reach into the bands
	// are not background). Shadows and patterns stay within the limit.
	mid := float64(r.w) / 2
	if f != nil {
		mid = f.col
	}
	var grad float64
	var left, right []float64
	_, ma, mb := labAB(bg.rgb)
	for i, v := range pix {
		// Background-like: the median's hue (a shadow only darkens it),
		// lightness within 40 points.
		l, a, b := labAB(v)
		if math.Abs(l-bg.l) > 40 || math.Hypot(a-ma, b-mb) > 12 {
			continue
		}
		x, y := at[i][0], at[i][1]
		bg.n++
		grad += sobel(r, x, y)
		if f == nil || float64(y) > f.row-0.5*f.size {
			if float64(x) < mid {
				left = append(left, l)
			} else {
				right = append(right, l)
			}
		}
	}
	if bg.n > 0 {
		bg.gradient = grad / float64(bg.n)
	}
	if len(left) > 20 && len(right) > 20 {
		bg.shadow = median(left) - median(right)
	}
	return bg
}

func (p Profile) judgeBackground(c *document.PhotoCheck, bg *Background) {
	if bg == nil {
		return
	}
	if bg.Gradient > busyGradient {
		c.Problems = append(c.Problems, fmt.Sprintf(
			"the background is not plain (patterns or objects behind you; gradient %.0f, at most %d): stand in front of a plain wall", bg.Gradient, busyGradient))
	}
	if math.Abs(bg.Shadow) > 8 {
		side := "left"
		if bg.Shadow > 0 {
			side = "right"
		}
		c.Problems = append(c.Problems, fmt.Sprintf(
			"the background is darker on the %s (a shadow, %.0f points of lightness): light the wall evenly, or stand further from it", side, math.Abs(bg.Shadow)))
	}
	white := bg.Lightness >= 95 && bg.Chroma < 5
	what := fmt.Sprintf("the background is %s (lightness %.0f of 100)", bg.Colour, bg.Lightness)
	switch p.Background {
	case BackgroundWhite:
		if bg.Lightness < 90 || bg.Chroma > 8 {
			c.Problems = append(c.Problems, what+"; it must be white: have the photo taken in front of a white wall")
		}
	case BackgroundLightNotWhite:
		switch {
		case white:
			c.Problems = append(c.Problems, what+", white, which "+countryName(p.Country)+" refuses: have the photo taken in front of a light grey or light blue wall")
		case bg.Lightness < 70:
			c.Problems = append(c.Problems, what+", too dark; it must be light (light grey or light blue, not white): have the photo taken in front of a light wall")
		case bg.Chroma > 25:
			c.Problems = append(c.Problems, what+", too colourful; it must be light grey or light blue: have the photo taken in front of a plain light wall")
		}
	default:
		switch {
		case bg.Lightness < 70:
			c.Problems = append(c.Problems, what+", too dark; it must be white or light: have the photo taken in front of a light wall")
		case bg.Chroma > 15:
			c.Problems = append(c.Problems, what+", too colourful; it must be white or light: have the photo taken in front of a plain light wall")
		}
	}
}

func countryName(cc string) string {
	switch cc {
	case "FR":
		return "France"
	case "BE":
		return "Belgium"
	case "RU":
		return "Russia"
	case "RS":
		return "Serbia"
	}
	return "the country"
}

func (r *raster) colourless() bool {
	var sum float64
	n := 0
	for i := 0; i < len(r.rgb); i += 7 {
		_, c := lab(r.rgb[i])
		sum += c
		n++
	}
	return n > 0 && sum/float64(n) < 2
}

func sobel(r *raster, x, y int) float64 {
	g := func(dx, dy int) float64 { return float64(r.gray[(y+dy)*r.w+x+dx]) }
	gx := g(1, -1) + 2*g(1, 0) + g(1, 1) - g(-1, -1) - 2*g(-1, 0) - g(-1, 1)
	gy := g(-1, 1) + 2*g(0, 1) + g(1, 1) - g(-1, -1) - 2*g(0, -1) - g(1, -1)
	return math.Hypot(gx, gy) / 8
}

func colourDist(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// lab returns the CIE L* and C*ab of an sRGB colour (D65).
func lab(v [3]float64) (l, chroma float64) {
	l, a, b := labAB(v)
	return l, math.Hypot(a, b)
}

// labAB returns the CIE L*a*b* of an sRGB colour (D65).
func labAB(v [3]float64) (l, a, bb float64) {
	lin := func(c float64) float64 {
		c /= 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	r, g, b := lin(v[0]), lin(v[1]), lin(v[2])
	x := (0.4124*r + 0.3576*g + 0.1805*b) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*b
	z := (0.0193*r + 0.1192*g + 0.9505*b) / 1.08883
	fn := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := fn(x), fn(y), fn(z)
	return 116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)
}

func clamp8(v float64) uint8 { return uint8(math.Max(0, math.Min(255, math.Round(v)))) }
