package ocr

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/intake-app/intake/internal/mrzsynth"
	"github.com/intake-app/intake/ocr/mrz"
)

// accuracyNow is the day the accuracy tests decode with.
var accuracyNow = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

// readZoneForTest reads the MRZ of an image the way intake mrz does.
func readZoneForTest(t testing.TB, w *Worker, g *image.Gray) *mrz.Result {
	t.Helper()
	p, err := w.ReadPage(context.Background(), g, 300, Options{Languages: []string{"eng"}})
	if err != nil {
		t.Fatal(err)
	}
	return mrz.Decode(p.MRZ, accuracyNow)
}

// checkedFields are the indices, in fieldsOf, of the fields check digits
// cover: document number, birth date, expiry date, then optional data
// (but for visas).
var checkedFields = []int{2, 4, 6, 9, 10}

// fieldsOf lists the fields compared for the field rate.
func fieldsOf(r *mrz.Result) []string {
	return []string{r.DocumentType, r.IssuingState, r.DocumentNumber, r.Nationality,
		r.BirthDate.Format(time.DateOnly), r.Sex, r.ExpiryDate.Format(time.DateOnly),
		r.Surname, r.GivenNames, r.OptionalData, r.OptionalData2}
}

// accuracySamples is the size of the generated set; MRZ_SAMPLES overrides it.
func accuracySamples() int { return int(envNumber("MRZ_SAMPLES", 500)) }

// accuracySeed is the seed stream of the generated set; MRZ_SEED
// overrides it, to measure on a set no parameter was chosen on.
func accuracySeed() uint64 { return envNumber("MRZ_SEED", 2026) }

// envNumber is the positive number the environment variable name holds,
// or def.
func envNumber(name string, def uint64) uint64 {
	if n, err := strconv.ParseUint(os.Getenv(name), 10, 64); err == nil && n > 0 {
		return n
	}
	return def
}

// widthBand names the band of image widths a sample falls in.
func widthBand(w int) string {
	switch {
	case w < 400:
		return "200-399"
	case w < 800:
		return "400-799"
	}
	return "800-1600"
}

// pitchBands are the bands of MRZ character pitch, in pixels of the
// image, the accuracy is told by: what the reader sees of a zone's size.
var pitchBands = []string{"<4", "4-6", "6-8", "8-12", ">=12"}

// pitchBand names the band of pitches a sample falls in.
func pitchBand(p float64) string {
	switch {
	case p < 4:
		return "<4"
	case p < 6:
		return "4-6"
	case p < 8:
		return "6-8"
	case p < 12:
		return "8-12"
	}
	return ">=12"
}

