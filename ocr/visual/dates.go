// Package visual reads the dates printed in the visual zone of a passport
// or an identity card, next to their labels ("Date of issue / Date de
// délivrance  16 APR/AVR 07", "gültig bis 24.01.2015"), so that a
// document's issue date is known (the MRZ does not hold it) and its printed
// expiry can be compared with the MRZ's.
package visual

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/intake-app/intake/ocr/layout"
	"github.com/intake-app/intake/ocr/mrz"
)

// Dates are the dates found next to their labels; a zero time when not
// found. The texts are the dates as printed (for evidence).
type Dates struct {
	Issue, Expiry, Birth             time.Time
	IssueText, ExpiryText, BirthText string
}

// labels of the dates, normalised (lower case, no accents), in the
// languages of the documents intake reads.
var (
	issueLabels = []string{"date of issue", "date de delivrance", "issued on", "date d'emission",
		"ausstellungsdatum", "datum der ausstellung", "ausgestellt am", "datum van afgifte", "datum uitgifte",
		"fecha de expedicion", "fecha de emision", "data di rilascio", "data de emissao", "datum izdavanja",
		"датум издавања", "дата выдачи", "data emiterii", "date of issuance", "issue date", "delivre le",
		"date d'emission", "data wydania", "datum vydani", "datum vydania", "kiallitas datuma", "kiallitas kelte",
		"utfardandedatum", "udstedelsesdato", "utstedelsesdato", "myontamispaiva", "datum izdaje",
		"ημερομηνια εκδοση", "дата на издаване", "isdavimo data", "izdosanas datums", "valjaandmise kuupaev",
		"verilis tarihi", "дата видачі", "签发日期", "发证日期", "تاريخ الإصدار", "تاريخ الاصدار"}
	expiryLabels = []string{"date of expiry", "date d'expiration", "expiry date", "expires on", "valid until",
		"gultig bis", "ablaufdatum", "geldig tot", "vervaldatum", "fecha de caducidad", "fecha de vencimiento",
		"data di scadenza", "data de validade", "vazi do", "datum isteka", "важи до", "дата окончания",
		"срок действия", "data expirarii", "valable jusqu", "date of expiration",
		"data waznosci", "platnost do", "ervenyesseg", "ervenyes", "sista giltighetsdag",
		"udlobsdato", "utlopsdato", "voimassa", "vrijedi do", "velja do", "ημερομηνια ληξη", "валидна до",
		"galioja iki", "derigs lidz", "kehtiv kuni", "gecerlilik tarihi", "дійсний до", "有效期至", "تاريخ الانتهاء"}
	birthLabels = []string{"date of birth", "date de naissance", "geburtsdatum", "geboortedatum",
		"fecha de nacimiento", "data di nascita", "data de nascimento", "datum rodjenja", "datum rođenja",
		"датум рођења", "дата рождения", "data nasterii", "ne le", "nee le"}
)

var months = map[string]time.Month{
	"jan": 1, "janv": 1, "ene": 1, "gen": 1, "jän": 1, "jaen": 1, "janu": 1, "янв": 1,
	"feb": 2, "fev": 2, "fevr": 2, "febr": 2, "фев": 2,
	"mar": 3, "mars": 3, "mär": 3, "maer": 3, "mrz": 3, "mrt": 3, "мар": 3,
	"apr": 4, "avr": 4, "abr": 4, "апр": 4,
	"may": 5, "mai": 5, "mei": 5, "mag": 5, "мая": 5, "май": 5,
	"jun": 6, "juin": 6, "giu": 6, "июн": 6,
	"jul": 7, "juil": 7, "lug": 7, "июл": 7,
	"aug": 8, "aou": 8, "aout": 8, "ago": 8, "авг": 8,
	"sep": 9, "sept": 9, "set": 9, "сен": 9,
	"oct": 10, "okt": 10, "ott": 10, "out": 10, "окт": 10,
	"nov": 11, "ноя": 11,
	"dec": 12, "dez": 12, "dic": 12, "дек": 12,
}

