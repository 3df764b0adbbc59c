package cli

import (
	"strings"
	"testing"

	"github.com/intake-app/intake/internal/i18n"
)

// Every command has help with examples, and its summary translated in
// every catalogue (intake help lists them in the user's language).
func TestHelpComplete(t *testing.T) {
	for _, c := range commands() {
		h, ok := helps()[c.name]
		if !ok || len(h.usage) == 0 || len(h.examples) == 0 {
			t.Errorf("%s: no help, usage or examples", c.name)
		}
		for _, lang := range i18n.Languages() {
			if lang == "en" {
				continue
			}
			cat, err := i18n.ReadCatalogue(lang)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := cat[c.summary]; !ok {
				t.Errorf("catalog/%s.json lacks the summary of %s: %q", lang, c.name, c.summary)
			}
		}
	}
}

func TestNearest(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"validat", "validate"}, {"contry", "country"}, {"exmaple", "example"}, {"bundel", "bundle"},
		{"completio", "completion"}, {"xyz", ""}, {"vers", "version"},
	} {
		if got := nearest(tc.s, []string{"validate", "country", "example", "bundle", "completion", "version", "watch"}); got != tc.want {
			t.Errorf("nearest(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestMan(t *testing.T) {
	var b strings.Builder
	writeMan(&b)
	for _, want := range []string{".TH INTAKE 1", ".SS validate", `\fB\-\-lang\fR`, ".SH EXIT STATUS"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the man page has no %q", want)
		}
	}
}
