// Package extract turns the text of a document's pages (OCR output, so
// noisy) into typed fields: the kind of document, its language and script,
// issuing country, dates, holder, number, the numbers of the documents it
// cites, and the periods its pages cover.
//
// The words it looks for are data, in vocabulary.yaml, which follows
// docs/vocabulary.md. Text is compared after normalisation (lower case,
// Latin diacritics stripped, Cyrillic kept, spaces collapsed, common OCR
// confusions repaired), so "DÉLIVRÉ LE", "Delivre le" and "Dé1ivré 1e" are
// the same label.
//
// Dates are only taken next to a label that says what they are: never the
// first date of the page, and a birth date is never an issue date.
package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/intake-app/intake/country"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/ocr/layout"
	"github.com/intake-app/intake/ocr/mrz"
	"github.com/intake-app/intake/ocr/visual"
)

// Hint is what the caller already knows about the document.
type Hint struct {
	// MRZ is the machine-readable zone read on the document, or nil.
	MRZ *mrz.Result
	// Country is the ISO alpha-2 code of the procedure's country (FR, BE,
	// RU, RS): an identity card issued there to a foreigner is a residence
	// permit.
	Country string
	// Photo describes the file's image when it is a single image (nil for
	// a PDF): an image with hardly any text and a face is a photo.
	Photo *PhotoFacts
	// Now resolves two-digit years ("16 APR 07"); zero means today.
	Now time.Time
	// Layout holds each page's words with their boxes (OCR'd pages): a
	// value printed beside or under its label is found by its position.
	Layout []layout.Page
}

// PhotoFacts are what the reader measured on an image file.
type PhotoFacts struct {
	Width, Height int  // pixels, upright
	Faces         int  // faces found (0 when none or not looked for)
	IDShaped      bool // the proportions (and print size, when known) of an ID photo
}

// Fields is what Analyze read on a document.
type Fields struct {
	Type  document.Type
	Score float64 // confidence in Type, 0–1
	// Evidence holds the reasons Type won, strongest first.
	Evidence []document.Signal
	// Review says why a person should check Type ("" when the evidence is
	// clear); Alternative is then the close runner-up.
	Review      string
	Alternative document.Type

	Language string // ISO 639-1, "" when unknown
	Script   string // ISO 15924: "Latn", "Cyrl", "Hans"
	Country  string // ISO alpha-2 of the issuing country, when printed (or in the MRZ)

	Issued, ValidFrom, Expires, BirthDate document.Date

	Holder string // "SURNAME GIVEN NAMES", upper case
	// HolderAddressed is true when no label named the holder and Holder is
	// the name the document is addressed to (see recipient).
	HolderAddressed bool

	Number string // the document's own number, upper case, spaces removed

	// References are the numbers of other documents this one cites (a
	// translation or an apostille naming the document it goes with).
	References []string
	// Translates is, for a translation, the type of the translated content.
	Translates document.Type
	// Sworn is true when a sworn, certified or court translator is named.
	Sworn bool
	// Periods holds one period per payslip or bank-statement page that
	// states its period (identical periods once).
	Periods []document.Period
	// Level is, for a language certificate, the CEFR level it attests
	// ("A2", "B1"), "" when none is printed.
	Level string
}

// page is one normalised page and what was found on it.
type page struct {
	n          *norm
	lineStarts []int
	words      [][2]int  // runs of word runes, for phraseSet.findAllWords
	labels     []match   // non-overlapping, in text order
	boxes      []wordBox // the words' boxes, when the page was read by OCR
	dates      []dateHit // in text order
	used       []bool    // dates[i] belongs to a period
	periods    []document.Period
}

func (p *page) text() string { return p.n.text }

func (p *page) lineOf(pos int) int {
	return sort.SearchInts(p.lineStarts, pos+1) - 1
}

func (p *page) lineBounds(l int) (int, int) {
	s := p.lineStarts[l]
	e := len(p.n.text)
	if l+1 < len(p.lineStarts) {
		e = p.lineStarts[l+1] - 1
	}
	return s, e
}

