package photo

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"sync"
	"testing"
)

// The face of the generated photos: NASA's portrait of Eileen Collins (public
// domain), as Debian's python3-skimage ships it.
const astronautPath = "/usr/lib/python3/dist-packages/skimage/data/astronaut.png"

// Where the head is on astronaut.png (pixels): the crown, the chin, the
// middle of the face.
const (
	srcCrown = 18
	srcChin  = 167
	srcMidX  = 226
)

var (
	astroOnce sync.Once
	astroImg  image.Image
	astroErr  error
)

func astronaut(t *testing.T) image.Image {
	t.Helper()
	astroOnce.Do(func() {
		f, err := os.Open(astronautPath)
		if err != nil {
			astroErr = err
			return
		}
		defer f.Close()
		astroImg, astroErr = png.Decode(f)
	})
	if astroErr != nil {
		t.Fatalf("the test portrait is missing (%v): install Debian's python3-skimage (scripts/setup-debian does)", astroErr)
	}
	return astroImg
}

// head places the portrait's head on a generated photo.
type head struct {
	cx    float64 // middle of the face, share of the width
	crown float64 // top of the hair, share of the height
	share float64 // head height (chin to crown), share of the height
	roll  float64 // degrees, clockwise
	gain  float64 // exposure of the person: 0 or 1 as shot, less is darker
}

// scene is a generated ID photo.
type scene struct {
	w, h  int
	bg    func(x, y int) color.NRGBA
	heads []head
}

func plain(c color.NRGBA) func(x, y int) color.NRGBA {
	return func(int, int) color.NRGBA { return c }
}

// inPerson reports whether a pixel of astronaut.png belongs to the person
// (head and shoulders) rather than to the studio behind her.
func inPerson(src image.Image, sx, sy float64) bool {
	dx, dy := (sx-srcMidX)/50, (sy-112)/56
	if dx*dx+dy*dy <= 1 { // the face itself
		return true
	}
	in := false
	if dx, dy := (sx-srcMidX)/75, (sy-93)/75; dx*dx+dy*dy <= 1 {
		in = true
	} else if sy >= 160 {
		in = math.Abs(sx-srcMidX) <= math.Min(45+(sy-160)*1.3, 140)
	}
	if !in {
		return false
	}
	// The studio backdrop is a light, nearly grey colour.
	r, g, b, _ := src.At(int(sx+0.5), int(sy+0.5)).RGBA()
	hi, lo := max(r, g, b)>>8, min(r, g, b)>>8
	return !(lo > 150 && hi-lo < 35)
}

func render(t *testing.T, s scene) *image.NRGBA {
	src := astronaut(t)
	sb := src.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, s.w, s.h))
	for y := 0; y < s.h; y++ {
		for x := 0; x < s.w; x++ {
			out.SetNRGBA(x, y, s.bg(x, y))
		}
	}
	srcHead := float64(srcChin - srcCrown)
	srcCY := float64(srcCrown+srcChin) / 2
	for _, hd := range s.heads {
		k := hd.share * float64(s.h) / srcHead
		cx := hd.cx * float64(s.w)
		cy := hd.crown*float64(s.h) + hd.share*float64(s.h)/2
		sin, cos := math.Sincos(hd.roll * math.Pi / 180)
		for y := 0; y < s.h; y++ {
			for x := 0; x < s.w; x++ {
				dx, dy := (float64(x)-cx)/k, (float64(y)-cy)/k
				sx := srcMidX + dx*cos + dy*sin
				sy := srcCY - dx*sin + dy*cos
				if sx < 0 || sy < 0 || sx >= float64(sb.Dx()-1) || sy >= float64(sb.Dy()-1) || !inPerson(src, sx, sy) {
					continue
				}
				c := bilinear(src, sx, sy)
				if hd.gain > 0 {
					c.R, c.G, c.B = uint8(float64(c.R)*hd.gain), uint8(float64(c.G)*hd.gain), uint8(float64(c.B)*hd.gain)
				}
				out.SetNRGBA(x, y, c)
			}
		}
	}
	return out
}

func bilinear(img image.Image, x, y float64) color.NRGBA {
	x0, y0 := int(x), int(y)
	fx, fy := x-float64(x0), y-float64(y0)
	var c [3]float64
	for _, p := range [4]struct {
		dx, dy int
		w      float64
	}{{0, 0, (1 - fx) * (1 - fy)}, {1, 0, fx * (1 - fy)}, {0, 1, (1 - fx) * fy}, {1, 1, fx * fy}} {
		r, g, b, _ := img.At(x0+p.dx, y0+p.dy).RGBA()
		c[0] += p.w * float64(r>>8)
		c[1] += p.w * float64(g>>8)
		c[2] += p.w * float64(b>>8)
	}
	return color.NRGBA{uint8(c[0] + 0.5), uint8(c[1] + 0.5), uint8(c[2] + 0.5), 255}
}
