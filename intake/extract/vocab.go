package extract

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/intake-app/intake/document"
)

//go:embed vocabulary.yaml
var vocabularyYAML []byte

// rawVocabulary is the shape of vocabulary.yaml.
type rawVocabulary struct {
	Types map[string]struct {
		Titles []string `yaml:"titles"`
		Hints  []string `yaml:"hints"`
	} `yaml:"types"`
	Translation  []string            `yaml:"translation"`
	Sworn        []string            `yaml:"sworn"`
	References   []string            `yaml:"references"`
	Countries    map[string][]string `yaml:"countries"`
	CountryNames map[string][]string `yaml:"country_names"`
	Labels       struct {
		Issued         []string `yaml:"issued"`
		IssuedWeak     []string `yaml:"issued_weak"`
		ValidFrom      []string `yaml:"valid_from"`
		Expires        []string `yaml:"expires"`
		Birth          []string `yaml:"birth"`
		Period         []string `yaml:"period"`
		From           []string `yaml:"from"`
		To             []string `yaml:"to"`
		Surname        []string `yaml:"surname"`
		Given          []string `yaml:"given"`
		Patronymic     []string `yaml:"patronymic"`
		Name           []string `yaml:"name"`
		Full           []string `yaml:"full"`
		FullGivenFirst []string `yaml:"full_given_first"`
		Number         []string `yaml:"number"`
		NumberGeneric  []string `yaml:"number_generic"`
	} `yaml:"labels"`
	Months map[int][]string `yaml:"months"`
}

// field is what a label announces.
type field int

const (
	fIssued field = iota
	fIssuedWeak
	fValidFrom
	fExpires
	fBirth
	fPeriod
	fSurname
	fGiven
	fPatronymic
	fName
	fFull
	fFullGivenFirst
	fNumber
	fNumberGeneric
	fReference
	nFields
)

func (f field) isDate() bool   { return f <= fBirth }
func (f field) isName() bool   { return f >= fSurname && f <= fFullGivenFirst }
func (f field) isNumber() bool { return f == fNumber || f == fNumberGeneric || f == fReference }

// phrase is a compiled vocabulary entry.
type phrase struct {
	parts    []string // normalised; consecutive parts at most gapMax bytes apart
	anchored bool     // "^": at the start of a line or after a field number
	field    field
	typ      document.Type
	country  string
	weight   float64
	key      int // index of the entry, to count each entry once
}

const gapMax = 40

// vocab is the compiled vocabulary, built once and then only read.
type vocab struct {
	titles, hints []phrase
	translation   []phrase
	sworn         []phrase
	labels        []phrase // every label of every field, longest first
	countries     []phrase
	countryNames  []phrase
	from, to      map[string]bool
	months        map[string]int

	titleSet, hintSet, translationSet, swornSet, labelSet, countrySet, countryNameSet *phraseSet
}

var theVocab = sync.OnceValue(func() *vocab {
	v, err := compile(vocabularyYAML)
	if err != nil {
		panic("intake/extract: vocabulary.yaml: " + err.Error())
	}
	return v
})