var (
	// 16 APR 07, 16 APR/AVR 07, 01 MAR 2014, 1 janv. 2014
	namedRE = regexp.MustCompile(`(?i)\b(\d{1,2})[ .]+(\p{L}{3,5})\.?(?:\s*/\s*\p{L}{3,5}\.?)?[ .,]+(\d{4}|\d{2})\b`)
	// 12.04.2006, 12/04/2006, 12-04-06, 01 01 03; 17.10,03 (a dot read
	// as a comma)
	numericRE = regexp.MustCompile(`\b(\d{1,2})([./\- ,])(\d{1,2})([./\- ,])(\d{4}|\d{2})\b`)
)

var accents = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "ä", "a",
	"á", "a", "í", "i", "ó", "o", "ô", "o", "ö", "o", "ú", "u", "ù", "u", "û", "u", "ü", "u", "ç", "c",
	"ã", "a", "õ", "o", "ñ", "n", "ă", "a", "ș", "s", "ş", "s", "ț", "t", "ţ", "t", "ž", "z", "š", "s",
	"č", "c", "ć", "c", "đ", "dj", "’", "'", "`", "'",
	"ł", "l", "ř", "r", "ě", "e", "ů", "u", "ý", "y", "ő", "o", "ű", "u", "å", "a", "ø", "o", "æ", "ae",
	"ą", "a", "ę", "e", "ś", "s", "ź", "z", "ż", "z", "ń", "n", "ğ", "g", "ı", "i", "ī", "i", "ē", "e",
	"ā", "a", "ū", "u", "ņ", "n", "ļ", "l", "ķ", "k", "ģ", "g", "ň", "n", "ť", "t", "ď", "d", "ľ", "l",
	"ά", "α", "έ", "ε", "ή", "η", "ί", "ι", "ό", "ο", "ύ", "υ", "ώ", "ω")

func normalize(s string) string {
	return strings.Join(strings.Fields(accents.Replace(strings.ToLower(s))), " ")
}

// found is a date in a text, with where it sits.
type found struct {
	t    time.Time
	text string
	at   int // byte offset in the text
}

// parseDates returns the dates of s in order. Two-digit years are put in
// the century that gives a date in [now.Year−99, now.Year+20] (expiry) or
// not after now (other dates).
func parseDates(s string, now time.Time, future bool) []found {
	var out []found
	year := func(y string) int {
		n, _ := strconv.Atoi(y)
		if len(y) == 4 {
			return n
		}
		top := now.Year()
		if future {
			top += 20
		}
		return top - ((top-n)%100+100)%100
	}
	add := func(y int, m time.Month, d int, text string, at int) {
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if m < 1 || m > 12 || t.Day() != d || t.Month() != m {
			return
		}
		out = append(out, found{t, text, at})
	}
	for _, m := range namedRE.FindAllStringSubmatchIndex(s, -1) {
		mon, ok := months[normalize(s[m[4]:m[5]])]
		if !ok {
			if len(s[m[4]:m[5]]) > 3 {
				mon, ok = months[normalize(s[m[4]:m[4]+3])]
			}
			if !ok {
				continue
			}
		}
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		add(year(s[m[6]:m[7]]), mon, d, s[m[0]:m[1]], m[0])
	}
	for _, m := range numericRE.FindAllStringSubmatchIndex(s, -1) {
		a, b := s[m[4]:m[5]], s[m[8]:m[9]]
		if dotOrComma(a) != dotOrComma(b) || a == "," && b == "," {
			continue // one separator throughout
		}
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[6]:m[7]])
		add(year(s[m[10]:m[11]]), time.Month(mo), d, s[m[0]:m[1]], m[0])
	}
	// In order of position.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].at < out[j-1].at; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// dotOrComma takes a comma for a dot: OCR reads one for the other, and no
