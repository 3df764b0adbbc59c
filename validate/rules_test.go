package validate

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/intake-app/intake/document"
)

const goodRule = `country: xx
id: test-procedure
title: Test
local_title: Test local
languages: [fr]
effective_from: 2024-01-01
source: 000_89a275d6a20ef31e.txt
requirements:
  - id: passport
    title: Passport
    local_title: Passeport
    documents: [passport]
    constraints:
      valid_for: 6 months
    source: https://example.org/rule
    effective_from: 2024-01-01
`

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		wantErr []string // substrings of the error; none: no error
	}{
		{name: "good", yaml: goodRule},
		{name: "unknown top-level key",
			yaml:    strings.Replace(goodRule, "languages: [fr]\n", "languages: [fr]\nlanguage: fr\n", 1),
			wantErr: []string{"rule.yaml:6:", `unknown field "language"`}},
		{name: "unknown key in a requirement",
			yaml:    strings.Replace(goodRule, "    documents: [passport]\n", "    documents: [passport]\n    optional: true\n", 1),
			wantErr: []string{"rule.yaml:13:", `unknown field "optional"`}},
		{name: "unknown constraint",
			yaml:    strings.Replace(goodRule, "      valid_for: 6 months\n", "      valid_for: 6 months\n      valid_until: 2030-01-01\n", 1),
			wantErr: []string{"rule.yaml:15:", `unknown field "valid_until"`}},
		{name: "requirement without a source",
			yaml:    strings.Replace(goodRule, "    source: https://example.org/rule\n", "", 1),
			wantErr: []string{"rule.yaml:9:", "source is required"}},
		{name: "procedure without a source",
			yaml:    strings.Replace(goodRule, "source: 000_89a275d6a20ef31e.txt\n", "", 1),
			wantErr: []string{"source is required"}},
		{name: "source that is neither a seed nor a URL",
			yaml:    strings.Replace(goodRule, "source: https://example.org/rule", "source: a blog somewhere", 1),
			wantErr: []string{"rule.yaml:", `source "a"`}},
		{name: "requirement without an id",
			yaml:    strings.Replace(goodRule, "  - id: passport\n    title", "  - title", 1),
			wantErr: []string{"requirement without an id"}},
		{name: "requirement without a title",
			yaml:    strings.Replace(goodRule, "    title: Passport\n", "", 1),
			wantErr: []string{"title and local_title are required"}},
		{name: "requirement without effective_from",
			yaml:    strings.Replace(goodRule, "    effective_from: 2024-01-01\n", "", 1),
			wantErr: []string{"effective_from is required"}},
		{name: "bad date",
			yaml:    strings.Replace(goodRule, "    effective_from: 2024-01-01\n", "    effective_from: 01/01/2024\n", 1),
			wantErr: []string{"rule.yaml:16:", "YYYY-MM-DD"}},
		{name: "unknown document type",
			yaml:    strings.Replace(goodRule, "[passport]", "[passport, visa]", 1),
			wantErr: []string{"rule.yaml:12:", `unknown document type "visa"`}},
		{name: "unknown unit",
			yaml:    strings.Replace(goodRule, "6 months", "6 moons", 1),
			wantErr: []string{"rule.yaml:14:", `unknown unit "moons"`}},
		{name: "unknown status in hints",
			yaml:    goodRule + "    hints:\n      late: hurry\n",
			wantErr: []string{"rule.yaml:18:", `unknown status "late"`}},
		{name: "unknown issuer",
			yaml:    strings.Replace(goodRule, "      valid_for: 6 months\n", "      issuer: embassy\n", 1),
			wantErr: []string{`issuer "embassy"`}},
		{name: "override for a type not among the documents",
			yaml:    goodRule + "    overrides:\n      payslip:\n        count: 3\n",
			wantErr: []string{`override for "payslip"`}},
		{name: "unknown key inside an override",
			yaml:    goodRule + "    overrides:\n      passport:\n        counts: 3\n",
			wantErr: []string{"rule.yaml:19:", `unknown field "counts"`}},
		{name: "duplicate requirement",
			yaml:    goodRule + strings.SplitN(goodRule, "requirements:\n", 2)[1],
			wantErr: []string{`duplicate requirement id "passport"`}},
		// Audit: "no requirement cites a home page".
		{name: "home page as a requirement's source",
			yaml:    strings.Replace(goodRule, "    source: https://example.org/rule\n", "    source: https://www.interieur.gouv.fr\n", 1),
			wantErr: []string{"rule.yaml:", `source "https://www.interieur.gouv.fr" is a home page`}},
		{name: "home page with a slash as the procedure's source",
			yaml:    strings.Replace(goodRule, "source: 000_89a275d6a20ef31e.txt\n", "source: https://refugies.info/\n", 1),
			wantErr: []string{`source "https://refugies.info/" is a home page`}},
		{name: "a page with a query is precise",
			yaml: strings.Replace(goodRule, "    source: https://example.org/rule\n", "    source: https://www.visa-algerie.com/?p=91524\n", 1)},
		{name: "need may_ask", yaml: goodRule + "    need: may_ask\n"},
		{name: "unknown need",
			yaml:    goodRule + "    need: sometimes\n",
			wantErr: []string{`need "sometimes": want required or may_ask`}},
		{name: "fee without a currency",
			yaml:    goodRule + "    fee: {amount: 300}\n",
			wantErr: []string{"fee needs an amount > 0 and an ISO 4217 currency"}},
		{name: "by_hand without notes",
			yaml:    strings.Replace(goodRule, "    documents: [passport]\n", "    by_hand: true\n", 1),
			wantErr: []string{"by_hand needs notes"}},
		{name: "exemptions as a list",
			yaml: goodRule + "    unless:\n      - {nationality: [DZ]}\n      - {min_age: 65}\n"},
		{name: "a bad value in an exemption list",
			yaml:    goodRule + "    unless:\n      - {housing: [tent]}\n",
			wantErr: []string{`housing "tent": want one of own, hosted`}},

		{name: "filing window without latest",
			yaml:    strings.Replace(goodRule, "      valid_for: 6 months\n", "      filing_window:\n        earliest: 120 days\n", 1),
			wantErr: []string{"filing_window needs latest"}},
		{name: "bad translation policy",
			yaml:    strings.Replace(goodRule, "languages: [fr]\n", "languages: [fr]\ntranslation: notarised\n", 1),
			wantErr: []string{`translation "notarised"`}},
		{name: "bad CEFR level",
			yaml:    strings.Replace(goodRule, "      valid_for: 6 months\n", "      level: B3\n", 1),
			wantErr: []string{"rule.yaml:14:", `level "B3"`}},
		{name: "month without years",
			yaml:    strings.Replace(goodRule, "      valid_for: 6 months\n", "      month: 12\n", 1),
			wantErr: []string{"month goes with years"}},
		{name: "month out of range",
			yaml:    strings.Replace(goodRule, "      valid_for: 6 months\n", "      years: 3\n      month: 13\n", 1),
			wantErr: []string{"month 1 to 12"}},
		{name: "residence without length",
			yaml:    strings.Replace(goodRule, "      valid_for: 6 months\n", "      residence:\n        exclude: [étudiant]\n", 1),
			wantErr: []string{"residence needs length"}},
		{name: "unknown key in residence",
			yaml:    strings.Replace(goodRule, "      valid_for: 6 months\n", "      residence:\n        length: 5 years\n        gaps: 30 days\n", 1),
			wantErr: []string{`unknown field "gaps"`}},
		{name: "bad age",
			yaml:    strings.Replace(goodRule, "      valid_for: 6 months\n", "      replace_at_ages: [14, 0]\n", 1),
			wantErr: []string{"age 0"}},
		{name: "unknown fact in a condition",
			yaml:    goodRule + "    when:\n      married: true\n",
			wantErr: []string{`unknown field "married"`}},
		{name: "bad value in a condition",
			yaml:    goodRule + "    when:\n      basis: [holiday]\n",
			wantErr: []string{`basis "holiday"`}},
		{name: "bad nationality in a condition",
			yaml:    goodRule + "    unless:\n      nationality: [Senegal]\n",
			wantErr: []string{`nationality "Senegal"`}},
		{name: "region not among the procedure's",
			yaml:    goodRule + "    when:\n      region: [flanders]\n",
			wantErr: []string{`region "flanders" is not among the procedure's regions`}},
		{name: "empty condition",
			yaml:    goodRule + "    when: {}\n",
			wantErr: []string{"an empty condition"}},
		{name: "bad region language",
			yaml:    strings.Replace(goodRule, "languages: [fr]\n", "languages: [fr]\nregions:\n  wallonia: [french]\n", 1),
			wantErr: []string{`language "french"`}},
		{name: "not YAML",
			yaml:    "country: [",
			wantErr: []string{"rule.yaml:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse("rule.yaml", []byte(tc.yaml))
			if len(tc.wantErr) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if p.Key() != "XX/test-procedure" || len(p.Requirements) != 1 || p.Requirements[0].Constraints.ValidFor != (Span{6, Months}) {
					t.Errorf("parsed %+v", p)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", tc.wantErr)
			}
			for _, s := range tc.wantErr {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
		})
	}
}

