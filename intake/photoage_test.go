package intake

import (
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/document"
)

// An ID photo's age is judged against the reference date of the run, after
// the (cacheable) measurement: the same photo is fine for an appointment
// soon after it was taken and too old for one a year later.
func TestPhotoAgeAgainstReference(t *testing.T) {
	skipShort(t)
	for _, tc := range []struct {
		reference string
		compliant bool
	}{
		{"2026-03-01", true},
		{"2027-03-01", false},
	} {
		ref, _ := time.Parse(time.DateOnly, tc.reference)
		measured := &document.PhotoCheck{WidthPx: 413, HeightPx: 531, Compliant: true, Taken: "2026-01-10"}
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

// skipShort skips a test that needs Tesseract or poppler under go test
// -short, the quick tier; the full suite (CI) runs it.
func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("needs Tesseract or poppler: run without -short")
	}
}