// TestMRZAccuracyGenerated reads a generated set of degraded MRZ images
// (all layouts; widths 200–1600 px; tilts, quarter turns, perspective,
// blur, noise, glare, low contrast, JPEG down to quality 20) with the zone
// reader (readZone, as ReadPage does first) and prints the share of zones
// read with their exact lines and the share of fields read right, overall
// and by width, and how many were read wrong yet valid. MRZ_SAMPLES sets
// the number of images (500 by default), MRZ_SEED the seed stream (2026).
func TestMRZAccuracyGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("reads hundreds of generated images; run without -short")
	}
	gen, err := mrzsynth.New()
	if err != nil {
		t.Fatal(err)
	}
	n, seed := accuracySamples(), accuracySeed()
	exact, fields, fieldsOK, falseValid, uncheckedWrong := 0, 0, 0, 0, 0
	failedBy := map[string]int{}
	band, bandOK := map[string]int{}, map[string]int{}
	pband, pbandOK := map[string]int{}, map[string]int{}
	var reading time.Duration
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewPCG(uint64(i), seed))
		s, err := gen.Sample(r)
		if err != nil {
			t.Fatal(err)
		}
		truth := truthFields(t, s.Zone)
		start := time.Now()
		rd := readZone(s.Image).reading
		got := mrz.Decode(rd, accuracyNow)
		reading += time.Since(start)
		fields += len(truth)
		b, pb := widthBand(s.Deg.Width), pitchBand(s.Pitch)
		band[b]++
		pband[pb]++
		if got == nil {
			failedBy[s.Zone.Layout]++
			if rd.Empty() {
				t.Logf("sample %d %s pitch=%.1f %s: no zone", i, s.Zone.Layout, s.Pitch, s.Deg)
			} else {
				t.Logf("sample %d %s pitch=%.1f %s: undecodable:\n  read %q\n  want %q", i, s.Zone.Layout, s.Pitch, s.Deg, rd.Candidates[0].Lines, s.Zone.Lines)
			}
			continue
		}
		for k, f := range fieldsOf(got) {
			if f == truth[k] {
				fieldsOK++
			}
		}
		if slices.Equal(got.Lines, s.Zone.Lines) {
			exact++
			bandOK[b]++
			pbandOK[pb]++
		} else {
			if got.Valid {
				// Every check digit holds: wrong in a field they cover
				// (the check digits misled), or only in one they do not
				// (names, nationality).
				gf := fieldsOf(got)
				checked := checkedFields
				if got.Format == mrz.MRVA || got.Format == mrz.MRVB {
					checked = checked[:3] // a visa's optional data has no check digit
				}
				if slices.ContainsFunc(checked, func(k int) bool { return gf[k] != truth[k] }) {
					falseValid++
					t.Logf("sample %d: valid, yet wrong in a checked field", i)
				} else {
					uncheckedWrong++
				}
			}
			failedBy[s.Zone.Layout]++
			t.Logf("sample %d %s pitch=%.1f %s:\n  got  %q\n  want %q", i, s.Zone.Layout, s.Pitch, s.Deg, got.Lines, s.Zone.Lines)
		}
	}
	var bands []string
	for _, b := range []string{"200-399", "400-799", "800-1600"} {
		bands = append(bands, fmt.Sprintf("%s px %d/%d", b, bandOK[b], band[b]))
	}
	var pbands []string
	for _, b := range pitchBands {
		pbands = append(pbands, fmt.Sprintf("%s px %d/%d", b, pbandOK[b], pband[b]))
	}
	t.Logf("generated set: %d images, exact lines %.1f%%, fields %.1f%%; valid yet wrong in a checked field %d, in names or codes only %d; by width: %s; by pitch: %s; misses by layout %v; %.0f ms per image",
		n, 100*float64(exact)/float64(n), 100*float64(fieldsOK)/float64(fields), falseValid, uncheckedWrong, strings.Join(bands, ", "),
		strings.Join(pbands, ", "), failedBy, float64(reading.Milliseconds())/float64(n))
	// Floors a little under what the reader measured (500 images: 69.8%
	// exact; by width 153 of 155 at 800 px or more, 160 of 180 at 400–799
	// px; by pitch 214 of 215 at 12 px or more, 97 of 112 at 8–12 px; 3
	// wrong yet valid): a change that reads worse fails here. (Before the
	// work on small images: 64.6% exact, 88 of 112 at 8–12 px, 7 wrong yet
	// valid; before state codes were chosen from the known ones, zones
	// screened and near ties in names decided by the letters around them:
	// 68.4%, 92 of 112 at 8–12 px.)
	if n >= 100 {
		if rate := float64(exact) / float64(n); rate < 0.68 {
			t.Errorf("exact lines %.1f%%, below the floor of 68%%", 100*rate)
		}
		floor := func(what string, ok, of int, share float64) {
			if of >= 20 && float64(ok) < share*float64(of) {
				t.Errorf("%s: %d of %d exact, below the floor of %.0f%%", what, ok, of, 100*share)
			}
		}
		floor("images 800 px wide or more", bandOK["800-1600"], band["800-1600"], 0.97)
		floor("images 400-799 px wide", bandOK["400-799"], band["400-799"], 0.85)
		floor("zones of 12 px per cell or more", pbandOK[">=12"], pband[">=12"], 0.98)
		floor("zones of 8-12 px per cell", pbandOK["8-12"], pband["8-12"], 0.83)
		// Check digits cannot catch everything: a letter whose value is
		// a digit's plus 10 or 20 (S for 8: 28 and 8) leaves every sum
		// unchanged modulo 10, two O read for 0 can cancel out, and a
		// misread digit agrees with a misread check digit one time in ten.
		if float64(falseValid) > 0.015*float64(n) {
			t.Errorf("%d zones read wrong in a checked field with every check digit holding, above the ceiling of 1.5%%", falseValid)
		}
	}
}

