// Package i18n speaks the user's language: it holds intake's message
// catalogues (one JSON file per language under catalog/, read through
// golang.org/x/text/message) and chooses the language of a run from the
// --lang flag, the environment's locale or the procedure's country.
//
// Messages are keyed by their English text, in fmt's verbs; a key that a
// catalogue lacks prints in English. The JSON report never goes through
// here: its tokens and field names are for scripts.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/intake-app/intake/document"
)

//go:embed catalog/*.json
var catalogFS embed.FS

// languages are the languages intake speaks, by the code --lang takes,
// with the BCP 47 tag of their catalogue. Serbian is written in Latin
// script, as on the Ministry of the Interior's forms.
//
// nounFirst says that the language's catalogue puts a document's name
// first in a sentence ("Vid na boravak: …", to spare a gender agreement),
// so that the name keeps its capital; the others use it mid-sentence
// ("Your residence permit …"), in lower case.
//
// Serbian in Cyrillic (sr-Cyrl) has no catalogue file of its own: it is
// the Latin one written in Cyrillic letters (see Cyrillic).
var languages = []struct {
	code      string
	tag       language.Tag
	nounFirst bool
}{
	{"en", language.English, false},
	{"fr", language.French, false},
	{"nl", language.Dutch, false},
	{"sr", language.MustParse("sr-Latn"), true},
	{"sr-Cyrl", language.MustParse("sr-Cyrl"), true},
	{"ru", language.Russian, true},
}

// Languages returns the codes --lang accepts, English first.
func Languages() []string {
	out := make([]string, len(languages))
	for i, l := range languages {
		out[i] = l.code
	}
	return out
}

// Default is the language used when nothing else says.
const Default = "en"

// Printer prints intake's messages in one language.
type Printer struct {
	code      string
	tag       language.Tag
	nounFirst bool
	p         *message.Printer
}

// New returns the printer of the language code (one of Languages); any
// other code gets English.
func New(code string) *Printer {
	cat, err := loadCatalog()
	if err != nil {
		// The catalogues are embedded and checked by the tests: a bad
		// one is a bug, not a user's mistake.
		panic(err)
	}
	for _, l := range languages {
		if l.code == code {
			return &Printer{code: l.code, tag: l.tag, nounFirst: l.nounFirst, p: message.NewPrinter(l.tag, message.Catalog(cat))}
		}
	}
	return New(Default)
}

// Lang returns the printer's language code ("fr").
func (p *Printer) Lang() string { return p.code }

// T returns the message key in the printer's language, formatted with
// args as fmt.Sprintf would.
func (p *Printer) T(key string, args ...any) string {
	return p.p.Sprintf(key, args...)
}

// Text returns s, a text from the rules (a procedure's or requirement's
// English title), in the printer's language when a catalogue has it, as
// it is otherwise. Unlike T, it never formats.
func (p *Printer) Text(s string) string {
	if strings.Contains(s, "%") {
		return s
	}
	return p.p.Sprintf(s)
}

// Noun returns a document's name ("Residence permit") as it stands in
// the language's sentences about it: in lower case in mid-sentence
// ("Your residence permit expired …"), unless it is an acronym ("ID
// photo") or the language starts its sentences with it.
func (p *Printer) Noun(name string) string {
	if p.nounFirst {
		return name
	}
	r := []rune(name)
	if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// Date writes d the way the language writes dates in running text
// ("15 mars 2027", "15. mart 2027.", "15 марта 2027 г."); "" when d is
// unknown.
func (p *Printer) Date(d document.Date) string {
	if d.IsZero() {
		return ""
	}
	t := d.Time()
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = p.T("1st") // "1er" in French
	}
	return p.T("%[1]s %[2]s %[3]s", day, p.T(t.Month().String()), strconv.Itoa(t.Year()))
}

// Duration writes an elapsed time rounded to the second ("42 s", "3 min 5 s").
func (p *Printer) Duration(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	if s < 60 {
		return p.T("%d s", s)
	}
	return p.T("%d min %d s", s/60, s%60)
}

// LanguageName is the name of the language code (ISO 639-1, "sr") in
// the printer's language ("serbe"); the code itself when unknown.
func (p *Printer) LanguageName(code string) string {
	t, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.Tags(p.tag).Name(t); n != "" {
		return n
	}
	return code
}

// CountryName is the name of a country (ISO 3166 alpha-2) in the
// printer's language; the code itself when unknown.
func (p *Printer) CountryName(cc string) string {
	r, err := language.ParseRegion(cc)
	if err != nil {
		return cc
	}
	if n := display.Regions(p.tag).Name(r); n != "" {
		return n
	}
	return cc
}

// Parse returns the code of a language intake speaks from what a user
// or a locale names: "fr", "FR", "fr_BE.UTF-8", "sr@latin", "Russian".
func Parse(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	// Serbian: Latin unless Cyrillic is asked for by name ("sr-Cyrl").
	if t, err := language.Parse(strings.ReplaceAll(s, "_", "-")); err == nil {
		if base, _ := t.Base(); base.String() == "sr" {
			if script, conf := t.Script(); conf == language.Exact && script.String() == "Cyrl" {
				return "sr-Cyrl", true
			}
			return "sr", true
		}
	}
	if s == "" || s == "C" || s == "POSIX" {
		return "", false
	}
	t, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return byName(s)
	}
	base, _ := t.Base()
	for _, l := range languages {
		if b, _ := l.tag.Base(); b == base {
			return l.code, true
		}
	}
	return "", false
}

