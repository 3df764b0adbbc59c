package cli

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	ics "github.com/arran4/golang-ical"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

// statusRow is one dossier of intake status: who, which procedure, the
// verdict, what is unmet, and the deadlines.
type statusRow struct {
	Folder     string              `json:"folder"`
	Applicant  string              `json:"applicant"`
	Procedure  string              `json:"procedure"`
	Ready      bool                `json:"ready"`
	Unmet      []unmetItem         `json:"unmet"`
	Unreadable []string            `json:"unreadable"`
	Others     []validate.Other    `json:"others"` // another person's documents, left out
	Reference  string              `json:"reference"`
	Deadlines  *validate.Deadlines `json:"deadlines"`
	// Error is why the dossier could not be checked; "" when it was.
	Error string `json:"error,omitempty"`

	files []string // the paths of the dossier's files, never written over
}

type unmetItem struct {
	ID     string          `json:"id"`
	Status validate.Status `json:"status"`
}

// verdict is the row's verdict in one word.
func (r statusRow) verdict() string {
	switch {
	case r.Error != "":
		return "ERROR"
	case r.Ready:
		return "READY"
	}
	return "NOT READY"
}

func (r statusRow) unmetText() string {
	var s []string
	for _, u := range r.Unmet {
		s = append(s, fmt.Sprintf("%s (%s)", u.ID, u.Status))
	}
	if r.Error != "" {
		s = append(s, r.Error)
	}
	return strings.Join(s, "; ")
}

func (r statusRow) othersText() string {
	var s []string
	for _, o := range r.Others {
		s = append(s, fmt.Sprintf("%s (%s)", o.File, o.Holder))
	}
	return strings.Join(s, "; ")
}

func (r statusRow) cardExpires() string {
	if r.Deadlines == nil {
		return ""
	}
	return r.Deadlines.CardExpires.String()
}

func (r statusRow) daysLeft() string {
	if r.Deadlines == nil || r.Deadlines.FileBy.IsZero() {
		return ""
	}
	return strconv.Itoa(r.Deadlines.DaysLeft)
}

// known reports whether the row has a filing deadline.
func (r statusRow) known() bool { return r.Deadlines != nil && !r.Deadlines.FileBy.IsZero() }

func runStatus(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("status", "intake status DIR... [--due-within 30d] [--format text|csv|json|html] [-o FILE] [--ics FILE]", env)
	on := fs.String("on", "", "reference date YYYY-MM-DD for every dossier (default: each intake.yaml's appointment, else today)")
	rules := fs.String("rules", "", "a folder of your own rule files (*.yaml), loaded on top of the built-in ones")
	due := fs.String("due-within", "", "only the dossiers whose filing deadline is within this many days (30d, 4w), late ones included")
	format := fs.String("format", "text", "output format: text, csv, json or html")
	output := fs.String("o", "", "write the table to this file instead of stdout")
	icsFile := fs.String("ics", "", "write each dossier's filing window as a calendar event into this .ics file")
	workers := fs.Int("workers", runtime.NumCPU(), "dossiers checked at once")
	noCache := fs.Bool("no-cache", false, "read every page again, ignoring and not updating the cache of earlier readings")
	quiet := fs.Bool("quiet", false, "no progress on stderr")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return usagef("give one or more dossier folders, or a folder whose subfolders are dossiers; see intake status -h")
	}
	switch *format {
	case "text", "csv", "json", "html":
	default:
		return usagef("--format %q: use text, csv, json or html", *format)
	}
	within := -1
	if *due != "" {
		if within, err = parseDays(*due); err != nil {
			return err
		}
	}
	if *workers < 1 {
		return usagef("--workers %d: give 1 or more", *workers)
	}
	dirs, err := expandDossiers(args)
	if err != nil {
		return err
	}
	loaded, err := intake.LoadRules(*rules)
	if err != nil {
		return err
	}
	opt := intake.Options{On: *on, Rules: loaded, Now: time.Now(), Cache: openCache(*noCache),
		// The dossiers are checked in parallel: each reads its pages in turn.
		Workers: max(1, runtime.NumCPU() / *workers)}
	rows, err := checkAll(ctx, dirs, opt, *workers, env, *quiet)
	if err != nil {
		return err
	}
	sortByUrgency(rows)
	if within >= 0 {
		rows = dueWithin(rows, within)
	}
	render := func(w io.Writer) error {
		switch *format {
		case "csv":
			return statusCSV(w, rows)
		case "json":
			return statusJSON(w, rows)
		case "html":
			return statusHTML(w, rows)
		}
		return statusText(w, rows)
	}
	if err := writeStatus(env.Stdout, *output, rows, render); err != nil {
		return err
	}
	if *icsFile != "" {
		if err := writeStatus(nil, *icsFile, rows, func(w io.Writer) error { return statusICS(w, rows, opt.Now) }); err != nil {
			return err
		}
	}
	for _, r := range rows {
		if !r.Ready {
			return errNotReady
		}
	}
	return nil
}

