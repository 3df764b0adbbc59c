// Package mrz decodes the machine-readable zones (ICAO Doc 9303) of
// passports, identity and residence cards and visas: TD1, TD2, TD3, MRV-A,
// MRV-B, and the French national identity card of 1988–2021 (FRA-ID, 2×36
// of its own layout, no expiry date in the zone). It verifies every check
// digit and says which fail.
//
// A Reading holds what a reader saw, undecoded; Decode chooses among its
// candidates. A "cells" candidate holds, for every position of the zone,
// the reader's alternatives with their scores: Decode takes at each
// position the best alternative of the kind the layout requires there (a
// digit in a date, a letter in a name) when it scores close to the best,
// then lets the check digits choose, in the fields they cover (document
// numbers and optional data included), among the cells' own close
// alternatives — never a character the reader did not propose, and only
// when every check then holds and each change is paid for by a check it
// makes hold. A zone printed with a wrong check digit stays invalid.
// Where no check digit looks, two things choose among a cell's close
// alternatives: the issuing state and the nationality must be codes a
// zone may hold (KnownState: ISO 3166-1, through package country, and
// ICAO's own), and a near tie between two letters of a name goes to the
// one its neighbours make likelier (letter pairs of Debian's word lists,
// bigrams.go).
// Text candidates (OCR lines) are parsed by Parse and Find, which correct
// OCR confusions by position.
//
// No OCR is done here.
package mrz
