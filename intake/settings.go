package intake

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"

	"github.com/intake-app/intake/country"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/internal/i18n"
	"github.com/intake-app/intake/validate"
)

// Settings are what a check of one dossier needs, from the caller's
// options over the dossier's intake.yaml.
type Settings struct {
	Dir         string
	Country     string // alpha-2, upper case
	Procedure   string // the procedure's id within its country
	Nationality string // as given (alpha-2 or alpha-3); "" to read it from the passport
	On          document.Date
	Facts       validate.Facts // what intake.yaml says that scans cannot show
	Config      Config         // the dossier's intake.yaml, as read
}

// A SettingsError is a problem with what the caller asked for: options,
// intake.yaml, the procedure or the rules. The command line reports it as
// a usage error.
type SettingsError struct{ Msg string }

func (e *SettingsError) Error() string { return e.Msg }

func settingsErrorf(format string, args ...any) error {
	return &SettingsError{fmt.Sprintf(format, args...)}
}

// LoadRules returns the built-in rules, with the rule files of dir on top
// when dir is not "".
func LoadRules(dir string) (*validate.Rules, error) {
	rules, err := validate.Builtin()
	if err != nil {
		return nil, fmt.Errorf("built-in rules: %w", err)
	}
	if dir == "" {
		return rules, nil
	}
	user, err := validate.LoadDir(dir)
	if err != nil {
		return nil, &SettingsError{err.Error()}
	}
	return rules.With(user), nil
}

// Resolve merges opt over the intake.yaml of the dossier dir and checks
// the result against rules: the procedure must exist on the reference
// date, and what intake.yaml states must be values the procedure knows.
func Resolve(dir string, opt Options, rules *validate.Rules) (Settings, *validate.Procedure, error) {
	cfg, err := LoadConfig(dir)
	if err != nil {
		return Settings{}, nil, &SettingsError{err.Error()}
	}
	s, err := pickSettings(dir, opt, cfg, rules)
	if err != nil {
		return s, nil, err
	}
	proc, err := procedureOf(dir, rules, s)
	if err != nil {
		return s, nil, err
	}
	s.Facts, err = factsOf(dir, s, cfg)
	if err != nil {
		return s, nil, err
	}
	if err := s.Facts.Check(proc); err != nil {
		return s, nil, settingsErrorf("%s: %v", filepath.Join(dir, ConfigFile), err)
	}
	return s, proc, nil
}

// pickSettings takes each setting from opt, else from intake.yaml, and
// checks its form: the country and procedure (a "CC/id" procedure names
// its country), the nationality, the reference date.
func pickSettings(dir string, opt Options, cfg Config, rules *validate.Rules) (Settings, error) {
	s := Settings{Dir: dir, Config: cfg}
	pick := func(v, fromFile string) string {
		if v != "" {
			return v
		}
		return fromFile
	}
	s.Country = countryCode(rules, strings.TrimSpace(pick(opt.Country, cfg.Country)))
	s.Procedure = strings.TrimSpace(pick(opt.Procedure, cfg.Procedure))
	s.Nationality = strings.TrimSpace(pick(opt.Nationality, cfg.Nationality))
	if c, id, ok := strings.Cut(s.Procedure, "/"); ok {
		if s.Country != "" && !strings.EqualFold(c, s.Country) {
			return s, settingsErrorf("--procedure %s is a procedure of %s, not of --country %s", s.Procedure, strings.ToUpper(c), s.Country)
		}
		s.Country, s.Procedure = strings.ToUpper(c), id
	}
	if s.Nationality != "" && country.Alpha2(s.Nationality) == "" {
		return s, settingsErrorf("nationality %q is not an ISO 3166 country code (use CN, FR, RU, … or CHN, FRA, RUS, …)", s.Nationality)
	}
	s.On = document.DateOf(opt.Now)
	if opt.Now.IsZero() {
		s.On = document.DateOf(time.Now())
	}
	if on := pick(opt.On, cfg.Appointment); on != "" {
		d, err := parseDay(on)
		if err != nil {
			return s, settingsErrorf("reference date: %v", err)
		}
		s.On = d
	}
	if s.Country == "" && s.Procedure != "" {
		s.Country = onlyCountryOf(rules, s.Procedure)
	}
	return s, nil
}

// procedureOf finds the procedure s names, in force on s.On, with the
// nearest known one when it does not exist.
func procedureOf(dir string, rules *validate.Rules, s Settings) (*validate.Procedure, error) {
	if s.Country == "" || s.Procedure == "" {
		return nil, settingsErrorf("which procedure? give --country and --procedure, or write them in %s.\nKnown procedures:\n%s",
			filepath.Join(dir, ConfigFile), procedureListOf(rules, s.Country))
	}
	if country.Alpha2(s.Country) == "" {
		if near := nearestCountry(rules, s.Country); near != "" {
			return nil, settingsErrorf("--country %q is not an ISO 3166 alpha-2 code; did you mean %s?", s.Country, near)
		}
		return nil, settingsErrorf("--country %q is not an ISO 3166 alpha-2 code (%s)", s.Country, strings.Join(countries(rules), ", "))
	}
	proc, err := rules.Procedure(s.Country, s.Procedure, s.On)
	if err != nil {
		if near := nearestProcedure(rules, s.Country, s.Procedure); near != "" {
			return nil, settingsErrorf("%v\nDid you mean %s?", err, near)
		}
		return nil, &SettingsError{err.Error()}
	}
	return proc, nil
}