func newPage(s string, now time.Time, lay layout.Page) *page {
	v := theVocab()
	p := &page{n: normalize(s), boxes: wordBoxes(s, lay)}
	t := p.n.text
	p.lineStarts = append(p.lineStarts, 0)
	for i := 0; i < len(t); i++ {
		if t[i] == '\n' {
			p.lineStarts = append(p.lineStarts, i+1)
		}
	}
	p.words = wordSpans(t)
	all := v.labelSet.findAllWords(t, p.words, false, nil)
	// Keep a match unless a longer one overlaps it.
	sort.SliceStable(all, func(i, j int) bool { return all[i].end-all[i].start > all[j].end-all[j].start })
	for _, m := range all {
		ok := true
		for _, k := range p.labels {
			if m.start < k.end && k.start < m.end {
				ok = false
				break
			}
		}
		if ok {
			p.labels = append(p.labels, m)
		}
	}
	sort.Slice(p.labels, func(i, j int) bool { return p.labels[i].start < p.labels[j].start })
	p.dates = findDates(t, now)
	p.used = make([]bool, len(p.dates))
	p.findPeriods()
	return p
}

// hasLabel reports whether a label of field f lies in text[i:j].
func (p *page) hasLabel(f field, i, j int) bool {
	for _, m := range p.labels {
		if m.p.field == f && m.start >= i && m.end <= j {
			return true
		}
	}
	return false
}

// findPeriods pairs dates written "du X au Y", "od X do Y", "с X по Y",
// "自X至Y", "vom X bis Y", "van X tot Y", "from X to Y" (or "Période : X - Y").
func (p *page) findPeriods() {
	v := theVocab()
	t := p.text()
	for i := 0; i+1 < len(p.dates); i++ {
		a, b := p.dates[i], p.dates[i+1]
		la := p.lineOf(a.start)
		if p.lineOf(b.start)-la > 1 {
			continue
		}
		between := strings.Trim(t[a.end:b.start], " \n,;:")
		if !v.to[between] {
			continue
		}
		ls, _ := p.lineBounds(la)
		before := strings.TrimRight(t[ls:a.start], " :;,")
		ok := false
		if k := strings.LastIndexAny(before, " /"); k >= 0 {
			ok = v.from[before[k+1:]]
		} else {
			ok = v.from[before]
		}
		if !ok && before != "" {
			r, n := utf8.DecodeLastRuneInString(before)
			ok = isHan(r) && v.from[before[len(before)-n:]]
		}
		if !ok {
			ok = p.hasLabel(fPeriod, ls, a.start) || p.hasLabel(fValidFrom, ls, a.start)
		}
		if !ok {
			continue
		}
		p.periods = append(p.periods, document.Period{From: a.d, To: b.d})
		p.used[i], p.used[i+1] = true, true
		i++
	}
	p.findShortPeriods()
}

// shortStartRE is the start of a period whose first date lacks what the
// second gives ("du 1er au 31 juillet 2015", "du 1er octobre au 31
// octobre 2026", "od 1. do 31. jula 2026."): it ends where the second
// date starts.
var shortStartRE = regexp.MustCompile(`(?:^|[ (])(\pL+) (\d{1,2})(?:er|\.)?(?: (\pL{3,12})\.?|[./](\d{1,2})\.?)? (\pL+|-) ?$`)

// findShortPeriods finds periods whose first date is written short.
func (p *page) findShortPeriods() {
	v := theVocab()
	t := p.text()
	for i, b := range p.dates {
		if p.used[i] {
			continue
		}
		ls, _ := p.lineBounds(p.lineOf(b.start))
		m := shortStartRE.FindStringSubmatch(t[ls:b.start])
		if m == nil || !v.from[m[1]] || !v.to[m[5]] {
			continue
		}
		y, mo := b.d.Time().Year(), int(b.d.Time().Month())
		first := mo
		switch {
		case m[3] != "":
			named, ok := v.months[m[3]]
			if !ok {
				continue
			}
			first = named
		case m[4] != "":
			first = atoi(m[4]) // "du 02/10 au 31/10/2026"
		}
		if first > mo {
			y--
		}
		mo = first
		from, ok := mkDate(y, mo, atoi(m[2]))
		if !ok || from.After(b.d) {
			continue
		}
		p.periods = append(p.periods, document.Period{From: from, To: b.d})
		p.used[i] = true
	}
}

