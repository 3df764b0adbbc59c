package synth

import (
	"image"
	"math"
)

// portrait is the head and shoulders of a generated ID photo, drawn with
// the proportions and shading of a real face so that a face detector
// trained on photographs finds it: a rounded, front-lit face darker at
// its edges, eye sockets darker than the cheeks, a lighter nose bridge,
// soft edges everywhere.
//
// Positions are in millimetres on the print; the face's own features are
// placed in units of the distance between the pupils (ed), the way
// anthropometry describes faces.
type portrait struct {
	cx    float64 // middle of the face
	crown float64 // top of the hair
	eyeY  float64 // the eye line
	ed    float64 // distance between the pupils
	chin  float64 // bottom of the face
	skin  [3]float64
	hair  [3]float64
	cloth [3]float64
}

// newPortrait places a head of headMM (chin to crown) on a 35×45 mm print
// whose crown is topMM below the upper edge, the eyes 0.47 of the head
// below the crown.
func newPortrait(headMM, topMM float64) portrait {
	p := portrait{cx: 17.5, crown: topMM, skin: [3]float64{224, 180, 152}, hair: [3]float64{52, 38, 30}, cloth: [3]float64{44, 54, 82}}
	p.eyeY = topMM + 0.47*headMM
	p.chin = topMM + headMM
	// The eye-to-chin span of an adult face is about 1.5 times the
	// distance between the pupils.
	p.ed = (p.chin - p.eyeY) / 1.5
	return p
}

// The colourings a portrait is drawn with: front-lit skin from light to
// dark, hair, clothes.
var (
	skinTones    = [][3]float64{{232, 190, 162}, {224, 180, 152}, {212, 164, 128}, {190, 140, 104}, {160, 112, 80}}
	hairColours  = [][3]float64{{52, 38, 30}, {34, 28, 26}, {96, 66, 40}, {150, 112, 70}, {110, 104, 100}}
	clothColours = [][3]float64{{44, 54, 82}, {40, 40, 44}, {86, 40, 44}, {60, 76, 64}}
)

// smooth is 0 outside, 1 inside a shape whose normalised radius is r,
// with a soft edge of width w (in the same normalised units).
func smooth(r, w float64) float64 {
	t := (1 - r) / w
	switch {
	case t <= 0:
		return 0
	case t >= 1:
		return 1
	}
	return t * t * (3 - 2*t)
}

// ellipse is the normalised radius of (u, v) in an ellipse centred at
// (cu, cv) with half-axes ru and rv.
func ellipse(u, v, cu, cv, ru, rv float64) float64 {
	du, dv := (u-cu)/ru, (v-cv)/rv
	return math.Sqrt(du*du + dv*dv)
}

// gauss is a soft blob: 1 at (cu, cv), falling off with spreads su, sv.
func gauss(u, v, cu, cv, su, sv float64) float64 {
	du, dv := (u-cu)/su, (v-cv)/sv
	return math.Exp(-(du*du + dv*dv) / 2)
}

func mix(a, b [3]float64, t float64) [3]float64 {
	return [3]float64{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t, a[2] + (b[2]-a[2])*t}
}

func scale3(a [3]float64, k float64) [3]float64 {
	return [3]float64{a[0] * k, a[1] * k, a[2] * k}
}

