// Package mrzsynth generates machine-readable zones and degraded images of
// documents carrying them (phone photos, small scans, glare, JPEG), with
// the lines printed as truth, to measure MRZ readers. Everything is drawn
// from a seeded random source: the same seed gives the same sample.
package mrzsynth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/intake-app/intake/ocr/mrz"
)

// Layouts are the zone layouts the generator draws, by name.
var Layouts = []string{"TD1", "TD2", "TD3", "MRV-A", "MRV-B", "FRA-ID"}

var (
	surnames = []string{"ERIKSSON", "MUSTERMANN", "DUPONT", "OBRADOVIC", "WANG", "NGUYEN", "SILVA", "OKAFOR",
		"VAN<DER<BERG", "MARTIN", "PETROVIC", "SCHMIDT", "KOWALSKA", "DOE", "QUINTERO", "ZOLTAN", "BOSCH",
		"SOUSA<DOS<SANTOS", "OLIVEIRA", "DIALLO", "IVANOVA", "GONZALEZ", "LI", "BEZOS", "OQUENDO"}
	givenNames = []string{"ANNA", "MARIA", "JEAN", "PIERRE", "XIAOMING", "ERIKA", "OLGA", "IBRAHIM", "SOPHIE",
		"ZOE", "DIMITRI", "BOGDAN", "QUENTIN", "ISOLDE", "OSCAR", "IDRISS", "SIOBHAN", "BO", "KAI"}
	states = []string{"UTO", "FRA", "D<<", "NLD", "BEL", "SRB", "RUS", "CHN", "AUS", "CHE", "AUT", "ROU", "ITA", "ESP", "GBR", "USA", "BRA", "IND"}
)

// Zone is a generated machine-readable zone.
type Zone struct {
	Layout string
	Lines  []string
}

func cd(s string) string {
	c, err := mrz.CheckDigit(s)
	if err != nil {
		panic(fmt.Sprintf("mrzsynth: %v", err)) // the generator only writes MRZ characters
	}
	return string(c)
}

func pad(s string, n int) string {
	if len(s) >= n {
		return s[:n]
	}
	return s + strings.Repeat("<", n-len(s))
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// alnum draws n characters: digits mostly, letters too (O, I and Q
// among them, which check digits cannot always tell from 0 and 1).
func alnum(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		if r.IntN(10) < 7 {
			b[i] = byte('0' + r.IntN(10))
		} else {
			b[i] = byte('A' + r.IntN(26))
		}
	}
	return string(b)
}

func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

func yymmdd(r *rand.Rand) string {
	return fmt.Sprintf("%02d%02d%02d", r.IntN(100), 1+r.IntN(12), 1+r.IntN(28))
}

func name(r *rand.Rand, width int) string {
	n := pick(r, surnames) + "<<" + pick(r, givenNames)
	if r.IntN(2) == 0 {
		n += "<" + pick(r, givenNames)
	}
	return pad(n, width)
}

func sex(r *rand.Rand) string { return pick(r, []string{"M", "F", "<"}) }

// optional draws optional data: empty, or a few characters then fillers.
func optional(r *rand.Rand, n int) string {
	if r.IntN(2) == 0 {
		return strings.Repeat("<", n)
	}
	return pad(alnum(r, 1+r.IntN(n-1)), n)
}

// NewZone draws a zone of the given layout (one of Layouts) whose check
// digits hold.
func NewZone(r *rand.Rand, layout string) Zone {
	state, nat := pick(r, states), pick(r, states)
	doc := pad(alnum(r, 6+r.IntN(4)), 9)
	birth, expiry := yymmdd(r), yymmdd(r)
	switch layout {
	case "TD3":
		opt := optional(r, 14)
		optCD := cd(opt)
		if strings.Trim(opt, "<") == "" && r.IntN(2) == 0 {
			optCD = "<"
		}
		l2 := doc + cd(doc) + nat + birth + cd(birth) + sex(r) + expiry + cd(expiry) + opt + optCD
		l2 += cd(l2[0:10] + l2[13:20] + l2[21:43])
		return Zone{layout, []string{"P<" + state + name(r, 39), l2}}
	case "MRV-A", "MRV-B":
		w := 44
		if layout == "MRV-B" {
			w = 36
		}
		l2 := doc + cd(doc) + nat + birth + cd(birth) + sex(r) + expiry + cd(expiry)
		l2 += optional(r, w-len(l2))
		return Zone{layout, []string{"V<" + state + name(r, w-5), l2}}
	case "TD2":
		l2 := doc + cd(doc) + nat + birth + cd(birth) + sex(r) + expiry + cd(expiry) + optional(r, 7)
		l2 += cd(l2[0:10] + l2[13:20] + l2[21:35])
		return Zone{layout, []string{pick(r, []string{"I<", "ID", "IR"}) + state + name(r, 31), l2}}
	case "TD1":
		l1 := pick(r, []string{"I<", "ID", "IR", "AR"}) + state + doc + cd(doc) + optional(r, 15)
		l2 := birth + cd(birth) + sex(r) + expiry + cd(expiry) + nat + optional(r, 11)
		l2 += cd(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])
		return Zone{layout, []string{l1, l2, name(r, 30)}}
	case "FRA-ID":
		// The French identity card of 1988–2021: surname on line 1 with
		// the issuing office, a 12-digit number, given names, birth date.
		l1 := "IDFRA" + pad(pick(r, surnames), 25) + digits(r, 3) + pad(alnum(r, 3), 3)
		num := fmt.Sprintf("%02d%02d", r.IntN(100), 1+r.IntN(12)) + l1[30:33] + digits(r, 5)
		given := pick(r, givenNames)
		if r.IntN(2) == 0 {
			given += "<<" + pick(r, givenNames)
		}
		l2 := num + cd(num) + pad(given, 14) + birth + cd(birth) + pick(r, []string{"M", "F"})
		l2 += cd(l1 + l2)
		return Zone{layout, []string{l1, l2}}
	}
	panic("mrzsynth: unknown layout " + layout)
}
