package photo

import (
	"bytes"
	"image"
	"image/color"
	_ "image/jpeg"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var (
	lightGrey = color.NRGBA{214, 218, 224, 255}
	white     = color.NRGBA{255, 255, 255, 255}
)

// good is a compliant head: 75 % of the height (33.8 mm on a 45 mm
// photo), eyes at 54 % from the bottom, centred.
var good = head{cx: 0.5, crown: 0.05, share: 0.75}

type photoCase struct {
	name    string
	country string
	scene   scene
	dpi     float64
	want    []string // substrings of the problems; none: compliant
	share   float64  // the true head share, % (0: not checked)
}

func photoCases() []photoCase {
	std := func(bg func(x, y int) color.NRGBA, heads ...head) scene {
		return scene{w: 413, h: 531, bg: bg, heads: heads}
	}
	stripes := func(x, y int) color.NRGBA {
		if (x/10+y/40)%2 == 0 {
			return color.NRGBA{230, 230, 230, 255}
		}
		return color.NRGBA{150, 160, 175, 255}
	}
	shadow := func(x, y int) color.NRGBA {
		v := uint8(235 - 90*x/413)
		return color.NRGBA{v, v, v + 5, 255}
	}
	small := good
	small.share, small.crown = 0.60, 0.12
	large := good
	large.share, large.crown = 0.86, 0.02
	off := good
	off.cx = 0.36
	tilted := good
	tilted.roll = 15
	dark := good
	dark.gain = 0.16
	return []photoCase{
		{name: "compliant FR", country: "FR", scene: std(plain(lightGrey), good), dpi: 300, share: 75},
		{name: "compliant BE, white", country: "BE", scene: std(plain(white), good), dpi: 300, share: 75},
		{name: "compliant RS, white", country: "RS", scene: std(plain(white), good), dpi: 300, share: 75},
		{name: "light grey in Serbia", country: "RS", scene: std(plain(lightGrey), good), dpi: 300,
			want: []string{"it must be white: have the photo taken in front of a white wall"}, share: 75},
		{name: "white background in France", country: "FR", scene: std(plain(white), good), dpi: 300,
			want: []string{"white, which France refuses"}, share: 75},
		{name: "RU head band", country: "RU", scene: std(plain(white), good), dpi: 300,
			want: []string{"it must be 30 to 32 mm: ask for a wider crop"}, share: 75},
		{name: "too small", country: "FR", scene: scene{w: 207, h: 266, bg: plain(lightGrey), heads: []head{good}}, dpi: 150,
			want: []string{"150 dpi; at least 300", "pixels apart; at least 90"}, share: 75},
		{name: "wrong aspect", country: "FR", scene: scene{w: 531, h: 531, bg: plain(lightGrey), heads: []head{good}}, dpi: 300,
			want: []string{"proportions are 1.00"}, share: 75},
		{name: "head too small", country: "FR", scene: std(plain(lightGrey), small), dpi: 300,
			want: []string{"it must be 32 to 36 mm: ask for a closer crop"}, share: 60},
		{name: "head too large", country: "FR", scene: std(plain(lightGrey), large), dpi: 300,
			want: []string{"it must be 32 to 36 mm: ask for a wider crop"}, share: 86},
		{name: "off-centre", country: "FR", scene: std(plain(lightGrey), off), dpi: 300,
			want: []string{"off-centre, towards the left"}, share: 75},
		{name: "tilted", country: "FR", scene: std(plain(lightGrey), tilted), dpi: 300,
			want: []string{"the head is tilted"}},
		{name: "dark background", country: "BE", scene: std(plain(color.NRGBA{70, 72, 80, 255}), good), dpi: 300,
			want: []string{"too dark"}},
		{name: "busy background", country: "FR", scene: std(stripes, good), dpi: 300,
			want: []string{"background is not plain"}},
		{name: "shadow on the background", country: "FR", scene: std(shadow, good), dpi: 300,
			want: []string{"darker on the right"}},
		{name: "under-exposed face", country: "FR", scene: std(plain(lightGrey), dark), dpi: 300,
			want: []string{"the face is under-exposed"}},
		{name: "72 dpi: print size unknown", country: "FR", scene: std(plain(lightGrey), good), dpi: 72,
			want: []string{"the file says 72 dpi"}, share: 75},
		{name: "no face", country: "FR", scene: std(plain(lightGrey)), dpi: 300,
			want: []string{"no face was found"}},
		{name: "two faces", country: "FR", scene: std(plain(lightGrey),
			head{cx: 0.26, crown: 0.25, share: 0.34}, head{cx: 0.74, crown: 0.25, share: 0.34}), dpi: 300,
			want: []string{"2 faces were found"}},
	}
}

func TestAnalyzeGenerated(t *testing.T) {
	for _, tc := range photoCases() {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := ProfileFor(tc.country)
			if !ok {
				t.Fatalf("no profile for %s", tc.country)
			}
			img := render(t, tc.scene)
			c := p.Analyze(img, Density{DPI: tc.dpi, Source: "test"})
			t.Logf("head %.1f %% (truth %.0f) %.1f mm, eyes %.1f %%, centre %.1f %%, roll %.1f°, eye distance %.0f px, background L* %.1f C* %.1f gradient %.1f shadow %.1f, faces %d",
				c.HeadShare, tc.share, c.HeadMM, c.EyeLine, c.FaceCentre, c.RollDeg, c.EyeDistancePx,
				c.BackgroundLightness, c.BackgroundChroma, c.BackgroundGradient, c.BackgroundShadow, c.Faces)
			if len(tc.want) == 0 && !c.Compliant {
				t.Errorf("want compliant, got problems:\n  %s", strings.Join(c.Problems, "\n  "))
			}
			for _, w := range tc.want {
				found := false
				for _, pr := range c.Problems {
					found = found || strings.Contains(pr, w)
				}
				if !found {
					t.Errorf("want a problem with %q, got:\n  %s", w, strings.Join(c.Problems, "\n  "))
				}
			}
			if tc.want != nil && c.Compliant {
				t.Errorf("want not compliant")
			}
			if tc.share > 0 && math.Abs(c.HeadShare-tc.share) > 3 {
				t.Errorf("head share %.1f %%, truth %.0f %% (±3 allowed)", c.HeadShare, tc.share)
			}
		})
	}
}