// date is written with commas alone.
func dotOrComma(sep string) string {
	if sep == "," {
		return "."
	}
	return sep
}

// labelAt returns the end of the first of labels in the normalised line,
// or -1.
func labelAt(norm string, labels []string) int {
	for _, l := range labels {
		if i := strings.Index(norm, l); i >= 0 {
			return i + len(l)
		}
	}
	return -1
}

// allLabels are the labels of every date.
func allLabels() []string {
	return append(append(append([]string(nil), issueLabels...), expiryLabels...), birthLabels...)
}

// The dates with labels, in the order of fieldLabels.
const (
	issueField = iota
	expiryField
	birthField
)

// fieldLabels are the labels of each date.
func fieldLabels() [][]string { return [][]string{issueLabels, expiryLabels, birthLabels} }

// labelRank is how many other dates than field have a label that ends
// before byte end of the normalised line s (where labelAt found field's):
// labels side by side have their values side by side. A label printed in
// two languages ("Data wydania / Date of issue") counts once.
func labelRank(s string, end, field int) int {
	rank := 0
	for f, labels := range fieldLabels() {
		if f == field {
			continue
		}
		for _, l := range labels {
			if i := strings.Index(s, l); i >= 0 && i+len(l) < end {
				rank++
				break
			}
		}
	}
	return rank
}

// VisualDates finds the issue, expiry and birth dates printed next to
// their labels: on the label's line after it, else on the next two lines
// (passports print the value under its label). now resolves two-digit
// years (an expiry may lie ahead, the other dates do not). A validity
// printed as a range ("17.10.03-09.05.2013") gives both dates.
func VisualDates(lines []layout.Line, now time.Time) Dates {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.Text()
	}
	return datesIn(texts, now)
}

func datesIn(texts []string, now time.Time) Dates {
	var d Dates
	find := func(field int, future bool) (time.Time, string) {
		labels := fieldLabels()[field]
		for i, t := range texts {
			at := labelAt(normalize(t), labels)
			if at < 0 {
				continue
			}
			// The label was found in the normalised text; look after it in
			// the same normalised text, then on the next lines.
			if ds := parseDates(normalize(t)[at:], now, future); len(ds) > 0 {
				return ds[0].t, strings.ToUpper(ds[0].text)
			}
			// Labels side by side on one line ("Datum izdavanja   Važi do")
			// have their values side by side on the next, in the same order.
			rank := labelRank(normalize(t), at, field)
			for k := i + 1; k < len(texts) && k <= i+2; k++ {
				if labelAt(normalize(texts[k]), allLabels()) >= 0 {
					break // the next label: this one has no value
				}
				if ds := parseDates(texts[k], now, future); len(ds) > rank {
					return ds[rank].t, ds[rank].text
				}
			}
		}
		return time.Time{}, ""
	}
	d.Issue, d.IssueText = find(issueField, false)
	d.Expiry, d.ExpiryText = find(expiryField, true)
	d.Birth, d.BirthText = find(birthField, false)
	if d.Issue.IsZero() || d.Expiry.IsZero() {
		// A validity range: two dates joined by a dash, the second later.
		for _, t := range texts {
			ds := parseDates(t, now, true)
			for i := 0; i+1 < len(ds); i++ {
				between := t[ds[i].at+len(ds[i].text) : ds[i+1].at]
				if strings.TrimSpace(between) == "-" && ds[i+1].t.After(ds[i].t) {
					if d.Issue.IsZero() && !ds[i].t.After(now) {
						d.Issue, d.IssueText = ds[i].t, ds[i].text
					}
					if d.Expiry.IsZero() {
						d.Expiry, d.ExpiryText = ds[i+1].t, ds[i+1].text
					}
				}
			}
		}
	}
	return d
}