// truthFields are the fields of a generated zone, as its layout gives
// them.
func truthFields(t testing.TB, z mrzsynth.Zone) []string {
	t.Helper()
	c := mrz.Candidate{Source: "cells", Lines: z.Lines}
	for _, l := range z.Lines {
		var cells [][]mrz.Alternative
		for k := 0; k < len(l); k++ {
			cells = append(cells, []mrz.Alternative{{Char: l[k], Score: 1}})
		}
		c.Cells = append(c.Cells, cells)
	}
	r := mrz.Decode(mrz.Reading{Candidates: []mrz.Candidate{c}}, accuracyNow)
	if r == nil || !r.Valid || !slices.Equal(r.Lines, z.Lines) {
		t.Fatalf("generated zone %q does not decode as itself: %+v", z.Lines, r)
	}
	return fieldsOf(r)
}

// realworldFile is the part of an entry of
// ../shared/realworld-dev/truth.json the ocr tests read.
type realworldFile struct {
	Type         string   `json:"type"`
	Issued       string   `json:"issued"`
	Expires      string   `json:"expires"`
	MRZLines     []string `json:"mrz_lines"`
	MRZValid     bool     `json:"mrz_valid"`
	FailedChecks []string `json:"mrz_failed_checks"`
}

// realworldSet returns the files of ../shared/realworld-dev that keep
// accepts, by name in order, and their truth; the test is skipped when
// the set is not checked out beside the repository.
func realworldSet(t *testing.T, keep func(realworldFile) bool) ([]string, map[string]realworldFile) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(realworldDir, "truth.json"))
	if os.IsNotExist(err) {
		t.Skipf("%s is absent: the real-world development set is not checked out here", realworldDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var truth struct {
		Files map[string]realworldFile `json:"files"`
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		t.Fatal(err)
	}
	var names []string
	for name, f := range truth.Files {
		if keep(f) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names, truth.Files
}

// realworldDir is the real-world development set, beside the repository.
var realworldDir = filepath.Join("..", "..", "shared", "realworld-dev")

// realworldPage decodes a file of the real-world set as a gray page.
func realworldPage(t *testing.T, name string) *image.Gray {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(realworldDir, "files", name))
	if err != nil {
		t.Fatal(err)
	}
	img, err := DecodeImage(raw)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	g, _ := Gray(img)
	return g
}

// checkNames maps truth.json's names of the checks to Result's.
var checkNames = map[string]string{"doc": "document_number", "birth": "birth_date", "exp": "expiry_date",
	"opt": "optional_data", "final": "composite"}

// TestMRZRealWorld reads the documents of ../shared/realworld-dev that
// carry an MRZ and compares their lines and verdicts with the truth.
func TestMRZRealWorld(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Tesseract; run without -short")
	}
	names, truth := realworldSet(t, func(f realworldFile) bool { return len(f.MRZLines) > 0 })
	w := newWorker(t)
	exact := 0
	for _, name := range names {
		f := truth[name]
		g := realworldPage(t, name)
		got := readZoneForTest(t, w, g)
		if got == nil {
			t.Errorf("%s: no zone read", name)
			continue
		}
		var failed []string
		for _, c := range got.Checks {
			if !c.OK {
				failed = append(failed, c.Field)
			}
		}
		var wantFailed []string
		for _, c := range f.FailedChecks {
			wantFailed = append(wantFailed, checkNames[c])
		}
		ok := slices.Equal(got.Lines, f.MRZLines) && got.Valid == f.MRZValid && slices.Equal(failed, wantFailed)
		if ok {
			exact++
		} else {
			t.Errorf("%s:\n  got  %q valid %v failed %v\n  want %q valid %v failed %v", name,
				got.Lines, got.Valid, failed, f.MRZLines, f.MRZValid, wantFailed)
		}
	}
	t.Logf("realworld-dev: %d of %d zones read exactly with the right verdict", exact, len(names))
}

