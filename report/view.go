package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/i18n"
	"github.com/intake-app/intake/validate"
)

// view is a report in the reader's words: what the text and HTML reports
// show, translated, with no code word (the JSON keeps those). Both
// renderers build it here, so that they say the same.
type view struct {
	Lang    string
	Title   string // the procedure's title in the reader's language
	Key     string // "RS/permanent-residence-renewal", for --procedure
	Dossier string
	Checked string // "Dossier …, checked for 1 June 2027"
	Ready   bool
	Verdict string // "READY" or "NOT READY"
	Summary string // "5 of 10 requirements are not met"
	Line    string // the verdict and its summary: "NOT READY: 5 of 10 …."
	// Deadlines is the card's expiry and the filing window with the days
	// left, shown ready or not; DeadlinesHead its heading.
	Deadlines, DeadlinesHead string
	TodoHead                 string
	Todo                     []viewTodo
	Reqs                     []viewReq
	Docs                     []viewDoc
	Unread                   []viewDoc // the files that could not be read
	Labels                   viewLabels
	ShowExtra                bool // --details: OCR and MRZ details
}

// viewLabels are the headings and fixed words of a report.
type viewLabels struct {
	Requirements, Documents, Details, NoPreview, Unreadable string
}

// viewTodo is one item of the to-do (validate.Todo), in words.
type viewTodo struct {
	Text     string
	Blocking bool // keeps the dossier from READY
}

type viewReq struct {
	ID       string
	Status   validate.Status
	Severity validate.Severity
	Word     string   // the status in words: "Too old"
	Title    string   // in the reader's language
	Local    string   // in the procedure's language, when it differs
	Notes    []string // "may be asked", "source: an informal guide only"
	Files    []string
	Message  string // validate's advice (English until validate keys its messages)
}

type viewDoc struct {
	Doc       document.Document
	TypeName  string   // "Residence permit"
	Facts     []string // language, pages, dates, holder
	Extra     []string // OCR and MRZ details, shown with --details
	Problems  []string // warnings of the reading and the photo check
	Unchecked []string // what a photo check could not measure, as "Not checked: …"
}

// newView builds the view of in in the language lang; today says that the
// reference date is the day of the run because none was given.
func newView(in *intake.Result, lang string, details, today bool) *view {
	p := i18n.New(lang)
	r := in.Report
	v := &view{
		Lang:      p.Lang(),
		Title:     procedureTitle(p, r),
		Key:       r.Country + "/" + r.Procedure,
		Dossier:   in.Dir,
		Checked:   p.T("Dossier %s, checked for %s", in.Dir, p.Date(r.Reference)),
		Ready:     r.Ready,
		ShowExtra: details,
		Labels: viewLabels{
			Requirements: p.T("Requirements"), Documents: p.T("Documents"), Details: p.T("Reading details"),
			NoPreview: p.T("no preview"), Unreadable: p.T("Files that could not be read"),
		},
	}
	if r.Ready {
		v.Verdict = p.T("READY")
		v.Summary = p.T("every one of the %d requirements is met", len(r.Requirements))
	} else {
		v.Verdict = p.T("NOT READY")
		v.Summary = p.T("%d of %d requirements are not met", len(r.NotMet()), len(r.Requirements))
	}
	if today {
		v.Checked = p.T("Dossier %s, checked for today, %s: no appointment date set (give it with --on, or appointment: in intake.yaml)", in.Dir, p.Date(r.Reference))
	}
	v.Line = p.T("%s: %s.", v.Verdict, v.Summary)
	v.DeadlinesHead, v.Deadlines = p.T("Deadlines"), deadlines(p, r.Deadlines)
	byFile := map[string]document.Document{}
	for _, d := range in.Documents {
		byFile[d.File] = d
	}
	titles := map[string]string{}
	outcomes := map[string]validate.Outcome{}
	for _, o := range r.Requirements {
		title, local := requirementTitle(p, r, o)
		titles[o.ID], outcomes[o.ID] = title, o
		vr := viewReq{
			ID: o.ID, Status: o.Status, Severity: o.Status.Severity(), Word: statusWord(p, o.Status),
			Title: title, Local: local, Files: o.Files, Message: o.Message,
		}
		if o.Need == validate.MayAsk {
			vr.Notes = append(vr.Notes, p.T("may be asked"))
		}
		if o.SeedOnly {
			vr.Notes = append(vr.Notes, p.T("source: an informal guide only, less certain"))
		}
		v.Reqs = append(v.Reqs, vr)
	}
	// The to-do is validate's (what to do, in which order, what blocks);
	// here it is said in the reader's words where intake has them, in
	// validate's English otherwise.
	for _, t := range r.Todo {
		item := viewTodo{Text: t.Action, Blocking: t.Blocking}
		if o, ok := outcomes[t.Requirement]; ok {
			var s string
			if o.Need == validate.MayAsk && !o.Status.Met() {
				s = strings.TrimSpace(p.T("The authority may ask for this: %s.", titles[o.ID]) + " " + todo(p, o, "", byFile))
			} else {
				s = todo(p, o, titles[o.ID], byFile)
			}
			if s != "" {
				item.Text = s
			}
			if o.Status == validate.NeedsReview && p.Lang() == "en" {
				// validate's own sentence says what to check; the
				// translations say "Check by hand: …".
				item.Text = t.Action
			}
		} else if len(t.Files) == 1 && byFile[t.Files[0]].Error != "" {
			item.Text = p.T("%s could not be read (%s): scan or export it again as a PDF, JPEG or PNG, or take it out of the folder if it is not part of the dossier", t.Files[0], byFile[t.Files[0]].Error)
		}
		v.Todo = append(v.Todo, item)
	}
	for _, d := range in.Documents {
		vd := viewDoc{Doc: d, TypeName: typeName(p, d.Type)}
		if d.Error != "" {
			v.Unread = append(v.Unread, vd)
			continue
		}
		vd.Facts, vd.Extra = documentFacts(p, d)
		vd.Problems = append(vd.Problems, d.Warnings...)
		if d.Photo != nil {
			vd.Problems = append(vd.Problems, d.Photo.Problems...)
			for _, u := range d.Photo.Unchecked {
				vd.Unchecked = append(vd.Unchecked, p.T("Not checked: %s", u))
			}
		}
		v.Docs = append(v.Docs, vd)
	}
	if len(v.Todo) > 0 {
		v.TodoHead = p.T("To do")
	}
	return v
}