// expandDossiers turns the folders given into dossier folders: a folder
// with its own intake.yaml is a dossier; a folder without one whose
// subfolders hold intake.yaml files stands for those dossiers; any other
// folder is checked as a dossier (and says what it lacks).
func expandDossiers(args []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(d string) {
		key := filepath.Clean(d)
		if abs, err := filepath.Abs(d); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, usagef("no folder %s: %v", a, errors.Unwrap(err))
		}
		if !info.IsDir() {
			return nil, usagef("%s is a file: intake status takes dossier folders, or a folder of dossier folders", a)
		}
		if _, err := os.Stat(filepath.Join(a, intake.ConfigFile)); err == nil {
			add(a)
			continue
		}
		nested, err := intake.NestedDossiers(a)
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", a, err)
		}
		if len(nested) == 0 {
			add(a)
			continue
		}
		for _, n := range nested {
			add(filepath.Join(a, filepath.FromSlash(n)))
		}
	}
	return out, nil
}

// checkAll checks the dossiers, n at a time (intake.CheckMany), and
// makes their rows, keeping of each check only what its row needs. A
// dossier that cannot be checked is a row with its error: it does not
// stop the others.
func checkAll(ctx context.Context, dirs []string, opt intake.Options, n int, env Env, quiet bool) ([]statusRow, error) {
	progress := isTerminal(env.Stderr) && !quiet
	rows := make([]statusRow, len(dirs))
	done := 0
	err := intake.CheckMany(ctx, dirs, opt, n, func(i int, c intake.Checked) {
		rows[i] = rowOf(c.Dir, c.Result, c.Err)
		done++
		if progress {
			fmt.Fprintf(env.Stderr, "\r\x1b[K%d/%d dossiers checked", done, len(dirs))
		}
	})
	if progress {
		fmt.Fprint(env.Stderr, "\r\x1b[K")
	}
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// rowOf makes the row of one dossier from its check.
func rowOf(dir string, res *intake.Result, err error) statusRow {
	r := statusRow{Folder: dir, Unmet: []unmetItem{}, Unreadable: []string{}, Others: []validate.Other{}}
	if err != nil {
		r.Error = err.Error()
		return r
	}
	v := res.Report
	for _, d := range res.Documents {
		r.files = append(r.files, d.Path)
	}
	r.Applicant, r.Procedure, r.Ready = v.Applicant.Name, v.Country+"/"+v.Procedure, v.Ready
	r.Reference, r.Deadlines = v.Reference.String(), v.Deadlines
	for _, o := range v.NotMet() {
		r.Unmet = append(r.Unmet, unmetItem{o.ID, o.Status})
	}
	for _, d := range res.Documents {
		if d.Error != "" {
			r.Unreadable = append(r.Unreadable, d.File)
		}
	}
	r.Others = append(r.Others, v.Others...)
	return r
}

// sortByUrgency puts first the dossiers whose deadline is nearest (the
// late ones, most overdue first), then those without a known deadline;
// among equals, a dossier that could not be checked, then one not ready.
func sortByUrgency(rows []statusRow) {
	rank := func(r statusRow) int {
		switch {
		case r.Error != "":
			return 0
		case !r.Ready:
			return 1
		}
		return 2
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.known() != b.known() {
			return a.known()
		}
		if a.known() && a.Deadlines.DaysLeft != b.Deadlines.DaysLeft {
			return a.Deadlines.DaysLeft < b.Deadlines.DaysLeft
		}
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		return a.Folder < b.Folder
	})
}

