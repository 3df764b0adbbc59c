package mrz

import "fmt"

// charValue is the ICAO 9303 value of an MRZ character: '0'…'9' → 0…9,
// 'A'…'Z' → 10…35, '<' → 0. ok is false for any other character.
func charValue(c byte) (v int, ok bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10, true
	case c == '<':
		return 0, true
	}
	return 0, false
}

// CheckDigit computes the ICAO 9303 check digit of s (weights 7-3-1
// repeating, '<' = 0, A = 10 … Z = 35, sum modulo 10) and returns it as an
// ASCII digit ('0'…'9'). s must consist of upper-case A-Z, 0-9 and '<' only.
func CheckDigit(s string) (byte, error) {
	sum := 0
	for i := 0; i < len(s); i++ {
		v, ok := charValue(s[i])
		if !ok {
			return 0, fmt.Errorf("mrz: check digit: invalid character %q at %d", s[i], i)
		}
		sum += v * [3]int{7, 3, 1}[i%3]
	}
	return byte('0' + sum%10), nil
}

// checkOK reports whether cd is the check digit of data.
func checkOK(data string, cd byte) bool {
	want, err := CheckDigit(data)
	return err == nil && cd == want
}