// monthPeriod returns the month a period label announces: "Période : janvier 2026".
func (p *page) monthPeriod() (document.Period, bool) {
	t := p.text()
	for _, m := range p.labels {
		if m.p.field != fPeriod {
			continue
		}
		rest := t[m.end:]
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[:nl]
		}
		rest = strings.TrimLeft(rest, " :;.,-")
		if per, _, ok := monthPeriod(rest); ok {
			return per, true
		}
	}
	return document.Period{}, false
}

// onlyLabels reports whether text[i:j] holds nothing but labels and
// separators.
func (p *page) onlyLabels(i, j int) bool {
	t := p.text()
	// Between labels, only punctuation, OCR debris with no word in it
	// ("#8908"), or the other language's half of a bilingual label, which
	// stands before a slash ("签发日期 / Date of issue", read as "AXE /").
	rest := func(a, b int) bool {
		toks := strings.Fields(t[a:b])
		for k, tok := range toks {
			letters := 0
			for _, r := range tok {
				if unicode.IsLetter(r) {
					letters++
				}
			}
			bilingual := strings.HasSuffix(tok, "/") || (k+1 < len(toks) && toks[k+1] == "/")
			if letters >= 2 && !bilingual {
				return false
			}
		}
		return true
	}
	for _, m := range p.labels {
		if m.end <= i || m.start < i {
			continue
		}
		if m.start >= j {
			break
		}
		if !rest(i, m.start) {
			return false
		}
		i = m.end
	}
	return rest(i, j)
}

// dateFor is a date found next to a label.
type dateFor struct {
	f   field
	d   document.Date
	pos int
}

