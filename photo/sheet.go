package photo

import (
	"image"
	"math"
	"sort"

	"github.com/intake-app/intake/document"
)

// FindPhotos finds the ID photos on a scanned page, such as a sheet of
// photo-booth prints: the regions that stand out from the paper and have
// the shape of a 35×45 photo, in reading order, in pixels of img.
func FindPhotos(img image.Image) []image.Rectangle {
	r := newRaster(img)
	// The paper: the median colour of the page's border.
	var border [][3]float64
	for x := 0; x < r.w; x++ {
		border = append(border, r.rgb[x], r.rgb[(r.h-1)*r.w+x])
	}
	for y := 0; y < r.h; y++ {
		border = append(border, r.rgb[y*r.w], r.rgb[y*r.w+r.w-1])
	}
	var paper [3]float64
	for k := 0; k < 3; k++ {
		v := make([]float64, len(border))
		for i, c := range border {
			v[i] = c[k]
		}
		paper[k] = median(v)
	}
	ink := make([]bool, r.w*r.h)
	for i, c := range r.rgb {
		ink[i] = colourDist(c, paper) > 25
	}
	seen := make([]bool, len(ink))
	var rects []image.Rectangle
	stack := []int{}
	for start := range ink {
		if !ink[start] || seen[start] {
			continue
		}
		seen[start] = true
		stack = append(stack[:0], start)
		x0, y0, x1, y1 := r.w, r.h, 0, 0
		n := 0
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := i%r.w, i/r.w
			n++
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x+1), max(y1, y+1)
			for _, d := range [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
				nx, ny := x+d[0], y+d[1]
				if nx < 0 || ny < 0 || nx >= r.w || ny >= r.h {
					continue
				}
				j := ny*r.w + nx
				if ink[j] && !seen[j] {
					seen[j] = true
					stack = append(stack, j)
				}
			}
		}
		w, h := x1-x0, y1-y0
		if w < r.w/12 || h < r.h/12 || w >= r.w*9/10 {
			continue
		}
		// A photo fills its box; its shape is 35:45.
		if float64(n) < 0.8*float64(w*h) || math.Abs(float64(w)/float64(h)-Standard.Aspect()) > 0.08 {
			continue
		}
		b := img.Bounds()
		rects = append(rects, image.Rect(
			b.Min.X+int(float64(x0)*r.scale+0.5), b.Min.Y+int(float64(y0)*r.scale+0.5),
			b.Min.X+int(float64(x1)*r.scale+0.5), b.Min.Y+int(float64(y1)*r.scale+0.5)).Intersect(b))
	}
	sort.SliceStable(rects, func(i, j int) bool {
		a, b := rects[i], rects[j]
		if math.Abs(float64(a.Min.Y-b.Min.Y)) > float64(a.Dy())/2 {
			return a.Min.Y < b.Min.Y
		}
		return a.Min.X < b.Min.X
	})
	return rects
}

// IsSheet reports whether a page holds several ID photos of one size
// (a sheet of photo-booth prints), and returns them.
func IsSheet(img image.Image) ([]image.Rectangle, bool) {
	rects := FindPhotos(img)
	if len(rects) < 2 {
		return nil, false
	}
	for _, r := range rects[1:] {
		if math.Abs(float64(r.Dx()-rects[0].Dx())) > 0.06*float64(rects[0].Dx()) ||
			math.Abs(float64(r.Dy()-rects[0].Dy())) > 0.06*float64(rects[0].Dy()) {
			return nil, false
		}
	}
	return rects, true
}

type subImager interface {
	SubImage(image.Rectangle) image.Image
}

// AnalyzeImage measures and judges an image that is either one ID photo
// or a page with several (a sheet of prints).
func (p Profile) AnalyzeImage(img image.Image, d Density) *document.PhotoCheck {
	return p.Judge(MeasureImage(img, d))
}

// MeasureImage measures an image that is either one ID photo or a page
// with several (a sheet of prints): on a sheet, the first photo is
// measured, and Sheet says how many were found.
func MeasureImage(img image.Image, d Density) *Measurement {
	b := img.Bounds()
	if !Standard.Likely(b.Dx(), b.Dy(), d) {
		if rects, ok := IsSheet(img); ok {
			if si, ok := img.(subImager); ok {
				m := Measure(si.SubImage(rects[0]), d)
				m.Sheet = len(rects)
				return m
			}
		}
	}
	return Measure(img, d)
}
