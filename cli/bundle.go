package cli

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/intake-app/intake/bundle"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/i18n"
)

// bundleOptions are what intake bundle was asked, checked.
type bundleOptions struct {
	dossier       dossierFlags
	dir           string
	output, split string // one of them: the PDF to write, or the folder of split PDFs
	target        string // output or split, absolute
	maxSize       int64  // with split: the largest file, 0 for none
	watermark     string
	force         bool
	todo          string // the to-do sheet's path; "" for none
}

func runBundle(ctx context.Context, args []string, env Env) error {
	o, err := parseBundleFlags(args, env)
	if err != nil {
		return err
	}
	if inside(o.dir, o.target) {
		fmt.Fprintf(env.Stderr, "intake bundle: note: %s is inside the dossier, as you asked: intake will read it as one of its documents next time; move it out before you validate again\n", o.target)
	}
	now := time.Now()
	c := openCache(false)
	progress := newProgressLine(env, *o.dossier.quiet, i18n.New(o.dossier.language(env, nil)), c != nil)
	opt, err := o.dossier.options(now, c, progress)
	if err != nil {
		return err
	}
	in, err := intake.Check(ctx, o.dir, opt)
	progress.done(in)
	if err != nil {
		return severalHelp(err)
	}
	if err := refuseDossierFile(o.target, in); err != nil {
		return err
	}
	if !in.Report.Ready && !o.force {
		gaps := bundle.Gaps(in.Report)
		fmt.Fprintf(env.Stderr, "intake bundle: the dossier is not ready: %d of %d requirements are not met: %s\n",
			len(gaps), len(in.Report.Requirements), strings.Join(gaps, ", "))
		fmt.Fprintf(env.Stderr, "Run intake validate %s to see what to do, or add --force to bundle it anyway (the gaps go on the to-do sheet, not on the cover).\n", o.dir)
		return errNotReady
	}
	bopt := bundle.Options{Watermark: o.watermark, Now: now, Creator: "intake"}
	for _, other := range in.Report.Others {
		fmt.Fprintf(env.Stderr, "intake bundle: left out %s: its holder is %s, not %s: another person's document is never bundled\n", other.File, other.Holder, in.Report.Applicant.Name)
	}
	if o.todo != "" {
		if err := refuseDossierFile(o.todo, in); err != nil {
			return err
		}
		if err := bundle.WriteToDo(o.todo, in, bopt); err != nil {
			return outputErrorf("cannot write the to-do sheet: %w", err)
		}
		fmt.Fprintf(env.Stderr, "intake bundle: the applicant's to-do sheet (not for the counter): %s\n", o.todo)
	}
	if o.output != "" {
		return writeBundle(ctx, env, o, in, bopt)
	}
	return writeSplit(ctx, env, o, in, bopt)
}

// parseBundleFlags reads and checks intake bundle's arguments.
func parseBundleFlags(args []string, env Env) (bundleOptions, error) {
	fs := newFlagSet("bundle", "intake bundle DIR -o FILE.pdf | --split OUTDIR [--max-size 2MB] [flags]", env)
	o := bundleOptions{dossier: addDossierFlags(fs)}
	fs.StringVar(&o.output, "o", "", "write the bundle to this PDF file")
	fs.StringVar(&o.split, "split", "", "write one PDF per requirement into this folder (portal upload)")
	maxSize := fs.String("max-size", "", "with --split: the largest file size, e.g. 2MB, 500KB (MB = 1,000,000 bytes)")
	fs.StringVar(&o.watermark, "watermark", "", `text written across every page, e.g. "for the préfecture only"`)
	fs.BoolVar(&o.force, "force", false, "build the bundle even when the dossier is not ready (the gaps go on the to-do sheet, never on the cover)")
	todo := fs.String("todo", "", "write the applicant's to-do sheet to this PDF (default: next to the bundle, FILE-todo.pdf)")
	noTodo := fs.Bool("no-todo", false, "do not write the to-do sheet")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return o, err
	}
	if len(args) != 1 {
		return o, usagef("give one dossier folder (got %d arguments); see intake bundle -h", len(args))
	}
	if (o.output == "") == (o.split == "") {
		return o, usagef("give either -o FILE.pdf (one bundle) or --split OUTDIR (one PDF per requirement)")
	}
	if *maxSize != "" {
		if o.split == "" {
			return o, usagef("--max-size goes with --split")
		}
		if o.maxSize, err = parseSize(*maxSize); err != nil {
			return o, err
		}
	}
	if o.target, err = filepath.Abs(o.output + o.split); err != nil {
		return o, usageError{err.Error()}
	}
	if o.output != "" {
		if info, err := os.Stat(o.target); err == nil && info.IsDir() {
			return o, usagef("-o %s is a folder: give the PDF file to write", o.output)
		}
		if _, err := os.Stat(filepath.Dir(o.target)); err != nil {
			return o, usagef("cannot write %s: %v", o.output, err)
		}
	}
	o.dir = args[0]
	if err := checkFolder(o.dir); err != nil {
		return o, err
	}
	switch {
	case *noTodo:
	case *todo != "":
		o.todo = *todo
	default:
		o.todo = strings.TrimSuffix(strings.TrimSuffix(o.target, string(filepath.Separator)), filepath.Ext(o.target)) + "-todo.pdf"
	}
	return o, nil
}