func compile(data []byte) (*vocab, error) {
	var raw rawVocabulary
	if err := yaml.UnmarshalWithOptions(data, &raw, yaml.Strict()); err != nil {
		return nil, err
	}
	v := &vocab{from: map[string]bool{}, to: map[string]bool{}, months: map[string]int{}}
	key := 0
	mk := func(s string) (phrase, error) {
		key++
		p := phrase{key: key}
		s = strings.TrimSpace(s)
		if strings.HasPrefix(s, "^") {
			p.anchored = true
			s = s[1:]
		}
		for part := range strings.SplitSeq(s, "…") {
			n := normString(part)
			if n == "" {
				continue
			}
			p.parts = append(p.parts, n)
		}
		if len(p.parts) == 0 {
			return p, fmt.Errorf("empty entry %q", s)
		}
		return p, nil
	}
	add := func(dst *[]phrase, list []string, set func(*phrase)) error {
		for _, s := range list {
			p, err := mk(s)
			if err != nil {
				return err
			}
			set(&p)
			*dst = append(*dst, p)
		}
		return nil
	}
	typeNames := make([]string, 0, len(raw.Types))
	for name := range raw.Types {
		typeNames = append(typeNames, name)
	}
	sort.Strings(typeNames)
	for _, name := range typeNames {
		t := document.Type(name)
		if !t.Valid() || t == document.Unknown {
			return nil, fmt.Errorf("unknown document type %q", name)
		}
		e := raw.Types[name]
		if err := add(&v.titles, e.Titles, func(p *phrase) { p.typ = t; p.weight = 1 }); err != nil {
			return nil, err
		}
		if err := add(&v.hints, e.Hints, func(p *phrase) { p.typ = t; p.weight = 0.5 }); err != nil {
			return nil, err
		}
	}
	none := func(*phrase) {}
	if err := add(&v.translation, raw.Translation, none); err != nil {
		return nil, err
	}
	if err := add(&v.sworn, raw.Sworn, none); err != nil {
		return nil, err
	}
	for _, cc := range sortedKeys(raw.Countries) {
		if err := add(&v.countries, raw.Countries[cc], func(p *phrase) { p.country = cc }); err != nil {
			return nil, err
		}
	}
	for _, cc := range sortedKeys(raw.CountryNames) {
		if err := add(&v.countryNames, raw.CountryNames[cc], func(p *phrase) { p.country = cc }); err != nil {
			return nil, err
		}
	}
	L := raw.Labels
	for _, g := range []struct {
		list []string
		f    field
	}{
		{L.Issued, fIssued}, {L.IssuedWeak, fIssuedWeak}, {L.ValidFrom, fValidFrom},
		{L.Expires, fExpires}, {L.Birth, fBirth}, {L.Period, fPeriod},
		{L.Surname, fSurname}, {L.Given, fGiven}, {L.Patronymic, fPatronymic},
		{L.Name, fName}, {L.Full, fFull}, {L.FullGivenFirst, fFullGivenFirst},
		{L.Number, fNumber}, {L.NumberGeneric, fNumberGeneric}, {raw.References, fReference},
	} {
		if err := add(&v.labels, g.list, func(p *phrase) { p.field = g.f }); err != nil {
			return nil, err
		}
	}
	// Longest first, so that "Date de délivrance" wins over a shorter label
	// inside it and "Titulaire du compte" over "Titulaire".
	sort.SliceStable(v.labels, func(i, j int) bool {
		return phraseLen(v.labels[i]) > phraseLen(v.labels[j])
	})
	v.titleSet, v.hintSet = newPhraseSet(v.titles), newPhraseSet(v.hints)
	v.translationSet, v.swornSet = newPhraseSet(v.translation), newPhraseSet(v.sworn)
	v.labelSet = newPhraseSet(v.labels)
	v.countrySet, v.countryNameSet = newPhraseSet(v.countries), newPhraseSet(v.countryNames)
	for _, s := range L.From {
		v.from[normString(s)] = true
	}
	for _, s := range L.To {
		v.to[normString(s)] = true
	}
	for m, names := range raw.Months {
		if m < 1 || m > 12 {
			return nil, fmt.Errorf("month %d", m)
		}
		for _, s := range names {
			n := normString(s)
			if old, ok := v.months[n]; ok && old != m {
				return nil, fmt.Errorf("month name %q is both %d and %d", s, old, m)
			}
			v.months[n] = m
		}
	}
	return v, nil
}

func sortedKeys(m map[string][]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func phraseLen(p phrase) int {
	n := 0
	for _, s := range p.parts {
		n += len(s)
	}
	return n
}

// match is one occurrence of a phrase in a normalised text.
type match struct {
	start, end int
	p          *phrase
}

func isWord(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordStart reports whether a word may start at text[i]. Han text has no
// spaces, so a Han phrase may start anywhere.
func wordStart(text string, i int, first rune) bool {
	if !isWord(first) || isHan(first) || i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !isWord(r) || isHan(r)
}

func wordEnd(text string, j int, last rune) bool {
	if !isWord(last) || isHan(last) || j >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return !isWord(r) || isHan(r)
}

// anchoredAt reports whether text[i] is at a line start or right after a
// field number ("6. the").
func anchoredAt(text string, i int) bool {
	ls := strings.LastIndexByte(text[:i], '\n') + 1
	pre := strings.TrimRight(text[ls:i], " ")
	if pre == "" {
		return true
	}
	pre = strings.TrimRight(pre, ".)")
	k := len(pre)
	for k > 0 && pre[k-1] >= '0' && pre[k-1] <= '9' {
		k--
	}
	if d := len(pre) - k; d == 0 || d > 2 {
		return false
	}
	return k == 0 || pre[k-1] == ' ' || pre[k-1] == '/'
}

// find appends the occurrences of p in text. With loose, a long phrase may
// end inside a word ("passeports").
func (p *phrase) find(text string, loose bool, dst []match) []match {
	first := p.parts[0]
	fr, _ := utf8.DecodeRuneInString(first)
	lr, _ := utf8.DecodeLastRuneInString(p.parts[len(p.parts)-1])
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], first)
		if i < 0 {
			break
		}
		i += off
		off = i + len(first)
		if !wordStart(text, i, fr) || (p.anchored && !anchoredAt(text, i)) {
			continue
		}
		end, ok := p.rest(text, i+len(first))
		if !ok {
			continue
		}
		if !wordEnd(text, end, lr) && !(loose && utf8.RuneCountInString(p.parts[len(p.parts)-1]) >= 6) {
			continue
		}
		dst = append(dst, match{start: i, end: end, p: p})
	}
	return dst
}

