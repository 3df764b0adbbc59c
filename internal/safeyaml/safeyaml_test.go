package safeyaml

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// laughs is the "billion laughs" alias bomb: n levels of 10 aliases to
// the level below, 10^n values once expanded, in a few hundred bytes.
func laughs(n int) string {
	var b strings.Builder
	b.WriteString("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func TestUnmarshal(t *testing.T) {
	type settings map[string]any
	tests := []struct {
		name string
		doc  string
		want string // in the error; "" for none
	}{
		{"plain", "country: FR\ntags: [a, b]\n", ""},
		{"a few aliases", "base: &b {k: v}\nextra: *b\ncountry: FR\n", ""},
		{"merge key", "base: &b {k: v}\nextra:\n  <<: *b\n  j: w\n", ""},
		{"billion laughs", laughs(9), "aliases (*name) expand to more than 100000 values"},
		{"bomb of block sequences", strings.Replace(laughs(8), "[", "[ ", -1), "alias bomb"},
		{"deep brackets", strings.Repeat("[", 60_000), "brackets nest 60000 deep"},
		{"deep block sequences", strings.Repeat("- ", 30_000) + "x", "line 1: 30000 block indicators"},
		{"many anchors", strings.Repeat("&a ", 20_000) + "x", "20000 block indicators"},
		{"largest mapping", mapping(MaxKeys), ""},
		{"too many keys", mapping(MaxKeys + 1), "a mapping with more than 1000 keys"},
		{"largest document", largestDocument(), ""},
		{"deep mappings", deepMappings(150), "nest more than 100 deep"},
		{"too large", "country: " + strings.Repeat("x", MaxBytes), "more than 262144"},
		{"syntax error", "country: [\n", "["},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s settings
			err := Unmarshal([]byte(tt.doc), &s)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestSyntaxErrorKeepsPosition(t *testing.T) {
	var v map[string]any
	err := Unmarshal([]byte("a: 1\nb: [\n"), &v, yaml.Strict())
	var ye yaml.Error
	if !errors.As(err, &ye) || ye.GetToken() == nil {
		t.Fatalf("err = %v, want a yaml.Error with a position", err)
	}
}

func TestBombNamesLine(t *testing.T) {
	err := Check([]byte("# settings\n" + laughs(9)))
	if !errors.Is(err, ErrLimit) || !strings.HasPrefix(err.Error(), "line ") {
		t.Fatalf("err = %v", err)
	}
}

func deepMappings(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat(" ", i), i)
	}
	return b.String()
}

// mapping is a block mapping of n keys.
func mapping(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	return b.String()
}

// largestDocument is the parser's slowest case within the limits: as
// many mappings of MaxKeys keys as MaxBytes holds.
func largestDocument() string {
	var b strings.Builder
	for i := 0; b.Len() < MaxBytes-20*MaxKeys; i++ {
		fmt.Fprintf(&b, "m%d:\n", i)
		for j := range MaxKeys {
			fmt.Fprintf(&b, "  k%d: v\n", j)
		}
	}
	return b.String()
}

// BenchmarkUnmarshal measures the worst cases: an alias bomb (refused
// before decoding) and the largest mapping (accepted).
func BenchmarkUnmarshal(b *testing.B) {
	for _, bc := range []struct{ name, doc string }{
		{"laughs", laughs(9)},
		{"largest-document", largestDocument()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			data := []byte(bc.doc)
			for b.Loop() {
				var v map[string]any
				Unmarshal(data, &v)
			}
		})
	}
}