// BenchmarkReadZone measures the time to find and read the MRZ of one
// image (zone finding, cell reading, decoding), over generated images of
// all sizes and layouts.
func BenchmarkReadZone(b *testing.B) {
	gen, err := mrzsynth.New()
	if err != nil {
		b.Fatal(err)
	}
	var imgs []*image.Gray
	for i := 0; i < 20; i++ {
		s, err := gen.Sample(rand.New(rand.NewPCG(uint64(i), 2026)))
		if err != nil {
			b.Fatal(err)
		}
		imgs = append(imgs, s.Image)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		r := readZone(imgs[i%len(imgs)]).reading
		mrz.Decode(r, accuracyNow)
	}
	// The machine may be shared: the CPU time the process spent per image
	// says what one core needs, whatever else runs.
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestReadZoneNoZone: a page of ordinary text has no MRZ, and none is
// reported.
func TestReadZoneNoZone(t *testing.T) {
	g := page(t, dejaVu, 28, 1240, 900, paragraph...)
	for _, deg := range []int{0, 90} {
		if z := readZone(Rotate(g, deg)); !z.reading.Empty() || !z.box.Empty() {
			t.Errorf("turned %d°: a zone read on a page of text: %+v", deg, z.reading.Candidates)
		}
	}
}

// TestReadZoneTurned reads a generated passport turned every way.
func TestReadZoneTurned(t *testing.T) {
	gen, err := mrzsynth.New()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 1))
	z := mrzsynth.NewZone(r, "TD3")
	for _, angle := range []float64{0, 7, -20, 90, 180, 270} {
		img, err := gen.Draw(r, z, mrzsynth.Degradation{Width: 1000, Angle: angle, Contrast: 1})
		if err != nil {
			t.Fatal(err)
		}
		found := readZone(img)
		got := mrz.Decode(found.reading, accuracyNow)
		if got == nil || !slices.Equal(got.Lines, z.Lines) || found.box.Empty() {
			t.Errorf("turned %.0f°: read %+v, want %q", angle, got, z.Lines)
		}
		// The generator turns counter-clockwise; the direction is clockwise.
		if d := math.Mod(found.angle+angle+720, 360); d > 2 && d < 358 {
			t.Errorf("turned %.0f° counter-clockwise: the zone's direction is %.1f°, want %.0f°", angle, found.angle, math.Mod(720-angle, 360))
		}
	}
}

// BenchmarkReadZoneNoMRZ measures what looking for a zone costs on a page
// that has none (every page of a dossier is looked at): a payment slip of
// the example dossier.
func BenchmarkReadZoneNoMRZ(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "example", "uplatnica.jpg"))
	if err != nil {
		b.Fatal(err)
	}
	img, err := DecodeImage(raw)
	if err != nil {
		b.Fatal(err)
	}
	g, _ := Gray(img)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if r := readZone(g).reading; !r.Empty() {
			b.Fatalf("a zone read on a payment slip: %q", r.Candidates[0].Lines)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// TestReadZoneAmongDashedRows reads a generated passport photographed
// 20° askew on a busy table, whose background's dashed lines make more
// regular rows than the zone, ranked above it (sample 298 of the accuracy
// set: ten candidate zones before the zone, and only the first few are
// read).
func TestReadZoneAmongDashedRows(t *testing.T) {
	s := generatedSample(t, 298, 2026)
	if zs, _ := findZones(s.Image, binarisations[0]); len(zs) <= maxZonesRead {
		t.Fatalf("the sample has %d candidate zones: the generator changed, pick another", len(zs))
	}
	got := mrz.Decode(readZone(s.Image).reading, accuracyNow)
	if got == nil || !slices.Equal(got.Lines, s.Zone.Lines) {
		t.Fatalf("read %+v, want %q", got, s.Zone.Lines)
	}
}

// TestReadZoneNoisyPhoto reads a generated passport page photographed
// blurred and noisy on a flat background, on which the first threshold
// takes in the noise (sample 214 of the seed stream 4242): the second
// threshold is tried too, though the image is large.
func TestReadZoneNoisyPhoto(t *testing.T) {
	s := generatedSample(t, 214, 4242)
	zs, ink := findZones(s.Image, binarisations[0])
	if len(zs) > 0 || ink <= noisyInk || max(s.Image.Bounds().Dx(), s.Image.Bounds().Dy()) < zoneMinSide {
		t.Fatalf("the sample is no longer a large image the first threshold finds noise in (%d zones, %.0f%% ink): the generator changed, pick another", len(zs), 100*ink)
	}
	got := mrz.Decode(readZone(s.Image).reading, accuracyNow)
	if got == nil || !slices.Equal(got.Lines, s.Zone.Lines) {
		t.Fatalf("read %+v, want %q", got, s.Zone.Lines)
	}
}

// generatedSample draws sample i of a seed stream of the generated set.
func generatedSample(t *testing.T, i, seed uint64) mrzsynth.Sample {
	t.Helper()
	gen, err := mrzsynth.New()
	if err != nil {
		t.Fatal(err)
	}
	s, err := gen.Sample(rand.New(rand.NewPCG(i, seed)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}