func TestBuiltin(t *testing.T) {
	r, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, p := range r.Procedures() {
		keys = append(keys, p.Key())
		for _, q := range p.Requirements {
			if q.Source == "" || q.EffectiveFrom.IsZero() {
				t.Errorf("%s/%s: no source or effective_from", p.Key(), q.ID)
			}
		}
	}
	for _, want := range []string{"FR/carte-de-sejour-renewal", "RS/permanent-residence-renewal", "FR/carte-de-resident",
		"BE/residence-card-renewal", "RU/residence-permit-renewal"} {
		if !strings.Contains(strings.Join(keys, " "), want) {
			t.Errorf("builtin rules lack %s (have %q)", want, keys)
		}
	}
}

func TestProcedureLookup(t *testing.T) {
	r, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	on := document.NewDate(2026, 12, 1)
	for _, q := range [][2]string{
		{"RS", "permanent-residence-renewal"},
		{"rs", "permanent-residence-renewal"},
		{"", "RS/permanent-residence-renewal"},
		{"rs", "rs/Permanent-Residence-Renewal"},
	} {
		p, err := r.Procedure(q[0], q[1], on)
		if err != nil {
			t.Errorf("Procedure(%q, %q): %v", q[0], q[1], err)
			continue
		}
		if p.Key() != "RS/permanent-residence-renewal" {
			t.Errorf("Procedure(%q, %q) = %s", q[0], q[1], p.Key())
		}
	}
	_, err = r.Procedure("RS", "residence-renewal", on)
	if err == nil || !strings.Contains(err.Error(), "RS/permanent-residence-renewal") || !strings.Contains(err.Error(), "FR/carte-de-sejour-renewal") {
		t.Errorf("unknown id: error %v, want one listing the known ids", err)
	}
	_, err = r.Procedure("FR", "RS/permanent-residence-renewal", on)
	if err == nil {
		t.Error("country FR with id RS/…: no error")
	}
	_, err = r.Procedure("RS", "permanent-residence-renewal", document.NewDate(2010, 1, 1))
	if err == nil || !strings.Contains(err.Error(), "in force") {
		t.Errorf("date before any version: error %v", err)
	}
}

