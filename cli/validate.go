package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/i18n"
	"github.com/intake-app/intake/report"
)

func runValidate(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("validate", "intake validate DIR [flags]", env)
	df := addDossierFlags(fs)
	format := fs.String("format", "text", "output `FORMAT`: text, json or html (one self-contained page; use with -o)")
	output := fs.String("o", "", "write the report to this `FILE` instead of stdout")
	noCache := fs.Bool("no-cache", false, "read every page again, ignoring and not updating the cache of earlier readings")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usagef("give one dossier folder (got %d arguments); see intake validate -h", len(args))
	}
	*format = strings.ToLower(*format)
	if *format != "text" && *format != "json" && *format != "html" {
		return usagef("--format %q: use text, json or html", *format)
	}
	if err := checkFolder(args[0]); err != nil {
		return err
	}
	c := openCache(*noCache)
	progress := newProgressLine(env, *df.quiet, i18n.New(df.language(env, nil)), c != nil)
	opt, err := df.options(time.Now(), c, progress)
	if err != nil {
		return err
	}
	res, err := intake.Check(ctx, args[0], opt)
	progress.done(res)
	if err != nil {
		return severalHelp(err) // a folder of several dossiers: say how to check them
	}
	lang := df.language(env, res)
	today := *df.on == "" && res.Settings.Config.Appointment == ""
	color := *output == "" && isTerminal(env.Stdout) && env.getenv("NO_COLOR") == "" && env.getenv("TERM") != "dumb"
	width := 0
	if *output == "" {
		width = terminalWidth(env.Stdout)
	}
	render := func(w io.Writer) error {
		switch *format {
		case "json":
			return report.WriteJSON(w, res)
		case "html":
			return report.WriteHTML(ctx, w, res, report.HTMLOptions{Lang: lang, Details: *df.details, Today: today})
		}
		return report.WriteText(w, res, report.TextOptions{Color: color, Lang: lang, Details: *df.details, Width: width, Today: today})
	}
	if err := writeOutput(env.Stdout, *output, res, render); err != nil {
		return err
	}
	if !res.Report.Ready {
		return errNotReady
	}
	return nil
}

// terminalWidth is the width of the terminal w is, 0 when it is none.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return width
}

// slowPage is how long a page must take for the run to count as a first
// (cold) reading, worth the note that later runs are instant.
const slowPage = 2 * time.Second

// progressLine shows reading progress on a terminal's stderr, page by
// page, with the elapsed time and an estimate of what remains, then a
// closing summary ("read 13 pages in 42 s; 1 file unreadable"). Neither
// is shown with --quiet or when stderr is not a terminal: a script's
// stderr holds errors only.
type progressLine struct {
	env     Env
	p       *i18n.Printer
	enabled bool // stderr is a terminal, and no --quiet
	cached  bool // a cache keeps the readings for the next run
	start   time.Time

	mu    sync.Mutex
	last  intake.Progress
	prev  time.Time // when the previous page was read
	noted bool      // the cold-run note was printed
	shown bool
}

func newProgressLine(env Env, quiet bool, p *i18n.Printer, cached bool) *progressLine {
	now := time.Now()
	return &progressLine{env: env, p: p, enabled: !quiet && isTerminal(env.Stderr), cached: cached, start: now, prev: now}
}

func (l *progressLine) update(pr intake.Progress) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	took := now.Sub(l.prev)
	l.prev, l.last = now, pr
	if !l.enabled || pr.Pages == 0 {
		return
	}
	if !l.noted && l.cached && took > slowPage && pr.PagesDone < pr.Pages {
		l.noted = true
		fmt.Fprintf(l.env.Stderr, "\r\x1b[K%s\n", l.p.T("First reading of these scans: about %s a page on this machine. Later runs read them from the cache and are instant.", l.p.Duration(took)))
	}
	fmt.Fprintf(l.env.Stderr, "\r\x1b[K%s", l.line(pr, now.Sub(l.start), terminalWidth(l.env.Stderr)))
	l.shown = true
}

// line is the progress bar and its counts, cut to width columns.
func (l *progressLine) line(pr intake.Progress, elapsed time.Duration, width int) string {
	const barWidth = 20
	filled := barWidth * pr.PagesDone / pr.Pages
	bar := strings.Repeat("█", filled) + strings.Repeat("░", barWidth-filled)
	s := bar + " " + l.p.T("page %d of %d", pr.PagesDone, pr.Pages) + " · " + l.p.Duration(elapsed)
	if pr.PagesDone > 0 && pr.PagesDone < pr.Pages {
		left := elapsed / time.Duration(pr.PagesDone) * time.Duration(pr.Pages-pr.PagesDone)
		s += " · " + l.p.T("about %s left", l.p.Duration(left))
	}
	s += " · " + pr.Current
	if r := []rune(s); width > 10 && len(r) >= width {
		s = string(r[:width-2]) + "…"
	}
	return s
}

// done clears the bar and writes the closing summary of the reading of
// res (nil when the check stopped).
func (l *progressLine) done(res *intake.Result) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.shown {
		fmt.Fprint(l.env.Stderr, "\r\x1b[K")
	}
	if !l.enabled || res == nil {
		return
	}
	pages, unreadable := 0, 0
	for _, d := range res.Documents {
		pages += d.Pages
		if d.Error != "" {
			unreadable++
		}
	}
	s := l.p.T("read %d pages in %s", pages, l.p.Duration(time.Since(l.start)))
	if unreadable > 0 {
		s += "; " + l.p.T("%d files unreadable", unreadable)
	}
	fmt.Fprintln(l.env.Stderr, s)
}
