package validate

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/internal/safeyaml"
)

//go:embed rules/*.yaml
var builtinFS embed.FS

// Rules is a set of procedures, each possibly in several versions that
// follow one another in time.
type Rules struct {
	procs []*Procedure
}

// Procedure is one version of a procedure's rules, as read from a rule file.
type Procedure struct {
	Country    string // ISO 3166 alpha-2, upper case
	ID         string // "permanent-residence-renewal"
	Title      string // in English
	LocalTitle string // in the country's language
	// Languages are the ISO 639-1 languages accepted without translation.
	Languages []string
	// Regions, when set, narrow Languages to those of the applicant's
	// region (Facts.Region): Belgium accepts Dutch in Flanders, French in
	// Wallonia, either in Brussels.
	Regions map[string][]string
	// Translation and Legalization are the defaults of the requirements.
	Translation  Translation
	Legalization Legalization
	// The version is in force from EffectiveFrom to EffectiveUntil, both
	// included; a zero EffectiveUntil means "until further notice".
	EffectiveFrom  document.Date
	EffectiveUntil document.Date
	Source         string
	Notes          string
	File           string // the rule file, e.g. "rules/rs-permanent-residence-renewal.yaml"
	Requirements   []*Requirement
}

// Key returns "COUNTRY/id", e.g. "RS/permanent-residence-renewal".
func (p *Procedure) Key() string { return p.Country + "/" + p.ID }

// InForce reports whether the procedure's version applies on d.
func (p *Procedure) InForce(d document.Date) bool {
	return inForce(p.EffectiveFrom, p.EffectiveUntil, d)
}

func inForce(from, until, d document.Date) bool {
	if d.IsZero() {
		return true
	}
	return !d.Before(from) && (until.IsZero() || !d.After(until))
}

// Requirement is one item of a procedure's checklist.
type Requirement struct {
	ID         string
	Title      string // in English
	LocalTitle string // in the country's language
	// Documents are the alternatives: a document of any of these types can
	// satisfy the requirement.
	Documents []document.Type
	// Constraints apply to every alternative unless Overrides gives a type
	// its own.
	Constraints Constraints
	Overrides   map[document.Type]Constraints
	// Translation and Legalization default to the procedure's.
	Translation  Translation
	Legalization Legalization
	// When and Unless restrict the requirement to some applicants: it
	// applies when every condition of When holds (a nil When: always) and
	// no condition set of Unless holds entirely (exemptions: "Algerians",
	// "aged 65 or more").
	When   *Condition
	Unless []*Condition
	// ByHand marks a condition intake cannot see in a scan (the employer's
	// filing, a training attended): it is always reported needs_review with
	// its notes, as a reminder when Need is MayAsk. Documents may then be
	// empty.
	ByHand bool
	// Hints say what to do, per status; Evaluate ends its messages with them.
	Hints map[Status]string
	// Need says how firmly the authority asks for it: Required (the
	// default) keeps a dossier from READY until met; MayAsk is shown and
	// listed in the to-do, but does not block.
	Need Need
	// Fee is the amount to pay, for a requirement that is a fee's receipt.
	Fee            *Fee
	Source         string
	Notes          string
	EffectiveFrom  document.Date
	EffectiveUntil document.Date
}

// Need says how firmly an authority asks for a requirement.
type Need string

// Needs.
const (
	// Required: every applicant it concerns must bring it; an unmet one
	// keeps the dossier from READY.
	Required Need = "required"
	// MayAsk: the authority may ask for it (a source says "may", or only a
	// weak source supports it); an unmet one is listed in the to-do but
	// does not block READY.
	MayAsk Need = "may_ask"
)

// Fee is an amount to pay, as its source states it.
type Fee struct {
	Amount   float64 // in Currency
	Currency string  // ISO 4217: EUR, RSD, RUB
	Detail   string  // what makes up the amount, e.g. "taxe 300 + timbre 50"
}

// String says the fee as "€350 (taxe 300 + timbre 50)".
func (f *Fee) String() string {
	if f == nil {
		return ""
	}
	amount := strconv.FormatFloat(f.Amount, 'f', -1, 64)
	s := amount + " " + f.Currency
	if f.Currency == "EUR" {
		s = "€" + amount
	}
	if f.Detail != "" {
		s += " (" + f.Detail + ")"
	}
	return s
}

