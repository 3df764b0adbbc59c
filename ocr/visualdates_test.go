package ocr

import (
	"context"
	"testing"
	"time"

	"github.com/intake-app/intake/ocr/mrz"
	"github.com/intake-app/intake/ocr/visual"
)

// TestVisualDatesRealWorld reads the identity documents of
// ../shared/realworld-dev and compares the issue date printed in their
// visual zone with the truth, where the truth has one and the page shows
// it next to a label.
func TestVisualDatesRealWorld(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Tesseract; run without -short")
	}
	names, truth := realworldSet(t, func(f realworldFile) bool { return f.Type == "passport" || f.Type == "id_card" })
	w := newWorker(t)
	found := 0
	for _, name := range names {
		f := truth[name]
		g := realworldPage(t, name)
		// The resolution intake gives a photo that declares none: that of
		// an A4 page of its size.
		dpi := max(70, int(float64(max(g.Bounds().Dx(), g.Bounds().Dy()))/11.69))
		p, err := w.ReadPage(context.Background(), g, dpi, Options{Languages: []string{"eng", "fra", "deu"}})
		if err != nil {
			t.Fatal(err)
		}
		d := visual.VisualDates(p.Reading.Lines, accuracyNow)
		m := mrz.Decode(p.MRZ, accuracyNow)
		t.Logf("%s: issue %q (truth %s), expiry %q (truth %s); %s", name, d.IssueText, f.Issued, d.ExpiryText, f.Expires, visual.ExpiryMismatch(d, m))
		if d.Issue.IsZero() {
			continue
		}
		if got := d.Issue.Format(time.DateOnly); got != f.Issued {
			t.Errorf("%s: issue date %s (%q), want %s", name, got, d.IssueText, f.Issued)
		} else {
			found++
		}
	}
	t.Logf("realworld-dev: issue date read on %d of %d identity documents", found, len(names))
}
