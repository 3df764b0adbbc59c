package cli

import (
	"flag"
	"runtime"
	"time"

	"github.com/intake-app/intake/cache"
	"github.com/intake-app/intake/intake"
)

// dossierFlags are the flags of the commands that check a dossier:
// validate, bundle and watch.
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

// options turns the flags into the options of intake.Check, with the
// rules loaded (built-in, and --rules), the cache c (nil: none) and the
// progress line p (nil: none).
func (f dossierFlags) options(now time.Time, c *cache.Cache, p *progressLine) (intake.Options, error) {
	rules, err := intake.LoadRules(*f.rules)
	if err != nil {
		return intake.Options{}, err
	}
	opt := intake.Options{
		Country: *f.country, Procedure: *f.procedure, Nationality: *f.nationality, On: *f.on,
		Rules: rules, Workers: *f.workers, Cache: c, Now: now,
	}
	if p != nil {
		opt.Progress = p.update
	}
	return opt, nil
}
