package mrz

import "strings"

// Plausible reports whether r can be a real zone, beyond its check digits:
// a document code of a travel document (P, I, A, C, V) and dates that are
// dates. Text that is no MRZ (a payslip's table read as two rows of
// glyphs) can be made to pass a few check digits by chance, choosing
// among each character's alternatives; it does not pass these too. The
// issuing state and nationality are not checked against a list: specimens
// and new states print codes no table holds.
func (r *Result) Plausible() bool {
	if r.DocumentType == "" || !strings.ContainsRune("PIACV", rune(r.DocumentType[0])) {
		return false
	}
	// The French identity card (1988–2021) prints no expiry; every other
	// layout prints both dates, and a zone where neither reads as a date
	// is not a zone.
	return !r.BirthDate.IsZero() || !r.ExpiryDate.IsZero()
}
