package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/intake-app/intake/cache"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/i18n"
)

// dossierFlags are the flags of the commands that check a dossier:
// validate, bundle and watch.
type dossierFlags struct {
	country, procedure, nationality, on, rules, lang *string
	workers                                          *int
	quiet, details                                   *bool
	limits                                           limitFlags
}

func addDossierFlags(fs *flag.FlagSet) dossierFlags {
	return dossierFlags{
		country:     fs.String("country", "", "country of the procedure: `CC`, ISO 3166 alpha-2 (FR, BE, RU, RS), or its name (France)"),
		procedure:   fs.String("procedure", "", "procedure `ID`, e.g. carte-de-sejour-renewal or FR/carte-de-sejour-renewal (the country follows from an id only one country has)"),
		nationality: fs.String("nationality", "", "the applicant's nationality, `CC` (default: from the passport's MRZ)"),
		on:          fs.String("on", "", "reference `DATE`, YYYY-MM-DD or DD/MM/YYYY: the appointment or filing date (default: today)"),
		rules:       fs.String("rules", "", "a `DIR` of your own rule files (*.yaml), loaded on top of the built-in ones"),
		lang:        fs.String("lang", "", "language `CODE` of the report and messages: "+strings.Join(i18n.Languages(), ", ")+" (default: your locale, then the procedure's country)"),
		details:     fs.Bool("details", false, "show what the reading measured: MRZ, OCR confidence, document numbers"),
		workers:     fs.Int("workers", runtime.NumCPU(), "OCR workers: `N` pages read in parallel"),
		quiet:       fs.Bool("quiet", false, "no progress or summary on stderr"),
		limits:      addLimitFlags(fs),
	}
}

// options turns the flags into the options of intake.Check, with the
// rules loaded (built-in, and --rules), the cache c (nil: none) and the
// progress line p (nil: none).
func (f dossierFlags) options(now time.Time, c *cache.Cache, p *progressLine) (intake.Options, error) {
	if *f.lang != "" {
		if _, err := i18n.Choose(*f.lang, nil, "", ""); err != nil {
			return intake.Options{}, usageError{err.Error()}
		}
	}
	rules, err := intake.LoadRules(*f.rules)
	if err != nil {
		return intake.Options{}, err
	}
	lim, err := f.limits.limits()
	if err != nil {
		return intake.Options{}, err
	}
	opt := intake.Options{
		Country: *f.country, Procedure: *f.procedure, Nationality: *f.nationality, On: *f.on,
		Rules: rules, Workers: *f.workers, Cache: c, Now: now, Limits: lim,
	}
	if p != nil {
		opt.Progress = p.update
	}
	return opt, nil
}

// language is the language of a run's report and messages: --lang, else
// the environment's locale, else the language of the procedure's country
// (res may be nil before the dossier is checked).
func (f dossierFlags) language(env Env, res *intake.Result) string {
	country, region := "", ""
	if res != nil {
		country, region = res.Settings.Country, res.Settings.Facts.Region
	}
	code, err := i18n.Choose(*f.lang, env.getenv, country, region)
	if err != nil {
		return i18n.Default // options has refused a bad --lang already
	}
	return code
}

// checkFolder says what is wrong with the dossier folder dir before
// anything else is asked: a folder that is not there (with the nearest
// folder of that name), or a file given instead of a folder.
func checkFolder(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		msg := fmt.Sprintf("%s is a file; intake checks a folder of scans: give the folder that holds it (%s)", dir, filepath.Dir(dir))
		if isImage(dir) {
			msg += fmt.Sprintf(".\nTo check one ID photo: intake photo %s --country CC", dir)
		}
		return usageError{msg}
	case !os.IsNotExist(err):
		return usagef("cannot open the folder %s: %v", dir, err)
	}
	parent, base := filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	var names []string
	if entries, err := os.ReadDir(parent); err == nil {
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				names = append(names, e.Name())
			}
		}
	}
	where := "here"
	if parent != "." {
		where = "in " + parent
	}
	if s := nearest(base, names); s != "" {
		return usagef("No folder %q %s. Did you mean %q?", base, where, filepath.Join(filepath.Dir(filepath.Clean(dir)), s))
	}
	if _, err := os.Stat(parent); err != nil {
		return usagef("No folder %q: %s does not exist either.", dir, parent)
	}
	return usagef("No folder %q %s.", base, where)
}

func isImage(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".heic", ".webp", ".bmp", ".gif":
		return true
	}
	return false
}
