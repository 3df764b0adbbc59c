package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

// procedureJSON is a procedure version in `intake rules` JSON output.
type procedureJSON struct {
	Country        string        `json:"country"`
	Procedure      string        `json:"procedure"`
	Title          string        `json:"title"`
	LocalTitle     string        `json:"local_title,omitempty"`
	EffectiveFrom  document.Date `json:"effective_from"`
	EffectiveUntil document.Date `json:"effective_until"`
	Source         string        `json:"source,omitempty"`
	File           string        `json:"file,omitempty"`
	// Sources and Versions: with show, every source cited (with its kind)
	// and every version of the procedure with its dates.
	Sources      []sourceJSON      `json:"sources,omitempty"`
	Versions     []versionJSON     `json:"versions,omitempty"`
	Requirements []requirementJSON `json:"requirements,omitempty"`
}

type sourceJSON struct {
	Source string `json:"source"`
	Kind   string `json:"kind"` // "page" (an official or precise page) or "seed" (an informal guide: less certain)
}

type versionJSON struct {
	EffectiveFrom  document.Date `json:"effective_from"`
	EffectiveUntil document.Date `json:"effective_until"`
	File           string        `json:"file"`
}

type requirementJSON struct {
	ID             string          `json:"id"`
	Title          string          `json:"title"`
	LocalTitle     string          `json:"local_title,omitempty"`
	Documents      []document.Type `json:"documents"`
	Constraints    map[string]any  `json:"constraints"`
	Translation    string          `json:"translation,omitempty"`
	Legalization   string          `json:"legalization,omitempty"`
	Source         string          `json:"source"`
	SeedOnly       bool            `json:"seed_only,omitempty"`
	Need           validate.Need   `json:"need"`
	Fee            string          `json:"fee,omitempty"`
	ByHand         bool            `json:"by_hand,omitempty"`
	EffectiveFrom  document.Date   `json:"effective_from"`
	EffectiveUntil document.Date   `json:"effective_until"`
}

func procedureOf(p *validate.Procedure) procedureJSON {
	return procedureJSON{
		Country: p.Country, Procedure: p.Key(), Title: p.Title, LocalTitle: p.LocalTitle,
		EffectiveFrom: p.EffectiveFrom, EffectiveUntil: p.EffectiveUntil, Source: p.Source, File: p.File,
	}
}

func runRules(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("rules", "intake rules list | intake rules show COUNTRY/PROCEDURE [flags]", env)
	format := fs.String("format", "text", "output format: text or json")
	rulesDir := fs.String("rules", "", "a folder of your own rule files (*.yaml), loaded on top of the built-in ones")
	on := fs.String("on", "", "show the version in force on this date, YYYY-MM-DD (default: the latest)")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("--format %q: use text or json", *format)
	}
	rules, err := intake.LoadRules(*rulesDir)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return usagef("say what to do: intake rules list, or intake rules show COUNTRY/PROCEDURE")
	}
	switch args[0] {
	case "list":
		if len(args) != 1 {
			return usagef("intake rules list takes no arguments")
		}
		return listRules(env.Stdout, rules, *format)
	case "show":
		if len(args) != 2 {
			return usagef("intake rules show takes one procedure, e.g. FR/carte-de-sejour-renewal")
		}
		var date document.Date
		if *on != "" {
			if date, err = document.ParseDate(*on); err != nil {
				return usagef("--on: %v", err)
			}
		}
		p, err := rules.Procedure("", qualified(rules, args[1]), date)
		if err != nil {
			return procedureError(rules, args[1], err)
		}
		return showRules(env.Stdout, p, versionsOf(rules, p), *format)
	default:
		if near := nearest(args[0], []string{"list", "show"}); near != "" {
			return usagef("unknown rules command %q; did you mean %s?", args[0], near)
		}
		return usagef("unknown rules command %q: use list or show", args[0])
	}
}