// dueWithin keeps the dossiers to file within days (late ones included),
// and those that could not be checked: their deadline is unknown.
func dueWithin(rows []statusRow, days int) []statusRow {
	var out []statusRow
	for _, r := range rows {
		if r.Error != "" || r.known() && r.Deadlines.DaysLeft <= days {
			out = append(out, r)
		}
	}
	return out
}

var daysRE = regexp.MustCompile(`^(\d+)\s*(d|days?|w|weeks?)?$`)

// parseDays reads a number of days: "30d", "30", "4w".
func parseDays(s string) (int, error) {
	m := daysRE.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return 0, usagef("--due-within %q: give days or weeks, e.g. 30d or 4w", s)
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n > 100000 {
		return 0, usagef("--due-within %q: give days or weeks, e.g. 30d or 4w", s)
	}
	if strings.HasPrefix(m[2], "w") {
		n *= 7
	}
	return n, nil
}

// writeStatus writes to stdout or, when path is given, atomically to
// that file, never over a file of one of the dossiers.
func writeStatus(stdout io.Writer, path string, rows []statusRow, render func(io.Writer) error) error {
	if path == "" {
		if err := render(stdout); err != nil {
			return outputErrorf("write the table: %w", err)
		}
		return nil
	}
	files := &intake.Result{}
	for _, r := range rows {
		for _, p := range r.files {
			files.Documents = append(files.Documents, document.Document{File: p, Path: p})
		}
	}
	return writeOutput(stdout, path, files, render)
}

// clean escapes control characters: a folder name or a name read on a
// scan must not drive the terminal or add lines to a table.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
			return '?'
		}
		return r
	}, s)
}

func statusText(w io.Writer, rows []statusRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FOLDER\tAPPLICANT\tPROCEDURE\tVERDICT\tCARD EXPIRES\tFILING WINDOW\tDAYS LEFT\tUNMET\tUNREADABLE\tOTHER PERSON'S")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			clean(r.Folder), dash(clean(r.Applicant)), dash(r.Procedure), r.verdict(), dash(r.cardExpires()),
			dash(r.Deadlines.Window()), dash(r.daysLeft()), dash(clean(r.unmetText())),
			dash(clean(strings.Join(r.Unreadable, ", "))), dash(clean(r.othersText())))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	ready := 0
	for _, r := range rows {
		if r.Ready {
			ready++
		}
	}
	noun := "dossiers"
	if len(rows) == 1 {
		noun = "dossier"
	}
	_, err := fmt.Fprintf(w, "\n%d %s: %d ready, %d not ready.\n", len(rows), noun, ready, len(rows)-ready)
	return err
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

var csvHeader = []string{"folder", "applicant", "procedure", "verdict", "unmet", "unreadable", "other_persons_documents",
	"reference", "card_expires", "file_from", "file_by", "days_left", "window", "error"}

func statusCSV(w io.Writer, rows []statusRow) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	for _, r := range rows {
		var from, by, state string
		if d := r.Deadlines; d != nil {
			from, by, state = d.FileFrom.String(), d.FileBy.String(), string(d.State)
		}
		var unmet []string
		for _, u := range r.Unmet {
			unmet = append(unmet, fmt.Sprintf("%s (%s)", u.ID, u.Status))
		}
		cw.Write([]string{r.Folder, r.Applicant, r.Procedure, r.verdict(), strings.Join(unmet, "; "),
			strings.Join(r.Unreadable, "; "), r.othersText(), r.Reference, r.cardExpires(), from, by, r.daysLeft(), state, r.Error})
	}
	cw.Flush()
	return cw.Error()
}

