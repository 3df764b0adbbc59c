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

func runBundle(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("bundle", "intake bundle DIR -o FILE.pdf | --split OUTDIR [--max-size 2MB] [flags]", env)
	df := addDossierFlags(fs)
	output := fs.String("o", "", "write the bundle to this PDF file")
	split := fs.String("split", "", "write one PDF per requirement into this folder (portal upload)")
	maxSizeFlag := fs.String("max-size", "", "with --split: the largest file size, e.g. 2MB, 500KB (MB = 1,000,000 bytes)")
	watermark := fs.String("watermark", "", `text written across every page, e.g. "for the préfecture only"`)
	force := fs.Bool("force", false, "build the bundle even when the dossier is not ready (the gaps go on the to-do sheet, never on the cover)")
	todo := fs.String("todo", "", "write the applicant's to-do sheet to this PDF (default: next to the bundle, FILE-todo.pdf)")
	noTodo := fs.Bool("no-todo", false, "do not write the to-do sheet")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usagef("give one dossier folder (got %d arguments); see intake bundle -h", len(args))
	}
	if (*output == "") == (*split == "") {
		return usagef("give either -o FILE.pdf (one bundle) or --split OUTDIR (one PDF per requirement)")
	}
	var maxSize int64
	if *maxSizeFlag != "" {
		if *split == "" {
			return usagef("--max-size goes with --split")
		}
		if maxSize, err = parseSize(*maxSizeFlag); err != nil {
			return err
		}
	}
	target := *output
	if target == "" {
		target = *split
	}
	if target, err = filepath.Abs(target); err != nil {
		return usageError{err.Error()}
	}
	if *output != "" {
		if info, err := os.Stat(target); err == nil && info.IsDir() {
			return usagef("-o %s is a folder: give the PDF file to write", *output)
		}
		if _, err := os.Stat(filepath.Dir(target)); err != nil {
			return usagef("cannot write %s: %v", *output, err)
		}
	}
	dir := args[0]
	if err := checkFolder(dir); err != nil {
		return err
	}
	if inside(dir, target) {
		fmt.Fprintf(env.Stderr, "intake bundle: note: %s is inside the dossier, as you asked: intake will read it as one of its documents next time; move it out before you validate again\n", target)
	}
	now := time.Now()
	c := openCache(false)
	progress := newProgressLine(env, *df.quiet, i18n.New(df.language(env, nil)), c != nil)
	opt, err := df.options(now, c, progress)
	if err != nil {
		return err
	}
	in, err := intake.Check(ctx, dir, opt)
	progress.done(in)
	if err != nil {
		return severalHelp(err)
	}
	if err := refuseDossierFile(target, in); err != nil {
		return err
	}
	verdict := in.Report
	if !verdict.Ready && !*force {
		var gaps []string
		for _, o := range verdict.NotMet() {
			gaps = append(gaps, fmt.Sprintf("%s (%s)", o.ID, o.Status))
		}
		fmt.Fprintf(env.Stderr, "intake bundle: the dossier is not ready: %d of %d requirements are not met: %s\n",
			len(gaps), len(verdict.Requirements), strings.Join(gaps, ", "))
		fmt.Fprintf(env.Stderr, "Run intake validate %s to see what to do, or add --force to bundle it anyway (the gaps go on the to-do sheet, not on the cover).\n", dir)
		return errNotReady
	}
	bopt := bundle.Options{Watermark: *watermark, Now: now, Creator: "intake"}
	for _, o := range in.Report.Others {
		fmt.Fprintf(env.Stderr, "intake bundle: left out %s: its holder is %s, not %s: another person's document is never bundled\n", o.File, o.Holder, in.Report.Applicant.Name)
	}
	if !*noTodo {
		sheet := *todo
		if sheet == "" {
			sheet = strings.TrimSuffix(strings.TrimSuffix(target, string(filepath.Separator)), filepath.Ext(target)) + "-todo.pdf"
		}
		if err := refuseDossierFile(sheet, in); err != nil {
			return err
		}
		if err := bundle.WriteToDo(sheet, in, bopt); err != nil {
			return outputErrorf("cannot write the to-do sheet: %w", err)
		}
		fmt.Fprintf(env.Stderr, "intake bundle: the applicant's to-do sheet (not for the counter): %s\n", sheet)
	}
	if *output != "" {
		res, err := bundle.Write(ctx, target, in, bopt)
		if err != nil {
			return outputErrorf("cannot write the bundle: %w", err)
		}
		fmt.Fprintf(env.Stdout, "%s: %s, %s\n", *output, pages(res.Pages), humanSize(res.Size))
		if res.Warning != "" {
			fmt.Fprintf(env.Stderr, "intake bundle: %s: %s\n", *output, res.Warning)
		}
		for _, f := range res.Signed {
			fmt.Fprintf(env.Stderr, "intake bundle: %s is digitally signed: its signature only holds in the original file; hand that in too\n", f)
		}
		return nil
	}
	files, err := bundle.Split(ctx, target, in, maxSize, bopt)
	if err != nil {
		return outputErrorf("cannot write the split files: %w", err)
	}
	tooBig := 0
	for _, f := range files {
		rel, err := filepath.Rel(target, f.Path)
		if err != nil {
			rel = f.Path
		}
		line := fmt.Sprintf("%s: %s, %s", filepath.Join(*split, rel), pages(f.Pages), humanSize(f.Size))
		switch {
		case f.Signed:
			line += ", digitally signed: copied unchanged"
		case f.DPI > 0:
			line += fmt.Sprintf(", scans at %d dpi, JPEG quality %d", f.DPI, f.Quality)
		}
		fmt.Fprintln(env.Stdout, line)
		if f.Warning != "" {
			fmt.Fprintf(env.Stderr, "intake bundle: %s: %s\n", rel, f.Warning)
		}
		if !f.Fits {
			tooBig++
			fmt.Fprintf(env.Stderr, "intake bundle: %s is %s, over the %s limit even at the lowest resolution and quality: split the document or scan it at a lower resolution\n",
				rel, humanSize(f.Size), humanSize(maxSize))
		}
	}
	written := map[string]bool{}
	for _, f := range files {
		written[filepath.Base(f.Path)] = true
	}
	if old, _ := filepath.Glob(filepath.Join(target, "[0-9][0-9]-*.pdf")); len(old) > 0 {
		for _, p := range old {
			if !written[filepath.Base(p)] {
				fmt.Fprintf(env.Stderr, "intake bundle: %s is not from this run (an earlier one?): do not upload it\n", filepath.Join(*split, filepath.Base(p)))
			}
		}
	}
	if tooBig > 0 {
		return errNotReady
	}
	return nil
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
