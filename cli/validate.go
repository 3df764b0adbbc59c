package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/intake-app/intake/country"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/report"
	"github.com/intake-app/intake/validate"
)

// settings are what a validation run needs, from flags and intake.yaml.
type settings struct {
	dir         string
	country     string
	procedure   string
	nationality string
	on          document.Date
	facts       validate.Facts // what intake.yaml says that scans cannot show
}

// resolveSettings merges the flags over the dossier's intake.yaml and
// checks them against the known procedures.
func resolveSettings(dir string, flagCountry, flagProcedure, flagNationality, flagOn string, now time.Time, rules *validate.Rules) (settings, *validate.Procedure, error) {
	cfg, err := intake.LoadConfig(dir)
	if err != nil {
		return settings{}, nil, usageError{err.Error()}
	}
	s := settings{dir: dir}
	pick := func(flagV, fileV string) string {
		if flagV != "" {
			return flagV
		}
		return fileV
	}
	s.country = strings.ToUpper(strings.TrimSpace(pick(flagCountry, cfg.Country)))
	s.procedure = strings.TrimSpace(pick(flagProcedure, cfg.Procedure))
	s.nationality = strings.TrimSpace(pick(flagNationality, cfg.Nationality))
	if c, id, ok := strings.Cut(s.procedure, "/"); ok {
		if s.country != "" && !strings.EqualFold(c, s.country) {
			return s, nil, usagef("--procedure %s is a procedure of %s, not of --country %s", s.procedure, strings.ToUpper(c), s.country)
		}
		s.country, s.procedure = strings.ToUpper(c), id
	}
	if s.nationality != "" && country.Alpha2(s.nationality) == "" {
		return s, nil, usagef("nationality %q is not an ISO 3166 country code (use CN, FR, RU, … or CHN, FRA, RUS, …)", s.nationality)
	}
	switch on := pick(flagOn, cfg.Appointment); on {
	case "":
		s.on = document.DateOf(now)
	default:
		d, err := document.ParseDate(on)
		if err != nil {
			return s, nil, usagef("reference date: %v", err)
		}
		s.on = d
	}
	if s.country == "" || s.procedure == "" {
		return s, nil, usagef("which procedure? give --country and --procedure, or write them in %s.\nKnown procedures:\n%s",
			filepath.Join(dir, intake.ConfigFile), procedureList(rules))
	}
	if country.Alpha2(s.country) == "" {
		return s, nil, usagef("--country %q is not an ISO 3166 alpha-2 code (FR, BE, RU, RS)", s.country)
	}
	proc, err := rules.Procedure(s.country, s.procedure, s.on)
	if err != nil {
		return s, nil, usageError{err.Error()}
	}
	s.facts = validate.Facts{
		Reference: s.on, Nationality: s.nationality,
		Application: cfg.Application, Family: cfg.Family, Basis: cfg.Basis, Region: cfg.Region,
		Housing: cfg.Housing, Activity: cfg.Activity,
	}
	if cfg.BirthDate != "" {
		if s.facts.BirthDate, err = document.ParseDate(cfg.BirthDate); err != nil {
			return s, nil, usagef("%s: birth_date: %v", filepath.Join(dir, intake.ConfigFile), err)
		}
	}
	if err := s.facts.Check(proc); err != nil {
		return s, nil, usagef("%s: %v", filepath.Join(dir, intake.ConfigFile), err)
	}
	return s, proc, nil
}

func procedureList(rules *validate.Rules) string {
	seen := map[string]string{}
	for _, p := range rules.Procedures() {
		seen[p.Key()] = p.Title
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "  %-34s %s\n", k, seen[k])
	}
	return strings.TrimRight(b.String(), "\n")
}

func runValidate(ctx context.Context, args []string, env Env) (int, error) {
	fs := newFlagSet("validate", "intake validate DIR [flags]", env)
	df := addDossierFlags(fs)
	format := fs.String("format", "text", "output format: text, json or html (one self-contained page; use with -o)")
	output := fs.String("o", "", "write the report to this file instead of stdout")
	noCache := fs.Bool("no-cache", false, "read every page again, ignoring and not updating the cache of earlier readings")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return ExitUsage, err
	}
	if len(args) != 1 {
		return ExitUsage, usagef("give one dossier folder (got %d arguments); see intake validate -h", len(args))
	}
	if *format != "text" && *format != "json" && *format != "html" {
		return ExitUsage, usagef("--format %q: use text, json or html", *format)
	}
	now := time.Now()
	s, proc, _, err := df.load(args[0], now)
	if err != nil {
		return ExitUsage, err
	}
	docs, code, err := readDossier(ctx, s, now, df, openCache(*noCache), env)
	if err != nil {
		return code, err
	}
	verdict := validate.Evaluate(proc, docs, s.facts)

	out := env.Stdout
	var file *os.File
	if *output != "" {
		if file, err = createOutput(*output); err != nil {
			return ExitUsage, err
		}
		out = file
	}
	in := report.Input{Dossier: s.dir, Documents: docs, Verdict: verdict}
	if *format == "json" {
		err = report.WriteJSON(out, in)
	} else if *format == "html" {
		err = report.WriteHTML(ctx, out, in, report.HTMLOptions{})
	} else {
		color := file == nil && isTerminal(env.Stdout) && env.getenv("NO_COLOR") == "" && env.getenv("TERM") != "dumb"
		err = report.WriteText(out, in, report.TextOptions{Color: color})
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return ExitUsage, fmt.Errorf("write report: %w", err)
	}
	if !verdict.Ready {
		return ExitNotReady, nil
	}
	return ExitOK, nil
}

// createOutput creates the report file the user asked for.
func createOutput(path string) (*os.File, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, usagef("cannot write the report: %v", err)
	}
	return f, nil
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