// phraseSet finds many phrases in one pass over a text: phrases that start
// with a word are looked up by that word (or its first bytes) at each word
// start; the others (Han, punctuation) are searched one by one.
type phraseSet struct {
	list  []phrase
	whole map[string][]int // first word shorter than keyLen → phrases
	head  map[string][]int // first keyLen bytes of a longer first word → phrases
	scan  []int
}

const keyLen = 4

func newPhraseSet(list []phrase) *phraseSet {
	s := &phraseSet{list: list, whole: map[string][]int{}, head: map[string][]int{}}
	for i, p := range list {
		first := p.parts[0]
		r, _ := utf8.DecodeRuneInString(first)
		if !isWord(r) || isHan(r) {
			s.scan = append(s.scan, i)
			continue
		}
		w := first[:wordLen(first)]
		if len(w) < keyLen {
			s.whole[w] = append(s.whole[w], i)
		} else {
			s.head[w[:keyLen]] = append(s.head[w[:keyLen]], i)
		}
	}
	return s
}

// wordLen is the length of the run of (non-Han) word runes at the start of s.
func wordLen(s string) int {
	for i, r := range s {
		if !isWord(r) || isHan(r) {
			return i
		}
	}
	return len(s)
}

// findAll returns the occurrences of all the phrases of s in text, by
// phrase then position for the scanned ones, by position for the others.
func (s *phraseSet) findAll(text string, loose bool, dst []match) []match {
	return s.findAllWords(text, wordSpans(text), loose, dst)
}

// wordSpans returns the start and end of each run of (non-Han) word runes.
func wordSpans(text string) [][2]int {
	var spans [][2]int
	start := -1
	for i, r := range text {
		if isWord(r) && !isHan(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			spans = append(spans, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(text)})
	}
	return spans
}

// findAllWords is findAll with the words of text already found.
func (s *phraseSet) findAllWords(text string, spans [][2]int, loose bool, dst []match) []match {
	for _, i := range s.scan {
		dst = s.list[i].find(text, loose, dst)
	}
	for _, sp := range spans {
		i, word := sp[0], text[sp[0]:sp[1]]
		for _, k := range s.whole[word] {
			dst = s.list[k].matchAt(text, i, loose, dst)
		}
		if len(word) >= keyLen {
			for _, k := range s.head[word[:keyLen]] {
				dst = s.list[k].matchAt(text, i, loose, dst)
			}
		}
	}
	return dst
}

// matchAt appends the occurrence of p starting at text[i], if there is one.
func (p *phrase) matchAt(text string, i int, loose bool, dst []match) []match {
	first := p.parts[0]
	if !strings.HasPrefix(text[i:], first) {
		return dst
	}
	fr, _ := utf8.DecodeRuneInString(first)
	if !wordStart(text, i, fr) || (p.anchored && !anchoredAt(text, i)) {
		return dst
	}
	end, ok := p.rest(text, i+len(first))
	if !ok {
		return dst
	}
	lr, _ := utf8.DecodeLastRuneInString(p.parts[len(p.parts)-1])
	if !wordEnd(text, end, lr) && !(loose && utf8.RuneCountInString(p.parts[len(p.parts)-1]) >= 6) {
		return dst
	}
	return append(dst, match{start: i, end: end, p: p})
}

// rest matches the parts after the first, from text[end:].
func (p *phrase) rest(text string, end int) (int, bool) {
	for _, part := range p.parts[1:] {
		win := text[end:min(len(text), end+gapMax+len(part))]
		if nl := strings.IndexByte(win, '\n'); nl >= 0 {
			win = win[:nl]
		}
		k := strings.Index(win, part)
		if k < 0 {
			return 0, false
		}
		end += k + len(part)
	}
	return end, true
}
