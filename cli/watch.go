package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/intake-app/intake/cache"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/i18n"
	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/report"
	"github.com/intake-app/intake/validate"
)

// runWatch validates a dossier, then again whenever its files change, and
// prints what changed in the verdict. Only new or changed files are read
// again: the others come from the cache.
func runWatch(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("watch", "intake watch DIR [flags]", env)
	df := addDossierFlags(fs)
	poll := fs.Duration("poll", 500*time.Millisecond, "how often to look for changes")
	settle := fs.Duration("settle", time.Second, "how long a file must stay the same size before it is read (scanners write in steps)")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usagef("give one dossier folder (got %d arguments); see intake watch -h", len(args))
	}
	dir := args[0]
	if err := checkFolder(dir); err != nil {
		return err
	}
	c := openCache(false)
	if c == nil {
		tmp, err := os.MkdirTemp("", "intake-watch-")
		if err != nil {
			return outputErrorf("no cache for the readings: %w", err)
		}
		defer os.RemoveAll(tmp)
		if c, err = cache.Open(tmp, 0); err != nil {
			return outputErrorf("no cache for the readings: %w", err)
		}
	}
	opt, err := df.options(time.Time{}, c, nil)
	if err != nil {
		return err
	}
	// Check the settings once before watching: a wrong flag is a usage error.
	if _, _, err := intake.Resolve(dir, opt, opt.Rules); err != nil {
		return err
	}
	checker, err := intake.NewChecker(opt)
	if err != nil {
		return err
	}
	defer checker.Close()
	lang := df.language(env, nil)
	if s, _, err := intake.Resolve(dir, opt, opt.Rules); err == nil {
		lang = df.language(env, &intake.Result{Settings: s})
	}
	fmt.Fprintf(env.Stdout, "%s\n", i18n.New(lang).T("Watching %s (Ctrl-C to stop)", dir))

	var prev *watchState
	snap := snapshot(dir)
	for {
		now := time.Now()
		st, err := watchRound(ctx, checker, dir)
		if ctx.Err() != nil {
			return nil
		}
		switch {
		case errors.Is(err, ocr.ErrDependency):
			return err
		case err != nil:
			fmt.Fprintf(env.Stdout, "%s  %v\n", now.Format(time.TimeOnly), err)
		default:
			printChanges(env, prev, st, now, lang)
			prev = st
		}
		next, changed, err := waitForChange(ctx, dir, snap, *poll, *settle)
		if err != nil {
			return nil // interrupted: watching ends there
		}
		fmt.Fprintf(env.Stdout, "\n%s  %s\n", time.Now().Format(time.TimeOnly), changed)
		snap = next
	}
}

// watchState is what one validation found.
type watchState struct {
	res     *intake.Result
	verdict *validate.Report
	errors  map[string]string // file → why it could not be read
}

func watchRound(ctx context.Context, checker *intake.Checker, dir string) (*watchState, error) {
	res, err := checker.Check(ctx, dir)
	if err != nil {
		return nil, err
	}
	st := &watchState{res: res, verdict: res.Report, errors: map[string]string{}}
	for _, d := range res.Documents {
		if d.Error != "" {
			st.errors[d.File] = d.Error
		}
	}
	return st, nil
}

// printChanges prints the verdict the first time, then only what changed
// (a requirement whose status changed, a file that became unreadable),
// and each time the verdict and what still remains to do, in lang.
func printChanges(env Env, prev, cur *watchState, now time.Time, lang string) {
	v := cur.verdict
	out := env.Stdout
	p := i18n.New(lang)
	word := func(s validate.Status) string { return report.StatusWord(s, lang) }
	title := func(o validate.Outcome) string { return report.RequirementTitle(v, o, lang) }
	if prev == nil {
		fmt.Fprintf(out, "%s  %s\n", now.Format(time.TimeOnly), p.T("Dossier %s, checked for %s", cur.res.Dir, p.Date(v.Reference)))
		for _, o := range v.Requirements {
			if o.Status != validate.OK {
				fmt.Fprintf(out, "  %s %s  %s\n", statusMark(o.Status), word(o.Status), title(o))
			}
		}
	} else {
		old := map[string]validate.Outcome{}
		for _, o := range prev.verdict.Requirements {
			old[o.ID] = o
		}
		n := 0
		for _, o := range v.Requirements {
			was, ok := old[o.ID]
			if ok && was.Status == o.Status {
				continue // the same status, if with other words: no change to report
			}
			n++
			from := p.T("new")
			if ok {
				from = word(was.Status)
			}
			fmt.Fprintf(out, "  %s %s → %s  %s\n", statusMark(o.Status), from, word(o.Status), title(o))
		}
		for _, f := range slices.Sorted(maps.Keys(cur.errors)) {
			if prev.errors[f] != cur.errors[f] {
				n++
				fmt.Fprintf(out, "  ✗ %s: %s\n", f, cur.errors[f])
			}
		}
		if n == 0 {
			fmt.Fprintf(out, "  %s\n", p.T("no change in the verdict"))
		}
	}
	fmt.Fprintf(out, "%s\n", report.Verdict(cur.res, lang))
	if todo := report.TodoList(cur.res, lang); len(todo) > 0 {
		fmt.Fprintf(out, "%s:\n", p.T("Still to do"))
		for i, t := range todo {
			fmt.Fprintf(out, "  %d. %s\n", i+1, t)
		}
	}
}

func statusMark(s validate.Status) string { return s.Severity().Mark() }

// fileState is what watching compares of a file.
type fileState struct {
	size int64
	mod  time.Time
}

// snapshot lists the dossier's files as Scan would see them (hidden files
// skipped) with their sizes and modification times.
func snapshot(dir string) map[string]fileState {
	out := map[string]fileState{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = fileState{info.Size(), info.ModTime()}
		return nil
	})
	return out
}

// waitForChange returns once the dossier differs from snap and has then
// stayed the same for settle (a scanner writing a file in steps, a copy in
// progress), with the new snapshot and a line saying what changed.
func waitForChange(ctx context.Context, dir string, snap map[string]fileState, poll, settle time.Duration) (map[string]fileState, string, error) {
	tick := time.NewTicker(poll)
	defer tick.Stop()
	wait := func() error {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
			return nil
		}
	}
	var cur map[string]fileState
	for {
		if err := wait(); err != nil {
			return nil, "", err
		}
		cur = snapshot(dir)
		if !maps.Equal(cur, snap) {
			break
		}
	}
	// Debounce: wait until nothing has moved for settle.
	stable := time.Now()
	for time.Since(stable) < settle {
		if err := wait(); err != nil {
			return nil, "", err
		}
		if next := snapshot(dir); !maps.Equal(next, cur) {
			cur, stable = next, time.Now()
		}
	}
	var added, changed, removed []string
	for f, s := range cur {
		old, ok := snap[f]
		switch {
		case !ok:
			added = append(added, f)
		case old != s:
			changed = append(changed, f)
		}
	}
	for f := range snap {
		if _, ok := cur[f]; !ok {
			removed = append(removed, f)
		}
	}
	var parts []string
	for _, g := range []struct {
		name  string
		files []string
	}{{"added", added}, {"changed", changed}, {"removed", removed}} {
		if len(g.files) > 0 {
			slices.Sort(g.files)
			parts = append(parts, g.name+": "+strings.Join(g.files, ", "))
		}
	}
	return cur, strings.Join(parts, "; "), nil
}
