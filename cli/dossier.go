package cli

import (
	"context"
	"flag"
	"runtime"
	"time"

	"github.com/intake-app/intake/cache"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/validate"
)

// dossierFlags are the flags of the commands that read and judge a
// dossier: validate, bundle and watch.
type dossierFlags struct {
	country, procedure, nationality, on, rules *string
	workers                                    *int
	quiet                                      *bool
}

func addDossierFlags(fs *flag.FlagSet) dossierFlags {
	return dossierFlags{
		country:     fs.String("country", "", "country of the procedure, ISO 3166 alpha-2 (FR, BE, RU, RS)"),
		procedure:   fs.String("procedure", "", "procedure id, e.g. permanent-residence-renewal or RS/permanent-residence-renewal"),
		nationality: fs.String("nationality", "", "the applicant's nationality (default: from the passport's MRZ)"),
		on:          fs.String("on", "", "reference date YYYY-MM-DD: the appointment or filing date (default: today)"),
		rules:       fs.String("rules", "", "a folder of your own rule files (*.yaml), loaded on top of the built-in ones"),
		workers:     fs.Int("workers", runtime.NumCPU(), "OCR workers (pages read in parallel)"),
		quiet:       fs.Bool("quiet", false, "no progress on stderr"),
	}
}

// resolve merges the flags over the dossier's intake.yaml.
func (f dossierFlags) resolve(dir string, now time.Time, rules *validate.Rules) (settings, *validate.Procedure, error) {
	return resolveSettings(dir, *f.country, *f.procedure, *f.nationality, *f.on, now, rules)
}

// load loads the rules (built-in, and --rules) and resolves the settings of
// the dossier dir against them.
func (f dossierFlags) load(dir string, now time.Time) (settings, *validate.Procedure, *validate.Rules, error) {
	rules, err := loadRules(*f.rules)
	if err != nil {
		return settings{}, nil, nil, err
	}
	s, proc, err := f.resolve(dir, now, rules)
	return s, proc, rules, err
}

// readDossier lists and reads the files of the dossier s.dir, with a
// progress line on a terminal, through the cache c (nil: none). With an
// error it returns the exit code to use.
func readDossier(ctx context.Context, s settings, now time.Time, f dossierFlags, c *cache.Cache, env Env) ([]document.Document, int, error) {
	files, err := intake.Scan(s.dir)
	if err != nil {
		return nil, ExitUsage, usageError{err.Error()}
	}
	eng, err := ocr.NewEngine()
	if err != nil {
		return nil, ExitDependency, err
	}
	defer eng.Close()
	progress := newProgressLine(env, *f.quiet)
	docs, err := intake.Read(ctx, eng, files, intake.Options{
		Country: s.country, Nationality: s.nationality, Now: now,
		Reference: s.on.Time(), Workers: *f.workers, Progress: progress.update, Cache: c,
	})
	progress.done()
	if err != nil {
		return nil, ExitUsage, err
	}
	return docs, ExitOK, nil
}
