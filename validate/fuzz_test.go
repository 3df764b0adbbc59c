package validate

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// laughs is the "billion laughs" alias bomb in a rule file: 10^9
// languages once its aliases are expanded (the form that made intake
// hang).
func laughs() string {
	var b strings.Builder
	b.WriteString("x0: &x0 [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "x%d: &x%d [", i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "*x%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString(strings.Replace(goodRule, "languages: [fr]", "languages: *x8", 1))
	return b.String()
}

func TestParseRefusesAliasBomb(t *testing.T) {
	_, err := Parse("bomb.yaml", []byte(laughs()))
	if err == nil || !strings.Contains(err.Error(), "bomb.yaml") || !strings.Contains(err.Error(), "alias bomb") {
		t.Fatalf("err = %v, want a refusal naming the file", err)
	}
	// The same, in a user's --rules folder.
	_, err = Load(fstest.MapFS{"bomb.yaml": {Data: []byte(laughs())}}, "*.yaml")
	if err == nil || !strings.Contains(err.Error(), "alias bomb") {
		t.Fatalf("Load: err = %v", err)
	}
}

func FuzzParse(f *testing.F) {
	// The test rule and broken variants; one built-in rule file. (Large
	// seeds make the fuzzer spend its time minimizing them.)
	data, err := fs.ReadFile(builtinFS, "rules/rs-permanent-residence-renewal.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, s := range []string{
		goodRule,
		strings.Replace(goodRule, "valid_for: 6 months", "valid_for: six months", 1),
		strings.Replace(goodRule, "effective_from: 2024-01-01\nsource", "effective_from: 2024-02-30\nsource", 1),
		strings.Replace(goodRule, "documents: [passport]", "documents: [passprt]", 1),
		"country: xx\n",
		"requirements: [",
		"base: &b {id: a}\nrequirements: [*b, *b]\n",
		laughs(),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("fuzz.yaml", data)
		if err != nil {
			if p != nil {
				t.Fatalf("a procedure with an error: %v", err)
			}
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if p == nil {
			t.Fatal("no procedure and no error")
		}
		// A rule file that parses has what Parse promises.
		if p.EffectiveFrom.IsZero() || p.Source == "" {
			t.Fatalf("procedure without effective_from or source: %+v", p)
		}
		for _, r := range p.Requirements {
			if r == nil || r.ID == "" || r.Title == "" {
				t.Fatalf("requirement without id or title: %+v", r)
			}
		}
	})
}