// labelledDates assigns dates to the date labels of the page: the first
// date after the label on its line, or, for a label that ends its line,
// the date below it (by order or column when a line holds several labels).
func (p *page) labelledDates() []dateFor {
	var out []dateFor
	taken := make([]bool, len(p.dates))
	copy(taken, p.used)
	pending := map[int][]match{} // line → labels waiting for a date on a later line
	for pass := 0; pass < 2; pass++ {
		for li, m := range p.labels {
			f := m.p.field
			if !f.isDate() || (pass == 0) == (f == fIssuedWeak) {
				continue
			}
			l := p.lineOf(m.start)
			_, le := p.lineBounds(l)
			limit := le
			for _, k := range p.labels[li+1:] {
				if k.start >= le {
					break
				}
				if k.p.field != f && k.p.field != fIssuedWeak && k.p.field != fPeriod {
					limit = k.start
					break
				}
			}
			any := false
			found := false
			for di, d := range p.dates {
				if d.start < m.end || d.start >= limit {
					continue
				}
				any = true
				if taken[di] {
					continue
				}
				if f == fIssuedWeak && !p.onlyLabels(m.end, d.start) {
					break // "le", "dana", "Date": only right before the date
				}
				out = append(out, dateFor{f, d.d, d.start})
				taken[di] = true
				found = true
				break
			}
			// A label with nothing after it waits for the date below it;
			// one followed by words ("Valable jusqu'au : illimité") does not.
			// With word boxes, the date beside or under it is found by
			// where it is.
			if !found && !any && p.onlyLabels(m.end, limit) {
				di, geometry := p.dateNear(m, taken)
				if di >= 0 {
					out = append(out, dateFor{f, p.dates[di].d, p.dates[di].start})
					taken[di] = true
					continue
				}
				if !geometry {
					pending[l] = append(pending[l], m)
				}
			}
		}
	}
	lines := make([]int, 0, len(pending))
	for l := range pending {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	for _, l := range lines {
		out = append(out, p.datesBelow(l, pending[l], taken)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// datesBelow finds the dates for labels that end line l on the next line
// that holds dates (looking past at most one line of more labels).
func (p *page) datesBelow(l int, labels []match, taken []bool) []dateFor {
	t := p.text()
	var groups []match
	for _, m := range labels {
		if n := len(groups); n > 0 && groups[n-1].p.field == m.p.field {
			continue
		}
		groups = append(groups, m)
	}
	for hop, next := 0, l+1; hop < 3 && next < len(p.lineStarts); next++ {
		ls, le := p.lineBounds(next)
		if strings.TrimSpace(t[ls:le]) == "" {
			continue
		}
		hop++
		firstLabel := le
		for _, m := range p.labels {
			if m.start >= ls && m.start < le && m.p.field.isDate() {
				firstLabel = m.start
				break
			}
		}
		var cands []int
		for di, d := range p.dates {
			if d.start >= ls && d.start < firstLabel {
				cands = append(cands, di)
			}
		}
		if len(cands) == 0 {
			if firstLabel < le {
				continue // a line of more labels: look below it
			}
			return nil
		}
		var out []dateFor
		assign := func(g match, di int) {
			if !taken[di] {
				out = append(out, dateFor{g.p.field, p.dates[di].d, p.dates[di].start})
			}
		}
		switch {
		case len(groups) == len(cands):
			for i, g := range groups {
				assign(g, cands[i])
			}
		case len(groups) == 1:
			assign(groups[0], cands[0])
		default:
			gls, _ := p.lineBounds(p.lineOf(groups[0].start))
			for _, g := range groups {
				col := utf8.RuneCountInString(t[gls:g.start])
				best, bestDist := -1, 1<<30
				for _, di := range cands {
					dc := utf8.RuneCountInString(t[ls:p.dates[di].start])
					if d := abs(dc - col); d < bestDist {
						best, bestDist = di, d
					}
				}
				assign(g, best)
			}
		}
		return out
	}
	return nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Analyze reads the fields of a document from the text of its pages.
func Analyze(pages []string, hint Hint) Fields {
	var f Fields
	ps := make([]*page, 0, len(pages))
	var all strings.Builder
	now := hint.Now
	if now.IsZero() {
		now = time.Now()
	}
	for i, s := range pages {
		var lay layout.Page
		if i < len(hint.Layout) {
			lay = hint.Layout[i]
		}
		ps = append(ps, newPage(s, now, lay))
		if i > 0 {
			all.WriteByte('\n')
		}
		all.WriteString(s)
	}
	f.Language, f.Script = DetectLanguage(all.String())
	f.classify(ps, hint)
	f.readDates(ps)
	f.Holder, f.HolderAddressed = holder(ps)
	f.Number, f.References = numbers(ps)
	f.Sworn = sworn(ps)
	f.Country = issuingCountry(ps, f.Type)
	if f.Type == document.LanguageCertificate {
		f.Level = cefrLevel(ps)
	}

	weakExpiry := f.Expires.IsZero() // an expiry no label and no checked MRZ gave
	if z := hint.MRZ; z != nil {
		if f.Holder == "" || f.HolderAddressed {
			f.Holder = strings.Join(strings.Fields(strings.ToUpper(z.Surname+" "+z.GivenNames)), " ")
			f.HolderAddressed = false
		}
		if f.BirthDate.IsZero() && !z.BirthDate.IsZero() {
			f.BirthDate = document.DateOf(z.BirthDate)
		}
		if f.Expires.IsZero() && !z.ExpiryDate.IsZero() {
			f.Expires = document.DateOf(z.ExpiryDate)
			weakExpiry = !z.Valid
		}
		if f.Number == "" {
			f.Number = strings.ToUpper(strings.Trim(z.DocumentNumber, "< "))
		}
		if f.Country == "" {
			f.Country = country.Alpha2(z.IssuingState)
		}
	}
	f.issuedFromValidity(ps, weakExpiry)
	f.idLanguage(hint.MRZ, ps)
	return f
}

// idLanguage sets the language of an identity document from the country
// that issued it, unless the text reads as one of that country's
// languages. Of a country intake knows no languages of, the language is
// that of the first caption of each pair ("Surname/ Nom"): ICAO 9303 has
// the national language printed first, then English or French.
func (f *Fields) idLanguage(z *mrz.Result, ps []*page) {
	switch f.Type {
	case document.Passport, document.IDCard, document.ResidencePermit:
	default:
		return
	}
	if z == nil {
		return
	}
	issuer := country.Alpha2(z.IssuingState)
	if issuer == "" {
		// An issuer's code that is no state's (a specimen's "BDR"): a
		// passport's holder is of the issuing state.
		issuer = country.Alpha2(z.Nationality)
	}
	langs := theVocab().countryLangs[issuer]
	switch {
	case len(langs) > 0 && !slices.Contains(langs, f.Language):
		f.Language = langs[0]
	case len(langs) == 0:
		if l := captionLanguage(ps); l != "" {
			f.Language = l
		}
	}
}

// captionLanguage is the language of the first caption of each pair
// printed as "Surname/ Nom", or "" when the pages print too few.
func captionLanguage(ps []*page) string {
	var firsts strings.Builder
	for _, p := range ps {
		for _, line := range strings.Split(p.n.orig, "\n") {
			if first, _, ok := strings.Cut(line, "/"); ok {
				firsts.WriteString(first)
				firsts.WriteByte('\n')
			}
		}
	}
	lang, _ := DetectLanguage(firsts.String())
	return lang
}

// issuedFromValidity finds the issue date of an identity document that
// prints it without a readable label: the date whose anniversary, some
// whole years later (less a day, or not), is the expiry. Passports and
// cards are valid for whole years from their issue.
func (f *Fields) issuedFromValidity(ps []*page, weakExpiry bool) {
	switch f.Type {
	case document.Passport, document.IDCard, document.ResidencePermit:
	default:
		return
	}
	validFor := func(a, b document.Date) bool { return visual.TermApart(a.Time(), b.Time()) }
	var dates []document.Date
	for _, p := range ps {
		for _, d := range p.dates {
			if d.d != f.BirthDate {
				dates = append(dates, d.d)
			}
		}
	}
	switch {
	case !f.Issued.IsZero() && weakExpiry:
		// A printed expiry a whole number of years after the issue date
		// beats one read from an unchecked zone.
		for _, d := range dates {
			if f.Issued.Before(d) && validFor(f.Issued, d) {
				f.Expires = d
				return
			}
		}
		return
	case !f.Issued.IsZero():
		return
	case !f.Expires.IsZero():
		for _, d := range dates {
			if d.Before(f.Expires) && validFor(d, f.Expires) {
				f.Issued = d
				return
			}
		}
	}
	if !weakExpiry {
		return
	}
	// Two printed dates a whole number of years apart are the issue and
	// expiry dates; they beat an expiry read from an unchecked zone.
	for i, a := range dates {
		for _, b := range dates[i+1:] {
			if a.Before(b) && validFor(a, b) {
				f.Issued, f.Expires = a, b
				return
			}
		}
	}
}

// readDates fills the dates and periods.
func (f *Fields) readDates(ps []*page) {
	var issuedWeak, placed, alone document.Date
	var fuzzy Fields       // dates of misspelt labels
	var paid document.Date // the day a payment was made
	lone := 0
	var periods []document.Period
	for _, p := range ps {
		labelled := p.labelledDates()
		taken := map[int]bool{}
		for _, d := range labelled {
			taken[d.pos] = true
		}
		for _, d := range p.fuzzyDates(taken) {
			switch d.f {
			case fIssued:
				setOnce(&fuzzy.Issued, d.d)
			case fValidFrom:
				setOnce(&fuzzy.ValidFrom, d.d)
			case fExpires:
				setOnce(&fuzzy.Expires, d.d)
			case fBirth:
				setOnce(&fuzzy.BirthDate, d.d)
			}
			taken[d.pos] = true
		}
		for _, pd := range p.placeDates(taken) {
			if pd.alone {
				lone++
				alone = pd.d
				continue
			}
			placed = pd.d // the last one: the foot of a certificate
		}
		for _, d := range labelled {
			switch d.f {
			case fIssued:
				if f.Type == document.Translation {
					// A translation repeats the original's dates; its own
					// comes last, at the translator's foot.
					f.Issued = d.d
				}
				setOnce(&f.Issued, d.d)
			case fPaid:
				setOnce(&paid, d.d)
			case fIssuedWeak:
				// The last: documents are dated at their foot; an early
				// "le" may be a birth date's ("née\nle 04/05/1990").
				issuedWeak = d.d
			case fValidFrom:
				setOnce(&f.ValidFrom, d.d)
			case fExpires:
				setOnce(&f.Expires, d.d)
			case fBirth:
				setOnce(&f.BirthDate, d.d)
			}
		}
		per, ok := document.Period{}, false
		if len(p.periods) > 0 {
			per, ok = p.periods[0], true
		} else if f.Type == document.Payslip || f.Type == document.BankStatement || f.Type == document.ProofOfAddress {
			per, ok = p.monthPeriod()
		}
		if ok {
			periods = append(periods, per)
		}
	}
	// Labelled first, then a weak label ("le", "Date"), then where people
	// date a document: a place-and-date line, else a date alone on its line
	// when there is only one.
	if f.Type == document.Payslip && !paid.IsZero() {
		f.Issued = paid // a payslip is dated by its pay day
	}
	setOnce(&f.Issued, paid)
	setOnce(&f.Issued, fuzzy.Issued)
	setOnce(&f.ValidFrom, fuzzy.ValidFrom)
	setOnce(&f.Expires, fuzzy.Expires)
	setOnce(&f.BirthDate, fuzzy.BirthDate)
	if f.Issued.IsZero() {
		f.Issued = issuedWeak
	}
	if f.Issued.IsZero() {
		f.Issued = placed
	}
	if f.Issued.IsZero() && lone == 1 {
		f.Issued = alone
	}
	if f.Issued == f.BirthDate {
		f.Issued = document.Date{} // a birth date is never an issue date
	}
	if len(periods) > 0 {
		setOnce(&f.ValidFrom, periods[0].From)
		setOnce(&f.Expires, periods[0].To)
	}
	if f.Type == document.Payslip || f.Type == document.BankStatement {
		for _, per := range periods {
			dup := false
			for _, q := range f.Periods {
				dup = dup || q == per
			}
			if !dup {
				f.Periods = append(f.Periods, per)
			}
		}
	}
}

func setOnce(d *document.Date, v document.Date) {
	if d.IsZero() {
		*d = v
	}
}

// sworn reports whether a sworn, certified or court translator is named.
func sworn(ps []*page) bool {
	v := theVocab()
	var buf []match
	for _, p := range ps {
		if buf = v.swornSet.findAllWords(p.text(), p.words, true, buf[:0]); len(buf) > 0 {
			return true
		}
	}
	return false
}

// field1RE finds an apostille's field 1, the issuing country.
var field1RE = regexp.MustCompile(`(?m)^ ?1 ?[.)]? ?(?:country|pays|land|drzava|држава|земља|страна|国家|staat)`)

// issuingCountry returns the issuing country printed on the document.
func issuingCountry(ps []*page, t document.Type) string {
	v := theVocab()
	var buf []match
	if t == document.Apostille {
		for _, p := range ps {
			txt := p.text()
			loc := field1RE.FindStringIndex(txt)
			if loc == nil {
				continue
			}
			l := p.lineOf(loc[0])
			for k := l; k < l+2 && k < len(p.lineStarts); k++ {
				ls, le := p.lineBounds(k)
				if k == l {
					ls = loc[1]
				}
				seg := txt[ls:le]
				for _, set := range []*phraseSet{v.countrySet, v.countryNameSet} {
					if buf = set.findAll(seg, true, buf[:0]); len(buf) > 0 {
						return buf[0].p.country
					}
				}
			}
		}
	}
	for _, p := range ps {
		best, bestPos := "", len(p.text())+1
		for _, m := range v.countrySet.findAllWords(p.text(), p.words, true, buf[:0]) {
			if m.start < bestPos {
				best, bestPos = m.p.country, m.start
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}

// numberRE reads a document number at the start of normalised text.
var numberRE = regexp.MustCompile(`^[0-9a-zа-яђјљњћџ][0-9a-zа-яђјљњћџ/-]*(?: [0-9]+)*`)

// numberAt reads the number that follows text[i:].
func numberAt(t string, i int) string {
	rest := t[i:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	rest = strings.TrimLeft(rest, " :;.,#°№")
	if rest == "" && i < len(t) {
		// The number is on the next line.
		if nl := strings.IndexByte(t[i:], '\n'); nl >= 0 {
			rest = t[i+nl+1:]
			if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
				rest = rest[:nl]
			}
			rest = strings.TrimLeft(rest, " :;.,#°№")
		}
	}
	tok := numberRE.FindString(rest)
	tok = strings.TrimRight(tok, "/-")
	// Groups of digits separated by spaces belong together ("45 12 345678")
	// only when the first group is digits too.
	if k := strings.IndexByte(tok, ' '); k >= 0 && strings.ContainsFunc(tok[:k], unicode.IsLetter) {
		tok = tok[:k]
	}
	tok = strings.ReplaceAll(tok, " ", "")
	digits := 0
	for _, r := range tok {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits < 2 || len(tok) < 3 {
		return ""
	}
	if _, ok := ParseDate(tok); ok {
		return ""
	}
	return strings.ToUpper(tok)
}

// numbers returns the document's own number and the numbers it cites.
func numbers(ps []*page) (string, []string) {
	var specific, generic string
	var refs []string
	for _, p := range ps {
		for _, m := range p.labels {
			if !m.p.field.isNumber() {
				continue
			}
			n := numberAt(p.text(), m.end)
			if n == "" {
				continue
			}
			switch m.p.field {
			case fNumber:
				if specific == "" {
					specific = n
				}
			case fNumberGeneric:
				if generic == "" {
					generic = n
				}
			case fReference:
				dup := false
				for _, r := range refs {
					dup = dup || r == n
				}
				if !dup {
					refs = append(refs, n)
				}
			}
		}
	}
	if specific != "" {
		return specific, refs
	}
	return generic, refs
}

// levelAfterRE finds a CEFR level after a word that announces it
// ("niveau B1", "level A2", "Niveaustufe B1", "na nivou B1", "на уровне
// B1", "B1级"); levelRE any level standing alone ("DELF B1"). Cyrillic
// А, В, С read by OCR stand for the Latin letters.
var (
	levelAfterRE = regexp.MustCompile(`(?:niveau|level|niveaustufe|nivo|nivou|nivoa|уровн[а-я]*|stufe)\s*:?\s*([abcавс])\s?([12])(?:[^\p{L}\p{N}]|$)`)
	levelRE      = regexp.MustCompile(`(?:^|[^\p{L}\p{N}])([abcавс])([12])(?:[^\p{L}\p{N}]|级|$)`)
)

// cefrLevel returns the CEFR level a language certificate attests: the
// first announced by a label, else the first standing alone.
func cefrLevel(ps []*page) string {
	for _, re := range []*regexp.Regexp{levelAfterRE, levelRE} {
		for _, p := range ps {
			if m := re.FindStringSubmatch(p.text()); m != nil {
				letter := strings.NewReplacer("а", "A", "в", "B", "с", "C").Replace(m[1])
				return strings.ToUpper(letter) + m[2]
			}
		}
	}
	return ""
}
