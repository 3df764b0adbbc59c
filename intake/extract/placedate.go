package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/intake-app/intake/document"
)

// placeDate is a date printed where people date a document: after the
// place it was made ("Beograd, 20.10.2026. godine", "Fait à Lyon, le 3
// novembre 2026", "г. Москва, «05» ноября 2026 г."), or alone on its line
// ("2026年9月22日").
type placeDate struct {
	d     document.Date
	alone bool // no place: the date alone on its line
}

// placeDates returns the dates of p that stand on a place-and-date line,
// in text order, leaving out the dates in taken (already labelled).
func (p *page) placeDates(taken map[int]bool) []placeDate {
	v := theVocab()
	t := p.text()
	var out []placeDate
	for i, d := range p.dates {
		if p.used[i] || taken[d.start] {
			continue
		}
		l := p.lineOf(d.start)
		ls, le := p.lineBounds(l)
		o := p.n.src[d.start]
		if strings.Contains(p.n.orig[strings.LastIndexByte(p.n.orig[:o], '\n')+1:o], "(") {
			continue // "(Convention de La Haye du 5 octobre 1961)" cites a date
		}
		raw := strings.TrimSpace(fieldNumberRE.ReplaceAllString(t[ls:d.start], ""))
		before := strings.Trim(raw, " ,;:")
		after := strings.Trim(t[d.end:le], " .,;")
		if after != "" && !v.placeAfter[after] && !placeAt(after) {
			continue
		}
		if before == "" {
			out = append(out, placeDate{d: d.d, alone: true})
			continue
		}
		if isPlace(raw, v.placeLead) {
			out = append(out, placeDate{d: d.d})
		}
	}
	return out
}

// fieldNumberRE is a form's field number at the start of a line ("6. ").
var fieldNumberRE = regexp.MustCompile(`^\d{1,2}[.)] ?`)

// placeAt accepts "at London" after a date ("Dated this 3 May 2026 at London").
func placeAt(s string) bool {
	w := strings.Fields(s)
	return len(w) >= 2 && len(w) <= 3 && w[0] == "at" && lettersOnly(strings.Join(w[1:], ""))
}

// isPlace reports whether s (normalised) is a place with its lead words:
// "u beogradu, dana", "fait a lyon, le", "london", "г. москва".
func isPlace(s string, lead map[string]bool) bool {
	// OCR debris before the place ("· U Beogradu,") is no part of it.
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	words := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	// A place is set off by a comma or by its lead words ("Lyon, le",
	// "Opgemaakt te Antwerpen op"); "Ausstellung im Museum" is not one.
	marked := strings.Contains(s, ",")
	place := 0
	for _, w := range words {
		if lead[w] {
			marked = true
			continue
		}
		if !lettersOnly(strings.Trim(w, ".-")) {
			return false
		}
		place++
	}
	return marked && place >= 1 && place <= 3
}

func lettersOnly(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' && r != '.' {
			return false
		}
	}
	return true
}
