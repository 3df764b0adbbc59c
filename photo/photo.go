package photo

import (
	"fmt"
	"math"

	"github.com/intake-app/intake/document"
)

// Profile is what a country asks of an ID photo: its size, the height of
// the head, the background. The countries' profiles are data
// (profiles.yaml); see ProfileFor.
type Profile struct {
	Country           string  // alpha-2; "" for Standard
	WidthMM, HeightMM float64 // 35 × 45
	ToleranceMM       float64 // allowed difference on each side
	MinDPI            float64 // resolution below which a print is blurry
	// HeadMinMM and HeadMaxMM bound the head, chin to crown, on a photo
	// of HeightMM; 0 when the profile does not say.
	HeadMinMM, HeadMaxMM float64
	Background           string // BackgroundWhite, BackgroundLight, BackgroundLightNotWhite; "" for any light one
	Colour               bool   // a colour photo is required
	MaxAgeMonths         int    // how recent the photo must be; 0 when not said
	Source               string // where the rule comes from
}

// Standard is the 35×45 mm photo the four seeded countries ask for
// (RESEARCH.md, "ID photos": ICAO; ANTS for France; Belgian, Russian and
// Serbian norms), printed at 300 dpi or more.
var Standard = Profile{WidthMM: 35, HeightMM: 45, ToleranceMM: 1, MinDPI: 300}

// aspectTolerance is how far the width/height ratio may be from 35:45.
const aspectTolerance = 0.03

// Aspect is the width/height ratio of p.
func (p Profile) Aspect() float64 { return p.WidthMM / p.HeightMM }

// Likely reports whether an image of w×h pixels with density d is shaped
// like an ID photo: the aspect ratio of the profile, and, when its print
// size is known, about that size. It says nothing of the content.
func (p Profile) Likely(w, h int, d Density) bool {
	if w <= 0 || h <= 0 {
		return false
	}
	if math.Abs(float64(w)/float64(h)-p.Aspect()) > 0.06 {
		return false
	}
	if d.Known() {
		wmm := float64(w) / d.DPI * 25.4
		return wmm > p.WidthMM*0.7 && wmm < p.WidthMM*1.5
	}
	return true
}

// Check measures a photo of w×h pixels with density d against p.
func (p Profile) Check(w, h int, d Density) *document.PhotoCheck {
	c := &document.PhotoCheck{WidthPx: w, HeightPx: h}
	if d.Known() {
		c.DPI = round1(d.DPI)
		c.WidthMM = round1(float64(w) / d.DPI * 25.4)
		c.HeightMM = round1(float64(h) / d.DPI * 25.4)
	}
	if aspect := float64(w) / float64(h); math.Abs(aspect-p.Aspect()) > aspectTolerance {
		c.Problems = append(c.Problems, fmt.Sprintf(
			"the photo's proportions are %.2f (width/height); a %g×%g mm photo has %.2f: have it cropped to %g×%g mm",
			aspect, p.WidthMM, p.HeightMM, p.Aspect(), p.WidthMM, p.HeightMM))
	}
	switch {
	case !d.Known():
		why := "the file does not say its print size (no resolution)"
		if d.DPI == 72 {
			why = "the file says 72 dpi, the default of programs that do not know the print size"
		} else if d.AspectOnly {
			why = "the file gives only an aspect ratio, not a print size"
		}
		c.Problems = append(c.Problems, why+
			": its size in millimetres cannot be checked; use the photographer's file, or scan the print at 300 dpi or more")
	default:
		if math.Abs(c.WidthMM-p.WidthMM) > p.ToleranceMM || math.Abs(c.HeightMM-p.HeightMM) > p.ToleranceMM {
			c.Problems = append(c.Problems, fmt.Sprintf(
				"the photo prints at %.1f×%.1f mm; it must be %g×%g mm: have it printed at the right size",
				c.WidthMM, c.HeightMM, p.WidthMM, p.HeightMM))
		}
		if d.DPI < p.MinDPI-0.5 {
			c.Problems = append(c.Problems, fmt.Sprintf(
				"the photo's resolution is %.0f dpi; at least %.0f dpi is needed for a sharp print: use a higher-resolution file", d.DPI, p.MinDPI))
		}
	}
	c.Compliant = len(c.Problems) == 0
	return c
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }
