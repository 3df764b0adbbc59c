package validate

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/internal/fold"
)

// years judges the per-year constraint: one document (or, with c.Month, one
// period covering that month) for c.Years of the c.Years+1 calendar years
// ending with the reference year.
func (e *evaluator) years(r *Requirement, c Constraints, met, unmet []*verdict) *verdict {
	refY := e.ref.Time().Year()
	var window []int
	for y := refY - c.Years; y <= refY; y++ {
		window = append(window, y)
	}
	covered := map[int]bool{}
	var files []string
	for _, v := range met {
		used := false
		if c.Month > 0 {
			for _, p := range periodsOf(v.doc) {
				for _, y := range window {
					mid := document.NewDate(y, time.Month(c.Month), 15)
					if !mid.Before(p.From) && !mid.After(p.To) {
						covered[y], used = true, true
					}
				}
			}
		} else if iss := issueDate(v.doc); !iss.IsZero() && iss.Time().Year() >= window[0] && iss.Time().Year() <= refY {
			covered[iss.Time().Year()], used = true, true
		}
		if used {
			files = append(files, v.files...)
		}
	}
	if len(covered) >= c.Years {
		return &verdict{status: OK, files: files, doc: met[0].doc}
	}
	if len(unmet) > 0 && (len(covered) == 0 || len(met) == 0) {
		v := *unmet[0]
		v.files = append(append([]string(nil), v.files...), files...)
		return &v
	}
	var missing []string
	for _, y := range window {
		if !covered[y] {
			missing = append(missing, fmt.Sprint(y))
		}
	}
	what := typeName(met[0].doc.Type) + "s"
	if c.Month > 0 {
		what = time.Month(c.Month).String() + " " + what
	}
	have := "none of them"
	if len(files) > 0 {
		have = "(" + strings.Join(uniqSorted(files), ", ") + ")"
	}
	allFiles := files
	if len(files) == 0 {
		for _, v := range met {
			allFiles = append(allFiles, v.files...)
		}
	}
	return &verdict{status: Insufficient, files: allFiles, doc: met[0].doc,
		msg: fmt.Sprintf("The %s %s cover %d of the %d years needed between %d and %d (missing %s): %s",
			what, have, len(covered), c.Years, window[0], refY, strings.Join(missing, ", "),
			hint(r, Insufficient, "add those of the missing years"))}
}

// permit is a residence permit's validity, for the residence constraint.
type permit struct {
	d        *document.Document
	from, to document.Date
}

// residence computes the continuous qualifying residence shown by the
// residence permits of vs, back from the reference date.
func (e *evaluator) residence(r *Requirement, c Constraints, vs []*verdict) *verdict {
	res := c.Residence
	var titles []permit
	var excluded, unreadable []string
	for _, v := range vs {
		d := v.doc
		from, to := d.ValidFrom, d.Expires
		if from.IsZero() {
			from = d.Issued
		}
		// A valid MRZ's expiry date, held by check digits, wins over the
		// printed one, which OCR may have misread.
		if d.MRZ != nil && !d.MRZ.ExpiryDate.IsZero() && (d.MRZ.Valid || to.IsZero()) {
			to = document.DateOf(d.MRZ.ExpiryDate)
		}
		if w := excludedBy(d.Text, res.Exclude); w != "" {
			excluded = append(excluded, fmt.Sprintf("%s (%s)", d.File, w))
			continue
		}
		if from.IsZero() || to.IsZero() {
			unreadable = append(unreadable, d.File)
			continue
		}
		if !res.MinTitle.IsZero() && to.AddDate(0, 0, 1).Before(res.MinTitle.After(from)) {
			excluded = append(excluded, fmt.Sprintf("%s (valid %s to %s, less than %s)", d.File, from, to, res.MinTitle))
			continue
		}
		titles = append(titles, permit{d, from, to})
	}
	need := res.Length.Before(e.ref)
	notes := ""
	if len(excluded) > 0 {
		notes += "; not counted: " + strings.Join(excluded, ", ")
	}
	if len(unreadable) > 0 {
		notes += "; dates unreadable: " + strings.Join(unreadable, ", ")
	}
	if len(titles) == 0 {
		status, what := Insufficient, "No residence permit in the dossier counts towards the "+res.Length.String()+" of residence"
		if len(unreadable) > 0 {
			status = NeedsReview
		}
		return &verdict{status: status, files: allFiles(vs), doc: vs[0].doc,
			msg: what + notes + ": " + hint(r, status, "add your old titres de séjour")}
	}
	sort.Slice(titles, func(i, j int) bool { return titles[i].to.After(titles[j].to) })
	last := titles[0]
	if last.to.Before(e.ref) {
		return &verdict{status: Expired, files: []string{last.d.File}, doc: last.d,
			msg: fmt.Sprintf("The latest residence permit, %s, expired on %s, before %s: lawful residence must be current%s: %s",
				last.d.File, last.to, e.ref, notes, hint(r, Expired, "renew your residence permit first"))}
	}
	// Walk back while permits overlap or follow each other without a gap.
	start := last.from
	chain := map[*document.Document]bool{last.d: true}
	for changed := true; changed; {
		changed = false
		for _, t := range titles {
			if chain[t.d] || t.to.AddDate(0, 0, 1).Before(start) || !t.from.Before(start) {
				continue
			}
			chain[t.d] = true
			start, changed = t.from, true
		}
	}
	var files []string
	for d := range chain {
		files = append(files, d.File)
	}
	if !start.After(need) {
		return &verdict{status: OK, files: files, doc: last.d}
	}
	gap := ""
	var prev *permit
	for i := range titles {
		t := &titles[i]
		if !chain[t.d] && t.to.Before(start) && (prev == nil || t.to.After(prev.to)) {
			prev = t
		}
	}
	if prev != nil {
		gap = fmt.Sprintf("; continuity breaks between %s (until %s) and the next permit (from %s)", prev.d.File, prev.to, start)
	}
	status := Insufficient
	if len(unreadable) > 0 {
		status = NeedsReview
	}
	return &verdict{status: status, files: files, doc: last.d,
		msg: fmt.Sprintf("The residence permits (%s) show continuous residence since %s, %s before %s; %s are needed (since %s)%s%s: %s",
			strings.Join(uniqSorted(files), ", "), start, spanText(start, e.ref), e.ref, res.Length, need, gap, notes,
			hint(r, Insufficient, "add your older titres de séjour, or wait until you have the years needed"))}
}

