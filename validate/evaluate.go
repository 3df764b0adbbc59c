package validate

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/intake-app/intake/document"
)

// minConfidence is the mean OCR confidence below which Evaluate does not
// trust what was read and asks for a check by hand.
const minConfidence = 50

// Evaluate judges docs against the requirements of p in force on
// f.Reference. Requirements are reported in the rule file's order.
func Evaluate(p *Procedure, docs []document.Document, f Facts) *Report {
	ref := f.Reference
	if ref.IsZero() {
		ref = document.DateOf(time.Now())
	}
	e := &evaluator{p: p, ref: ref, facts: f, langs: p.Languages}
	if l, ok := p.Regions[strings.ToLower(f.Region)]; ok {
		e.langs = l
	}
	for i := range docs {
		e.docs = append(e.docs, &docs[i])
	}
	applicant := applicantOf(f, e.docs)
	e.nat, e.birth = applicant.Nationality, applicant.BirthDate
	rep := &Report{
		Country:     p.Country,
		Procedure:   p.ID,
		Title:       p.Title,
		LocalTitle:  p.LocalTitle,
		Reference:   ref,
		Nationality: e.nat,
		Applicant:   applicant,
		RuleFile:    p.File,
		Ready:       true,
	}
	for _, r := range p.Requirements {
		if !inForce(r.EffectiveFrom, r.EffectiveUntil, ref) || !e.applies(r) {
			continue
		}
		rep.Requirements = append(rep.Requirements, e.requirement(r))
	}
	rep.Pairs = e.pairList()
	rep.Deadlines = e.deadlines()
	for _, o := range e.crossChecks() {
		o.Need = Required
		rep.Requirements = append(rep.Requirements, o)
	}
	rep.Todo = e.todo(rep.Requirements)
	for _, t := range rep.Todo {
		if t.Blocking {
			rep.Ready = false
		}
	}
	return rep
}

// applies reports whether r concerns this applicant (its when/unless
// conditions on Facts).
func (e *evaluator) applies(r *Requirement) bool {
	if r.When != nil && !e.holds(r.When) {
		return false
	}
	for _, u := range r.Unless {
		if e.holds(u) {
			return false
		}
	}
	return true
}

// holds reports whether every non-empty list of c contains the fact; an
// unknown fact never matches.
func (e *evaluator) holds(c *Condition) bool {
	in := func(list []string, v string) bool {
		return len(list) == 0 || (v != "" && slices.Contains(list, strings.ToLower(v)))
	}
	if len(c.Nationality) > 0 && (e.nat == "" || !slices.Contains(c.Nationality, e.nat)) {
		return false
	}
	if c.MinAge > 0 || c.MaxAge > 0 {
		age, ok := e.age()
		if !ok || age < c.MinAge || (c.MaxAge > 0 && age > c.MaxAge) {
			return false
		}
	}
	return in(c.Application, e.facts.Application) && in(c.Family, e.facts.Family) &&
		in(c.Basis, e.facts.Basis) && in(c.Region, e.facts.Region) &&
		in(c.Housing, e.facts.Housing) && in(c.Activity, e.facts.Activity)
}

// age is the applicant's age in whole years on the reference date; false
// when the birth date is unknown.
func (e *evaluator) age() (int, bool) {
	if e.birth.IsZero() {
		return 0, false
	}
	b, r := e.birth.Time(), e.ref.Time()
	years := r.Year() - b.Year()
	if r.Month() < b.Month() || (r.Month() == b.Month() && r.Day() < b.Day()) {
		years--
	}
	return years, true
}

type evaluator struct {
	p     *Procedure
	docs  []*document.Document
	ref   document.Date
	nat   string // alpha-2, "" when unknown
	facts Facts
	langs []string      // accepted without translation (the region's, else the procedure's)
	birth document.Date // the applicant's, from Facts or a passport; zero when unknown
}

// verdict is the judgement on one document, or on a group of documents.
type verdict struct {
	status Status
	msg    string
	files  []string
	doc    *document.Document
}

func (e *evaluator) requirement(r *Requirement) Outcome {
	o := Outcome{ID: r.ID, Title: r.Title, LocalTitle: r.LocalTitle, Source: r.Source, Files: []string{},
		Need: r.Need, SeedOnly: r.SeedOnly()}
	if o.Need == "" {
		o.Need = Required
	}
	if r.ByHand {
		o.Status = NeedsReview
		o.Message = "intake cannot see this in the scans; check it by hand: " + strings.Join(strings.Fields(r.Notes), " ")
		return o
	}
	var best *verdict
	var ignored []string // documents of the right type from a country the rule excludes
	for _, t := range r.Documents {
		c := r.For(t)
		var cands []*document.Document
		for _, d := range e.docs {
			if d.Type == t && d.Error == "" {
				cands = append(cands, d)
			}
		}
		if len(cands) == 0 {
			continue
		}
		v, ign := e.group(r, c, cands)
		ignored = append(ignored, ign...)
		if v != nil && (best == nil || better(v.status, best.status)) {
			best = v
		}
	}
	if best == nil {
		best = e.missing(r, ignored)
	}
	o.Status = best.status
	o.Message = best.msg
	if best.status == OK {
		o.Message = ""
	}
	o.Files = uniqSorted(best.files)
	return o
}

// missing builds the verdict for a requirement that nothing satisfies.
func (e *evaluator) missing(r *Requirement, ignored []string) *verdict {
	var names []string
	for _, t := range r.Documents {
		names = append(names, typeName(t))
	}
	what := strings.Join(names, " or ")
	c := r.Constraints
	if len(r.Documents) == 1 {
		c = r.For(r.Documents[0])
	}
	if c.Issuer != AnyIssuer {
		what += " issued " + e.issuerPhrase(c.Issuer)
	}
	msg := fmt.Sprintf("No %s in the dossier (%s)", what, r.Title)
	if r.Fee != nil {
		msg += "; the fee is " + r.Fee.String()
	}
	var files []string
	if len(ignored) > 0 {
		msg += "; " + strings.Join(ignored, ", ") + plural(len(ignored), " does", " do") + " not count for this one"
	}
	var unreadable []string
	for _, d := range e.docs {
		if d.Error != "" && (slices.Contains(r.Documents, d.Type) || d.Type == document.Unknown || d.Type == "") {
			unreadable = append(unreadable, fmt.Sprintf("%s (%s)", d.File, d.Error))
			files = append(files, d.File)
		}
	}
	if len(unreadable) > 0 {
		msg += "; " + strings.Join(unreadable, ", ") + " could not be read and may be it: rescan it as a clear PDF or image"
		if h := r.Hints[Missing]; h != "" {
			msg += ", or " + h
		}
		return &verdict{status: Missing, msg: msg, files: files}
	}
	return &verdict{status: Missing, msg: msg + ": " + hint(r, Missing, "add it to the folder"), files: files}
}

// group judges the candidates of one document type against c.
func (e *evaluator) group(r *Requirement, c Constraints, cands []*document.Document) (*verdict, []string) {
	var vs []*verdict
	var ignored []string
	for _, d := range cands {
		country := issuingCountry(d)
		switch e.issuerMatch(c.Issuer, country) {
		case matchYes:
			vs = append(vs, e.judge(r, c, d))
		case matchUnknown:
			vs = append(vs, &verdict{status: NeedsReview, doc: d, files: []string{d.File},
				msg: fmt.Sprintf("%s does not say which country issued it: check by hand that it was issued %s", d.File, e.issuerPhrase(c.Issuer))})
		case matchWrong:
			vs = append(vs, &verdict{status: NonCompliant, doc: d, files: []string{d.File},
				msg: fmt.Sprintf("%s was issued in %s, but this one must be issued %s: %s", d.File, country, e.issuerPhrase(c.Issuer), hint(r, NonCompliant, "ask the authorities of that country for one"))})
		case matchOther:
			ignored = append(ignored, fmt.Sprintf("%s (issued in %s)", d.File, country))
		}
	}
	if len(vs) == 0 {
		return nil, ignored
	}
	sort.SliceStable(vs, func(i, j int) bool {
		if vs[i].status != vs[j].status {
			return better(vs[i].status, vs[j].status)
		}
		return vs[i].doc.File < vs[j].doc.File
	})
	var met, unmet []*verdict
	for _, v := range vs {
		if v.status.Met() {
			met = append(met, v)
		} else {
			unmet = append(unmet, v)
		}
	}
	if c.Residence != nil {
		return e.residence(r, c, vs), ignored
	}
	if c.Months > 0 {
		return e.months(r, c, met, unmet), ignored
	}
	if c.Years > 0 {
		return e.years(r, c, met, unmet), ignored
	}
	if c.Count <= 1 {
		return vs[0], ignored
	}
	have := 0
	status := OK
	var files []string
	var msgs []string
	for _, v := range met {
		have += instances(v.doc)
		files = append(files, v.files...)
		if v.status == ExpiresSoon {
			status = ExpiresSoon
			msgs = append(msgs, v.msg)
		}
	}
	if have >= c.Count {
		return &verdict{status: status, msg: strings.Join(msgs, "; "), files: files, doc: met[0].doc}, ignored
	}
	if len(unmet) > 0 {
		v := *unmet[0]
		v.files = append(append([]string(nil), v.files...), files...)
		if have > 0 {
			v.msg += fmt.Sprintf(" (%d of the %d needed %s fine)", have, c.Count, plural(have, "is", "are"))
		}
		return &v, ignored
	}
	return &verdict{status: Insufficient, doc: met[0].doc, files: files,
		msg: fmt.Sprintf("Only %d of the %d %ss needed %s found (%s): %s", have, c.Count, typeName(met[0].doc.Type), plural(have, "was", "were"), strings.Join(uniqSorted(files), ", "),
			hint(r, Insufficient, fmt.Sprintf("add %d more", c.Count-have)))}, ignored
}

// months judges coverage of calendar months by the periods of the met
// documents: c.Months of the c.Months+1 months before the reference month.
func (e *evaluator) months(r *Requirement, c Constraints, met, unmet []*verdict) *verdict {
	rt := e.ref.Time()
	refMonth := time.Date(rt.Year(), rt.Month(), 1, 0, 0, 0, 0, time.UTC)
	var window []time.Time
	for i := c.Months + 1; i >= 1; i-- {
		window = append(window, refMonth.AddDate(0, -i, 0))
	}
	covered := map[time.Time]bool{}
	var files []string
	for _, v := range met {
		files = append(files, v.files...)
		for _, p := range periodsOf(v.doc) {
			for _, m := range window {
				mid := document.NewDate(m.Year(), m.Month(), 15)
				if !mid.Before(p.From) && !mid.After(p.To) {
					covered[m] = true
				}
			}
		}
	}
	var missing []string
	for _, m := range window {
		if !covered[m] {
			missing = append(missing, m.Format("2006-01"))
		}
	}
	if len(covered) >= c.Months {
		return &verdict{status: OK, files: files}
	}
	if len(unmet) > 0 {
		v := *unmet[0]
		v.files = append(append([]string(nil), v.files...), files...)
		return &v
	}
	name := typeName(met[0].doc.Type) + "s"
	return &verdict{status: Insufficient, files: files, doc: met[0].doc,
		msg: fmt.Sprintf("The %s (%s) cover %d of the %d months needed between %s and %s (missing %s): %s",
			name, strings.Join(uniqSorted(files), ", "), len(covered), c.Months,
			window[0].Format("2006-01"), window[len(window)-1].Format("2006-01"), strings.Join(missing, ", "),
			hint(r, Insufficient, "add the missing months"))}
}

