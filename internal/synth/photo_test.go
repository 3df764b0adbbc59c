package synth

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/disintegration/imaging"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/photo"
)

// measurePhoto reads an ID photo file as intake does (turned upright by
// its Exif orientation, at its declared density) and judges it for the
// country.
func measurePhoto(t *testing.T, data []byte, country string) (*photo.Measurement, *document.PhotoCheck) {
	t.Helper()
	img, err := imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(true))
	if err != nil {
		t.Fatalf("decoding the photo: %v", err)
	}
	m := photo.Measure(img, photo.ReadDensity(data))
	return m, photo.For(country).Judge(m)
}

// photoProblems says what keeps a measured photo from being a compliant
// ID photo with exactly one face and both pupils found; "" when nothing.
func photoProblems(m *photo.Measurement, c *document.PhotoCheck) string {
	var why []string
	if m.Faces != 1 {
		why = append(why, fmt.Sprintf("%d faces found, want 1", m.Faces))
	}
	why = append(why, c.Problems...)
	why = append(why, c.Unchecked...)
	if len(why) == 0 && !c.Compliant {
		why = append(why, "not compliant")
	}
	return strings.Join(why, "; ")
}

// TestGeneratedPhotosCompliant checks that the ID photo of every example
// dossier and of every caseload client is found to show one face, both
// pupils, and is judged compliant for its country: the drawn portrait is
// what the photo rules expect of a good photo.
func TestGeneratedPhotosCompliant(t *testing.T) {
	ref := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var dossiers []Dossier
	for _, mk := range []func(time.Time) Dossier{ExampleRS, ExampleFR, ExampleFRResident, ExampleBE, ExampleRU} {
		dossiers = append(dossiers, mk(ref))
	}
	for _, c := range Caseload(ref, false) {
		dossiers = append(dossiers, c.Dossier)
	}
	seen := map[[32]byte]string{} // the caseload reuses the examples' photos
	photos := 0
	for _, d := range dossiers {
		for _, doc := range d.Docs {
			if doc.Type != document.Photo {
				continue
			}
			photos++
			data, err := RenderDoc(d, doc)
			if err != nil {
				t.Fatalf("%s %s: %v", d.Holder.Surname, doc.Name, err)
			}
			country := withDefaults(d, doc).Country
			key := sha256.Sum256(append(data, country...))
			if _, ok := seen[key]; ok {
				continue
			}
			seen[key] = doc.Name
			m, c := measurePhoto(t, data, country)
			if why := photoProblems(m, c); why != "" {
				t.Errorf("%s %s (%s): %s", d.Holder.Surname, doc.Name, country, why)
			}
		}
	}
	if photos == 0 {
		t.Fatal("no dossier has an ID photo")
	}
	t.Logf("%d ID photos in %d dossiers, %d different", photos, len(dossiers), len(seen))
}

// TestPhotoVariants draws ID photos in every way a dossier may ask for
// (300 and 600 dpi, JPEG and PNG, noise, Exif orientations, each
// country's background, several colourings) and checks that every one
// is detected and judged compliant. It logs the detection rate.
func TestPhotoVariants(t *testing.T) {
	if testing.Short() {
		t.Skip("draws and measures 64 photos; run without -short")
	}
	backgrounds := map[string]uint8{"RS": 0, "RU": 0, "BE": 0, "FR": 224}
	n, found := 0, 0
	for _, country := range []string{"RS", "RU", "BE", "FR"} {
		for _, dpi := range []int{300, 600} {
			for _, format := range []string{FormatJPEG, FormatPNG} {
				for _, noise := range []float64{0, 0.3} {
					for _, orient := range []int{0, 6, 3} {
						if format == FormatPNG && orient != 0 {
							continue // Exif orientation is written in JPEG files only
						}
						name := fmt.Sprintf("%s-%d-%v-%d.%s", country, dpi, noise, orient, format)
						doc := Doc{Name: name, Type: document.Photo, Country: country,
							Render: Render{Format: format, DPI: dpi, Noise: noise, EXIFOrientation: orient, Background: backgrounds[country]}}
						d := Dossier{Country: country}
						data, err := RenderDoc(d, doc)
						if err != nil {
							t.Fatalf("%s: %v", name, err)
						}
						m, c := measurePhoto(t, data, country)
						n++
						if m.Faces == 1 && m.Face != nil && m.Face.Eyes {
							found++
						}
						if why := photoProblems(m, c); why != "" {
							t.Errorf("%s: %s", name, why)
						}
					}
				}
			}
		}
	}
	t.Logf("one face with both pupils found on %d of %d photos", found, n)
}

// TestPortraitColourings checks every skin tone with every hair colour
// (and each clothes colour in turn), on a white and on a light grey
// background: each portrait is found and judged compliant.
func TestPortraitColourings(t *testing.T) {
	if testing.Short() {
		t.Skip("draws and measures 50 photos; run without -short")
	}
	const dpi = 300
	s := dpi / 25.4
	n, found := 0, 0
	for _, bg := range []struct {
		country string
		grey    float64
	}{{"RS", 242}, {"FR", 224}} {
		for i, skin := range skinTones {
			for j, hair := range hairColours {
				p := newPortrait(34, 3)
				p.skin, p.hair, p.cloth = skin, hair, clothColours[(i+j)%len(clothColours)]
				img := image.NewRGBA(image.Rect(0, 0, int(math.Round(35*s)), int(math.Round(45*s))))
				p.draw(img, s, [3]float64{bg.grey, bg.grey, bg.grey + (255-bg.grey)/3})
				m := photo.Measure(img, photo.Density{DPI: dpi, Source: "test"})
				n++
				if m.Faces == 1 && m.Face != nil && m.Face.Eyes {
					found++
				}
				if why := photoProblems(m, photo.For(bg.country).Judge(m)); why != "" {
					t.Errorf("skin %v, hair %v on %s: %s", skin, hair, bg.country, why)
				}
			}
		}
	}
	t.Logf("one face with both pupils found on %d of %d portraits", found, n)
}

// TestFlatFaceNotFound: a photo drawn with Render.FlatFace shows a figure
// on which no face is found, so the photo is only partly checked.
func TestFlatFaceNotFound(t *testing.T) {
	for _, dpi := range []int{300, 600} {
		doc := Doc{Name: "flat.jpg", Type: document.Photo, Country: "RS", Render: Render{Format: FormatJPEG, DPI: dpi, FlatFace: true}}
		data, err := RenderDoc(Dossier{Country: "RS"}, doc)
		if err != nil {
			t.Fatal(err)
		}
		m, c := measurePhoto(t, data, "RS")
		if m.Faces != 0 || !m.Figure {
			t.Errorf("%d dpi: %d faces, figure %v; want no face on a figure", dpi, m.Faces, m.Figure)
		}
		if len(c.Unchecked) == 0 {
			t.Errorf("%d dpi: nothing left unchecked: %+v", dpi, c)
		}
	}
}
