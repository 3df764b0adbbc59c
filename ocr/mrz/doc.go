// Package mrz parses the machine-readable zones (ICAO Doc 9303) of passports,
// identity and residence cards and visas from OCR text: TD1, TD2, TD3, MRV-A
// and MRV-B. It verifies every check digit, corrects OCR confusions by
// position (accepting a change of an alphanumeric document number only when
// the check digits then hold), and finds a zone within a whole page of text.
// Standard library only; no OCR is done here.
package mrz