// judge checks one document against c.
func (e *evaluator) judge(r *Requirement, c Constraints, d *document.Document) *verdict {
	ref := e.ref
	v := &verdict{doc: d, files: []string{d.File}}
	fail := func(s Status, format string, args ...any) *verdict {
		v.status = s
		v.msg = fmt.Sprintf(format, args...)
		return v
	}
	if d.TextSource == document.SourceOCR && d.Confidence < minConfidence && !c.Photo && (d.MRZ == nil || !d.MRZ.Valid) {
		return fail(NeedsReview, "%s was read by OCR with low confidence (%.0f%%), so its dates cannot be trusted: check it by hand, or rescan it at 300 dpi", d.File, d.Confidence)
	}
	if d.Review != "" && !slices.Contains(d.Stated, "type") {
		// The evidence for two types was close: a person decides.
		return fail(NeedsReview, "intake is not sure what %s is (%s): check it, and if it is not a %s, say what it is in intake.yaml (documents: {%q: {type: …}})",
			d.File, d.Review, typeName(d.Type), d.File)
	}
	if c.Photo {
		switch {
		case d.Photo == nil:
			return fail(NeedsReview, "%s could not be measured as an ID photo: check by hand that it meets the photo rules", d.File)
		case !d.Photo.Compliant:
			problems := "no reason given"
			if len(d.Photo.Problems) > 0 {
				problems = strings.Join(d.Photo.Problems, "; ")
			}
			return fail(NonCompliant, "%s does not meet the photo rules (%s): %s", d.File, problems, hint(r, NonCompliant, "have a new photo taken"))
		case len(d.Photo.Unchecked) > 0:
			return fail(NeedsReview, "%s was only partly checked as an ID photo (%s): check those points by hand, or use a photographer's file in which the face shows clearly", d.File, strings.Join(d.Photo.Unchecked, "; "))
		}
	}
	if !c.ValidFor.IsZero() {
		min := c.ValidFor.After(ref)
		switch {
		case d.Expires.IsZero():
			return fail(NeedsReview, "The expiry date of %s could not be read: check by hand that it is valid until at least %s", d.File, min)
		case d.Expires.Before(ref):
			return fail(Expired, "%s expired on %s, before %s: %s", d.File, d.Expires, ref, hint(r, Expired, "renew it before filing"))
		case d.Expires.Before(min):
			return fail(Insufficient, "%s is valid until %s, less than %s after %s (it must be valid until at least %s): %s",
				d.File, d.Expires, c.ValidFor, ref, min, hint(r, Insufficient, "renew it before filing"))
		}
	}
	if !c.Covers.IsZero() {
		start := d.ValidFrom
		if start.IsZero() {
			start = d.Issued
		}
		min := c.Covers.After(ref)
		switch {
		case start.IsZero() || d.Expires.IsZero():
			return fail(NeedsReview, "The period covered by %s could not be read: check by hand that it covers %s to at least %s", d.File, ref, min)
		case d.Expires.Before(ref):
			return fail(Expired, "%s ended on %s, before %s: %s", d.File, d.Expires, ref, hint(r, Expired, "renew it before filing"))
		case start.After(ref):
			return fail(Insufficient, "%s only starts on %s, after %s: %s", d.File, start, ref, hint(r, Insufficient, "get cover that starts by the filing date"))
		case d.Expires.Before(min):
			return fail(Insufficient, "%s covers until %s, less than %s after %s (it must cover until at least %s): %s",
				d.File, d.Expires, c.Covers, ref, min, hint(r, Insufficient, "extend it"))
		}
	}
	if !c.IssuedWithin.IsZero() {
		issued := issueDate(d)
		limit := c.IssuedWithin.Before(ref)
		switch {
		case issued.IsZero():
			return fail(NeedsReview, "The issue date of %s could not be read: check by hand that it was issued on or after %s", d.File, limit)
		case issued.Before(limit):
			return fail(TooOld, "%s was issued on %s, more than %s before %s: %s", d.File, issued, c.IssuedWithin, ref, hint(r, TooOld, "get a more recent one"))
		}
	}
	if c.Level != "" {
		switch {
		case d.Level == "" || cefrRank(d.Level) < 0:
			return fail(NeedsReview, "The language level of %s could not be read: check by hand that it attests at least %s", d.File, c.Level)
		case cefrRank(d.Level) < cefrRank(c.Level):
			return fail(NonCompliant, "%s attests level %s, but %s is needed on %s: %s", d.File, strings.ToUpper(d.Level), c.Level, ref,
				hint(r, NonCompliant, "pass a test or a diploma at level "+c.Level))
		}
	}
	if len(c.ReplaceAtAges) > 0 {
		if v := e.replaceAtAges(r, c, d); v != nil {
			return v
		}
	}
	if c.Years > 0 && c.Month == 0 && issueDate(d).IsZero() {
		return fail(NeedsReview, "The issue date of %s could not be read: check by hand which year it is for", d.File)
	}
	if (c.Months > 0 || (c.Years > 0 && c.Month > 0)) && len(periodsOf(d)) == 0 {
		return fail(NeedsReview, "The period covered by %s could not be read: check by hand which months it covers", d.File)
	}
	if fw := c.FilingWindow; fw != nil {
		if v := e.filing(r, fw, d); v != nil {
			return v
		}
	}
	pw := e.paperwork(r, d)
	if pw.status != OK {
		return pw
	}
	v.files = pw.files
	if !c.ExpiresSoon.IsZero() && !d.Expires.IsZero() && d.Expires.Before(c.ExpiresSoon.After(ref)) {
		return fail(ExpiresSoon, "%s expires on %s, within %s of %s: %s", d.File, d.Expires, c.ExpiresSoon, ref, hint(r, ExpiresSoon, "plan its renewal"))
	}
	v.status = OK
	return v
}

