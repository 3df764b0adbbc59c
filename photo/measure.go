package photo

import (
	"fmt"
	"math"

	"github.com/intake-app/intake/document"
)

// Measurement is what Measure found on an ID photo, before any country's
// rules: the file's size and declared resolution, the faces, the head's
// proportions, the background. It depends only on the image; Judge turns
// it into a verdict for a profile.
type Measurement struct {
	WidthPx  int     `json:"width_px"`
	HeightPx int     `json:"height_px"`
	Density  Density `json:"density"`
	// Sheet is the number of photos on the page when the file is a sheet
	// of prints (the first is measured); 0 for a single photo.
	Sheet int `json:"sheet,omitempty"`
	// DetectorError is why faces could not be looked for at all.
	DetectorError string `json:"detector_error,omitempty"`
	Faces         int    `json:"faces"`
	// Figure is true when no face was found but something head-shaped
	// stands in the middle, in front of the background: the detector may
	// have missed it.
	Figure     bool        `json:"figure,omitempty"`
	Face       *Face       `json:"face,omitempty"` // when exactly one face was found
	Background *Background `json:"background,omitempty"`
	Colourless bool        `json:"colourless,omitempty"`
}

// Face is the measure of the one face of a photo. Shares are percentages.
type Face struct {
	Eyes          bool    `json:"eyes"`       // both pupils found; else the eye line and roll are estimated
	HeadShare     float64 `json:"head_share"` // chin to crown, share of the photo's height
	CrownAtTop    bool    `json:"crown_at_top,omitempty"`
	EyeLine       float64 `json:"eye_line"` // height of the eye line above the bottom edge, share of the height
	Centre        float64 `json:"centre"`   // horizontal centre of the face, share of the width
	RollDeg       float64 `json:"roll_deg"`
	EyeDistancePx float64 `json:"eye_distance_px"`
	Dark          float64 `json:"dark"`   // share of face pixels at luminance 0–25
	Bright        float64 `json:"bright"` // share at 247–255
}

// Background is what the borders of the photo show.
type Background struct {
	Lightness float64 `json:"lightness"` // CIE L*
	Chroma    float64 `json:"chroma"`    // CIE C*ab
	Colour    string  `json:"colour"`    // #rrggbb
	Gradient  float64 `json:"gradient"`  // mean Sobel gradient
	Shadow    float64 `json:"shadow"`    // L* left minus right, beside the head
}

// Judge compares m with p's rules: the print size, the head, the eyes,
// the centring, the exposure and the background. What could not be
// measured is listed as unchecked, never passed over in silence.
func (p Profile) Judge(m *Measurement) *document.PhotoCheck {
	c := p.Check(m.WidthPx, m.HeightPx, m.Density)
	c.Country = p.Country
	c.Sheet = m.Sheet
	if m.DetectorError != "" {
		c.Problems = append(c.Problems, "the face detector could not be loaded: "+m.DetectorError)
		c.Compliant = false
		return c
	}
	c.Faces = m.Faces
	if bg := m.Background; bg != nil {
		c.BackgroundLightness, c.BackgroundChroma, c.BackgroundColour = bg.Lightness, bg.Chroma, bg.Colour
		c.BackgroundGradient, c.BackgroundShadow = bg.Gradient, bg.Shadow
	}
	switch {
	case m.Faces == 0 && m.Figure:
		c.Unchecked = append(c.Unchecked, "no face was detected on the figure in the middle: the head's height, the eye line, the centring and the exposure could not be measured; check them by hand")
	case m.Faces == 0:
		c.Problems = append(c.Problems, "no face was found: the photo must show your whole face, from the front, eyes open and uncovered")
	case m.Faces > 1:
		c.Problems = append(c.Problems, fmt.Sprintf("%d faces were found: the photo must show you alone", m.Faces))
	case m.Face != nil:
		p.judgeFace(c, m.Face, m.Density)
	}
	p.judgeBackground(c, m.Background)
	if p.Colour && m.Colourless {
		c.Problems = append(c.Problems, "the photo is in black and white; a colour photo is required")
	}
	c.Compliant = len(c.Problems) == 0
	return c
}

// judgeFace checks the one face's measures against p and the ICAO norms.
func (p Profile) judgeFace(c *document.PhotoCheck, f *Face, d Density) {
	heightMM := p.HeightMM
	if d.Known() && c.HeightMM > 0 {
		heightMM = c.HeightMM
	}
	c.HeadShare, c.EyeLine, c.FaceCentre, c.RollDeg = f.HeadShare, f.EyeLine, f.Centre, f.RollDeg
	c.HeadMM = round1(f.HeadShare / 100 * heightMM)
	c.EyeDistancePx, c.FaceDark, c.FaceBright = f.EyeDistancePx, f.Dark, f.Bright
	if f.CrownAtTop {
		c.Problems = append(c.Problems, "the top of the head touches the photo's upper edge: ask for a crop with space above the hair")
	}
	if !f.Eyes {
		c.Unchecked = append(c.Unchecked, "the pupils were not found: the eye line, the tilt and the distance between the eyes are estimated from the face's outline; check them by hand")
	}
	if p.HeadMinMM > 0 {
		switch {
		case c.HeadMM < p.HeadMinMM:
			c.Problems = append(c.Problems, fmt.Sprintf(
				"the head is %.0f mm high (chin to crown, %.0f %% of the photo); it must be %g to %g mm: ask for a closer crop",
				c.HeadMM, c.HeadShare, p.HeadMinMM, p.HeadMaxMM))
		case c.HeadMM > p.HeadMaxMM:
			c.Problems = append(c.Problems, fmt.Sprintf(
				"the head is %.0f mm high (chin to crown, %.0f %% of the photo); it must be %g to %g mm: ask for a wider crop, with space above the hair",
				c.HeadMM, c.HeadShare, p.HeadMinMM, p.HeadMaxMM))
		}
	}
	if c.EyeLine < 50 || c.EyeLine > 72 {
		where := "low"
		if c.EyeLine > 72 {
			where = "high"
		}
		c.Problems = append(c.Problems, fmt.Sprintf(
			"the eyes are too %s: at %.0f %% of the height from the bottom, where 50 to 70 %% is asked; ask for a crop with the eyes a little above the middle", where, c.EyeLine))
	}
	if c.FaceCentre < 45 || c.FaceCentre > 55 {
		side := "left"
		if c.FaceCentre > 55 {
			side = "right"
		}
		c.Problems = append(c.Problems, fmt.Sprintf(
			"the face is off-centre, towards the %s (its middle at %.0f %% of the width, 45 to 55 %% is asked): ask for a centred crop", side, c.FaceCentre))
	}
	if math.Abs(c.RollDeg) > 8 {
		c.Problems = append(c.Problems, fmt.Sprintf(
			"the head is tilted by %.0f° (at most 8°): hold your head straight, eyes level", math.Abs(c.RollDeg)))
	}
	if c.EyeDistancePx < 90 {
		c.Problems = append(c.Problems, fmt.Sprintf(
			"the eyes are %.0f pixels apart; at least 90 are needed: use a higher-resolution file or scan the print at 600 dpi", c.EyeDistancePx))
	}
	if c.FaceDark > 15 {
		c.Problems = append(c.Problems, fmt.Sprintf(
			"the face is under-exposed (%.0f %% of it is nearly black): have the photo taken again with more light on the face", c.FaceDark))
	}
	if c.FaceBright > 10 {
		c.Problems = append(c.Problems, fmt.Sprintf(
			"the face is over-exposed (%.0f %% of it is burnt white): have the photo taken again with softer light", c.FaceBright))
	}
}
