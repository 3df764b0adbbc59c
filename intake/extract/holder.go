package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// civilities are dropped in front of a name.
var civilities = map[string]bool{
	"m": true, "mme": true, "mlle": true, "monsieur": true, "madame": true, "mr": true, "mrs": true,
	"ms": true, "miss": true, "herr": true, "frau": true, "dhr": true, "mevr": true, "gospodin": true,
	"gospođa": true, "g": true, "gđa": true, "г-н": true, "г-жа": true, "господин": true, "госпођа": true,
	"гражданин": true, "гражданка": true,
}

// cleanName checks that s looks like a person's name and tidies it. It
// returns the words as printed (not yet upper-cased).
func cleanName(s string) []string {
	s = strings.Trim(s, " \t:;.,/-")
	if s == "" || len(s) > 80 {
		return nil
	}
	ws := strings.Fields(s)
	for len(ws) > 1 && civilities[strings.ToLower(strings.TrimRight(ws[0], "."))] {
		ws = ws[1:]
	}
	if len(ws) > 6 {
		return nil
	}
	for i, w := range ws {
		w = strings.Trim(w, ",;")
		ws[i] = w
		letters := 0
		for _, r := range w {
			switch {
			case unicode.IsLetter(r):
				letters++
			case r == '-' || r == '\'' || r == '’' || r == '.':
			default:
				return nil
			}
		}
		if letters == 0 {
			return nil
		}
	}
	return ws
}

func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 1
}

// surnameFirst orders a full name: words printed in capitals among others
// are the surname ("Jean DUPONT" → DUPONT Jean); otherwise, when the label
// says given names come first, the last word is the surname.
func surnameFirst(ws []string, givenFirst bool) []string {
	var upper, other []string
	for _, w := range ws {
		if isUpperWord(w) {
			upper = append(upper, w)
		} else {
			other = append(other, w)
		}
	}
	if len(upper) > 0 && len(other) > 0 {
		return append(upper, other...)
	}
	if givenFirst && len(ws) > 1 {
		return append([]string{ws[len(ws)-1]}, ws[:len(ws)-1]...)
	}
	return ws
}

// nameAfter reads the name that follows the label labels[k] of p, on its
// line or, when the label ends the line, on the next line.
func (p *page) nameAfter(k int) []string {
	t := p.text()
	m := p.labels[k]
	l := p.lineOf(m.start)
	_, le := p.lineBounds(l)
	// The label must start its line (or a field: after "/" or a field
	// number), or be followed by a colon.
	pos := m.end
	after := strings.TrimLeft(t[pos:le], " ")
	colon := strings.HasPrefix(after, ":") || strings.HasPrefix(after, ";")
	if !colon && !anchoredAt(t, m.start) {
		before := strings.TrimRight(t[p.lineStarts[l]:m.start], " ")
		// A label after a gap of spaces starts a column of a text layer.
		column := strings.HasSuffix(p.n.orig[:p.n.src[m.start]], "  ")
		if !strings.HasSuffix(before, "/") && !column {
			return nil
		}
	}
	// Skip separators and the other labels of a multilingual label
	// ("Nom / Surname :").
	next := k + 1
	for {
		pos += len(t[pos:le]) - len(strings.TrimLeft(t[pos:le], " :;.,/-"))
		if next < len(p.labels) && p.labels[next].start == pos && p.labels[next].p.field.isName() {
			pos = p.labels[next].end
			next++
			continue
		}
		break
	}
	end := le
	if next < len(p.labels) && p.labels[next].start < le {
		end = p.labels[next].start
	}
	value := t[pos:end]
	if strings.ContainsAny(value, ":;") {
		return nil // "Nom de l'employeur : …" is another label
	}
	if strings.TrimSpace(strings.Trim(value, " :;.,/-")) != "" {
		return cleanName(p.n.origSpan(pos, end))
	}
	if end < le {
		return nil // another label follows on the line
	}
	// The value is on the next non-empty line, unless that line is a label;
	// when the label stands in a column of its own, the value is the part
	// of that line under it.
	for nl := l + 1; nl < len(p.lineStarts); nl++ {
		ls, le2 := p.lineBounds(nl)
		if strings.TrimSpace(t[ls:le2]) == "" {
			continue
		}
		if ws := p.nameUnder(m, nl); ws != nil {
			return ws
		}
		end := le2
		for _, o := range p.labels {
			if o.start >= ls && o.start < le2 {
				if o.start == ls {
					return nil
				}
				end = o.start
				break
			}
		}
		if strings.ContainsAny(t[ls:end], ":;") {
			return nil
		}
		return cleanName(p.n.origSpan(ls, end))
	}
	return nil
}

// nameUnder reads the name printed under label m on line nl when the
// label is not at the start of its line: the original text of line nl
// from the label's column to the next gap of two spaces or more (a text
// layer keeps the columns with spaces).
func (p *page) nameUnder(m match, nl int) []string {
	orig := p.n.orig
	lo := p.n.src[m.start]
	lineStart := strings.LastIndexByte(orig[:lo], '\n') + 1
	col := utf8.RuneCountInString(orig[lineStart:lo])
	if col < 8 {
		return nil // the label starts its line: the whole line below is its value
	}
	ls, _ := p.lineBounds(nl)
	o := p.n.src[ls]
	oe := strings.IndexByte(orig[o:], '\n')
	if oe < 0 {
		oe = len(orig) - o
	}
	below := []rune(orig[o : o+oe])
	if len(below) <= col {
		return nil
	}
	start := col
	for start > 0 && below[start-1] != ' ' { // the value may start a little left of the label
		start--
	}
	rest := string(below[start:])
	rest = strings.TrimLeft(rest, " ")
	if k := strings.Index(rest, "  "); k >= 0 {
		rest = rest[:k]
	}
	if strings.ContainsAny(rest, ":;@") {
		return nil
	}
	return cleanName(rest)
}

// holder reads the holder's name: "SURNAME GIVEN NAMES", from the labels
// that name it; else, with addressed true, the name the first page is
// addressed to.
func holder(ps []*page) (name string, addressed bool) {
	var got [nFields][]string
	for _, p := range ps {
		for k, m := range p.labels {
			f := m.p.field
			if !f.isName() || got[f] != nil {
				continue
			}
			if ws := p.nameAfter(k); ws != nil {
				got[f] = ws
			}
		}
	}
	surname := got[fSurname]
	if surname == nil && got[fGiven] != nil {
		surname = got[fName]
	}
	var ws []string
	switch {
	case surname != nil && got[fGiven] != nil:
		ws = append(append(append(ws, surname...), got[fGiven]...), got[fPatronymic]...)
	case got[fFull] != nil:
		ws = surnameFirst(got[fFull], false)
	case got[fFullGivenFirst] != nil:
		ws = surnameFirst(got[fFullGivenFirst], true)
	case got[fName] != nil:
		ws = surnameFirst(got[fName], false)
	case surname != nil:
		ws = surname
	case len(ps) > 0:
		// No label names the holder: the block the first page is
		// addressed to may.
		if r := recipient(ps[0].n.orig); r != nil {
			ws, addressed = surnameFirst(r, true), true
		}
	}
	return strings.ToUpper(strings.Join(ws, " ")), addressed
}
