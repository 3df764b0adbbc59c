package intake

import (
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/photo"
)

// An ID photo's age is judged against the reference date of the run, after
// the (cacheable) measurement: the same photo is fine for an appointment
// soon after it was taken and too old for one a year later.
func TestPhotoAgeAgainstReference(t *testing.T) {
	for _, tc := range []struct {
		reference string
		compliant bool
	}{
		{"2026-03-01", true},
		{"2027-03-01", false},
	} {
		ref, _ := time.Parse(time.DateOnly, tc.reference)
		measured := &measuredPhoto{Measurement: goodPhoto("#d4d8dc", 86), Taken: "2026-01-10"}
		w := &fileWork{
			doc:       document.Document{File: "photo.jpg", Type: document.Unknown},
			photo:     measured,
			country:   "FR",
			reference: ref,
			pages:     []pageWork{{}},
		}
		w.finish("FR")
		d := w.doc
		if d.Type != document.Photo || d.Photo == nil {
			t.Fatalf("reference %s: type %s, photo %v", tc.reference, d.Type, d.Photo)
		}
		if d.Photo.Compliant != tc.compliant {
			t.Errorf("reference %s: compliant %v, want %v (problems %q)", tc.reference, d.Photo.Compliant, tc.compliant, d.Photo.Problems)
		}
		if !tc.compliant && !strings.Contains(strings.Join(d.Photo.Problems, " "), "2026-01-10") {
			t.Errorf("reference %s: problems %q do not name the date the photo was taken", tc.reference, d.Photo.Problems)
		}
	}
}

// goodPhoto is the measurement of a 35×45 mm photo at 300 dpi with one
// well-placed face, in front of a background of the colour and lightness
// given.
func goodPhoto(colour string, lightness float64) *photo.Measurement {
	return &photo.Measurement{
		WidthPx: 413, HeightPx: 531, Density: photo.Density{DPI: 300, Source: "JFIF"}, Faces: 1,
		Face:       &photo.Face{Eyes: true, HeadShare: 75, EyeLine: 60, Centre: 50, EyeDistancePx: 100},
		Background: &photo.Background{Lightness: lightness, Chroma: 2, Colour: colour, Gradient: 1},
	}
}

// The same measurement, cached once, is judged against the rules of the
// procedure's country on each run: white is required in Serbia and
// refused in France.
func TestPhotoJudgedPerCountry(t *testing.T) {
	for _, tc := range []struct {
		country   string
		compliant bool
	}{
		{"RS", true},
		{"FR", false},
	} {
		w := &fileWork{
			doc:       document.Document{File: "photo.jpg", Type: document.Unknown},
			photo:     &measuredPhoto{Measurement: goodPhoto("#fdfdfd", 99)},
			country:   tc.country,
			reference: time.Now(),
			pages:     []pageWork{{}},
		}
		w.finish(tc.country)
		if w.doc.Photo == nil || w.doc.Photo.Compliant != tc.compliant {
			t.Errorf("%s: photo %+v, want compliant %v", tc.country, w.doc.Photo, tc.compliant)
		}
	}
}

// skipShort skips a test that needs Tesseract or poppler under go test
// -short, the quick tier; the full suite (CI) runs it.
func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("needs Tesseract or poppler: run without -short")
	}
}
