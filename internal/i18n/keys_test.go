package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// sourceKeys returns the message keys the code asks for: the literal
// first argument of every call to a method named T, in the packages that
// speak to the user.
func sourceKeys(t *testing.T) []string {
	t.Helper()
	set := map[string]bool{}
	for _, dir := range []string{"../../report", "../../cli"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "T" {
					return true
				}
				if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						set[s] = true
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// Keys built by this package: month names and its formats.
	for m := time.January; m <= time.December; m++ {
		set[m.String()] = true
	}
	for _, k := range []string{"%[1]s %[2]s %[3]s", "1st", "%d s", "%d min %d s"} {
		set[k] = true
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestCataloguesComplete fails when a language's catalogue lacks a
// message the code prints (it would show in English), or holds one the
// code no longer asks for.
func TestCataloguesComplete(t *testing.T) {
	keys := sourceKeys(t)
	if os.Getenv("I18N_KEYS") != "" {
		for _, k := range keys {
			t.Logf("%q", k)
		}
	}
	for _, code := range Languages() {
		if code == "en" {
			continue
		}
		c, err := ReadCatalogue(code)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if _, ok := c[k]; !ok {
				t.Errorf("catalog/%s.json lacks %q", code, k)
			}
		}
	}
}

func TestCyrillic(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Uverenje o nekažnjavanju", "Уверење о некажњавању"},
		{"NIJE SPREMNO: nije ispunjeno %d od %d uslova", "НИЈЕ СПРЕМНО: није испуњено %d од %d услова"},
		{"%[1]s. %[2]s %[3]s.", "%[1]s. %[2]s %[3]s."},
		{"Ljubljana, Njegoš, džep, DŽAK", "Љубљана, Његош, џеп, ЏАК"},
		{"pročitano OCR-om, pouzdanost %d%%", "прочитано OCR-ом, поузданост %d%%"},
		{"Otkucajte „intake help KOMANDA” (ili „intake KOMANDA -h”)", "Откуцајте „intake help КОМАНДА” (или „intake КОМАНДА -h”)"},
		{"iz teksta PDF-a, sa --text", "из текста PDF-а, са --text"},
	} {
		if got := Cyrillic(tc.in); got != tc.want {
			t.Errorf("Cyrillic(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Serbian is Latin unless Cyrillic is named; locales name languages.
func TestParse(t *testing.T) {
	for in, want := range map[string]string{
		"fr": "fr", "FR": "fr", "fr_BE.UTF-8": "fr", "nl_BE.UTF-8": "nl", "ru_RU.UTF-8": "ru", "en_US": "en",
		"sr": "sr", "sr_RS@latin": "sr", "sr-Latn": "sr", "sr-Cyrl": "sr-Cyrl", "sr_Cyrl_RS": "sr-Cyrl",
		"French": "fr", "français": "fr", "русский": "ru", "C": "", "POSIX": "", "de_DE.UTF-8": "",
	} {
		if got, _ := Parse(in); got != want {
			t.Errorf("Parse(%q) = %q, want %q", in, got, want)
		}
	}
	env := map[string]string{"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "nl_BE.UTF-8"}
	if got := FromEnv(func(k string) string { return env[k] }); got != "nl" {
		t.Errorf("LC_MESSAGES before LANG: got %q", got)
	}
	if got, _ := Choose("", func(string) string { return "" }, "RS", ""); got != "sr" {
		t.Errorf("no locale, Serbian procedure: got %q", got)
	}
	if got, _ := Choose("", func(string) string { return "" }, "BE", "flanders"); got != "nl" {
		t.Errorf("no locale, Flanders: got %q", got)
	}
	if _, err := Choose("de", nil, "", ""); err == nil {
		t.Error("--lang de accepted")
	}
}