func TestVersions(t *testing.T) {
	v1 := strings.Replace(goodRule, "effective_from: 2024-01-01\nsource", "effective_from: 2024-01-01\neffective_until: 2025-12-31\nsource", 1)
	v2 := strings.Replace(strings.Replace(goodRule, "6 months", "3 months", 1), "effective_from: 2024-01-01\nsource", "effective_from: 2026-01-01\nsource", 1)
	r, err := Load(fstest.MapFS{"r/v1.yaml": {Data: []byte(v1)}, "r/v2.yaml": {Data: []byte(v2)}}, "r/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		on   document.Date
		file string
	}{
		{document.NewDate(2025, 12, 31), "r/v1.yaml"},
		{document.NewDate(2026, 1, 1), "r/v2.yaml"},
		{document.Date{}, "r/v2.yaml"},
	} {
		p, err := r.Procedure("xx", "test-procedure", tc.on)
		if err != nil {
			t.Fatal(err)
		}
		if p.File != tc.file {
			t.Errorf("on %s: %s, want %s", tc.on, p.File, tc.file)
		}
	}
	_, err = Load(fstest.MapFS{"r/v1.yaml": {Data: []byte(goodRule)}, "r/v2.yaml": {Data: []byte(v2)}}, "r/*.yaml")
	if err == nil || !strings.Contains(err.Error(), "same time") {
		t.Errorf("overlapping versions: error %v", err)
	}
}