// at is the colour at (x, y) mm over the background bg.
func (p portrait) at(x, y float64, bg [3]float64) [3]float64 {
	// Face coordinates: u across, v down, from between the pupils.
	u, v := (x-p.cx)/p.ed, (y-p.eyeY)/p.ed
	c := bg
	crownV := (p.crown - p.eyeY) / p.ed
	chinV := (p.chin - p.eyeY) / p.ed

	// Neck, shaded under the chin.
	if math.Abs(u) < 0.52 && v > 0.5 {
		a := smooth(math.Abs(u)/0.5, 0.08)
		k := 0.78 - 0.18*gauss(u, v, 0, chinV+0.05, 0.6, 0.25) - 0.1*math.Abs(u)
		c = mix(c, scale3(p.skin, k), a)
	}
	// Shoulders and clothes over the neck, a little lighter where the light falls.
	shoulderTop := chinV + 0.3
	if r := ellipse(u, v, 0, shoulderTop+1.6, 2.5, 1.6); r < 1.05 {
		k := 0.85 + 0.25*gauss(u, v, 0, shoulderTop+0.6, 1.2, 1.2)
		// An open collar: the neck shows down to a V.
		open := 0.5 * (1 - (v-shoulderTop)/0.9)
		a := smooth(r, 0.03) * math.Min(1, math.Max(0, (math.Abs(u)-open)/0.03))
		c = mix(c, scale3(p.cloth, k), a)
	}
	// Hair behind the head.
	hairCY := crownV + 1.25
	if r := ellipse(u, v, 0, hairCY, 1.2, 1.28); r < 1.05 {
		k := 0.8 + 0.4*gauss(u, v, -0.2, crownV+0.35, 0.4, 0.3)
		c = mix(c, scale3(p.hair, k), smooth(r, 0.04))
	}
	// Ears.
	for _, s := range []float64{-1, 1} {
		if r := ellipse(u, v, s*1.02, 0.3, 0.14, 0.33); r < 1.1 {
			k := 0.8 - 0.15*gauss(u, v, s*1.0, 0.3, 0.05, 0.2)
			c = mix(c, scale3(p.skin, k), smooth(r, 0.15))
		}
	}
	// The face: an egg, wider at the cheekbones than at the chin.
	faceCV := (crownV+0.42+chinV)/2 - 0.02
	faceRV := (chinV - (crownV + 0.42)) / 2
	ru := 1.0
	if v > faceCV {
		ru = 1.0 - 0.3*math.Pow((v-faceCV)/faceRV, 2)
	}
	rFace := ellipse(u, v, 0, faceCV, ru, faceRV)
	if rFace < 1.05 {
		// Front light on a rounded face.
		nu := math.Min(1, rFace)
		lambert := math.Sqrt(math.Max(0, 1-nu*nu*0.85))
		k := 0.62 + 0.4*lambert
		// Eye sockets darker, brows' ridge and cheeks lighter, nose
		// bridge lighter, the sides of the nose darker, shadow under the
		// nose and the lower lip, the mouth.
		for _, s := range []float64{-1, 1} {
			k -= 0.22 * gauss(u, v, s*0.5, -0.02, 0.3, 0.2)
			k += 0.1 * gauss(u, v, s*0.5, 0.6, 0.28, 0.22)
			k -= 0.1 * gauss(u, v, s*0.17, 0.45, 0.06, 0.25)
			k -= 0.14 * gauss(u, v, s*0.14, 0.85, 0.06, 0.04)
		}
		k += 0.1 * gauss(u, v, 0, 0.25, 0.07, 0.4)
		k += 0.06 * gauss(u, v, 0, -0.55, 0.6, 0.18)
		k -= 0.1 * gauss(u, v, 0, 0.95, 0.2, 0.05)
		k -= 0.12 * gauss(u, v, 0, 1.42, 0.3, 0.07)
		face := scale3(p.skin, k)
		// Lips.
		if r := ellipse(u, v, 0, 1.17, 0.38, 0.11); r < 1.2 {
			lip := [3]float64{170, 96, 92}
			lip = scale3(lip, 1-0.25*gauss(u, v, 0, 1.15, 0.4, 0.02))
			face = mix(face, lip, 0.85*smooth(r, 0.4))
		}
		// Brows.
		for _, s := range []float64{-1, 1} {
			bv := -0.33 - 0.06*gauss(u, v, s*0.45, 0, 0.2, 1)
			if r := ellipse(u, v, s*0.5, bv, 0.3, 0.06); r < 1.2 {
				face = mix(face, scale3(p.hair, 1.1), 0.9*smooth(r, 0.5))
			}
		}
		// Eyes: the white, the iris, the pupil, the upper lid.
		for _, s := range []float64{-1, 1} {
			eu := s * 0.5
			if r := ellipse(u, v, eu, 0, 0.2, 0.085); r < 1.2 {
				face = mix(face, [3]float64{232, 226, 220}, smooth(r, 0.3))
			}
			if r := ellipse(u, v, eu, 0, 0.085, 0.085); r < 1.2 {
				face = mix(face, [3]float64{92, 62, 42}, smooth(r, 0.3))
			}
			if r := ellipse(u, v, eu, 0, 0.04, 0.04); r < 1.2 {
				face = mix(face, [3]float64{18, 14, 12}, smooth(r, 0.4))
			}
			if r := ellipse(u, v, eu, -0.075, 0.21, 0.025); r < 1.2 {
				face = mix(face, [3]float64{60, 42, 36}, 0.8*smooth(r, 0.5))
			}
		}
		c = mix(c, face, smooth(rFace, 0.05))
	}
	// Hair over the forehead, down to a hairline that curves to the
	// temples.
	if r := ellipse(u, v, 0, hairCY, 1.2, 1.28); r < 1.05 {
		line := -0.8 + 0.3*u*u
		a := smooth(r, 0.04) * math.Min(1, math.Max(0, (line-v)/0.08))
		k := 0.8 + 0.4*gauss(u, v, -0.2, crownV+0.35, 0.4, 0.3)
		c = mix(c, scale3(p.hair, k), a)
	}
	return c
}

// draw paints the portrait on img, whose pixels are s per millimetre,
// over the uniform background bg.
func (p portrait) draw(img *image.RGBA, s float64, bg [3]float64) {
	b := img.Rect
	for py := b.Min.Y; py < b.Max.Y; py++ {
		y := (float64(py) + 0.5) / s
		row := img.Pix[img.PixOffset(b.Min.X, py):]
		for px := b.Min.X; px < b.Max.X; px++ {
			c := p.at((float64(px)+0.5)/s, y, bg)
			i := 4 * (px - b.Min.X)
			row[i], row[i+1], row[i+2], row[i+3] = clamp8f(c[0]), clamp8f(c[1]), clamp8f(c[2]), 255
		}
	}
}

func clamp8f(v float64) uint8 { return uint8(math.Max(0, math.Min(255, math.Round(v)))) }
