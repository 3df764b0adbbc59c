package cli

import (
	"context"
	"runtime"
	"strings"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/eval"
)

// runEval reads a folder of documents with a hand-made truth (DIR/files
// and DIR/truth.json, as ../shared/realworld-dev holds them) and prints
// how many of each field intake gets right, with a confusion matrix of
// the types: how intake's reading is measured.
func runEval(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("eval", "intake eval DIR [--country CC]", env)
	countryFlag := fs.String("country", "FR", "the procedure's country the files are read for (its languages and rules of typing)")
	workers := fs.Int("workers", runtime.NumCPU(), "OCR workers (pages read in parallel)")
	noCache := fs.Bool("no-cache", false, "read every page again, ignoring the cache of earlier readings")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usagef("give one folder holding files/ and truth.json (got %d arguments)", len(args))
	}
	checker, err := intake.NewChecker(intake.Options{Workers: *workers, Cache: openCache(*noCache), Now: time.Now()})
	if err != nil {
		return err
	}
	defer checker.Close()
	country := strings.ToUpper(*countryFlag)
	r, err := eval.Run(ctx, args[0], func(ctx context.Context, dir string) ([]document.Document, error) {
		return checker.ReadFolder(ctx, dir, country)
	})
	if err != nil {
		return err
	}
	r.Print(env.Stdout)
	return nil
}