func TestRequirementInForce(t *testing.T) {
	rule := goodRule + `  - id: language
    title: French B1
    local_title: Français B1
    documents: [language_certificate]
    source: https://example.org/b1
    effective_from: 2026-01-01
`
	p, err := Parse("rule.yaml", []byte(rule))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		on   document.Date
		want int
	}{{document.NewDate(2025, 12, 31), 1}, {document.NewDate(2026, 1, 1), 2}} {
		rep := Evaluate(p, nil, Facts{Reference: tc.on})
		if len(rep.Requirements) != tc.want {
			t.Errorf("on %s: %d requirements, want %d", tc.on, len(rep.Requirements), tc.want)
		}
	}
}

func TestSpan(t *testing.T) {
	d := document.NewDate(2026, 8, 31)
	for _, tc := range []struct {
		s             string
		after, before string
	}{
		{"6 months", "2027-02-28", "2026-02-28"},
		{"1 month", "2026-09-30", "2026-07-31"},
		{"120 days", "2026-12-29", "2026-05-03"},
		{"2 weeks", "2026-09-14", "2026-08-17"},
		{"1 year", "2027-08-31", "2025-08-31"},
		{"0 days", "2026-08-31", "2026-08-31"},
	} {
		s, err := ParseSpan(tc.s)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.After(d).String(); got != tc.after {
			t.Errorf("%s after %s = %s, want %s", tc.s, d, got, tc.after)
		}
		if got := s.Before(d).String(); got != tc.before {
			t.Errorf("%s before %s = %s, want %s", tc.s, d, got, tc.before)
		}
		if s.String() != tc.s {
			t.Errorf("String() = %q, want %q", s, tc.s)
		}
	}
	for _, bad := range []string{"", "6", "six months", "-1 days", "3 fortnights", "3 months ago"} {
		if _, err := ParseSpan(bad); err == nil {
			t.Errorf("ParseSpan(%q): no error", bad)
		}
	}
}

func TestSameStem(t *testing.T) {
	markers := append(append([]string(nil), translationMarkers...), "sr")
	for _, tc := range []struct {
		file, orig string
		want       bool
	}{
		{"criminal-record-cn-translation.pdf", "criminal-record-cn.pdf", true},
		{"criminal-record-cn_prevod.pdf", "criminal-record-cn.jpg", true},
		{"criminal-record-cn.sr.pdf", "criminal-record-cn.pdf", true},
		{"prevod/criminal-record-cn-prevod-sr.pdf", "scans/criminal-record-cn.pdf", true},
		{"traduction-acte-naissance.pdf", "acte-naissance.pdf", true},
		{"Criminal Record CN (translation).pdf", "criminal record cn.pdf", false}, // parentheses are not separators
		{"criminal-record-cn.pdf", "criminal-record-cn.pdf", false},
		{"criminal-record-rs-translation.pdf", "criminal-record-cn.pdf", false},
		{"translation.pdf", "passport.pdf", false},
	} {
		if got := sameStem(tc.file, tc.orig, markers); got != tc.want {
			t.Errorf("sameStem(%q, %q) = %v, want %v", tc.file, tc.orig, got, tc.want)
		}
	}
}

