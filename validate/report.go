package validate

import "github.com/intake-app/intake/document"

// Facts are what Evaluate needs to know besides the documents.
type Facts struct {
	// Reference is the date the dossier is judged on: the appointment or
	// filing date (--on). Zero means today.
	Reference document.Date
	// Nationality is the applicant's nationality, ISO 3166 alpha-2 or
	// alpha-3; when empty, Evaluate takes it from a passport's MRZ or
	// issuing country.
	Nationality string
	// What intake.yaml says that scans cannot show; "" when not said.
	// Requirements may apply only to some applicants (when/unless).
	Application string // "first" (first application) or "renewal"
	Family      string // "single", "married", "partnership", "divorced", "widowed"
	Basis       string // grounds of stay: "work", "study", "family", "other"
	// Region is where the applicant lives, for procedures whose accepted
	// languages depend on it (Belgium: "flanders", "wallonia", "brussels",
	// "east-belgium").
	Region string
	// Housing is "own" (a home in one's own name) or "hosted" (living at
	// someone else's, who signs an attestation d'hébergement).
	Housing string
	// Activity is "employee", "self-employed", "retired" or "none": what
	// the applicant lives on, which decides the proofs of resources asked.
	Activity string
	// BirthDate is the applicant's, when the passport's MRZ cannot say it.
	BirthDate document.Date
}

// Report is the verdict on a dossier.
type Report struct {
	Country    string        `json:"country"`
	Procedure  string        `json:"procedure"` // the id, e.g. "permanent-residence-renewal"
	Title      string        `json:"title"`
	LocalTitle string        `json:"local_title"`
	Reference  document.Date `json:"reference"`
	// Nationality is the alpha-2 nationality used (given or found), "" when unknown.
	Nationality string `json:"nationality,omitempty"`
	// Applicant is who the dossier is for, decided once (see Applicant).
	Applicant Applicant `json:"applicant"`
	// RuleFile is the rule file of the procedure's version used.
	RuleFile string `json:"rule_file"`
	// Ready is true when the to-do holds nothing blocking: every required
	// requirement is ok or expires_soon, every file was read, none is a
	// duplicate and nothing needs a human look (see todo.go).
	Ready        bool      `json:"ready"`
	Requirements []Outcome `json:"requirements"`
	// Todo is what to do, blocking items first (see todo.go).
	Todo []Todo `json:"todo"`
	// Pairs are the documents with their apostilles and translations.
	Pairs []Pair `json:"pairs,omitempty"`
	// Deadlines are the current card's expiry and the filing window
	// before it; nil when the procedure has no filing window.
	Deadlines *Deadlines `json:"deadlines,omitempty"`
	// Others are the documents of the folder whose holder is another
	// person: they are left out of the checks and of the bundle (filled
	// by intake.Check, which sees the whole folder).
	Others []Other `json:"others,omitempty"`
}

// Other is a document of another person found in a dossier.
type Other struct {
	File   string `json:"file"`
	Holder string `json:"holder"` // the name read on it
}

// Outcome is the verdict on one requirement.
type Outcome struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	LocalTitle string `json:"local_title"`
	Status     Status `json:"status"`
	// Files are the dossier files (document.Document.File) the verdict is
	// about, sorted: the satisfying documents with their translations and
	// apostilles, or the ones falling short.
	Files []string `json:"files"`
	// Message says what is wrong and what to do; "" when ok.
	Message string `json:"message,omitempty"`
	Source  string `json:"source"`
	// Need is "required" or "may_ask" (an unmet may_ask does not block).
	Need Need `json:"need"`
	// SeedOnly is true when the rule rests on an informal guide alone.
	SeedOnly bool `json:"seed_only,omitempty"`
}