// SeedOnly reports whether every source of r is a seed (an informal guide
// under shared/seeds), not an official page: such a rule is less certain.
func (r *Requirement) SeedOnly() bool { return seedOnly(r.Source) }

// SeedOnly reports whether every source of p is a seed.
func (p *Procedure) SeedOnly() bool { return seedOnly(p.Source) }

func seedOnly(source string) bool {
	fields := strings.Fields(source)
	for _, f := range fields {
		if !seedSource.MatchString(f) {
			return false
		}
	}
	return len(fields) > 0
}

// Sources returns every distinct source the procedure and its
// requirements cite, in order of first citation.
func (p *Procedure) Sources() []string {
	var out []string
	for _, s := range append([]string{p.Source}, requirementSources(p)...) {
		for _, f := range strings.Fields(s) {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

func requirementSources(p *Procedure) []string {
	var out []string
	for _, r := range p.Requirements {
		out = append(out, r.Source)
	}
	return out
}

// For returns the constraints that apply to documents of type t.
func (r *Requirement) For(t document.Type) Constraints {
	if c, ok := r.Overrides[t]; ok {
		return c
	}
	return r.Constraints
}

// Constraints are what a satisfying document must meet. Zero values mean
// "no constraint".
type Constraints struct {
	// Count is the number of instances needed (default 1): a file counts
	// len(Periods) instances when it bundles several, else 1.
	Count int
	// Months is the number of calendar months the documents' periods must
	// cover among the Months+1 months before the reference month (one
	// month of slack for a statement not issued yet).
	Months int
	// IssuedWithin: issued no earlier than this before the reference date.
	IssuedWithin Span
	// ValidFor: still valid this long after the reference date ("0 days":
	// valid on the reference date).
	ValidFor Span
	// ExpiresSoon: warn when the document expires within this after the
	// reference date.
	ExpiresSoon Span
	// Covers: in force on the reference date and for this long after it.
	Covers Span
	// Issuer: which country must have issued the document.
	Issuer Issuer
	// Photo: the document must be a compliant ID photo.
	Photo bool
	// FilingWindow: when the application may be filed, relative to the
	// expiry of this document (the current residence card).
	FilingWindow *FilingWindow
	// Level: the least CEFR level a language certificate must attest
	// (document.Level), "A1" to "C2".
	Level string
	// Years: one document (or, with Month, one period covering that month)
	// for each of Years calendar years among the Years+1 years ending with
	// the reference year: tax notices by year of issue, December payslips.
	Years int
	// Month (1–12), with Years: only periods covering this month count.
	Month int
	// Residence: continuous qualifying residence computed from the
	// residence permits of the dossier.
	Residence *Residence
	// ReplaceAtAges: the document must be replaced when its holder reaches
	// one of these ages (a Russian residence card at 14, 20 and 45).
	ReplaceAtAges []int
	// ReplaceWithin: with ReplaceAtAges, how long after the birthday the
	// replacement may be filed (Russia: within a month).
	ReplaceWithin Span
}

// Residence is the lawful residence a procedure asks for, computed from
// the validity periods (ValidFrom or Issued, to Expires, or the MRZ's
// expiry) of the residence permits found in the dossier.
type Residence struct {
	// Length is the continuous residence needed up to the reference date.
	Length Span
	// Exclude are words that, printed on a permit, mean it does not count
	// ("étudiant", "passeport talent"); compared without case or accents.
	Exclude []string
	// MinTitle: permits valid for less than this do not count.
	MinTitle Span
}

// Condition is a set of facts about the applicant (Facts). Each non-empty
// list must contain the fact; an unknown fact never matches.
type Condition struct {
	Nationality []string // alpha-2 codes
	Application []string // "first", "renewal"
	Family      []string // "single", "married", "partnership", "divorced", "widowed"
	Basis       []string // "work", "study", "family", "other"
	Region      []string // a key of the procedure's regions
	Housing     []string // "own" (a home in one's own name), "hosted" (living at someone else's)
	Activity    []string // "employee", "self-employed", "retired", "none"
	// MinAge and MaxAge bound the applicant's age in whole years on the
	// reference date (0: no bound); an unknown birth date never matches.
	MinAge, MaxAge int
}

// FilingWindow is the period before a document's expiry in which an
// application is to be filed.
type FilingWindow struct {
	Earliest Span   // not earlier than this before expiry; zero: no limit
	Latest   Span   // not later than this before expiry ("0 days": before expiry)
	Late     string // what filing late costs, quoted in the message
}

// Issuer says which country must have issued a document.
type Issuer string

// Issuers.
const (
	AnyIssuer         Issuer = ""
	LocalIssuer       Issuer = "local"       // the procedure's country
	NationalityIssuer Issuer = "nationality" // the applicant's nationality (any foreign country when unknown)
	ForeignIssuer     Issuer = "foreign"     // any country but the procedure's
)

// Translation says whether documents in another language need a translation.
type Translation string

// Translation policies.
const (
	TranslationSworn Translation = "sworn" // by a sworn, certified or court translator
	TranslationAny   Translation = "any"   // any translation
	TranslationNone  Translation = "none"  // no translation needed
)

// Legalization says whether foreign public documents need an apostille.
type Legalization string

// Legalization policies.
const (
	LegalizationApostille Legalization = "apostille" // an apostille or a consular legalisation
	LegalizationNone      Legalization = "none"
)

// The YAML schema: see README.md.

type procedureFile struct {
	Country        string              `yaml:"country"`
	ID             string              `yaml:"id"`
	Title          string              `yaml:"title"`
	LocalTitle     string              `yaml:"local_title"`
	Languages      []string            `yaml:"languages"`
	Translation    string              `yaml:"translation"`
	Legalization   string              `yaml:"legalization"`
	EffectiveFrom  string              `yaml:"effective_from"`
	EffectiveUntil string              `yaml:"effective_until"`
	Source         string              `yaml:"source"`
	Notes          string              `yaml:"notes"`
	Regions        map[string][]string `yaml:"regions"`
	Requirements   []requirementFile   `yaml:"requirements"`
}

type conditionFile struct {
	Nationality []string `yaml:"nationality"`
	Application []string `yaml:"application"`
	Family      []string `yaml:"family"`
	Basis       []string `yaml:"basis"`
	Region      []string `yaml:"region"`
	Housing     []string `yaml:"housing"`
	Activity    []string `yaml:"activity"`
	MinAge      int      `yaml:"min_age"`
	MaxAge      int      `yaml:"max_age"`
}

// conditionList is `unless:` as one condition set or a list of them.
type conditionList []conditionFile

// UnmarshalYAML reads a mapping or a sequence of mappings, strictly.
func (l *conditionList) UnmarshalYAML(data []byte) error {
	var one conditionFile
	if err := yaml.UnmarshalWithOptions(data, &one, yaml.Strict()); err == nil {
		*l = conditionList{one}
		return nil
	}
	var many []conditionFile
	if err := yaml.UnmarshalWithOptions(data, &many, yaml.Strict()); err != nil {
		return fmt.Errorf("unless: want a condition set or a list of them: %w", err)
	}
	*l = many
	return nil
}

type feeFile struct {
	Amount   float64 `yaml:"amount"`
	Currency string  `yaml:"currency"`
	Detail   string  `yaml:"detail"`
}

type residenceFile struct {
	Length   string   `yaml:"length"`
	Exclude  []string `yaml:"exclude"`
	MinTitle string   `yaml:"min_title"`
}

type requirementFile struct {
	ID             string                     `yaml:"id"`
	Title          string                     `yaml:"title"`
	LocalTitle     string                     `yaml:"local_title"`
	Documents      []string                   `yaml:"documents"`
	Constraints    constraintsFile            `yaml:"constraints"`
	Overrides      map[string]constraintsFile `yaml:"overrides"`
	Translation    string                     `yaml:"translation"`
	Legalization   string                     `yaml:"legalization"`
	When           *conditionFile             `yaml:"when"`
	Unless         conditionList              `yaml:"unless"`
	ByHand         bool                       `yaml:"by_hand"`
	Hints          map[string]string          `yaml:"hints"`
	Need           string                     `yaml:"need"`
	Fee            *feeFile                   `yaml:"fee"`
	Source         string                     `yaml:"source"`
	Notes          string                     `yaml:"notes"`
	EffectiveFrom  string                     `yaml:"effective_from"`
	EffectiveUntil string                     `yaml:"effective_until"`
}

type constraintsFile struct {
	Count         int               `yaml:"count"`
	Months        int               `yaml:"months"`
	IssuedWithin  string            `yaml:"issued_within"`
	ValidFor      string            `yaml:"valid_for"`
	ExpiresSoon   string            `yaml:"expires_soon"`
	Covers        string            `yaml:"covers"`
	Issuer        string            `yaml:"issuer"`
	Photo         bool              `yaml:"photo"`
	FilingWindow  *filingWindowFile `yaml:"filing_window"`
	Level         string            `yaml:"level"`
	Years         int               `yaml:"years"`
	Month         int               `yaml:"month"`
	Residence     *residenceFile    `yaml:"residence"`
	ReplaceAtAges []int             `yaml:"replace_at_ages"`
	ReplaceWithin string            `yaml:"replace_within"`
}

type filingWindowFile struct {
	Earliest string `yaml:"earliest"`
	Latest   string `yaml:"latest"`
	Late     string `yaml:"late"`
}

// Builtin returns the rules embedded in the program (validate/rules/*.yaml).
func Builtin() (*Rules, error) {
	return Load(builtinFS, "rules/*.yaml")
}

// Load reads the rule files of fsys that match the glob pattern.
func Load(fsys fs.FS, pattern string) (*Rules, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no rule files match %s", pattern)
	}
	sort.Strings(names)
	r := &Rules{}
	for _, name := range names {
		// Only plain files, of a rule file's size, are read: a pipe named
		// x.yaml would never end, a huge file would fill the memory.
		info, err := fs.Stat(fsys, name)
		if err != nil {
			return nil, err
		}
		if !info.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is not a plain file (a pipe, a device or a folder): a rule file must be one", name)
		}
		if info.Size() > safeyaml.MaxBytes {
			return nil, fmt.Errorf("%s is %d bytes, more than a rule file's %d: %w", name, info.Size(), safeyaml.MaxBytes, safeyaml.ErrLimit)
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		p, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		r.procs = append(r.procs, p)
	}
	if err := r.checkOverlaps(); err != nil {
		return nil, err
	}
	return r, nil
}

// checkOverlaps refuses two versions of a procedure in force on the same day.
func (r *Rules) checkOverlaps() error {
	for i, a := range r.procs {
		for _, b := range r.procs[i+1:] {
			if a.Key() != b.Key() {
				continue
			}
			if overlap(a.EffectiveFrom, a.EffectiveUntil, b.EffectiveFrom, b.EffectiveUntil) {
				return fmt.Errorf("%s and %s: two versions of %s are in force at the same time", a.File, b.File, a.Key())
			}
		}
	}
	return nil
}

// Parse decodes and validates one rule file. Decoding is strict: an unknown
// key is an error naming the file and line; so is a requirement without an
// id, a title, a source or an effective_from date, an unknown document type,
// status, issuer or unit.
func Parse(name string, data []byte) (*Procedure, error) {
	var pf procedureFile
	if err := safeyaml.Unmarshal(data, &pf, yaml.Strict()); err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			pos := ye.GetToken().Position
			return nil, fmt.Errorf("%s:%d:%d: %s", name, pos.Line, pos.Column, ye.GetMessage())
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	file, _ := parser.ParseBytes(data, 0)
	v := &checker{name: name, file: file}
	p := v.procedure(&pf)
	if len(v.errs) > 0 {
		return nil, errors.Join(v.errs...)
	}
	return p, nil
}

// checker collects validation errors, each located by file and line.
type checker struct {
	name string
	file *ast.File
	errs []error
}

// errorf records an error about the node at the YAML path (e.g.
// "$.requirements[2].source"); when the node is absent it uses the nearest
// parent that exists.
func (c *checker) errorf(ypath string, format string, args ...any) {
	line := 0
	for p := ypath; p != "" && c.file != nil; {
		if yp, err := yaml.PathString(p); err == nil {
			if n, err := yp.FilterFile(c.file); err == nil && n != nil && n.GetToken() != nil {
				line = n.GetToken().Position.Line
				break
			}
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 1 {
			break
		}
		p = p[:i]
	}
	msg := fmt.Sprintf(format, args...)
	if line > 0 {
		c.errs = append(c.errs, fmt.Errorf("%s:%d: %s", c.name, line, msg))
	} else {
		c.errs = append(c.errs, fmt.Errorf("%s: %s", c.name, msg))
	}
}

var (
	seedSource = regexp.MustCompile(`^[0-9]{3}_[0-9a-f]{16}\.txt$`)
	idPattern  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

func (c *checker) source(at, s string) {
	if s == "" {
		c.errorf(at, "source is required (a seed file name or an official https URL)")
		return
	}
	for _, f := range strings.Fields(s) {
		switch {
		case seedSource.MatchString(f):
		case strings.HasPrefix(f, "https://") || strings.HasPrefix(f, "http://"):
			if homePage(f) {
				c.errorf(at+".source", "source %q is a home page: cite the page, article or section that says it", f)
			}
		default:
			c.errorf(at+".source", "source %q: want seed file names (NNN_hex.txt) or URLs, separated by spaces", f)
		}
	}
}

// homePage reports whether the URL u names a site rather than a page: no
// path beyond "/" and no query.
func homePage(u string) bool {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return true
	}
	return strings.Trim(p.Path, "/") == "" && p.RawQuery == "" && p.Fragment == ""
}

func (c *checker) date(at, key, s string, required bool) document.Date {
	if s == "" {
		if required {
			c.errorf(at, "%s is required (YYYY-MM-DD)", key)
		}
		return document.Date{}
	}
	d, err := document.ParseDate(s)
	if err != nil {
		c.errorf(at+"."+key, "%s: %v", key, err)
	}
	return d
}

func (c *checker) span(at, key, s string) Span {
	if s == "" {
		return Span{}
	}
	sp, err := ParseSpan(s)
	if err != nil {
		c.errorf(at+"."+key, "%s: %v", key, err)
	}
	return sp
}

func (c *checker) procedure(pf *procedureFile) *Procedure {
	p := &Procedure{
		Country:    strings.ToUpper(pf.Country),
		ID:         pf.ID,
		Title:      pf.Title,
		LocalTitle: pf.LocalTitle,
		Source:     pf.Source,
		Notes:      pf.Notes,
		File:       c.name,
	}
	if len(p.Country) != 2 {
		c.errorf("$.country", "country %q: want an ISO 3166 alpha-2 code", pf.Country)
	}
	if !idPattern.MatchString(p.ID) {
		c.errorf("$.id", "id %q: want lower-case words joined by hyphens", pf.ID)
	}
	if p.Title == "" || p.LocalTitle == "" {
		c.errorf("$", "title and local_title are required")
	}
	if len(pf.Languages) == 0 {
		c.errorf("$", "languages (accepted without translation) are required")
	}
	for _, l := range pf.Languages {
		if len(l) != 2 {
			c.errorf("$.languages", "language %q: want an ISO 639-1 code", l)
		}
		p.Languages = append(p.Languages, strings.ToLower(l))
	}
	p.Translation = c.translation("$.translation", pf.Translation, TranslationSworn)
	p.Legalization = c.legalization("$.legalization", pf.Legalization, LegalizationApostille)
	p.EffectiveFrom = c.date("$", "effective_from", pf.EffectiveFrom, true)
	p.EffectiveUntil = c.date("$", "effective_until", pf.EffectiveUntil, false)
	if !p.EffectiveUntil.IsZero() && p.EffectiveUntil.Before(p.EffectiveFrom) {
		c.errorf("$.effective_until", "effective_until %s is before effective_from %s", p.EffectiveUntil, p.EffectiveFrom)
	}
	c.source("$", pf.Source)
	for _, k := range sortedKeys(pf.Regions) {
		if !idPattern.MatchString(k) || len(pf.Regions[k]) == 0 {
			c.errorf("$.regions", "region %q: want a lower-case-with-hyphens name and a list of ISO 639-1 languages", k)
		}
		if p.Regions == nil {
			p.Regions = map[string][]string{}
		}
		for _, l := range pf.Regions[k] {
			if len(l) != 2 {
				c.errorf("$.regions."+k, "language %q: want an ISO 639-1 code", l)
			}
			p.Regions[k] = append(p.Regions[k], strings.ToLower(l))
		}
	}
	if len(pf.Requirements) == 0 {
		c.errorf("$", "no requirements")
	}
	seen := map[string][]*Requirement{}
	for i := range pf.Requirements {
		r := c.requirement(fmt.Sprintf("$.requirements[%d]", i), &pf.Requirements[i], p)
		// One id may have dated versions (a fee that changed), never two
		// in force on the same day.
		for _, o := range seen[r.ID] {
			if r.ID != "" && overlap(o.EffectiveFrom, o.EffectiveUntil, r.EffectiveFrom, r.EffectiveUntil) {
				c.errorf(fmt.Sprintf("$.requirements[%d].id", i), "duplicate requirement id %q (two versions in force on the same day)", r.ID)
			}
		}
		seen[r.ID] = append(seen[r.ID], r)
		p.Requirements = append(p.Requirements, r)
	}
	return p
}

// overlap reports whether two date ranges (a zero end: open) share a day.
func overlap(aFrom, aUntil, bFrom, bUntil document.Date) bool {
	return (aUntil.IsZero() || !aUntil.Before(bFrom)) && (bUntil.IsZero() || !bUntil.Before(aFrom))
}

func (c *checker) translation(at, s string, def Translation) Translation {
	switch t := Translation(s); t {
	case "":
		return def
	case TranslationSworn, TranslationAny, TranslationNone:
		return t
	}
	c.errorf(at, "translation %q: want sworn, any or none", s)
	return def
}

func (c *checker) legalization(at, s string, def Legalization) Legalization {
	switch l := Legalization(s); l {
	case "":
		return def
	case LegalizationApostille, LegalizationNone:
		return l
	}
	c.errorf(at, "legalization %q: want apostille or none", s)
	return def
}

func (c *checker) requirement(at string, rf *requirementFile, p *Procedure) *Requirement {
	r := &Requirement{
		ID:         rf.ID,
		Title:      rf.Title,
		LocalTitle: rf.LocalTitle,
		Source:     rf.Source,
		Notes:      rf.Notes,
	}
	if rf.ID == "" {
		c.errorf(at, "requirement without an id")
	} else if !idPattern.MatchString(rf.ID) {
		c.errorf(at+".id", "id %q: want lower-case words joined by hyphens", rf.ID)
	}
	if rf.Title == "" || rf.LocalTitle == "" {
		c.errorf(at, "requirement %q: title and local_title are required", rf.ID)
	}
	c.source(at, rf.Source)
	r.EffectiveFrom = c.date(at, "effective_from", rf.EffectiveFrom, true)
	r.EffectiveUntil = c.date(at, "effective_until", rf.EffectiveUntil, false)
	if len(rf.Documents) == 0 && !rf.ByHand {
		c.errorf(at, "requirement %q: documents are required (or by_hand: true)", rf.ID)
	}
	if rf.ByHand && rf.Notes == "" {
		c.errorf(at, "requirement %q: by_hand needs notes saying what to check", rf.ID)
	}
	for j, d := range rf.Documents {
		t := document.Type(d)
		if !t.Valid() || t == document.Unknown {
			c.errorf(fmt.Sprintf("%s.documents[%d]", at, j), "requirement %q: unknown document type %q (want one of %s)", rf.ID, d, typeList())
		}
		r.Documents = append(r.Documents, t)
	}
	r.Translation = c.translation(at+".translation", rf.Translation, p.Translation)
	r.Legalization = c.legalization(at+".legalization", rf.Legalization, p.Legalization)
	r.Constraints = c.constraints(at+".constraints", &rf.Constraints)
	for _, k := range sortedKeys(rf.Overrides) {
		t := document.Type(k)
		if !slices.Contains(r.Documents, t) {
			c.errorf(at+".overrides", "requirement %q: override for %q, which is not among its documents", rf.ID, k)
		}
		cf := rf.Overrides[k]
		if r.Overrides == nil {
			r.Overrides = map[document.Type]Constraints{}
		}
		r.Overrides[t] = c.constraints(at+".overrides."+k, &cf)
	}
	r.When = c.condition(at+".when", rf.When, p)
	for i := range rf.Unless {
		r.Unless = append(r.Unless, c.condition(fmt.Sprintf("%s.unless[%d]", at, i), &rf.Unless[i], p))
	}
	r.ByHand = rf.ByHand
	switch n := Need(rf.Need); n {
	case "":
		r.Need = Required
	case Required, MayAsk:
		r.Need = n
	default:
		c.errorf(at+".need", "requirement %q: need %q: want required or may_ask", rf.ID, rf.Need)
	}
	if f := rf.Fee; f != nil {
		r.Fee = &Fee{Amount: f.Amount, Currency: strings.ToUpper(f.Currency), Detail: f.Detail}
		if f.Amount <= 0 || len(r.Fee.Currency) != 3 {
			c.errorf(at+".fee", "requirement %q: fee needs an amount > 0 and an ISO 4217 currency (EUR, RSD, RUB)", rf.ID)
		}
	}
	for _, k := range sortedKeys(rf.Hints) {
		s := Status(k)
		if !s.Valid() || s == OK {
			c.errorf(at+".hints", "requirement %q: hint for unknown status %q", rf.ID, k)
		}
		if r.Hints == nil {
			r.Hints = map[Status]string{}
		}
		r.Hints[s] = rf.Hints[k]
	}
	return r
}

func (c *checker) constraints(at string, cf *constraintsFile) Constraints {
	k := Constraints{
		Count:        cf.Count,
		Months:       cf.Months,
		IssuedWithin: c.span(at, "issued_within", cf.IssuedWithin),
		ValidFor:     c.span(at, "valid_for", cf.ValidFor),
		ExpiresSoon:  c.span(at, "expires_soon", cf.ExpiresSoon),
		Covers:       c.span(at, "covers", cf.Covers),
		Photo:        cf.Photo,
	}
	if k.Count < 0 || k.Months < 0 {
		c.errorf(at, "count and months must be ≥ 0")
	}
	if k.Count == 0 {
		k.Count = 1
	}
	switch i := Issuer(cf.Issuer); i {
	case AnyIssuer, LocalIssuer, NationalityIssuer, ForeignIssuer:
		k.Issuer = i
	default:
		c.errorf(at+".issuer", "issuer %q: want local, nationality or foreign", cf.Issuer)
	}
	if fw := cf.FilingWindow; fw != nil {
		k.FilingWindow = &FilingWindow{
			Earliest: c.span(at+".filing_window", "earliest", fw.Earliest),
			Latest:   c.span(at+".filing_window", "latest", fw.Latest),
			Late:     fw.Late,
		}
		if k.FilingWindow.Latest.IsZero() {
			c.errorf(at+".filing_window", "filing_window needs latest (\"0 days\": before expiry)")
		}
	}
	if cf.Level != "" {
		k.Level = strings.ToUpper(cf.Level)
		if cefrRank(k.Level) < 0 {
			c.errorf(at+".level", "level %q: want a CEFR level, A1 to C2", cf.Level)
		}
	}
	k.Years, k.Month = cf.Years, cf.Month
	if k.Years < 0 || k.Month < 0 || k.Month > 12 {
		c.errorf(at, "years must be ≥ 0 and month 1 to 12")
	}
	if k.Month > 0 && k.Years == 0 {
		c.errorf(at+".month", "month goes with years")
	}
	if rf := cf.Residence; rf != nil {
		res := &Residence{
			Length:   c.span(at+".residence", "length", rf.Length),
			MinTitle: c.span(at+".residence", "min_title", rf.MinTitle),
			Exclude:  rf.Exclude,
		}
		if res.Length.IsZero() {
			c.errorf(at+".residence", "residence needs length (e.g. \"5 years\")")
		}
		k.Residence = res
	}
	for _, a := range cf.ReplaceAtAges {
		if a <= 0 || a > 120 {
			c.errorf(at+".replace_at_ages", "age %d: want years of age, 1 to 120", a)
		}
	}
	k.ReplaceAtAges = cf.ReplaceAtAges
	k.ReplaceWithin = c.span(at, "replace_within", cf.ReplaceWithin)
	if !k.ReplaceWithin.IsZero() && len(k.ReplaceAtAges) == 0 {
		c.errorf(at+".replace_within", "replace_within goes with replace_at_ages")
	}
	return k
}

var conditionValues = map[string][]string{
	"application": {"first", "renewal"},
	"family":      {"single", "married", "partnership", "divorced", "widowed"},
	"basis":       {"work", "study", "family", "other"},
	"housing":     {"own", "hosted"},
	"activity":    {"employee", "self-employed", "retired", "none"},
}

func (c *checker) condition(at string, cf *conditionFile, p *Procedure) *Condition {
	if cf == nil {
		return nil
	}
	k := &Condition{Application: cf.Application, Family: cf.Family, Basis: cf.Basis, Region: cf.Region,
		Housing: cf.Housing, Activity: cf.Activity, MinAge: cf.MinAge, MaxAge: cf.MaxAge}
	for _, n := range cf.Nationality {
		a := alpha2(n)
		if len(a) != 2 {
			c.errorf(at+".nationality", "nationality %q: want an ISO 3166 code", n)
		}
		k.Nationality = append(k.Nationality, a)
	}
	if k.MinAge < 0 || k.MaxAge < 0 || (k.MaxAge > 0 && k.MaxAge < k.MinAge) {
		c.errorf(at, "min_age and max_age: want years of age, min_age ≤ max_age")
	}
	for key, vals := range map[string][]string{"application": cf.Application, "family": cf.Family, "basis": cf.Basis,
		"housing": cf.Housing, "activity": cf.Activity} {
		for _, v := range vals {
			if !slices.Contains(conditionValues[key], v) {
				c.errorf(at+"."+key, "%s %q: want one of %s", key, v, strings.Join(conditionValues[key], ", "))
			}
		}
	}
	for _, v := range cf.Region {
		if _, ok := p.Regions[v]; !ok {
			c.errorf(at+".region", "region %q is not among the procedure's regions", v)
		}
	}
	if len(k.Nationality)+len(k.Application)+len(k.Family)+len(k.Basis)+len(k.Region)+len(k.Housing)+len(k.Activity)+k.MinAge+k.MaxAge == 0 {
		c.errorf(at, "an empty condition")
	}
	return k
}

// cefrRank orders CEFR levels: A1 = 0 … C2 = 5; -1 for anything else.
func cefrRank(l string) int {
	return slices.Index([]string{"A1", "A2", "B1", "B2", "C1", "C2"}, strings.ToUpper(strings.TrimSpace(l)))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func typeList() string {
	var s []string
	for _, t := range document.Types() {
		if t != document.Unknown {
			s = append(s, string(t))
		}
	}
	return strings.Join(s, ", ")
}

// Procedures returns every procedure version, ordered by key then date.
func (r *Rules) Procedures() []*Procedure {
	out := append([]*Procedure(nil), r.procs...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Key() != out[j].Key() {
			return out[i].Key() < out[j].Key()
		}
		return out[i].EffectiveFrom.Before(out[j].EffectiveFrom)
	})
	return out
}

// Procedure returns the version of a procedure in force on the date on (any
// version when on is zero: the latest). country is matched in any case; id
// may also be given as "COUNTRY/id", in which case country may be empty.
func (r *Rules) Procedure(country, id string, on document.Date) (*Procedure, error) {
	if c, rest, ok := strings.Cut(id, "/"); ok {
		if country != "" && !strings.EqualFold(country, c) {
			return nil, fmt.Errorf("procedure %q does not belong to country %s", id, strings.ToUpper(country))
		}
		country, id = c, rest
	}
	key := strings.ToUpper(country) + "/" + strings.ToLower(id)
	var versions []*Procedure
	for _, p := range r.Procedures() {
		if p.Key() == key {
			versions = append(versions, p)
		}
	}
	if len(versions) == 0 {
		return nil, fmt.Errorf("unknown procedure %s (known: %s)", key, strings.Join(r.keys(), ", "))
	}
	if on.IsZero() {
		return versions[len(versions)-1], nil
	}
	var spans []string
	for _, p := range versions {
		if p.InForce(on) {
			return p, nil
		}
		until := p.EffectiveUntil.String()
		if until == "" {
			until = "…"
		}
		spans = append(spans, p.EffectiveFrom.String()+" to "+until)
	}
	return nil, fmt.Errorf("no version of %s is in force on %s (versions: %s)", key, on, strings.Join(spans, "; "))
}

func (r *Rules) keys() []string {
	var keys []string
	for _, p := range r.Procedures() {
		if len(keys) == 0 || keys[len(keys)-1] != p.Key() {
			keys = append(keys, p.Key())
		}
	}
	return keys
}
