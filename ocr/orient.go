package ocr

import (
	"image"
	"math"

	"github.com/disintegration/imaging"
)

// analysisSide is the longest side of the thumbnail used to find the
// direction and skew of text lines: enough to see lines, cheap to scan.
const analysisSide = 1000

// inkMap is a thresholded thumbnail of a page: the coordinates of its dark
// pixels.
type inkMap struct {
	w, h int
	xs   []float64
	ys   []float64
}

func newInkMap(g *image.Gray) inkMap {
	b := g.Bounds()
	small := g
	if long := max(b.Dx(), b.Dy()); long > analysisSide {
		f := float64(analysisSide) / float64(long)
		small = toGray(imaging.Resize(g, max(1, int(float64(b.Dx())*f)), max(1, int(float64(b.Dy())*f)), imaging.Box))
	}
	t := otsu(small)
	sb := small.Bounds()
	m := inkMap{w: sb.Dx(), h: sb.Dy()}
	background := outside(small, t)
	// Ignore a margin: scanner edges and shadows are not text.
	mx, my := m.w/40, m.h/40
	for y := my; y < m.h-my; y++ {
		row := small.Pix[y*small.Stride : y*small.Stride+m.w]
		for x := mx; x < m.w-mx; x++ {
			if row[x] < t && !background[y*m.w+x] {
				m.xs = append(m.xs, float64(x))
				m.ys = append(m.ys, float64(y))
			}
		}
	}
	return m
}

// outside marks the pixels of g darker than t that are joined to its
// edges by such pixels: the table a page was photographed on, a scanner's
// dark lid, not ink. (Otsu's threshold then falls between the table and
// the paper, and the table would outweigh the text lines.)
func outside(g *image.Gray, t uint8) []bool {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	out := make([]bool, w*h)
	var stack []int
	push := func(x, y int) {
		i := y*w + x
		if !out[i] && g.Pix[y*g.Stride+x] < t {
			out[i] = true
			stack = append(stack, i)
		}
	}
	for x := 0; x < w; x++ {
		push(x, 0)
		push(x, h-1)
	}
	for y := 0; y < h; y++ {
		push(0, y)
		push(w-1, y)
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		x, y := i%w, i/w
		if x > 0 {
			push(x-1, y)
		}
		if x < w-1 {
			push(x+1, y)
		}
		if y > 0 {
			push(x, y-1)
		}
		if y < h-1 {
			push(x, y+1)
		}
	}
	return out
}

// otsu returns the threshold that best separates ink from paper.
func otsu(g *image.Gray) uint8 {
	var hist [256]float64
	b := g.Bounds()
	for y := 0; y < b.Dy(); y++ {
		for _, v := range g.Pix[y*g.Stride : y*g.Stride+b.Dx()] {
			hist[v]++
		}
	}
	total := float64(b.Dx() * b.Dy())
	var sum float64
	for i, h := range hist {
		sum += float64(i) * h
	}
	var sumB, wB, best float64
	threshold := uint8(128)
	for i := 0; i < 256; i++ {
		wB += hist[i]
		if wB == 0 {
			continue
		}
		wF := total - wB
		if wF == 0 {
			break
		}
		sumB += float64(i) * hist[i]
		mB, mF := sumB/wB, (sum-sumB)/wF
		if v := wB * wF * (mB - mF) * (mB - mF); v > best {
			best, threshold = v, uint8(i)
		}
	}
	return threshold
}

// peakiness measures how concentrated a projection profile is: text
// lines perpendicular to the projection give a comb of high and empty
// bins, a projection along the lines gives a flat profile.
func peakiness(bins []float64) float64 {
	var sum, sq float64
	for _, v := range bins {
		sum += v
		sq += v * v
	}
	if sum == 0 {
		return 0
	}
	return float64(len(bins))*sq/(sum*sum) - 1
}

// project returns the profile of the ink along lines at angle deg
// (degrees, clockwise in image coordinates).
func (m inkMap) project(deg float64) []float64 {
	s, c := math.Sincos(deg * math.Pi / 180)
	n := int(math.Hypot(float64(m.w), float64(m.h))) + 2
	bins := make([]float64, 2*n)
	for i := range m.xs {
		r := m.ys[i]*c - m.xs[i]*s
		bins[int(r)+n]++
	}
	return bins
}

// linesVertical reports whether the text lines of the page run top to
// bottom (the page was scanned turned by 90° or 270°).
func (m inkMap) linesVertical() bool {
	if len(m.xs) < 200 {
		return false
	}
	rows := make([]float64, m.h)
	cols := make([]float64, m.w)
	for i := range m.xs {
		rows[int(m.ys[i])]++
		cols[int(m.xs[i])]++
	}
	return peakiness(cols) > 1.3*peakiness(rows)
}

// skew returns the angle, in degrees within ±maxSkew, by which the text
// lines slope down to the right. Zero when the page holds too little ink
// to tell. A phone photo of a bill is often a dozen degrees askew, which
// Tesseract does not undo.
func (m inkMap) skew() float64 {
	const maxSkew = 15.0
	if len(m.xs) < 200 {
		return 0
	}
	score := func(a float64) float64 { return peakiness(m.project(a)) }
	best, bestScore := 0.0, score(0)
	for a := -maxSkew; a <= maxSkew; a += 0.5 {
		if s := score(a); s > bestScore {
			best, bestScore = a, s
		}
	}
	center := best
	for a := center - 0.4; a <= center+0.4; a += 0.1 {
		if s := score(a); s > bestScore {
			best, bestScore = a, s
		}
	}
	return math.Round(best*10) / 10
}

// Upright turns a page so that its text lines run left to right and
// removes a small skew. It returns the upright page, the quarter turn
// applied (0 or 90; a page upside down is told apart by reading it, see
// Worker.ReadPage) and the skew corrected, in degrees.
func Upright(g *image.Gray) (*image.Gray, int, float64) {
	turn := 0
	m := newInkMap(g)
	if m.linesVertical() {
		g = Rotate(g, 90)
		turn = 90
		m = newInkMap(g)
	}
	skew := m.skew()
	if math.Abs(skew) >= 0.3 {
		g = rotateFine(g, skew)
	}
	return g, turn, skew
}
