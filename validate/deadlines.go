package validate

import (
	"fmt"

	"github.com/intake-app/intake/document"
)

// Deadlines are when the application is to be filed: the current card's
// expiry and the procedure's filing window before it (FilingWindow). They
// are shown by every report, ready or not, and sort the caseload of
// intake status.
type Deadlines struct {
	// Requirement is the id of the requirement that carries the window.
	Requirement string `json:"requirement"`
	// Card is the dossier file of the current card; "" when none was read.
	Card string `json:"card,omitempty"`
	// CardExpires is its expiry; zero when no card, or no expiry, was read.
	CardExpires document.Date `json:"card_expires"`
	// FileFrom is the first day the application is accepted; zero when
	// the window has no earliest day (or the expiry is unknown).
	FileFrom document.Date `json:"file_from"`
	// FileBy is the last day to file without the late-filing consequence.
	FileBy document.Date `json:"file_by"`
	// Late is what filing after FileBy costs, as the rules say it.
	Late string `json:"late,omitempty"`
	// DaysLeft is the number of days from the report's reference date to
	// FileBy: negative when late; 0 when FileBy is unknown.
	DaysLeft int `json:"days_left"`
	// State is where the reference date falls: one of the Window states.
	State Window `json:"state"`
}

// Window is where a reference date falls in a filing window.
type Window string

// The states of a filing window, from the reference date's point of view.
const (
	WindowUnknown Window = "unknown" // the card's expiry could not be read
	WindowNotYet  Window = "not_yet" // before FileFrom: too early to file
	WindowOpen    Window = "open"    // between FileFrom and FileBy
	WindowLate    Window = "late"    // after FileBy, the card still valid
	WindowExpired Window = "expired" // after the card's expiry
)

// deadlines finds the requirement of the procedure that has a filing
// window and applies to this applicant, and dates it from the card of
// the dossier that expires last (the current one). nil when the procedure
// has no filing window.
func (e *evaluator) deadlines() *Deadlines {
	for _, r := range e.p.Requirements {
		if !inForce(r.EffectiveFrom, r.EffectiveUntil, e.ref) || !e.applies(r) {
			continue
		}
		for _, t := range r.Documents {
			fw := r.For(t).FilingWindow
			if fw == nil {
				continue
			}
			return e.window(r, fw)
		}
	}
	return nil
}

// window dates fw from the current card among the documents r accepts.
func (e *evaluator) window(r *Requirement, fw *FilingWindow) *Deadlines {
	dl := &Deadlines{Requirement: r.ID, Late: fw.Late, State: WindowUnknown}
	var card *document.Document
	for _, d := range e.docs {
		if d.Error != "" || d.Expires.IsZero() || r.For(d.Type).FilingWindow == nil {
			continue
		}
		accepted := false
		for _, t := range r.Documents {
			accepted = accepted || t == d.Type
		}
		if accepted && (card == nil || d.Expires.After(card.Expires)) {
			card = d
		}
	}
	if card == nil {
		return dl
	}
	exp := card.Expires
	dl.Card, dl.CardExpires = card.File, exp
	dl.FileBy = fw.Latest.Before(exp) // "0 days": on the day it expires at the latest
	if !fw.Earliest.IsZero() {
		dl.FileFrom = fw.Earliest.Before(exp)
	}
	dl.DaysLeft = e.ref.DaysUntil(dl.FileBy)
	switch {
	case e.ref.After(exp):
		dl.State = WindowExpired
	case e.ref.After(dl.FileBy):
		dl.State = WindowLate
	case !dl.FileFrom.IsZero() && e.ref.Before(dl.FileFrom):
		dl.State = WindowNotYet
	default:
		dl.State = WindowOpen
	}
	return dl
}

// Window returns the filing window as words: "2026-11-15 to 2027-01-14",
// "by 2027-01-14" when it has no earliest day; "" when unknown.
func (d *Deadlines) Window() string {
	switch {
	case d == nil || d.FileBy.IsZero():
		return ""
	case d.FileFrom.IsZero():
		return "by " + d.FileBy.String()
	}
	return d.FileFrom.String() + " to " + d.FileBy.String()
}

// Sentence says the deadlines in one line, for every renderer: the card's
// expiry, the filing window and the days left, or how late it is.
func (d *Deadlines) Sentence() string {
	if d == nil {
		return ""
	}
	if d.State == WindowUnknown || d.FileBy.IsZero() {
		return "The current card's expiry could not be read: check it by hand, as the filing window depends on it."
	}
	card := "The card expires on " + d.CardExpires.String()
	switch d.State {
	case WindowNotYet:
		return fmt.Sprintf("%s. File from %s to %s: the window opens in %s.", card, d.FileFrom, d.FileBy, days(d.DaysLeft-d.FileFrom.DaysUntil(d.FileBy)))
	case WindowLate:
		return fmt.Sprintf("%s. The application was due %s: %s late.", card, d.Window(), days(-d.DaysLeft))
	case WindowExpired:
		return fmt.Sprintf("The card expired on %s. The application was due %s: %s late.", d.CardExpires, d.Window(), days(-d.DaysLeft))
	}
	when := "by " + d.FileBy.String()
	if !d.FileFrom.IsZero() {
		when = fmt.Sprintf("between %s and %s", d.FileFrom, d.FileBy)
	}
	return fmt.Sprintf("%s. File %s: %s left.", card, when, days(d.DaysLeft))
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
