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
	"github.com/intake-app/intake/internal/fold"
)

//go:embed vocabulary.yaml
var vocabularyYAML []byte

// rawVocabulary is the shape of vocabulary.yaml.
type rawVocabulary struct {
	Types map[string]struct {
		Titles  []string `yaml:"titles"`
		Hints   []string `yaml:"hints"`
		Issuers []string `yaml:"issuers"`
		// Serbian, written once in Latin: compiled in both scripts.
		Serbian typeWords `yaml:"sr"`
		// Arabic, kept apart for legibility (right-to-left words in a
		// list of left-to-right ones): compiled as they are.
		Arabic typeWords `yaml:"ar"`
	} `yaml:"types"`
	Negatives []struct {
		Words  []string `yaml:"words"`
		Header bool     `yaml:"header"` // only in the header zone of page 1
		Not    []string `yaml:"not"`
		Why    string   `yaml:"why"`
	} `yaml:"negatives"`
	Weights  weights  `yaml:"weights"`
	Decision decision `yaml:"decision"`
	// CountryLanguages are the languages identity documents issued by a
	// country are printed in, the main one first (alpha-2 → ISO 639-1).
	CountryLanguages map[string][]string `yaml:"country_languages"`
	Translation      []string            `yaml:"translation"`
	Sworn            []string            `yaml:"sworn"`
	References       []string            `yaml:"references"`
	Countries        map[string][]string `yaml:"countries"`
	CountryNames     map[string][]string `yaml:"country_names"`
	Labels           struct {
		Issued         []string `yaml:"issued"`
		IssuedWeak     []string `yaml:"issued_weak"`
		ValidFrom      []string `yaml:"valid_from"`
		Expires        []string `yaml:"expires"`
		Due            []string `yaml:"due"`
		Paid           []string `yaml:"paid"`
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
	Months    map[int][]string `yaml:"months"`
	PlaceDate struct {
		Lead  []string `yaml:"lead"`
		After []string `yaml:"after"`
	} `yaml:"place_date"`
}

// field is what a label announces.
type field int

const (
	fIssued field = iota
	fIssuedWeak
	fValidFrom
	fExpires
	fBirth
	fDue
	fPaid
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

func (f field) isDate() bool   { return f <= fPaid }
func (f field) isName() bool   { return f >= fSurname && f <= fFullGivenFirst }
func (f field) isNumber() bool { return f == fNumber || f == fNumberGeneric || f == fReference }

// phrase is a compiled vocabulary entry.
type phrase struct {
	parts    []string // normalised; consecutive parts at most gapMax bytes apart
	anchored bool     // "^": at the start of a line or after a field number
	stem     bool     // "*" at the end: the last part may end inside a word
	text     string   // the entry as written, for reasons
	negative int      // for a negative entry, its index in vocab.negatives
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
	issuers       []phrase
	negatives     []phrase
	negativeRules []negativeRule
	weights       weights
	decision      decision
	countryLangs  map[string][]string
	translation   []phrase
	sworn         []phrase
	labels        []phrase // every label of every field, longest first
	countries     []phrase
	countryNames  []phrase
	from, to      map[string]bool
	placeLead     map[string]bool // words around the place of a place-and-date line
	placeAfter    map[string]bool // what may follow its date ("godine")
	months        map[string]int

	issuerSet, negativeSet                                                            *phraseSet
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
	v := &vocab{from: map[string]bool{}, to: map[string]bool{}, months: map[string]int{},
		placeLead: map[string]bool{}, placeAfter: map[string]bool{}}
	for _, w := range raw.PlaceDate.Lead {
		v.placeLead[normString(w)] = true
	}
	for _, w := range raw.PlaceDate.After {
		v.placeAfter[normString(w)] = true
	}
	key := 0
	mk := func(s string) (phrase, error) {
		key++
		p := phrase{key: key}
		s = strings.TrimSpace(s)
		p.text = s
		if strings.HasPrefix(s, "^") {
			p.anchored = true
			s = s[1:]
		}
		if strings.HasSuffix(s, "*") {
			p.stem = true
			s = s[:len(s)-1]
		}
		// "stem* next": the stem may end anywhere, then the next word.
		s = strings.ReplaceAll(s, "* ", "…")
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
		for _, w := range []typeWords{{e.Titles, e.Hints, e.Issuers}, e.Serbian.bothScripts(), e.Arabic} {
			if err := add(&v.titles, w.Titles, func(p *phrase) { p.typ = t; p.weight = 1 }); err != nil {
				return nil, err
			}
			if err := add(&v.hints, w.Hints, func(p *phrase) { p.typ = t; p.weight = raw.Weights.Hint }); err != nil {
				return nil, err
			}
			if err := add(&v.issuers, w.Issuers, func(p *phrase) { p.typ = t; p.weight = raw.Weights.Issuer }); err != nil {
				return nil, err
			}
		}
	}
	for i, n := range raw.Negatives {
		rule := negativeRule{header: n.Header, why: n.Why}
		for _, name := range n.Not {
			t := document.Type(name)
			if !t.Valid() {
				return nil, fmt.Errorf("negative %q: unknown document type %q", n.Why, name)
			}
			rule.not = append(rule.not, t)
		}
		if n.Why == "" || len(rule.not) == 0 {
			return nil, fmt.Errorf("negative entry %d needs why and not", i+1)
		}
		v.negativeRules = append(v.negativeRules, rule)
		if err := add(&v.negatives, n.Words, func(p *phrase) { p.negative = i }); err != nil {
			return nil, err
		}
	}
	if err := raw.Weights.check(); err != nil {
		return nil, err
	}
	v.weights = raw.Weights
	if err := raw.Decision.check(); err != nil {
		return nil, err
	}
	v.decision = raw.Decision
	v.countryLangs = raw.CountryLanguages
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
		{L.Expires, fExpires}, {L.Birth, fBirth}, {L.Due, fDue}, {L.Paid, fPaid}, {L.Period, fPeriod},
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
	v.issuerSet, v.negativeSet = newPhraseSet(v.issuers), newPhraseSet(v.negatives)
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
		if !wordEnd(text, end, lr) && !p.stem && !(loose && utf8.RuneCountInString(p.parts[len(p.parts)-1]) >= 6) {
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
	if !wordEnd(text, end, lr) && !p.stem && !(loose && utf8.RuneCountInString(p.parts[len(p.parts)-1]) >= 6) {
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

// typeWords are the words that point to one document type.
type typeWords struct {
	Titles  []string `yaml:"titles"`
	Hints   []string `yaml:"hints"`
	Issuers []string `yaml:"issuers"`
}

// bothScripts returns Serbian words written in Latin in both Latin and
// Cyrillic.
func (w typeWords) bothScripts() typeWords {
	both := func(list []string) []string {
		out := make([]string, 0, 2*len(list))
		for _, s := range list {
			out = append(out, s, fold.SerbianCyrillic(s))
		}
		return out
	}
	return typeWords{Titles: both(w.Titles), Hints: both(w.Hints), Issuers: both(w.Issuers)}
}

// negativeRule says that some words show a document is not of some types.
type negativeRule struct {
	header bool
	not    []document.Type
	why    string
}

// weights are how much each kind of evidence counts (vocabulary.yaml).
type weights struct {
	TitleHeader      float64 `yaml:"title_header"`       // a title in the first lines of page 1
	TitleAlone       float64 `yaml:"title_alone"`        // added when the title is its line
	TitleOtherHeader float64 `yaml:"title_other_header"` // a title at the top of a later page
	TitleElsewhere   float64 `yaml:"title_elsewhere"`
	TitleSpaced      float64 `yaml:"title_spaced"` // "P A S S E P O R T"
	TitleRepeat      float64 `yaml:"title_repeat"` // per repeat of a title, up to 3
	Hint             float64 `yaml:"hint"`
	Issuer           float64 `yaml:"issuer"`
	Negative         float64 `yaml:"negative"` // subtracted per negative rule that holds
	Amounts          float64 `yaml:"amounts"`  // a table of amounts, for the documents made of them
}

func (w weights) check() error {
	if w.TitleHeader <= 0 || w.TitleElsewhere <= 0 || w.Hint <= 0 || w.Issuer <= 0 || w.Negative <= 0 {
		return fmt.Errorf("weights: every weight must be positive")
	}
	return nil
}

// decision is how the evidence becomes one type (vocabulary.yaml).
type decision struct {
	// Precedence lists the types that win whatever else the document
	// holds, when their mark is at the top of page 1 (an apostille on a
	// certificate, a translation of one), the higher mark first.
	Precedence []document.Type `yaml:"precedence"`
	// MRZ maps the first letter of a machine-readable zone's document
	// code to the type it proves.
	MRZ map[string]document.Type `yaml:"mrz"`
	// Minimum is the score below which a document is of no known type.
	Minimum float64 `yaml:"minimum"`
	// Close is the share of the best score above which the second-best
	// type is close enough to need a human look.
	Close float64 `yaml:"close"`
}

func (d decision) check() error {
	for _, t := range d.Precedence {
		if !t.Valid() {
			return fmt.Errorf("decision: unknown type %q", t)
		}
	}
	for code, t := range d.MRZ {
		if !t.Valid() || len(code) != 1 {
			return fmt.Errorf("decision: mrz %q: %q", code, t)
		}
	}
	if d.Minimum <= 0 || d.Close <= 0 || d.Close >= 1 {
		return fmt.Errorf("decision: minimum must be positive and close between 0 and 1")
	}
	return nil
}
