package mrz

import "time"

// Format is the layout of a machine-readable zone (ICAO Doc 9303).
type Format string

// The formats intake reads.
const (
	TD1  Format = "TD1"   // 3 lines of 30: ID and residence cards
	TD2  Format = "TD2"   // 2 lines of 36
	TD3  Format = "TD3"   // 2 lines of 44: passports
	MRVA Format = "MRV-A" // 2 lines of 44: visas
	MRVB Format = "MRV-B" // 2 lines of 36: visas
	// FRAID is the French national identity card of 1988–2021: 2 lines of
	// 36 of its own layout (surname on line 1, a 12-character number,
	// given names and birth date on line 2, no expiry date).
	FRAID Format = "FRA-ID"
)

// Check is the verdict of one check digit.
type Check struct {
	Field string // "document_number", "birth_date", "expiry_date", "optional_data", "composite"
	OK    bool
}

// Result is a parsed machine-readable zone.
type Result struct {
	Format         Format
	Valid          bool   // every check digit holds
	DocumentType   string // "P", "I", "IR", "V", … with fillers removed
	IssuingState   string // e.g. "UTO", "D" for Germany (fillers removed)
	DocumentNumber string // fillers removed; TD1 overflow folded back in
	Nationality    string
	BirthDate      time.Time // zero when unreadable
	Sex            string    // "M", "F" or "X" (unspecified, '<'); empty when unreadable
	ExpiryDate     time.Time // zero when unreadable
	Surname        string    // fillers turned into spaces
	GivenNames     string
	OptionalData   string   // fillers trimmed; TD1: line 1 (after an overflowing document number)
	OptionalData2  string   // TD1 only: optional data of line 2, fillers trimmed
	Lines          []string // the lines as parsed, after corrections
	Checks         []Check
	Corrections    int // characters changed, inserted or removed by the OCR corrections (see Parse)
}