// statusWord is a requirement's status in words.
func statusWord(p *i18n.Printer, s validate.Status) string {
	switch s {
	case validate.OK:
		return p.T("OK")
	case validate.ExpiresSoon:
		return p.T("Expires soon")
	case validate.NeedsReview:
		return p.T("Check by hand")
	case validate.NeedsTranslation:
		return p.T("Needs a translation")
	case validate.NeedsLegalization:
		return p.T("Needs an apostille")
	case validate.Insufficient:
		return p.T("Not enough")
	case validate.TooOld:
		return p.T("Too old")
	case validate.Expired:
		return p.T("Expired")
	case validate.NonCompliant:
		return p.T("Not valid")
	case validate.Missing:
		return p.T("Missing")
	}
	return string(s)
}

// typeName is a document type in words, in the authorities' own terms.
func typeName(p *i18n.Printer, t document.Type) string {
	switch t {
	case document.Passport:
		return p.T("Passport")
	case document.IDCard:
		return p.T("Identity card")
	case document.ResidencePermit:
		return p.T("Residence permit")
	case document.Photo:
		return p.T("ID photo")
	case document.ProofOfAddress:
		return p.T("Proof of address")
	case document.BankStatement:
		return p.T("Bank statement")
	case document.Payslip:
		return p.T("Payslip")
	case document.EmploymentCertificate:
		return p.T("Employer's certificate")
	case document.EmploymentContract:
		return p.T("Employment contract")
	case document.TaxNotice:
		return p.T("Tax notice")
	case document.CriminalRecord:
		return p.T("Criminal-record certificate")
	case document.HealthInsurance:
		return p.T("Health insurance certificate")
	case document.LanguageCertificate:
		return p.T("Language certificate")
	case document.BirthCertificate:
		return p.T("Birth certificate")
	case document.MarriageCertificate:
		return p.T("Marriage certificate")
	case document.Apostille:
		return p.T("Apostille")
	case document.Translation:
		return p.T("Sworn translation")
	case document.ApplicationForm:
		return p.T("Application form")
	case document.PaymentReceipt:
		return p.T("Fee receipt")
	}
	return p.T("Unrecognised document")
}