func listRules(w io.Writer, rules *validate.Rules, format string) error {
	procs := rules.Procedures()
	if format == "json" {
		out := make([]procedureJSON, 0, len(procs))
		for _, p := range procs {
			out = append(out, procedureOf(p))
		}
		return writeJSON(w, out)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "COUNTRY\tPROCEDURE\tIN FORCE\tTITLE")
	for _, p := range procs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Country, p.Key(), span(p.EffectiveFrom, p.EffectiveUntil), p.Title)
	}
	return tw.Flush()
}

func span(from, until document.Date) string {
	u := until.String()
	if u == "" {
		u = "until further notice"
	}
	return from.String() + " – " + u
}

// versionsOf returns every version of p's procedure, oldest first.
func versionsOf(rules *validate.Rules, p *validate.Procedure) []*validate.Procedure {
	var out []*validate.Procedure
	for _, v := range rules.Procedures() {
		if v.Key() == p.Key() {
			out = append(out, v)
		}
	}
	return out
}

// sourceKind says whether a source is a page or a seed (an informal guide).
func sourceKind(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return "page"
	}
	return "seed"
}

func showRules(w io.Writer, p *validate.Procedure, versions []*validate.Procedure, format string) error {
	if format == "json" {
		out := procedureOf(p)
		for _, s := range p.Sources() {
			out.Sources = append(out.Sources, sourceJSON{Source: s, Kind: sourceKind(s)})
		}
		for _, v := range versions {
			out.Versions = append(out.Versions, versionJSON{EffectiveFrom: v.EffectiveFrom, EffectiveUntil: v.EffectiveUntil, File: v.File})
		}
		for _, r := range p.Requirements {
			out.Requirements = append(out.Requirements, requirementJSON{
				ID: r.ID, Title: r.Title, LocalTitle: r.LocalTitle, Documents: r.Documents,
				Constraints: constraintMap(r.Constraints), Translation: string(r.Translation),
				Legalization: string(r.Legalization), Source: r.Source, SeedOnly: r.SeedOnly(),
				Need: r.Need, Fee: r.Fee.String(), ByHand: r.ByHand,
				EffectiveFrom: r.EffectiveFrom, EffectiveUntil: r.EffectiveUntil,
			})
		}
		return writeJSON(w, out)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", p.Key(), p.Title)
	if p.LocalTitle != "" {
		fmt.Fprintf(&b, "  (%s)\n", p.LocalTitle)
	}
	fmt.Fprintf(&b, "In force %s. Rule file %s.\n", span(p.EffectiveFrom, p.EffectiveUntil), p.File)
	for _, region := range sortedRegions(p.Regions) {
		fmt.Fprintf(&b, "In %s (region: %s in intake.yaml), documents in %s are accepted.\n", region, region, strings.Join(p.Regions[region], ", "))
	}
	if len(p.Languages) > 0 {
		fmt.Fprintf(&b, "Documents in %s are accepted as they are; others need a translation.\n", strings.Join(p.Languages, ", "))
	}
	if len(versions) > 1 {
		fmt.Fprintf(&b, "Versions:\n")
		for _, v := range versions {
			fmt.Fprintf(&b, "  %s  %s\n", span(v.EffectiveFrom, v.EffectiveUntil), v.File)
		}
	}
	if p.Source != "" {
		fmt.Fprintf(&b, "Source: %s\n", p.Source)
	}
	fmt.Fprintf(&b, "Sources cited, with the dates each rule is in force below:\n")
	for _, s := range p.Sources() {
		kind := "page"
		if sourceKind(s) == "seed" {
			kind = "informal guide (seed): less certain"
		}
		fmt.Fprintf(&b, "  - %s  (%s)\n", s, kind)
	}
	for i, r := range p.Requirements {
		fmt.Fprintf(&b, "\n%d. %s  [%s]\n", i+1, r.Title, r.ID)
		if r.LocalTitle != "" {
			fmt.Fprintf(&b, "   %s\n", r.LocalTitle)
		}
		if r.Need == validate.MayAsk {
			fmt.Fprintf(&b, "   May be asked: shown in the to-do, does not keep a dossier from READY\n")
		}
		if r.ByHand {
			fmt.Fprintf(&b, "   Checked by hand: intake cannot see it in the scans\n")
		}
		what := "Document"
		if len(r.Documents) > 1 {
			what = "Any one of"
		}
		if len(r.Documents) > 0 {
			fmt.Fprintf(&b, "   %s: %s\n", what, strings.ReplaceAll(joinTypes(r.Documents), "_", " "))
		}
		if r.Fee != nil {
			fmt.Fprintf(&b, "   Fee: %s\n", r.Fee)
		}
		for _, c := range describe(r.Constraints) {
			fmt.Fprintf(&b, "   - %s\n", c)
		}
		for _, t := range r.Documents {
			if o, ok := r.Overrides[t]; ok {
				for _, c := range describe(o) {
					fmt.Fprintf(&b, "   - for a %s: %s\n", strings.ReplaceAll(string(t), "_", " "), c)
				}
			}
		}
		if r.When != nil {
			fmt.Fprintf(&b, "   Only when: %s\n", condition(r.When))
		}
		for _, u := range r.Unless {
			fmt.Fprintf(&b, "   Not when: %s\n", condition(u))
		}
		if r.Notes != "" {
			fmt.Fprintf(&b, "   Note: %s\n", strings.TrimSpace(r.Notes))
		}
		certainty := ""
		if r.SeedOnly() {
			certainty = " (an informal guide only: less certain)"
		}
		fmt.Fprintf(&b, "   Source: %s%s; in force %s\n", r.Source, certainty, span(r.EffectiveFrom, r.EffectiveUntil))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func joinTypes(ts []document.Type) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

// describe turns constraints into sentences a person reads.
func describe(c validate.Constraints) []string {
	var out []string
	if c.Count > 1 {
		out = append(out, fmt.Sprintf("at least %d of them", c.Count))
	}
	if c.Months > 0 {
		out = append(out, fmt.Sprintf("covering %d months before the reference date", c.Months))
	}
	if !c.IssuedWithin.IsZero() {
		out = append(out, fmt.Sprintf("issued at most %s before the reference date", c.IssuedWithin))
	}
	if !c.ValidFor.IsZero() {
		if c.ValidFor.N == 0 {
			out = append(out, "valid on the reference date")
		} else {
			out = append(out, fmt.Sprintf("still valid %s after the reference date", c.ValidFor))
		}
	}
	if !c.Covers.IsZero() {
		out = append(out, fmt.Sprintf("in force on the reference date and for %s after it", c.Covers))
	}
	if !c.ExpiresSoon.IsZero() {
		out = append(out, fmt.Sprintf("a warning when it expires within %s", c.ExpiresSoon))
	}
	switch c.Issuer {
	case validate.AnyIssuer:
	default:
		out = append(out, fmt.Sprintf("issued by: %s", c.Issuer))
	}
	if c.Photo {
		out = append(out, "an ID photo that meets the country's photo rules")
	}
	if c.Level != "" {
		out = append(out, fmt.Sprintf("language level %s or higher (CEFR)", c.Level))
	}
	if c.Years > 0 {
		what := "one for each"
		if c.Month > 0 {
			what = fmt.Sprintf("one from month %d of each", c.Month)
		}
		out = append(out, fmt.Sprintf("%s of the last %d years", what, c.Years))
	}
	if r := c.Residence; r != nil {
		s := fmt.Sprintf("%s of continuous lawful residence, counted from the residence permits in the dossier", r.Length)
		if len(r.Exclude) > 0 {
			s += "; not counted: " + strings.Join(r.Exclude, ", ")
		}
		if !r.MinTitle.IsZero() {
			s += fmt.Sprintf("; nor titles valid less than %s", r.MinTitle)
		}
		out = append(out, s)
	}
	if len(c.ReplaceAtAges) > 0 {
		ages := make([]string, len(c.ReplaceAtAges))
		for i, a := range c.ReplaceAtAges {
			ages[i] = fmt.Sprint(a)
		}
		s := "replaced when the holder turns " + strings.Join(ages, ", ")
		if !c.ReplaceWithin.IsZero() {
			s += fmt.Sprintf(", within %s after the birthday", c.ReplaceWithin)
		}
		out = append(out, s)
	}
	if fw := c.FilingWindow; fw != nil {
		s := "file "
		switch {
		case !fw.Earliest.IsZero() && !fw.Latest.IsZero():
			s += fmt.Sprintf("between %s and %s before it expires", fw.Earliest, fw.Latest)
		case !fw.Latest.IsZero() && fw.Latest.N > 0:
			s += fmt.Sprintf("at least %s before it expires", fw.Latest)
		default:
			s += "before it expires"
		}
		if fw.Late != "" {
			s += "; late filing: " + fw.Late
		}
		out = append(out, s)
	}
	return out
}

// constraintMap is the JSON form of constraints: the rule file's keys,
// set ones only.
func constraintMap(c validate.Constraints) map[string]any {
	m := map[string]any{}
	if c.Count > 0 {
		m["count"] = c.Count
	}
	if c.Months > 0 {
		m["months"] = c.Months
	}
	for k, s := range map[string]validate.Span{"issued_within": c.IssuedWithin, "valid_for": c.ValidFor, "expires_soon": c.ExpiresSoon, "covers": c.Covers} {
		if !s.IsZero() {
			m[k] = s.String()
		}
	}
	if c.Issuer != validate.AnyIssuer {
		m["issuer"] = string(c.Issuer)
	}
	if c.Photo {
		m["photo"] = true
	}
	if c.Level != "" {
		m["level"] = c.Level
	}
	if c.Years > 0 {
		m["years"] = c.Years
	}
	if c.Month > 0 {
		m["month"] = c.Month
	}
	if r := c.Residence; r != nil {
		res := map[string]any{"length": r.Length.String()}
		if len(r.Exclude) > 0 {
			res["exclude"] = r.Exclude
		}
		if !r.MinTitle.IsZero() {
			res["min_title"] = r.MinTitle.String()
		}
		m["residence"] = res
	}
	if len(c.ReplaceAtAges) > 0 {
		m["replace_at_ages"] = c.ReplaceAtAges
		if !c.ReplaceWithin.IsZero() {
			m["replace_within"] = c.ReplaceWithin.String()
		}
	}
	if fw := c.FilingWindow; fw != nil {
		w := map[string]string{}
		if !fw.Earliest.IsZero() {
			w["earliest"] = fw.Earliest.String()
		}
		if !fw.Latest.IsZero() {
			w["latest"] = fw.Latest.String()
		}
		if fw.Late != "" {
			w["late"] = fw.Late
		}
		m["filing_window"] = w
	}
	return m
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// condition says in words which applicants a requirement applies to.
func condition(c *validate.Condition) string {
	var parts []string
	for _, f := range []struct {
		key  string
		vals []string
	}{{"nationality", c.Nationality}, {"application", c.Application}, {"family", c.Family}, {"basis", c.Basis}, {"region", c.Region},
		{"housing", c.Housing}, {"activity", c.Activity}} {
		if len(f.vals) > 0 {
			parts = append(parts, f.key+" is "+strings.Join(f.vals, " or "))
		}
	}
	if c.MinAge > 0 {
		parts = append(parts, fmt.Sprintf("aged %d or more", c.MinAge))
	}
	if c.MaxAge > 0 {
		parts = append(parts, fmt.Sprintf("aged %d or less", c.MaxAge))
	}
	return strings.Join(parts, ", and ")
}

func sortedRegions(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