// factsOf is what intake.yaml says that scans cannot show, with the
// user's statements about files checked before anything is read: a typo
// must not cost a whole reading of the dossier.
func factsOf(dir string, s Settings, cfg Config) (validate.Facts, error) {
	f := validate.Facts{
		Reference: s.On, Nationality: s.Nationality,
		Application: cfg.Application, Family: cfg.Family, Basis: cfg.Basis, Region: cfg.Region,
		Housing: cfg.Housing, Activity: cfg.Activity,
	}
	config := filepath.Join(dir, ConfigFile)
	if cfg.BirthDate != "" {
		var err error
		if f.BirthDate, err = document.ParseDate(cfg.BirthDate); err != nil {
			return f, settingsErrorf("%s: birth_date: %v", config, err)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(cfg.Documents)) {
		if err := cfg.Documents[name].Check(); err != nil {
			return f, settingsErrorf("%s: documents: %q: %v", config, name, err)
		}
	}
	return f, nil
}

// ProcedureList lists the procedures of rules, one "CC/id  title" a line.
func ProcedureList(rules *validate.Rules) string { return procedureListOf(rules, "") }

// procedureListOf lists the procedures of the country cc (all when cc is
// "" or has none).
func procedureListOf(rules *validate.Rules, cc string) string {
	seen := map[string]string{}
	for _, p := range rules.Procedures() {
		if cc == "" || p.Country == cc {
			seen[p.Key()] = p.Title
		}
	}
	if len(seen) == 0 && cc != "" {
		return procedureListOf(rules, "")
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

// countries lists the countries rules have procedures for.
func countries(rules *validate.Rules) []string {
	var cs []string
	for _, p := range rules.Procedures() {
		if !slices.Contains(cs, p.Country) {
			cs = append(cs, p.Country)
		}
	}
	sort.Strings(cs)
	return cs
}

// parseDay reads a reference date written YYYY-MM-DD, or day first as
// most of intake's users write it: DD/MM/YYYY (France, Belgium) or
// DD.MM.YYYY (Serbia, Russia).
func parseDay(s string) (document.Date, error) {
	if d, err := document.ParseDate(s); err == nil {
		return d, nil
	}
	for _, layout := range []string{"02/01/2006", "2/1/2006", "02.01.2006", "2.1.2006", "02.01.2006."} {
		if t, err := time.Parse(layout, s); err == nil {
			return document.DateOf(t), nil
		}
	}
	return document.Date{}, fmt.Errorf("date %q: want YYYY-MM-DD or DD/MM/YYYY (e.g. 2027-01-10 or 10/01/2027)", s)
}

// countryCode returns the alpha-2 code of a country as the user gave it:
// a code in any case ("fr"), or a country's name in English or one of the
// languages intake speaks ("France", "Belgique", "Srbija", "Россия");
// what it does not recognise is returned upper-cased, for the caller to
// refuse.
func countryCode(rules *validate.Rules, s string) string {
	if len(s) <= 3 {
		return strings.ToUpper(s)
	}
	for _, cc := range countries(rules) {
		for _, lang := range i18n.Languages() {
			if strings.EqualFold(s, i18n.New(lang).CountryName(cc)) {
				return cc
			}
		}
	}
	return strings.ToUpper(s)
}

// nearestCountry returns "FR (France)" when s is a typo of the name of a
// country the rules know, in English or one of the languages intake
// speaks ("Frence", "Belgie"); "" otherwise.
func nearestCountry(rules *validate.Rules, s string) string {
	best, bestD := "", 1<<30
	for _, cc := range countries(rules) {
		for _, lang := range i18n.Languages() {
			name := i18n.New(lang).CountryName(cc)
			if d := levenshtein.ComputeDistance(strings.ToLower(s), strings.ToLower(name)); d < bestD {
				best, bestD = cc+" ("+name+")", d
			}
		}
	}
	if bestD <= max(1, len(s)/4) {
		return best
	}
	return ""
}

// onlyCountryOf returns the country of the procedure id when exactly one
// country has a procedure of that id; "" otherwise.
func onlyCountryOf(rules *validate.Rules, id string) string {
	var found []string
	for _, p := range rules.Procedures() {
		if strings.EqualFold(p.ID, id) && !slices.Contains(found, p.Country) {
			found = append(found, p.Country)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

// nearestProcedure returns the procedure (CC/id) the user most likely
// meant by country and id: the same id in another country, or an id a
// typo away; "" when none is close.
func nearestProcedure(rules *validate.Rules, cc, id string) string {
	best, bestD := "", 1<<30
	for _, p := range rules.Procedures() {
		d := levenshtein.ComputeDistance(strings.ToLower(id), p.ID)
		if p.Country != cc {
			d++ // the id of another country: one step away
		}
		if d < bestD {
			best, bestD = p.Key(), d
		}
	}
	if bestD <= max(1, len(id)/4) {
		return best
	}
	return ""
}
