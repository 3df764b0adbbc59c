package intake_test

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/internal/golden"

	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/report"
)

var (
	record = flag.Bool("record", false, "read the example dossier with Tesseract and record its readings under testdata/readings")
	update = flag.Bool("update", false, "rewrite the golden files of the cases run")
)

const (
	exampleDir = "../testdata/example"
	readings   = "../testdata/readings/example"
)

// exampleCases are the example dossier's reports pinned by golden files,
// one file per case: -update -run with one case rewrites only its file.
var exampleCases = []struct {
	name, on string
}{
	{"example-ready", "2026-12-01"},
	{"example-2027-06-01", "2027-06-01"},
}

// recordedExample checks the example dossier on the day on, from its
// recorded readings: no Tesseract or poppler is needed.
func recordedExample(t *testing.T, on string) *intake.Result {
	t.Helper()
	if *record {
		rec := t.TempDir()
		files, err := intake.Scan(exampleDir)
		if err != nil {
			t.Fatal(err)
		}
		eng := newEngine(t)
		if _, err := intake.Read(context.Background(), eng, files, intake.ReadOptions{Country: "RS", Nationality: "CHN", Record: rec, Workers: 2}); err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(readings)
		if err := os.CopyFS(readings, os.DirFS(rec)); err != nil {
			t.Fatal(err)
		}
	}
	res, err := intake.Check(context.Background(), exampleDir, intake.Options{
		On: on, Recorded: readings, Now: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatalf("%v (record the readings again: go test ./intake -run TestExampleGolden -record)", err)
	}
	return res
}

func TestExampleGolden(t *testing.T) {
	for _, tc := range exampleCases {
		t.Run(tc.name, func(t *testing.T) {
			res := recordedExample(t, tc.on)
			var text, js bytes.Buffer
			if err := report.WriteText(&text, res, report.TextOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := report.WriteJSON(&js, res); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("..", "testdata", "golden", tc.name+".txt"), text.Bytes(), *update)
			golden.Check(t, filepath.Join("..", "testdata", "golden", tc.name+".json"), js.Bytes(), *update)
		})
	}
}

// TestReadmeSample pins the sample report of the README to what intake
// prints: each line of the sample is a line of the report, in order; a
// line ending in "…" is the start of one, and a line "  …" stands for
// any number of lines.
func TestReadmeSample(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const marker = "On the example dossier, six months after its appointment date (`--on 2027-06-01`)"
	_, after, ok := strings.Cut(string(readme), marker)
	if !ok {
		t.Fatal("README: the sample report's introduction is gone")
	}
	_, block, _ := strings.Cut(after, "```\n")
	block, _, _ = strings.Cut(block, "```")
	var out bytes.Buffer
	if err := report.WriteText(&out, recordedExample(t, "2027-06-01"), report.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimRight(strings.ReplaceAll(out.String(), "../testdata/example", "testdata/example"), "\n"), "\n")
	i := 0
	sc := bufio.NewScanner(strings.NewReader(block))
	skip := false
	for sc.Scan() {
		want := sc.Text()
		if strings.TrimSpace(want) == "…" {
			skip = true
			continue
		}
		found := false
		for ; i < len(got); i++ {
			line := got[i]
			if line == want || (strings.HasSuffix(want, "…") && strings.HasPrefix(line, strings.TrimSuffix(want, "…"))) {
				found = true
				i++
				break
			}
			if !skip {
				break
			}
		}
		if !found {
			t.Fatalf("README sample line %q is not in intake's report (run intake validate testdata/example --on 2027-06-01 and copy it):\n%s", want, out.String())
		}
		skip = false
	}
}