func statusJSON(w io.Writer, rows []statusRow) error {
	out := struct {
		SchemaVersion int         `json:"schema_version"`
		Dossiers      []statusRow `json:"dossiers"`
	}{1, rows}
	if out.Dossiers == nil {
		out.Dossiers = []statusRow{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

var statusPage = template.Must(template.New("status").Funcs(template.FuncMap{
	"verdict": statusRow.verdict, "unmet": statusRow.unmetText, "others": statusRow.othersText,
	"card": statusRow.cardExpires, "days": statusRow.daysLeft,
	"window": func(d *validate.Deadlines) string { return d.Window() },
	"join":   func(s []string) string { return strings.Join(s, ", ") },
	"class": func(r statusRow) string {
		switch {
		case r.Error != "":
			return "error"
		case !r.Ready:
			return "notready"
		}
		return "ready"
	},
}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>intake status: {{len .}} dossiers</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
th { background: #f2f2f2; position: sticky; top: 0; }
td.days { text-align: right; font-variant-numeric: tabular-nums; }
tr.notready td.verdict { color: #a40000; font-weight: 600; }
tr.error td.verdict { color: #7a4a00; font-weight: 600; }
tr.ready td.verdict { color: #1b6e1b; font-weight: 600; }
</style>
</head>
<body>
<h1>{{len .}} dossiers</h1>
<table id="status">
<thead><tr><th>Folder</th><th>Applicant</th><th>Procedure</th><th>Verdict</th><th>Unmet</th><th>Unreadable</th><th>Other person's documents</th><th>Card expires</th><th>Filing window</th><th>Days left</th></tr></thead>
<tbody>
{{range .}}<tr class="{{class .}}" data-folder="{{.Folder}}"><td>{{.Folder}}</td><td>{{.Applicant}}</td><td>{{.Procedure}}</td><td class="verdict">{{verdict .}}</td><td>{{unmet .}}</td><td>{{join .Unreadable}}</td><td>{{others .}}</td><td>{{card .}}</td><td>{{window .Deadlines}}</td><td class="days">{{days .}}</td></tr>
{{end}}</tbody>
</table>
</body>
</html>
`))

func statusHTML(w io.Writer, rows []statusRow) error { return statusPage.Execute(w, rows) }

// statusICS writes each dossier's filing window as an all-day event: from
// its first day (or its last, when the window has none) to its last day.
func statusICS(w io.Writer, rows []statusRow, now time.Time) error {
	cal := ics.NewCalendar()
	cal.SetProductId("-//intake//intake status//EN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName("intake: filing windows")
	for _, r := range rows {
		d := r.Deadlines
		if !r.known() {
			continue
		}
		abs, err := filepath.Abs(r.Folder)
		if err != nil {
			abs = r.Folder
		}
		sum := sha256.Sum256([]byte(abs + "\x00" + r.Procedure + "\x00" + d.CardExpires.String()))
		ev := cal.AddEvent(hex.EncodeToString(sum[:12]) + "@intake")
		ev.SetDtStampTime(now.UTC())
		from := d.FileFrom
		if from.IsZero() || from.After(d.FileBy) {
			from = d.FileBy
		}
		ev.SetAllDayStartAt(from.Time())
		ev.SetAllDayEndAt(d.FileBy.AddDate(0, 0, 1).Time()) // DTEND is exclusive
		who := r.Applicant
		if who == "" {
			who = filepath.Base(r.Folder)
		}
		ev.SetSummary(fmt.Sprintf("File %s: %s", r.Procedure, who))
		desc := fmt.Sprintf("%s\nDossier: %s", d.Sentence(), r.Folder)
		if d.Late != "" {
			desc += "\nIf late: " + d.Late
		}
		ev.SetDescription(desc)
	}
	return cal.SerializeTo(w)
}

// severalHelp turns the refusal of a folder holding several dossiers
// into a usage error that says how to check them: one by one, or all
// together with intake status. Other errors are returned as they are.
func severalHelp(err error) error {
	var several *intake.SeveralDossiersError
	if !errors.As(err, &several) {
		return err
	}
	one := "FOLDER"
	if len(several.Dossiers) > 0 {
		one = filepath.Join(several.Dir, filepath.FromSlash(several.Dossiers[0]))
	}
	how := fmt.Sprintf("Check them one by one (intake validate %s), or all together: intake status %s", one, several.Dir)
	if len(several.Dossiers) == 0 {
		how = fmt.Sprintf("Move each person's documents into a folder of their own (with its intake.yaml), then check them one by one (intake validate FOLDER) or all together (intake status %s)", several.Dir)
	}
	return usagef("%v.\n%s", several, how)
}