// procedureLanguage is the language of a procedure's local titles, when
// it is one intake speaks.
func procedureLanguage(country string) string {
	return i18n.ForCountry(country, "")
}

// procedureTitle is the procedure's title in the reader's language: its
// local title in the country's language, else the catalogue's
// translation of its English title.
func procedureTitle(p *i18n.Printer, r *validate.Report) string {
	if t := localIn(p.Lang(), r.Country, r.LocalTitle); t != "" {
		return p.Local(t)
	}
	return p.Text(r.Title)
}

// requirementTitle is a requirement's title in the reader's language, and
// its title in the procedure's language when that differs (what the
// counter's checklist says).
func requirementTitle(p *i18n.Printer, r *validate.Report, o validate.Outcome) (title, local string) {
	if o.LocalTitle == o.Title {
		// A check across documents has its English title only.
		return p.Text(o.Title), ""
	}
	if t := localIn(p.Lang(), r.Country, o.LocalTitle); t != "" {
		return p.Local(t), ""
	}
	return p.Text(o.Title), o.LocalTitle
}

// localIn returns the part of a local title written in lang: Belgian
// titles are "Dutch / French"; "" when the title is in another language.
func localIn(lang, country, local string) string {
	if local == "" {
		return ""
	}
	if country == "BE" {
		nl, fr, ok := strings.Cut(local, " / ")
		switch {
		case lang == "nl":
			return nl
		case lang == "fr" && ok:
			return fr
		}
		return ""
	}
	if l := procedureLanguage(country); l == lang || l == "sr" && lang == "sr-Cyrl" {
		return local
	}
	return ""
}

// todo is what the reader has to do about an outcome, as a sentence that
// starts with the document; "" when nothing. title is the requirement's,
// "" when the sentence follows one that names it already.
func todo(p *i18n.Printer, o validate.Outcome, title string, byFile map[string]document.Document) string {
	var d document.Document
	found := false
	for _, f := range o.Files {
		if fd, ok := byFile[f]; ok && fd.Type != document.Apostille && fd.Type != document.Translation {
			d, found = fd, true
			break
		}
	}
	noun := p.Noun(typeName(p, d.Type))
	var s string
	switch {
	case o.Status == validate.OK:
		return ""
	case o.Status == validate.Missing || !found:
		if o.Status.Met() || title == "" {
			return ""
		}
		s = p.T("Add: %s.", title)
	case o.Status == validate.ExpiresSoon && !d.Expires.IsZero():
		s = p.T("Your %s expires on %s.", noun, p.Date(d.Expires))
	case o.Status == validate.Expired && !d.Expires.IsZero():
		s = p.T("Your %s expired on %s.", noun, p.Date(d.Expires))
	case o.Status == validate.Expired:
		s = p.T("Your %s has expired.", noun)
	case o.Status == validate.TooOld && !d.Issued.IsZero():
		s = p.T("Your %s dates from %s: too old for this application; get a recent one.", noun, p.Date(d.Issued))
	case o.Status == validate.TooOld:
		s = p.T("Your %s is too old for this application; get a recent one.", noun)
	case o.Status == validate.NeedsTranslation:
		s = p.T("Your %s needs a sworn translation.", noun)
	case o.Status == validate.NeedsLegalization:
		s = p.T("Your %s needs an apostille or a legalisation.", noun)
	case o.Status == validate.Insufficient && title == "":
		s = p.T("Your %s does not fully meet this requirement.", noun)
	case o.Status == validate.Insufficient:
		s = p.T("Your %s does not fully meet this requirement: %s.", noun, title)
	case o.Status == validate.NonCompliant && title == "":
		s = p.T("Your %s does not meet the rules.", noun)
	case o.Status == validate.NonCompliant:
		s = p.T("Your %s does not meet the rules: %s.", noun, title)
	case o.Status == validate.NeedsReview && title == "":
		s = p.T("Check by hand.")
	case o.Status == validate.NeedsReview:
		s = p.T("Check by hand: %s.", title)
	default:
		return ""
	}
	if len(o.Files) > 0 && o.Status != validate.Missing {
		s += " (" + strings.Join(o.Files, ", ") + ")"
	}
	return s
}

