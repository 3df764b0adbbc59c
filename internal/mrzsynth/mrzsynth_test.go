package mrzsynth

import (
	"fmt"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/intake-app/intake/ocr/mrz"
)

func TestZonesCheckOut(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		l := Layouts[i%len(Layouts)]
		if l == "FRA-ID" {
			continue // decoded by its own layout, tested in package mrz
		}
		z := NewZone(r, l)
		res, err := mrz.Parse(z.Lines, testNow)
		if err != nil {
			t.Fatalf("%s %q: %v", l, z.Lines, err)
		}
		if !res.Valid || string(res.Format) != l {
			t.Errorf("%s %q: valid %v format %s", l, z.Lines, res.Valid, res.Format)
		}
	}
}

var testNow = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

// TestDump writes samples as PNG files into $MRZSYNTH_DUMP, to look at.
func TestDump(t *testing.T) {
	dir := os.Getenv("MRZSYNTH_DUMP")
	if dir == "" {
		t.Skip("set MRZSYNTH_DUMP to a folder to write samples into")
	}
	g, err := New()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 7))
	for i := 0; i < 12; i++ {
		s, err := g.Sample(r)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%02d.png", i)))
		if err != nil {
			t.Fatal(err)
		}
		png.Encode(f, s.Image)
		f.Close()
		t.Logf("%02d %s %s %q", i, s.Zone.Layout, s.Deg, s.Zone.Lines)
	}
}
