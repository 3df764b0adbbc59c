package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/report"
)

func runValidate(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("validate", "intake validate DIR [flags]", env)
	df := addDossierFlags(fs)
	format := fs.String("format", "text", "output format: text, json or html (one self-contained page; use with -o)")
	output := fs.String("o", "", "write the report to this file instead of stdout")
	noCache := fs.Bool("no-cache", false, "read every page again, ignoring and not updating the cache of earlier readings")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usagef("give one dossier folder (got %d arguments); see intake validate -h", len(args))
	}
	if *format != "text" && *format != "json" && *format != "html" {
		return usagef("--format %q: use text, json or html", *format)
	}
	progress := newProgressLine(env, *df.quiet)
	opt, err := df.options(time.Now(), openCache(*noCache), progress)
	if err != nil {
		return err
	}
	res, err := intake.Check(ctx, args[0], opt)
	progress.done()
	if err != nil {
		return severalHelp(err) // a folder of several dossiers: say how to check them
	}
	color := *output == "" && isTerminal(env.Stdout) && env.getenv("NO_COLOR") == "" && env.getenv("TERM") != "dumb"
	render := func(w io.Writer) error {
		switch *format {
		case "json":
			return report.WriteJSON(w, res)
		case "html":
			return report.WriteHTML(ctx, w, res, report.HTMLOptions{})
		}
		return report.WriteText(w, res, report.TextOptions{Color: color})
	}
	if err := writeOutput(env.Stdout, *output, res, render); err != nil {
		return err
	}
	if !res.Report.Ready {
		return errNotReady
	}
	return nil
}

// progressLine shows reading progress on a terminal's stderr.
type progressLine struct {
	env     Env
	enabled bool
	shown   bool
}

func newProgressLine(env Env, quiet bool) *progressLine {
	return &progressLine{env: env, enabled: !quiet && isTerminal(env.Stderr)}
}

func (p *progressLine) update(pr intake.Progress) {
	if !p.enabled || pr.Pages == 0 {
		return
	}
	const width = 24
	filled := width * pr.PagesDone / pr.Pages
	bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
	current := pr.Current
	if len(current) > 40 {
		current = "…" + current[len(current)-39:]
	}
	fmt.Fprintf(p.env.Stderr, "\r\x1b[K%s %d/%d pages, %d/%d files %s", bar, pr.PagesDone, pr.Pages, pr.FilesDone, pr.Files, current)
	p.shown = true
}

func (p *progressLine) done() {
	if p.shown {
		fmt.Fprint(p.env.Stderr, "\r\x1b[K")
	}
}