// byName finds a language by its English or own name ("French", "français").
func byName(s string) (string, bool) {
	for _, l := range languages {
		if strings.EqualFold(s, display.English.Tags().Name(l.tag)) ||
			strings.EqualFold(s, display.Self.Name(l.tag)) {
			return l.code, true
		}
		b, _ := l.tag.Base()
		if strings.EqualFold(s, display.English.Languages().Name(b)) || strings.EqualFold(s, display.Self.Name(b)) {
			return l.code, true
		}
	}
	return "", false
}

// FromEnv returns the language of the environment's locale: the first of
// LC_ALL, LC_MESSAGES and LANG that is set decides, as POSIX says; "" when
// it names no language intake speaks (or "C").
func FromEnv(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			code, _ := Parse(v)
			return code
		}
	}
	return ""
}

// Local returns a text written in the procedure's language (a rule's
// local title) in the printer's script: Serbian Latin titles in Cyrillic
// for sr-Cyrl, unchanged otherwise.
func (p *Printer) Local(s string) string {
	if p.code == "sr-Cyrl" {
		return Cyrillic(s)
	}
	return s
}

// ForCountry returns the language of a procedure's country: French in
// France, Dutch in Flanders and French elsewhere in Belgium, Serbian in
// Serbia, Russian in Russia; "" for another country.
func ForCountry(cc, region string) string {
	switch strings.ToUpper(cc) {
	case "FR":
		return "fr"
	case "BE":
		if strings.EqualFold(region, "flanders") {
			return "nl"
		}
		return "fr"
	case "RS":
		return "sr"
	case "RU":
		return "ru"
	}
	return ""
}

// Choose decides the language of a run: flag (--lang) when given, then
// the environment's locale, then the procedure's country, then English.
// A flag naming no language intake speaks is an error.
func Choose(flag string, getenv func(string) string, country, region string) (string, error) {
	if flag != "" {
		code, ok := Parse(flag)
		if !ok {
			return "", fmt.Errorf("--lang %q: use one of %s", flag, strings.Join(Languages(), ", "))
		}
		return code, nil
	}
	if code := FromEnv(getenv); code != "" {
		return code, nil
	}
	if code := ForCountry(country, region); code != "" {
		return code, nil
	}
	return Default, nil
}

// entry is one message of a catalogue file: a string, or plural forms
// ({"arg": 1, "one": "…", "few": "…", "many": "…", "other": "…"}) chosen
// by the argument arg (1-based) by the language's CLDR plural rules.
type entry struct {
	text   string
	arg    int
	forms  map[string]string
	plural bool
}

func (e *entry) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &e.text); err == nil {
		return nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("want a string or plural forms: %w", err)
	}
	e.plural, e.arg, e.forms = true, 1, map[string]string{}
	for k, v := range m {
		if k == "arg" {
			if err := json.Unmarshal(v, &e.arg); err != nil {
				return fmt.Errorf("arg: %w", err)
			}
			continue
		}
		if !slices.Contains(pluralForms, k) {
			return fmt.Errorf("plural form %q: want one of %s", k, strings.Join(pluralForms, ", "))
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
		e.forms[k] = s
	}
	if e.forms["other"] == "" {
		return fmt.Errorf("plural forms without \"other\"")
	}
	return nil
}

var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

func (e entry) message() catalog.Message {
	if !e.plural {
		return catalog.String(e.text)
	}
	var cases []any
	for _, f := range pluralForms {
		if s, ok := e.forms[f]; ok {
			cases = append(cases, f, s)
		}
	}
	return plural.Selectf(e.arg, "%d", cases...)
}

// Catalogue is one language's messages, as read from its file.
type Catalogue map[string]entry

// Keys returns the catalogue's keys, sorted.
func (c Catalogue) Keys() []string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ReadCatalogue reads the catalogue file of the language code (for
// sr-Cyrl, the Serbian one in Cyrillic letters).
func ReadCatalogue(code string) (Catalogue, error) {
	if code == "sr-Cyrl" {
		c, err := ReadCatalogue("sr")
		if err != nil {
			return nil, err
		}
		out := Catalogue{}
		for k, e := range c {
			e.text = Cyrillic(e.text)
			forms := map[string]string{}
			for f, v := range e.forms {
				forms[f] = Cyrillic(v)
			}
			e.forms = forms
			out[k] = e
		}
		return out, nil
	}
	name := path.Join("catalog", code+".json")
	b, err := catalogFS.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var c Catalogue
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// loadCatalog builds the catalogue of every language once.
var loadCatalog = sync.OnceValues(func() (catalog.Catalog, error) {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, l := range languages {
		c, err := ReadCatalogue(l.code)
		if err != nil {
			return nil, err
		}
		for k, e := range c {
			if err := b.Set(l.tag, k, e.message()); err != nil {
				return nil, fmt.Errorf("catalog/%s.json: %q: %w", l.code, k, err)
			}
		}
	}
	return b, nil
})
