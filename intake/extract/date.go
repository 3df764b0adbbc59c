package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/intake-app/intake/document"
)

// dateRE finds dates in normalised text (lower case, single spaces). The
// alternatives, in this order: Chinese 2026年1月15日; ISO 2026-01-15;
// day-first numeric 15.01.2026 / 15/01/2026 / 15-01-2026 (with an optional
// Serbian trailing dot); day, month name, year ("1er mars 2026",
// "15. januara 2026.", "15 января 2026 г."); month name, day, year
// ("January 15, 2026").
var dateRE = regexp.MustCompile(
	`(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日?` +
		`|(\d{4})([-./])(\d{1,2})([-./])(\d{1,2})` +
		`|(\d{1,2}) ?([./-]) ?(\d{1,2}) ?([./-]) ?(\d{4})\.?` +
		`|(\d{1,2})(?:er|\.)? ?(\pL{3,12})\.?(?: ?/ ?\pL{3,12}\.?)? ?,? ?(\d{4})(?:\.? ?(?:года|године\.?|godine\.?|г\.?)|\.)?` +
		`|(\pL{3,12})\.? ?(\d{1,2})(?:st|nd|rd|th)?,? (\d{4})` +
		// Two-digit years: "16 apr/avr 07", "02/01/26".
		`|(\d{1,2})(?:er|\.)? (\pL{3,12})\.?(?: ?/ ?\pL{3,12}\.?)? (\d{2})` +
		`|(\d{1,2})([./-])(\d{1,2})([./-])(\d{2})` +
		// Day, month and year apart: "14 01 2031" (French cards).
		`|(\d{2}) (\d{2}) (\d{4})`)

// monthYearRE finds a month without a day: "janvier 2026", "01/2026", "2026年1月".
var monthYearRE = regexp.MustCompile(`(\pL{3,12})\.? (\d{4})|(\d{1,2}) ?[./-] ?(\d{4})|(\d{4}) ?年 ?(\d{1,2}) ?月`)

// dateHit is a date found in a normalised text.
type dateHit struct {
	d          document.Date
	start, end int
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// mkDate returns y-m-d if it is a real calendar date in a plausible range.
func mkDate(y, m, d int) (document.Date, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return document.Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31.02 rolled over
		return document.Date{}, false
	}
	return document.NewDate(y, time.Month(m), d), true
}

// findDates returns the dates of a normalised text in order. A date never
// spans lines; lines without digits are skipped (the regexp is costly on
// long text).
func findDates(text string, now time.Time) []dateHit {
	var hits []dateHit
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		if line := text[off:end]; strings.ContainsAny(line, "0123456789０") {
			for _, h := range findLineDates(line, now) {
				h.start += off
				h.end += off
				hits = append(hits, h)
			}
		}
		off = end + 1
	}
	return hits
}

// century resolves a two-digit year: at most 20 years ahead of now.
func century(yy int, now time.Time) int {
	if 2000+yy > now.Year()+20 {
		return 1900 + yy
	}
	return 2000 + yy
}

func findLineDates(text string, now time.Time) []dateHit {
	months := theVocab().months
	var hits []dateHit
	// A match that is no date ("6. the 20" is not a day, month and
	// two-digit year) is passed by one rune only: a date may start inside it.
	for off := 0; off < len(text); {
		rel := dateRE.FindStringSubmatchIndex(text[off:])
		if rel == nil {
			break
		}
		m := make([]int, len(rel))
		for k, x := range rel {
			m[k] = x
			if x >= 0 {
				m[k] += off
			}
		}
		g := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return text[m[2*k]:m[2*k+1]]
		}
		start, end := m[0], m[1]
		_, size := utf8.DecodeRuneInString(text[start:])
		off = start + max(size, 1)
		var y, mo, d int
		switch {
		case m[2] >= 0:
			y, mo, d = atoi(g(1)), atoi(g(2)), atoi(g(3))
		case m[8] >= 0:
			if g(5) != g(7) {
				continue
			}
			y, mo, d = atoi(g(4)), atoi(g(6)), atoi(g(8))
		case m[18] >= 0:
			if g(10) != g(12) {
				continue
			}
			d, mo, y = atoi(g(9)), atoi(g(11)), atoi(g(13))
		case m[28] >= 0:
			d, y = atoi(g(14)), atoi(g(16))
			mo = months[g(15)]
		case m[34] >= 0:
			mo, d, y = months[g(17)], atoi(g(18)), atoi(g(19))
		case m[40] >= 0:
			d, mo, y = atoi(g(20)), months[g(21)], century(atoi(g(22)), now)
		case m[46] >= 0:
			if g(24) != g(26) {
				continue
			}
			d, mo, y = atoi(g(23)), atoi(g(25)), century(atoi(g(27)), now)
		case m[56] >= 0:
			d, mo, y = atoi(g(28)), atoi(g(29)), atoi(g(30))
		}
		// The match must not be glued to other digits or letters.
		if start > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:start])
			if isWord(r) && !isHan(r) {
				continue
			}
		}
		if end < len(text) {
			r, _ := utf8.DecodeRuneInString(text[end:])
			if r >= '0' && r <= '9' {
				continue
			}
		}
		if dt, ok := mkDate(y, mo, d); ok {
			hits = append(hits, dateHit{d: dt, start: start, end: end})
			off = end
		}
	}
	return hits
}

// ParseDate parses one date written in any of the formats of
// docs/vocabulary.md: 15/01/2026, 15-01-2026, 15.01.2026, 15.01.2026.,
// 2026-01-15, 15 janvier 2026, 1er mars 2026, 15. Januar 2026,
// 15. januara 2026., 15. јануара 2026., 15 января 2026 г., January 15, 2026,
// 2026年1月15日. Impossible dates (31.02.2026) are rejected. Surrounding
// spaces and punctuation are ignored; any other text is not.
func ParseDate(s string) (document.Date, bool) {
	text := strings.Trim(normalize(s).text, " ,;:")
	hits := findDates(text, time.Now())
	if len(hits) != 1 {
		return document.Date{}, false
	}
	h := hits[0]
	if strings.Trim(text[:h.start], " ") != "" || strings.Trim(text[h.end:], " .") != "" {
		return document.Date{}, false
	}
	return h.d, true
}

// monthPeriod reads a month without a day at the start of text: the
// period from its first to its last day.
func monthPeriod(text string) (document.Period, int, bool) {
	m := monthYearRE.FindStringSubmatchIndex(text)
	if m == nil || m[0] != 0 {
		return document.Period{}, 0, false
	}
	g := func(k int) string { return text[m[2*k]:m[2*k+1]] }
	var y, mo int
	switch {
	case m[2] >= 0:
		mo, y = theVocab().months[g(1)], atoi(g(2))
	case m[6] >= 0:
		mo, y = atoi(g(3)), atoi(g(4))
	default:
		y, mo = atoi(g(5)), atoi(g(6))
	}
	from, ok := mkDate(y, mo, 1)
	if !ok {
		return document.Period{}, 0, false
	}
	return document.Period{From: from, To: from.AddDate(0, 1, -1)}, m[1], true
}
