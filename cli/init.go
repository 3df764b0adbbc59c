package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/intake-app/intake/country"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

func runInit(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("init", "intake init DIR --country CC --procedure ID [flags]", env)
	countryFlag := fs.String("country", "", "country of the procedure, ISO 3166 alpha-2 (FR, BE, RU, RS)")
	procedureFlag := fs.String("procedure", "", "procedure id (see intake rules list)")
	nationality := fs.String("nationality", "", "your nationality, ISO 3166 code (default: read from the passport)")
	on := fs.String("on", "", "your appointment or filing date, YYYY-MM-DD")
	rulesDir := fs.String("rules", "", "a folder of your own rule files, loaded on top of the built-in ones")
	force := fs.Bool("force", false, "replace an existing intake.yaml")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usagef("give the dossier folder: intake init DIR --country CC --procedure ID")
	}
	dir := args[0]
	if *countryFlag == "" || *procedureFlag == "" {
		return usagef("give --country and --procedure (see intake rules list)")
	}
	rules, err := intake.LoadRules(*rulesDir)
	if err != nil {
		return err
	}
	var date document.Date
	if *on != "" {
		if date, err = document.ParseDate(*on); err != nil {
			return usagef("--on: %v", err)
		}
	}
	if *nationality != "" && country.Alpha2(*nationality) == "" {
		return usagef("--nationality %q is not an ISO 3166 country code", *nationality)
	}
	p, err := rules.Procedure(*countryFlag, *procedureFlag, date)
	if err != nil {
		return usageError{err.Error()}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return usagef("create %s: %v", dir, err)
	}
	path := filepath.Join(dir, intake.ConfigFile)
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if *force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if errors.Is(err, os.ErrExist) {
		return usagef("%s exists already: edit it, or use --force to replace it", path)
	}
	if err != nil {
		return usagef("write %s: %v", path, err)
	}
	_, err = f.WriteString(configTemplate(p, strings.ToUpper(*nationality), *on))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Fprintf(env.Stderr, "wrote %s for %s; put your scans in %s and run: intake validate %s\n", path, p.Key(), dir, dir)
	return nil
}

// configTemplate is a commented intake.yaml for procedure p, with the
// checklist of what the dossier should hold.
func configTemplate(p *validate.Procedure, nationality, on string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# intake settings for this dossier: %s\n", p.Title)
	fmt.Fprintf(&b, "# Flags given to `intake validate` win over these.\n\n")
	fmt.Fprintf(&b, "# The country and procedure (intake rules list shows them all).\n")
	fmt.Fprintf(&b, "country: %s\nprocedure: %s\n\n", p.Country, p.ID)
	fmt.Fprintf(&b, "# Your nationality (ISO 3166, e.g. CN or CHN). Left empty, it is read from\n# your passport's machine-readable zone.\n")
	if nationality != "" {
		fmt.Fprintf(&b, "nationality: %s\n\n", nationality)
	} else {
		fmt.Fprintf(&b, "# nationality: CN\n\n")
	}
	fmt.Fprintf(&b, "# Your appointment or filing date, YYYY-MM-DD: \"issued within 3 months\" and\n# \"valid 6 more months\" are counted from it. Left empty: the day you run intake.\n")
	if on != "" {
		fmt.Fprintf(&b, "appointment: %s\n", on)
	} else {
		fmt.Fprintf(&b, "# appointment: %s\n", time.Now().AddDate(0, 1, 0).Format(time.DateOnly))
	}
	fmt.Fprintf(&b, "\n# What scans cannot show; some requirements apply only to some applicants.\n")
	for _, k := range []string{"application", "family", "basis", "housing", "activity"} {
		fmt.Fprintf(&b, "# %s: %s\n", k, strings.Join(validate.FactValues(k), " | "))
	}
	if len(p.Regions) > 0 {
		fmt.Fprintf(&b, "# region: %s\n", strings.Join(sortedRegions(p.Regions), " | "))
	}
	fmt.Fprintf(&b, "# birth_date: YYYY-MM-DD (only when the passport's MRZ cannot be read)\n")
	fmt.Fprintf(&b, "\n# What the dossier must hold (intake rules show %s):\n", p.Key())
	for i, r := range p.Requirements {
		fmt.Fprintf(&b, "#  %2d. %s\n", i+1, r.Title)
	}
	return b.String()
}