func allFiles(vs []*verdict) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.files...)
	}
	return out
}

// spanText says how long it is from a to b: "3 years 2 months".
func spanText(a, b document.Date) string {
	months := 0
	for !addMonths(a, months+1).After(b) {
		months++
	}
	y, m := months/12, months%12
	switch {
	case y == 0:
		return fmt.Sprintf("%d %s", m, plural(m, "month", "months"))
	case m == 0:
		return fmt.Sprintf("%d %s", y, plural(y, "year", "years"))
	}
	return fmt.Sprintf("%d %s %d %s", y, plural(y, "year", "years"), m, plural(m, "month", "months"))
}

// excludedBy returns the first of words printed in text (as whole words,
// without case or accents), or "".
func excludedBy(text string, words []string) string {
	toks := foldTokens(text)
	for _, w := range words {
		wt := foldTokens(w)
		if len(wt) == 0 {
			continue
		}
		for i := 0; i+len(wt) <= len(toks); i++ {
			ok := true
			for j := range wt {
				if toks[i+j] != wt[j] {
					ok = false
					break
				}
			}
			if ok {
				return w
			}
		}
	}
	return ""
}

// foldTokens lower-cases s, strips Latin accents and splits it into words.
func foldTokens(s string) []string {
	return strings.FieldsFunc(fold.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// replaceAtAges checks a card that must be replaced when its holder
// reaches certain ages; nil when it need not be.
func (e *evaluator) replaceAtAges(r *Requirement, c Constraints, d *document.Document) *verdict {
	v := &verdict{doc: d, files: []string{d.File}}
	if !d.Expires.IsZero() && d.Expires.Before(e.ref) {
		v.status = Expired
		v.msg = fmt.Sprintf("%s expired on %s, before %s: %s", d.File, d.Expires, e.ref, hint(r, Expired, "apply for a new one at once"))
		return v
	}
	birth := e.birth
	if birth.IsZero() {
		birth = d.BirthDate
	}
	if birth.IsZero() && d.MRZ != nil && !d.MRZ.BirthDate.IsZero() {
		birth = document.DateOf(d.MRZ.BirthDate)
	}
	issued := d.Issued
	if issued.IsZero() {
		issued = d.ValidFrom
	}
	ages := fmt.Sprint(c.ReplaceAtAges)
	ages = strings.ReplaceAll(strings.Trim(ages, "[]"), " ", ", ")
	if birth.IsZero() || issued.IsZero() {
		v.status = NeedsReview
		v.msg = fmt.Sprintf("The issue date of %s or the holder's birth date could not be read: check by hand that the holder has not turned %s since it was issued", d.File, ages)
		return v
	}
	for _, a := range c.ReplaceAtAges {
		bd := addMonths(birth, 12*a)
		if issued.Before(bd) && !e.ref.Before(bd) {
			if w := c.ReplaceWithin; !w.IsZero() {
				due := w.After(bd)
				if e.ref.After(due) {
					v.status = NonCompliant
					v.msg = fmt.Sprintf("%s was issued on %s, before its holder turned %d on %s: its replacement was due within %s, by %s; filing on %s is late: %s",
						d.File, issued, a, bd, w, due, e.ref, hint(r, NonCompliant, "file at once and expect a fine"))
					return v
				}
				v.status = ExpiresSoon
				v.msg = fmt.Sprintf("%s was issued on %s, before its holder turned %d on %s: it must be replaced within %s, by %s; file by then",
					d.File, issued, a, bd, w, due)
				return v
			}
			v.status = Expired
			v.msg = fmt.Sprintf("%s was issued on %s, before its holder turned %d on %s: a card must be replaced at the ages of %s; %s",
				d.File, issued, a, bd, ages, hint(r, Expired, "apply for its replacement at once"))
			return v
		}
	}
	return nil
}