// documentFacts lists what was read of d in words, and the reading's
// details (MRZ, OCR) apart.
func documentFacts(p *i18n.Printer, d document.Document) (facts, extra []string) {
	if d.Language != "" {
		facts = append(facts, capitalise(p.LanguageName(d.Language)))
	}
	if d.Pages > 1 {
		facts = append(facts, p.T("%d pages", d.Pages))
	}
	if !d.Issued.IsZero() {
		facts = append(facts, p.T("issued %s", p.Date(d.Issued)))
	}
	if !d.ValidFrom.IsZero() {
		facts = append(facts, p.T("from %s", p.Date(d.ValidFrom)))
	}
	if !d.Expires.IsZero() {
		facts = append(facts, p.T("until %s", p.Date(d.Expires)))
	}
	if d.Holder != "" {
		facts = append(facts, d.Holder)
	}
	if d.Photo != nil && d.Photo.WidthMM > 0 {
		facts = append(facts, fmt.Sprintf("%.1f×%.1f mm", d.Photo.WidthMM, d.Photo.HeightMM))
	}
	if d.Number != "" {
		extra = append(extra, p.T("number %s", d.Number))
	}
	if d.MRZ != nil {
		if d.MRZ.Valid {
			extra = append(extra, p.T("machine-readable zone %s, check digits hold", d.MRZ.Format))
		} else {
			extra = append(extra, p.T("machine-readable zone %s, check digits fail", d.MRZ.Format))
		}
	}
	if d.Photo != nil {
		extra = append(extra, fmt.Sprintf("%d×%d px", d.Photo.WidthPx, d.Photo.HeightPx))
	}
	switch d.TextSource {
	case document.SourceOCR:
		if d.Confidence > 0 {
			extra = append(extra, p.T("read by OCR, confidence %d%%", int(d.Confidence+0.5)))
		}
	case document.SourceTextLayer:
		extra = append(extra, p.T("read from the PDF's text layer"))
	}
	return facts, extra
}

// capitalise upper-cases the first letter of s ("serbe" → "Serbe").
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// StatusWord is a requirement's status in words in the language lang
// ("Too old", "Trop ancien"), for the command line's other outputs
// (intake watch).
func StatusWord(s validate.Status, lang string) string { return statusWord(i18n.New(lang), s) }

// RequirementTitle is a requirement's title in the language lang.
func RequirementTitle(r *validate.Report, o validate.Outcome, lang string) string {
	title, _ := requirementTitle(i18n.New(lang), r, o)
	return title
}

// TodoList is what remains to do about a checked dossier, in the
// language lang: the to-do of its reports, one sentence an item.
func TodoList(in *intake.Result, lang string) []string {
	var out []string
	for _, t := range newView(in, lang, false, false).Todo {
		out = append(out, t.Text)
	}
	return out
}

// Verdict is the verdict line of a checked dossier in the language lang:
// "NOT READY: 5 of 10 requirements are not met."
func Verdict(in *intake.Result, lang string) string { return newView(in, lang, false, false).Line }

// deadlines says the card's expiry and the filing window in one line, in
// the reader's language; "" when the procedure has no filing window.
func deadlines(p *i18n.Printer, d *validate.Deadlines) string {
	if d == nil {
		return ""
	}
	if d.State == validate.WindowUnknown || d.FileBy.IsZero() {
		return p.T("The current card's expiry could not be read: check it by hand, as the filing window depends on it.")
	}
	days := func(n int) string { return p.T("%d days", n) }
	card := p.T("The card expires on %s.", p.Date(d.CardExpires))
	if d.State == validate.WindowExpired {
		card = p.T("The card expired on %s.", p.Date(d.CardExpires))
	}
	var when string
	switch {
	case d.State == validate.WindowNotYet:
		when = p.T("File from %s to %s: the window opens in %s.", p.Date(d.FileFrom), p.Date(d.FileBy), days(d.DaysLeft-d.FileFrom.DaysUntil(d.FileBy)))
	case d.State == validate.WindowLate || d.State == validate.WindowExpired:
		when = p.T("The application was due by %s: %s late.", p.Date(d.FileBy), days(-d.DaysLeft))
	case d.FileFrom.IsZero():
		when = p.T("File by %s: %s left.", p.Date(d.FileBy), days(d.DaysLeft))
	default:
		when = p.T("File between %s and %s: %s left.", p.Date(d.FileFrom), p.Date(d.FileBy), days(d.DaysLeft))
	}
	return card + " " + when
}
