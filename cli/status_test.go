package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/intake-app/intake/internal/synth"
)

// caseloadDay is the day the generated caseload is checked on.
var caseloadDay = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// caseload writes the 20 generated client dossiers (born-digital PDFs and
// ID photos: no OCR) and one folder that cannot be checked, once per test
// binary.
var caseload = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "intake-caseload-")
	if err != nil {
		return "", err
	}
	clients := synth.Caseload(caseloadDay, false)
	if err := synth.WriteCaseload(dir, clients); err != nil {
		return "", err
	}
	broken := filepath.Join(dir, "21-broken")
	if err := os.MkdirAll(broken, 0o755); err != nil {
		return "", err
	}
	return dir, os.WriteFile(filepath.Join(broken, "intake.yaml"), []byte("country: FR\nprocedure: no-such-procedure\n"), 0o644)
})

func TestMain(m *testing.M) {
	code := m.Run()
	if caseloadUsed {
		if dir, err := caseload(); err == nil {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

// caseloadUsed is set once a test asked for the caseload: TestMain then
// removes it (without writing it first when no test did).
var caseloadUsed bool

func runStatusOn(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	caseloadUsed = true
	dir, err := caseload()
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	// The first run reads the caseload, the next ones from the cache.
	t.Setenv("INTAKE_CACHE_DIR", filepath.Join(dir, ".cache"))
	env := Env{Stdout: &out, Stderr: &errb}
	all := append([]string{"status", dir, "--on", caseloadDay.Format(time.DateOnly), "--quiet"}, args...)
	code = Run(all, env)
	return out.String(), errb.String(), code
}

// want is what a client's row must say.
type wantRow struct {
	applicant, procedure, verdict, unmet, unreadable, other string
	cardExpires, fileFrom, fileBy, window                   string
	daysLeft                                                string
}

func wantRows(t *testing.T) map[string]wantRow {
	out := map[string]wantRow{}
	date := func(d time.Time) string {
		if d.IsZero() {
			return ""
		}
		return d.Format(time.DateOnly)
	}
	for _, c := range synth.Caseload(caseloadDay, false) {
		h := c.Dossier.Holder
		w := wantRow{applicant: strings.ToUpper(h.Surname + " " + h.GivenNames), procedure: c.Dossier.Country + "/" + c.Dossier.Procedure,
			verdict: "READY", unreadable: c.Unreadable, other: c.Other, window: c.Window,
			cardExpires: date(c.CardExpires), fileFrom: date(c.FileFrom), fileBy: date(c.FileBy)}
		if !c.Ready {
			w.verdict = "NOT READY"
		}
		w.unmet = strings.Join(c.Unmet, ",")
		if !c.FileBy.IsZero() {
			w.daysLeft = strconv.Itoa(int(c.FileBy.Sub(caseloadDay).Hours() / 24))
		}
		out[c.Folder] = w
	}
	if len(out) != 20 {
		t.Fatalf("the caseload has %d clients, want 20", len(out))
	}
	return out
}

func TestStatusJSON(t *testing.T) {
	stdout, stderr, code := runStatusOn(t, "--format", "json")
	if code != ExitNotReady {
		t.Fatalf("exit %d, want %d (some dossiers are not ready); stderr:\n%s", code, ExitNotReady, stderr)
	}
	var got struct {
		Dossiers []struct {
			Folder, Applicant, Procedure, Error string
			Ready                               bool
			Unmet                               []struct{ ID string }
			Unreadable                          []string
			Others                              []struct{ File, Holder string }
			Deadlines                           *struct {
				CardExpires string `json:"card_expires"`
				FileFrom    string `json:"file_from"`
				FileBy      string `json:"file_by"`
				DaysLeft    int    `json:"days_left"`
				State       string
				Late        string
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	want := wantRows(t)
	seen := map[string]bool{}
	lastDays := -1 << 30
	for _, d := range got.Dossiers {
		folder := filepath.Base(d.Folder)
		seen[folder] = true
		if folder == "21-broken" {
			if d.Error == "" || !strings.Contains(d.Error, "no-such-procedure") || d.Ready {
				t.Errorf("the broken folder's row: %+v", d)
			}
			continue
		}
		w, ok := want[folder]
		if !ok {
			t.Errorf("unexpected row %s", d.Folder)
			continue
		}
		var unmet []string
		for _, u := range d.Unmet {
			unmet = append(unmet, u.ID)
		}
		slices.Sort(unmet)
		var others []string
		for _, o := range d.Others {
			others = append(others, o.File)
		}
		verdict := "READY"
		if !d.Ready {
			verdict = "NOT READY"
		}
		g := wantRow{applicant: d.Applicant, procedure: d.Procedure, verdict: verdict, unmet: strings.Join(unmet, ","),
			unreadable: strings.Join(d.Unreadable, ","), other: strings.Join(others, ",")}
		if dl := d.Deadlines; dl != nil {
			g.cardExpires, g.fileFrom, g.fileBy, g.window = dl.CardExpires, dl.FileFrom, dl.FileBy, dl.State
			if dl.FileBy != "" {
				g.daysLeft = strconv.Itoa(dl.DaysLeft)
				if dl.DaysLeft < lastDays {
					t.Errorf("%s: %d days left after a row with %d: not sorted by urgency", folder, dl.DaysLeft, lastDays)
				}
				lastDays = dl.DaysLeft
			}
			if dl.Late == "" {
				t.Errorf("%s: no late-filing consequence", folder)
			}
		} else {
			lastDays = 1 << 30 // rows without a deadline come last
		}
		if g != w {
			t.Errorf("%s:\n got %+v\nwant %+v", folder, g, w)
		}
	}
	if len(seen) != 21 {
		t.Errorf("%d rows, want 21 (20 clients and the broken folder)", len(seen))
	}
}

func TestStatusCSVTextHTML(t *testing.T) {
	want := wantRows(t)
	t.Run("csv", func(t *testing.T) {
		stdout, _, code := runStatusOn(t, "--format", "csv")
		if code != ExitNotReady {
			t.Fatalf("exit %d", code)
		}
		recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		for _, r := range recs[1:] {
			folder := filepath.Base(r[col["folder"]])
			w, ok := want[folder]
			if !ok {
				continue
			}
			unmet := regexp.MustCompile(` \([a-z_]+\)`).ReplaceAllString(r[col["unmet"]], "")
			ids := strings.Split(unmet, "; ")
			slices.Sort(ids)
			other := regexp.MustCompile(` \(.*?\)`).ReplaceAllString(r[col["other_persons_documents"]], "")
			g := wantRow{applicant: r[col["applicant"]], procedure: r[col["procedure"]], verdict: r[col["verdict"]],
				unmet: strings.Trim(strings.Join(ids, ","), ","), unreadable: r[col["unreadable"]], other: other,
				cardExpires: r[col["card_expires"]], fileFrom: r[col["file_from"]], fileBy: r[col["file_by"]],
				window: r[col["window"]], daysLeft: r[col["days_left"]]}
			if g != w {
				t.Errorf("%s:\n got %+v\nwant %+v", folder, g, w)
			}
			delete(want, folder)
		}
		if len(want) > 0 {
			t.Errorf("no rows for %v", want)
		}
	})
	t.Run("text", func(t *testing.T) {
		stdout, _, _ := runStatusOn(t)
		for folder, w := range wantRows(t) {
			line := ""
			for _, l := range strings.Split(stdout, "\n") {
				if strings.Contains(l, "/"+folder+" ") {
					line = l
				}
			}
			for _, s := range []string{w.applicant, w.procedure, " " + w.verdict + " ", w.cardExpires, w.fileBy, w.unreadable, w.other} {
				if s != "" && !strings.Contains(line, s) {
					t.Errorf("%s: the row does not say %q:\n%s", folder, s, line)
				}
			}
			if w.daysLeft != "" && !regexp.MustCompile(`\s`+regexp.QuoteMeta(w.daysLeft)+`\s`).MatchString(line) {
				t.Errorf("%s: no %s days left:\n%s", folder, w.daysLeft, line)
			}
		}
		ready := 0
		for _, w := range wantRows(t) {
			if w.verdict == "READY" {
				ready++
			}
		}
		if !strings.Contains(stdout, fmt.Sprintf("21 dossiers: %d ready, %d not ready.", ready, 21-ready)) {
			t.Errorf("no summary line:\n%s", stdout)
		}
	})
	t.Run("html", func(t *testing.T) {
		stdout, _, _ := runStatusOn(t, "--format", "html")
		for folder, w := range wantRows(t) {
			m := regexp.MustCompile(`<tr class="[a-z]+" data-folder="[^"]*` + regexp.QuoteMeta(folder) + `">(.*)</tr>`).FindStringSubmatch(stdout)
			if m == nil {
				t.Errorf("%s: no row", folder)
				continue
			}
			for _, s := range []string{w.applicant, w.procedure, ">" + w.verdict + "<", w.cardExpires, w.fileBy} {
				if !strings.Contains(m[1], s) {
					t.Errorf("%s: the row does not say %q: %s", folder, s, m[1])
				}
			}
		}
	})
}

func TestStatusDueWithinAndICS(t *testing.T) {
	calFile := filepath.Join(t.TempDir(), "windows.ics")
	stdout, stderr, code := runStatusOn(t, "--format", "csv", "--due-within", "30d", "--ics", calFile)
	if code != ExitNotReady {
		t.Fatalf("exit %d; %s", code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs[1:] {
		got = append(got, filepath.Base(r[0]))
	}
	var want []string
	for folder, w := range wantRows(t) {
		if n, err := strconv.Atoi(w.daysLeft); err == nil && n <= 30 {
			want = append(want, folder)
		}
	}
	want = append(want, "21-broken") // its deadline is unknown: never hidden
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("--due-within 30d:\n got %v\nwant %v", got, want)
	}

	// The calendar parses, with one all-day event per filing window of the
	// rows shown.
	f, err := os.Open(calFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cal, err := ics.ParseCalendar(f)
	if err != nil {
		t.Fatalf("the .ics does not parse: %v", err)
	}
	events := cal.Events()
	if len(events) != len(want)-1 {
		t.Fatalf("%d events, want %d", len(events), len(want)-1)
	}
	byApplicant := map[string]wantRow{}
	for _, w := range wantRows(t) {
		byApplicant[w.applicant] = w
	}
	for _, ev := range events {
		summary := ev.GetProperty(ics.ComponentPropertySummary).Value
		var w wantRow
		for name, r := range byApplicant {
			if strings.HasSuffix(summary, ": "+name) {
				w = r
			}
		}
		if w.applicant == "" {
			t.Errorf("event %q names no client", summary)
			continue
		}
		start, err := ev.GetAllDayStartAt()
		if err != nil {
			t.Fatal(err)
		}
		end, err := ev.GetAllDayEndAt()
		if err != nil {
			t.Fatal(err)
		}
		from := w.fileFrom
		if from == "" {
			from = w.fileBy
		}
		by, _ := time.Parse(time.DateOnly, w.fileBy)
		if start.Format(time.DateOnly) != from || end.Format(time.DateOnly) != by.AddDate(0, 0, 1).Format(time.DateOnly) {
			t.Errorf("%s: event %s to %s, want %s to the day after %s", summary, start, end, from, w.fileBy)
		}
		if ev.Id() == "" {
			t.Errorf("%s: no UID", summary)
		}
	}
}

func TestStatusUsage(t *testing.T) {
	for _, args := range [][]string{{"--due-within", "soon"}, {"--format", "xml"}, {"--workers", "0"}} {
		_, stderr, code := runStatusOn(t, args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d; %s", args, code, ExitUsage, stderr)
		}
	}
	for _, tc := range []struct {
		in   string
		want int
	}{{"30d", 30}, {"30", 30}, {"4w", 28}, {"2 weeks", 14}, {"0d", 0}} {
		if got, err := parseDays(tc.in); err != nil || got != tc.want {
			t.Errorf("parseDays(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
}