func TestTiltedRoll(t *testing.T) {
	// pigo's pupil search is random: the roll is checked loosely.
	p, _ := ProfileFor("FR")
	for _, roll := range []float64{-15, 15} {
		h := good
		h.roll = roll
		c := p.Analyze(render(t, scene{w: 413, h: 531, bg: plain(lightGrey), heads: []head{h}}), Density{DPI: 300})
		if c.Faces != 1 || math.Abs(c.RollDeg-roll) > 6 {
			t.Errorf("roll %g°: measured %.1f° on %d faces", roll, c.RollDeg, c.Faces)
		}
	}
}

func TestProfilesStrict(t *testing.T) {
	for _, cc := range []string{"FR", "BE", "RU", "RS"} {
		p, ok := ProfileFor(strings.ToLower(cc))
		if !ok || p.Source == "" || p.HeadMinMM == 0 {
			t.Errorf("%s: profile %+v", cc, p)
		}
	}
	bad := []string{
		"- country: FR\n  width_mm: 35\n  height_mm: 45\n  head_min_mm: 32\n  head_max_mm: 36\n  background: light\n  source: x\n  colour_of_eyes: blue\n",
		"- country: FR\n  width_mm: 35\n  height_mm: 45\n  head_min_mm: 32\n  head_max_mm: 36\n  background: pink\n  source: x\n",
		"- country: FR\n  width_mm: 35\n  height_mm: 45\n  head_min_mm: 32\n  head_max_mm: 36\n  background: white\n",
	}
	for _, b := range bad {
		if _, err := ParseProfiles([]byte(b)); err == nil {
			t.Errorf("no error for\n%s", b)
		}
	}
}

var _ image.Image = (*image.NRGBA)(nil)

func TestSheetOfPrints(t *testing.T) {
	// A 4×6 inch sheet at 300 dpi with four prints, 2×2, on white paper.
	one := render(t, scene{w: 413, h: 531, bg: plain(lightGrey), heads: []head{good}})
	page := image.NewNRGBA(image.Rect(0, 0, 1200, 1800))
	for i := range page.Pix {
		page.Pix[i] = 255
	}
	for _, at := range []image.Point{{120, 200}, {660, 200}, {120, 900}, {660, 900}} {
		for y := 0; y < 531; y++ {
			for x := 0; x < 413; x++ {
				page.Set(at.X+x, at.Y+y, one.At(x, y))
			}
		}
	}
	rects := FindPhotos(page)
	if len(rects) != 4 {
		t.Fatalf("found %d photos, want 4: %v", len(rects), rects)
	}
	if r := rects[0]; math.Abs(float64(r.Min.X-120)) > 3 || math.Abs(float64(r.Min.Y-200)) > 3 || math.Abs(float64(r.Dx()-413)) > 6 {
		t.Errorf("first photo at %v, want (120,200)-(533,731)", r)
	}
	p, _ := ProfileFor("FR")
	c := p.AnalyzeImage(page, Density{DPI: 300})
	t.Logf("sheet: %+v", *c)
	if c.Sheet != 4 || !c.Compliant || math.Abs(c.HeadShare-75) > 3 {
		t.Errorf("sheet %d, compliant %v, head %.1f %%; problems %v", c.Sheet, c.Compliant, c.HeadShare, c.Problems)
	}
}

func TestNoSheetOnDocuments(t *testing.T) {
	// Scans of the example dossier that are not sheets of photos: a
	// payment slip and a passport's data page (one photo).
	for _, f := range []string{"uplatnica.jpg", "licna_dokumenta/pasos.jpg"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "example", f))
		if err != nil {
			t.Fatal(err)
		}
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if rects, ok := IsSheet(img); ok {
			t.Errorf("%s: taken for a sheet of %d photos: %v", f, len(rects), rects)
		}
	}
}

func TestHeadCutOff(t *testing.T) {
	h := good
	h.crown, h.share = -0.03, 0.80
	p, _ := ProfileFor("BE")
	c := p.Analyze(render(t, scene{w: 413, h: 531, bg: plain(lightGrey), heads: []head{h}}), Density{DPI: 300})
	want := "touches the photo's upper edge"
	if !strings.Contains(strings.Join(c.Problems, "\n"), want) {
		t.Errorf("want %q, got %v", want, c.Problems)
	}
}