// ExpiryMismatch returns a warning when the expiry date printed in the
// visual zone and the MRZ's disagree (both read, and the MRZ's check digit
// holding), and "" otherwise.
func ExpiryMismatch(d Dates, m *mrz.Result) string {
	if m == nil || d.Expiry.IsZero() || m.ExpiryDate.IsZero() {
		return ""
	}
	for _, c := range m.Checks {
		if c.Field == "expiry_date" && !c.OK {
			return ""
		}
	}
	if d.Expiry.Equal(m.ExpiryDate) {
		return ""
	}
	return fmt.Sprintf("the printed expiry date (%s) and the MRZ's (%s) disagree", d.Expiry.Format(time.DateOnly), m.ExpiryDate.Format(time.DateOnly))
}

// compactRE is a date printed without separators: 010103, 01012003.
var compactRE = regexp.MustCompile(`\b(\d{2})(\d{2})(\d{4}|\d{2})\b`)

// maxTerm is the longest validity, in years, of the documents intake
// reads (a French identity card: 15).
const maxTerm = 15

// IssueByTerm finds an issue date printed without a label the reading
// kept (a card's labels too small to read): a date, written with or
// without separators, that lies a whole number of years before expiry, or
// that less a day, as issuing offices set a document's validity. The
// birth date is not taken. It returns the date and its text, or a zero
// time.
func IssueByTerm(lines []layout.Line, expiry, birth time.Time) (time.Time, string) {
	if expiry.IsZero() {
		return time.Time{}, ""
	}
	return firstDate(lines, expiry, func(t time.Time) bool {
		return t.Before(expiry) && !t.Equal(birth) && TermApart(t, expiry)
	})
}

// ExpiryByTerm finds, the same way, an expiry date printed without a
// label the reading kept: a date a whole term after issue.
func ExpiryByTerm(lines []layout.Line, issue time.Time) (time.Time, string) {
	if issue.IsZero() {
		return time.Time{}, ""
	}
	return firstDate(lines, issue.AddDate(maxTerm, 0, 0), func(t time.Time) bool {
		return t.After(issue) && TermApart(issue, t)
	})
}

// TermApart reports whether a document issued on issue and expiring on
// expiry is valid a whole number of years (up to 15, a French identity
// card's), or that less a day: passports and cards are valid for whole
// years from their issue.
func TermApart(issue, expiry time.Time) bool {
	for n := 1; n <= maxTerm; n++ {
		end := issue.AddDate(n, 0, 0)
		if end.Equal(expiry) || end.AddDate(0, 0, -1).Equal(expiry) {
			return true
		}
	}
	return false
}

// firstDate returns the first date of lines, written with or without
// separators, that ok accepts, and its text. Two-digit years are put in
// the century that gives a date not after latest.
func firstDate(lines []layout.Line, latest time.Time, ok func(time.Time) bool) (time.Time, string) {
	for _, l := range lines {
		text := l.Text()
		for _, d := range parseDates(text, latest, false) {
			if ok(d.t) {
				return d.t, d.text
			}
		}
		for _, m := range compactRE.FindAllStringSubmatch(text, -1) {
			day, _ := strconv.Atoi(m[1])
			mon, _ := strconv.Atoi(m[2])
			y, _ := strconv.Atoi(m[3])
			if len(m[3]) == 2 {
				y += latest.Year() / 100 * 100
				if y > latest.Year() {
					y -= 100
				}
			}
			t := time.Date(y, time.Month(mon), day, 0, 0, 0, 0, time.UTC)
			if t.Day() == day && int(t.Month()) == mon && ok(t) {
				return t, m[0]
			}
		}
	}
	return time.Time{}, ""
}

// OneDigitApart reports whether two dates, written YYYYMMDD, differ in a
// single digit: what a misread glyph makes of a date (2013 read 2015),
// where a document printed with another date differs in more.
func OneDigitApart(a, b time.Time) bool {
	x, y := a.Format("20060102"), b.Format("20060102")
	n := 0
	for i := range x {
		if x[i] != y[i] {
			n++
		}
	}
	return n == 1
}