// filing checks the reference date against a filing window before the
// expiry of d; nil when it is within.
func (e *evaluator) filing(r *Requirement, fw *FilingWindow, d *document.Document) *verdict {
	ref := e.ref
	v := &verdict{doc: d, files: []string{d.File}}
	late := ""
	if fw.Late != "" {
		late = "; " + fw.Late
	}
	exp := d.Expires
	if exp.IsZero() && d.MRZ != nil && d.MRZ.Valid && !d.MRZ.ExpiryDate.IsZero() {
		exp = document.DateOf(d.MRZ.ExpiryDate)
	}
	if exp.IsZero() {
		when := fw.Latest.String() + " before it"
		if fw.Latest.N == 0 {
			when = "before it expires"
		}
		v.status = NeedsReview
		v.msg = fmt.Sprintf("The expiry date of %s could not be read: check by hand when it expires, as the application must be filed %s", d.File, when)
		return v
	}
	last := fw.Latest.Before(exp)
	window := "before " + exp.AddDate(0, 0, 1).String()
	if fw.Latest.N > 0 {
		window = "by " + last.String()
	}
	if !fw.Earliest.IsZero() {
		window = fmt.Sprintf("between %s and %s (%s to %s before the expiry)", fw.Earliest.Before(exp), last, fw.Earliest, fw.Latest)
	}
	switch {
	case ref.After(exp):
		v.status = Expired
		v.msg = fmt.Sprintf("%s expired on %s, before %s: the application was due %s%s; %s", d.File, exp, ref, window, late, hint(r, Expired, "file it at once"))
	case ref.After(last):
		v.status = NonCompliant
		v.msg = fmt.Sprintf("Filing on %s is late: %s expires on %s and the application is due %s%s; %s", ref, d.File, exp, window, late, hint(r, NonCompliant, "file it at once"))
	case !fw.Earliest.IsZero() && ref.Before(fw.Earliest.Before(exp)):
		v.status = NonCompliant
		v.msg = fmt.Sprintf("Filing on %s is too early: %s expires on %s and the application is accepted %s; %s", ref, d.File, exp, window, "wait and file within that window")
	default:
		return nil
	}
	return v
}

// paperwork checks the apostille and the translation a document needs.
// The verdict is ok when it has them, and its files then name them.
func (e *evaluator) paperwork(r *Requirement, d *document.Document) *verdict {
	v := &verdict{doc: d, files: []string{d.File}}
	var legal, trans string // what is wrong, "" when fine
	if r.Legalization == LegalizationApostille && d.Type.PublicDocument() {
		if country := issuingCountry(d); country != "" && country != e.p.Country {
			if a := e.partners(d, document.Apostille); len(a) > 0 {
				v.files = append(v.files, a[0].File)
			} else {
				legal = fmt.Sprintf("%s was issued in %s and no apostille goes with it: have it apostilled (or legalised) in %s and add the apostille as %s", d.File, country, country, partnerName(d.File, "apostille"))
			}
		}
	}
	if r.Translation != TranslationNone && d.Language != "" && !slices.Contains(e.langs, d.Language) {
		var sworn, unsworn *document.Document
		for _, t := range e.partners(d, document.Translation) {
			if t.Language != "" && !slices.Contains(e.langs, t.Language) {
				continue
			}
			if t.Sworn && sworn == nil {
				sworn = t
			} else if unsworn == nil {
				unsworn = t
			}
		}
		into := langName(e.langs[0])
		switch {
		case sworn != nil:
			v.files = append(v.files, sworn.File)
		case unsworn != nil && r.Translation == TranslationAny:
			v.files = append(v.files, unsworn.File)
		case unsworn != nil:
			v.files = append(v.files, unsworn.File)
			trans = fmt.Sprintf("%s, the translation of %s, does not say it was made by a sworn translator: %s", unsworn.File, d.File, hint(r, NeedsTranslation, "have it translated into "+into+" by a sworn (court) translator"))
		default:
			kind := "a translation"
			if r.Translation == TranslationSworn {
				kind = "a sworn translation"
			}
			trans = fmt.Sprintf("%s is in %s, not in %s, and no translation goes with it: %s, and add it as %s", d.File, langName(d.Language), into,
				hint(r, NeedsTranslation, "have "+kind+" into "+into+" made"), partnerName(d.File, "translation"))
		}
	}
	switch {
	case legal != "" && trans != "":
		v.status = NeedsLegalization
		v.msg = legal + "; it also needs a translation (" + trans + ")"
	case legal != "":
		v.status = NeedsLegalization
		v.msg = legal
	case trans != "":
		v.status = NeedsTranslation
		v.msg = trans
	default:
		v.status = OK
	}
	return v
}