func TestAlpha2(t *testing.T) {
	for in, want := range map[string]string{"CHN": "CN", "chn": "CN", "cn": "CN", "D": "DE", "D<<": "DE", "SRB": "RS", "RKS": "XK", "MAR": "MA", "XXA": "XXA"} {
		if got := alpha2(in); got != want {
			t.Errorf("alpha2(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCarteDeResidentVersions checks that the reference date picks the
// version of FR/carte-de-resident: A2 until 2025-12-31, B1 from 2026.
func TestCarteDeResidentVersions(t *testing.T) {
	r, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		on, file, level string
	}{
		{"2025-12-31", "rules/fr-carte-de-resident-2021.yaml", "A2"},
		{"2026-01-01", "rules/fr-carte-de-resident-2026.yaml", "B1"},
	} {
		p, err := r.Procedure("FR", "carte-de-resident", day(tc.on))
		if err != nil {
			t.Fatal(err)
		}
		if p.File != tc.file {
			t.Errorf("on %s: %s, want %s", tc.on, p.File, tc.file)
		}
		level := ""
		for _, q := range p.Requirements {
			if q.Constraints.Level != "" {
				level = q.Constraints.Level
			}
		}
		if level != tc.level {
			t.Errorf("on %s: level %q, want %q", tc.on, level, tc.level)
		}
	}
}

// TestConditionsParsed checks that when/unless and regions reach the
// requirement.
func TestConditionsParsed(t *testing.T) {
	rule := strings.Replace(goodRule, "languages: [fr]\n", "languages: [fr]\nregions:\n  wallonia: [FR]\n", 1) +
		"    when:\n      nationality: [SEN, dz]\n      region: [wallonia]\n    unless:\n      basis: [study]\n      application: [renewal]\n"
	p, err := Parse("rule.yaml", []byte(rule))
	if err != nil {
		t.Fatal(err)
	}
	q := p.Requirements[0]
	if q.When == nil || strings.Join(q.When.Nationality, ",") != "SN,DZ" || q.When.Region[0] != "wallonia" {
		t.Errorf("when %+v", q.When)
	}
	if len(q.Unless) != 1 || q.Unless[0].Basis[0] != "study" || q.Unless[0].Application[0] != "renewal" {
		t.Errorf("unless %+v", q.Unless)
	}
	if p.Regions["wallonia"][0] != "fr" {
		t.Errorf("regions %v", p.Regions)
	}
	e := &evaluator{p: p, nat: "SN", facts: Facts{Region: "wallonia", Basis: "work"}}
	if !e.applies(q) {
		t.Error("does not apply to a Senegalese worker in Wallonia")
	}
	e.facts.Basis, e.facts.Application = "study", "renewal"
	if e.applies(q) {
		t.Error("applies to a student renewing")
	}
	e.facts = Facts{Region: "wallonia"}
	e.nat = ""
	if e.applies(q) {
		t.Error("applies when the nationality is unknown")
	}
}

// TestDatedRequirementVersions: one id may have versions that follow one
// another in time (a fee that changed), each found on its dates.
func TestDatedRequirementVersions(t *testing.T) {
	rule := strings.Replace(goodRule, "    effective_from: 2024-01-01\n", "    effective_from: 2024-01-01\n    effective_until: 2025-12-31\n", 1) +
		strings.Replace(strings.SplitN(goodRule, "requirements:\n", 2)[1], "      valid_for: 6 months\n    source: https://example.org/rule\n    effective_from: 2024-01-01",
			"      valid_for: 3 months\n    source: https://example.org/rule\n    effective_from: 2026-01-01", 1)
	p, err := Parse("rule.yaml", []byte(rule))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		on   string
		want Span
	}{{"2025-12-31", Span{6, Months}}, {"2026-01-01", Span{3, Months}}} {
		r := requirementByID(p, "passport", day(tc.on))
		if r == nil || r.Constraints.ValidFor != tc.want {
			t.Errorf("on %s: %+v, want valid_for %v", tc.on, r, tc.want)
		}
	}
}

// TestBuiltinSourcesPrecise: every built-in requirement cites a page, and
// the report marks the rules that rest on a seed alone.
func TestBuiltinSourcesPrecise(t *testing.T) {
	rules, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rules.Procedures() {
		for _, r := range p.Requirements {
			for _, f := range strings.Fields(r.Source) {
				if strings.HasPrefix(f, "http") && homePage(f) {
					t.Errorf("%s %s: home page %s", p.File, r.ID, f)
				}
			}
		}
		if len(p.Sources()) == 0 {
			t.Errorf("%s: no sources", p.File)
		}
	}
}