// writeBundle writes the one PDF of -o.
func writeBundle(ctx context.Context, env Env, o bundleOptions, in *intake.Result, bopt bundle.Options) error {
	res, err := bundle.Write(ctx, o.target, in, bopt)
	if err != nil {
		return outputErrorf("cannot write the bundle: %w", err)
	}
	fmt.Fprintf(env.Stdout, "%s: %s, %s\n", o.output, pages(res.Pages), humanSize(res.Size))
	if res.Warning != "" {
		fmt.Fprintf(env.Stderr, "intake bundle: %s: %s\n", o.output, res.Warning)
	}
	for _, f := range res.Signed {
		fmt.Fprintf(env.Stderr, "intake bundle: %s is digitally signed: its signature only holds in the original file; hand that in too\n", f)
	}
	return nil
}

// writeSplit writes one PDF per requirement into --split's folder, and
// says which files are over --max-size or left from an earlier run.
func writeSplit(ctx context.Context, env Env, o bundleOptions, in *intake.Result, bopt bundle.Options) error {
	files, err := bundle.Split(ctx, o.target, in, o.maxSize, bopt)
	if err != nil {
		return outputErrorf("cannot write the split files: %w", err)
	}
	tooBig := 0
	written := map[string]bool{}
	for _, f := range files {
		written[filepath.Base(f.Path)] = true
		rel, err := filepath.Rel(o.target, f.Path)
		if err != nil {
			rel = f.Path
		}
		fmt.Fprintln(env.Stdout, splitLine(filepath.Join(o.split, rel), f))
		if f.Warning != "" {
			fmt.Fprintf(env.Stderr, "intake bundle: %s: %s\n", rel, f.Warning)
		}
		if !f.Fits {
			tooBig++
			fmt.Fprintf(env.Stderr, "intake bundle: %s is %s, over the %s limit even at the lowest resolution and quality: split the document or scan it at a lower resolution\n",
				rel, humanSize(f.Size), humanSize(o.maxSize))
		}
	}
	old, _ := filepath.Glob(filepath.Join(o.target, "[0-9][0-9]-*.pdf"))
	for _, p := range old {
		if !written[filepath.Base(p)] {
			fmt.Fprintf(env.Stderr, "intake bundle: %s is not from this run (an earlier one?): do not upload it\n", filepath.Join(o.split, filepath.Base(p)))
		}
	}
	if tooBig > 0 {
		return errNotReady
	}
	return nil
}

// splitLine describes one written split file.
func splitLine(name string, f bundle.SplitFile) string {
	line := fmt.Sprintf("%s: %s, %s", name, pages(f.Pages), humanSize(f.Size))
	switch {
	case f.Signed:
		line += ", digitally signed: copied unchanged"
	case f.DPI > 0:
		line += fmt.Sprintf(", scans at %d dpi, JPEG quality %d", f.DPI, f.Quality)
	}
	return line
}

// parseSize reads a size such as 2MB, 1.5M, 500KB or 800000.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := 1.0
	for _, u := range []struct {
		suffix string
		m      float64
	}{{"MB", 1e6}, {"M", 1e6}, {"KB", 1e3}, {"K", 1e3}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.m
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	// !(v > 0) also refuses NaN, which compares false with everything.
	if err != nil || !(v > 0) || math.IsInf(v, 0) || v*mult < 1 || v*mult > 1e15 {
		return 0, usagef("--max-size %q: give a size such as 2MB or 500KB", s)
	}
	return int64(v * mult), nil
}

// humanSize prints a size in kB or MB (powers of 1000).
func humanSize(n int64) string {
	if n >= 1e6 {
		return fmt.Sprintf("%.2f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%d kB", (n+500)/1000)
}

// inside reports whether path lies inside the folder dir.
func inside(dir, path string) bool {
	d, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	if r, err := filepath.EvalSymlinks(d); err == nil {
		d = r
	}
	p := path
	if r, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		p = filepath.Join(r, filepath.Base(p))
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func pages(n int) string {
	if n == 1 {
		return "1 page"
	}
	return strconv.Itoa(n) + " pages"
}
