package validate

import "fmt"

// Severity is how a status weighs on the verdict, whatever the renderer:
// every report, the watch output and the bundle show the same.
type Severity int

// The severities, from best to worst.
const (
	Fine    Severity = iota // the requirement is met
	Warning                 // met, or to be looked at, but something needs attention
	Failing                 // not met: the dossier is not ready
)

// Severity returns how s weighs on the verdict.
func (s Status) Severity() Severity {
	switch s {
	case OK:
		return Fine
	case ExpiresSoon, NeedsReview:
		return Warning
	}
	return Failing
}

// Mark is the one-character sign of a severity in text output.
func (v Severity) Mark() string {
	switch v {
	case Fine:
		return "✓"
	case Warning:
		return "!"
	}
	return "✗"
}

// NotMet returns the outcomes whose requirement is not met, in order,
// leaving out what the authority may ask (need may_ask), which does not
// block.
func (r *Report) NotMet() []Outcome {
	var out []Outcome
	for _, o := range r.Requirements {
		if !o.Status.Met() && o.Need != MayAsk {
			out = append(out, o)
		}
	}
	return out
}

// Summary is the verdict in one line: "READY: every one of the 9
// requirements is met" or "NOT READY: 2 of 9 requirements are not met".
func (r *Report) Summary() string {
	if r.Ready {
		mayAsk := 0
		for _, o := range r.Requirements {
			if !o.Status.Met() && o.Need == MayAsk {
				mayAsk++
			}
		}
		if mayAsk > 0 {
			return fmt.Sprintf("READY: every required one of the %d requirements is met; %d the authority may ask for %s in the to-do",
				len(r.Requirements), mayAsk, map[bool]string{true: "is", false: "are"}[mayAsk == 1])
		}
		return fmt.Sprintf("READY: every one of the %d requirements is met", len(r.Requirements))
	}
	if n := len(r.NotMet()); n > 0 {
		return fmt.Sprintf("NOT READY: %d of %d requirements are not met", n, len(r.Requirements))
	}
	// Every requirement is met, but the to-do holds a file that could not
	// be read or a duplicate (see todo.go).
	blocking := 0
	for _, t := range r.Todo {
		if t.Blocking {
			blocking++
		}
	}
	return fmt.Sprintf("NOT READY: %d file problem(s) to fix first, see the to-do", blocking)
}
