// Package validate holds the rules of each residence procedure as data
// (YAML files embedded under rules/) and evaluates a dossier's typed
// documents against them into a report: which required document is
// missing, expired, too old, not translated, not apostilled.
package validate

// Status is the verdict on one requirement. Its values are a fixed
// vocabulary that scripts may rely on (they appear in the JSON report).
type Status string

// The statuses, from best to worst as far as Evaluate is concerned when it
// chooses between several candidate documents.
const (
	OK                Status = "ok"
	ExpiresSoon       Status = "expires_soon" // a warning: the requirement is met
	NeedsReview       Status = "needs_review"
	NeedsTranslation  Status = "needs_translation"
	NeedsLegalization Status = "needs_legalization"
	Insufficient      Status = "insufficient"
	TooOld            Status = "too_old"
	Expired           Status = "expired"
	NonCompliant      Status = "non_compliant"
	Missing           Status = "missing"
)

var statuses = []Status{
	OK, ExpiresSoon, NeedsReview, NeedsTranslation, NeedsLegalization,
	Insufficient, TooOld, Expired, NonCompliant, Missing,
}

// Statuses returns every status, from best to worst.
func Statuses() []Status { return append([]Status(nil), statuses...) }

// Valid reports whether s belongs to the vocabulary.
func (s Status) Valid() bool { return s.rank() >= 0 }

// Met reports whether a requirement with status s is satisfied (ok, or ok
// with a warning).
func (s Status) Met() bool { return s == OK || s == ExpiresSoon }

func (s Status) rank() int {
	for i, v := range statuses {
		if v == s {
			return i
		}
	}
	return -1
}

// better reports whether a is a better outcome than b.
func better(a, b Status) bool { return a.rank() < b.rank() }