func (e *evaluator) issuerPhrase(i Issuer) string {
	switch i {
	case LocalIssuer:
		return "in " + e.p.Country
	case NationalityIssuer:
		if e.nat != "" && e.nat != e.p.Country {
			return "in " + e.nat + " (your nationality)"
		}
		return "in your country of origin"
	case ForeignIssuer:
		return "abroad (outside " + e.p.Country + ")"
	}
	return "anywhere"
}

type match int

const (
	matchYes     match = iota
	matchUnknown       // the document's country is unknown
	matchWrong         // issued in a country that is neither required nor expected elsewhere
	matchOther         // issued in a country another requirement asks for: ignore it here
)

func (e *evaluator) issuerMatch(i Issuer, country string) match {
	if i == AnyIssuer {
		return matchYes
	}
	if country == "" {
		return matchUnknown
	}
	local := country == e.p.Country
	switch i {
	case LocalIssuer:
		if local {
			return matchYes
		}
		return matchOther
	case ForeignIssuer:
		if local {
			return matchOther
		}
		return matchYes
	case NationalityIssuer:
		switch {
		case local:
			return matchOther
		case e.nat == "" || e.nat == e.p.Country || country == e.nat:
			return matchYes
		}
		return matchWrong
	}
	return matchYes
}

// issuingCountry is the alpha-2 issuing country of d, from Country or the
// MRZ; "" when unknown.
func issuingCountry(d *document.Document) string {
	if d.Country != "" {
		return alpha2(d.Country)
	}
	if d.MRZ != nil && d.MRZ.IssuingState != "" {
		return alpha2(d.MRZ.IssuingState)
	}
	return ""
}

// issueDate is when d was issued: Issued, else the end of the latest
// period it covers (a payslip or a statement).
func issueDate(d *document.Document) document.Date {
	if !d.Issued.IsZero() {
		return d.Issued
	}
	var last document.Date
	for _, p := range periodsOf(d) {
		if p.To.After(last) {
			last = p.To
		}
	}
	return last
}

// periodsOf returns the periods d covers: Periods, else ValidFrom–Expires.
func periodsOf(d *document.Document) []document.Period {
	var out []document.Period
	for _, p := range d.Periods {
		if !p.From.IsZero() && !p.To.IsZero() {
			out = append(out, p)
		}
	}
	if len(out) == 0 && !d.ValidFrom.IsZero() && !d.Expires.IsZero() {
		out = append(out, document.Period{From: d.ValidFrom, To: d.Expires})
	}
	return out
}

// instances is how many documents a file holds (a PDF of 3 payslips: 3).
func instances(d *document.Document) int {
	if len(d.Periods) > 0 {
		return len(d.Periods)
	}
	return 1
}

func hint(r *Requirement, s Status, def string) string {
	if h := r.Hints[s]; h != "" {
		return h
	}
	return def
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func typeName(t document.Type) string {
	return strings.ReplaceAll(string(t), "_", " ")
}

func uniqSorted(s []string) []string {
	out := append([]string{}, s...)
	sort.Strings(out)
	return slices.Compact(out)
}
