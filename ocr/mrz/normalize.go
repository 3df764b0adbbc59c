package mrz

import "strings"

// clean upper-cases s, drops white space and other characters that cannot
// appear in an MRZ, and maps a few OCR renderings of the filler ('«' for
// "<<", '‹', '〈', '≤', '＜' for '<'). It returns the cleaned line and the
// number of dropped characters that were not white space (junk).
func clean(s string) (string, int) {
	var b strings.Builder
	junk := 0
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteByte(byte(r - 'a' + 'A'))
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '<':
			b.WriteByte(byte(r))
		case r == '«':
			b.WriteString("<<")
		case r == '‹', r == '〈', r == '≤', r == '＜':
			b.WriteByte('<')
		case r == ' ', r == '\t', r == '\r', r == '\n', r == '\v', r == '\f', r == 0xA0:
		default:
			junk++
		}
	}
	return b.String(), junk
}

// maxLineVariants bounds the length repairs tried per line.
const maxLineVariants = 8

// lineVariant is a line brought to the layout width, with the number of
// inserted or removed characters.
type lineVariant struct {
	s     string
	edits int
}

// lineVariants brings s to width when it is at most two characters too
// short or too long. A short line is padded with '<' at the end, or inside
// one of its runs of fillers (OCR drops a '<' in a long run); a long line
// loses fillers at its end or inside a run. The check digits then choose
// among the variants. Lines that cannot be repaired by removing fillers are
// truncated as a last resort (their check digits will tell).
func lineVariants(s string, width int) []lineVariant {
	d := len(s) - width
	if d == 0 {
		return []lineVariant{{s, 0}}
	}
	if d < -2 || d > 2 {
		return nil
	}
	seen := map[string]bool{}
	var out []lineVariant
	add := func(v string) {
		if len(out) < maxLineVariants && !seen[v] {
			seen[v] = true
			out = append(out, lineVariant{v, abs(d)})
		}
	}
	runs := fillerRuns(s)
	if d < 0 {
		pad := strings.Repeat("<", -d)
		add(s + pad)
		// Runs from the end backwards: fillers are dropped more often
		// in the long trailing runs.
		for i := len(runs) - 1; i >= 0; i-- {
			at := runs[i][1]
			add(s[:at] + pad + s[at:])
		}
		return out
	}
	if strings.Trim(s[len(s)-d:], "<") == "" {
		add(s[:len(s)-d])
	}
	for i := len(runs) - 1; i >= 0; i-- {
		if runs[i][1]-runs[i][0] > d {
			at := runs[i][1]
			add(s[:at-d] + s[at:])
		}
	}
	add(s[:width])
	return out
}

// fillerRuns returns the [start, end) ranges of the runs of '<' in s.
func fillerRuns(s string) [][2]int {
	var runs [][2]int
	for i := 0; i < len(s); {
		if s[i] != '<' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '<' {
			j++
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	return runs
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// toDigit maps letters that OCR confuses with digits, for numeric
// positions (dates, check digits).
var toDigit = map[byte]byte{
	'O': '0', 'Q': '0', 'D': '0', 'U': '0',
	'I': '1', 'L': '1', 'J': '1',
	'Z': '2',
	'A': '4',
	'S': '5',
	'G': '6',
	'T': '7',
	'B': '8',
}

// toLetter maps digits that OCR confuses with letters, for alphabetic
// positions (states, nationality, names, document type).
var toLetter = map[byte]byte{
	'0': 'O', '1': 'I', '2': 'Z', '4': 'A', '5': 'S', '6': 'G', '7': 'T', '8': 'B',
}

// alternatives lists, for alphanumeric positions (document numbers), the
// digits OCR may have read as a letter. Only letter→digit changes are tried:
// the check digit lets one wrong variant in ten through, digits dominate
// document numbers, and a refused correction (the check fails) is safer than
// a wrong one. A, T and G are left out: G ≡ 6 is invisible to the check
// digit, and A/T are rarely misread in OCR-B.
var alternatives = map[byte]string{
	'O': "0", 'Q': "0", 'D': "0",
	'I': "1", 'L': "1",
	'Z': "2",
	'S': "5",
	'B': "8",
}

// fillerLike are the letters OCR reads a '<' as.
func fillerLike(c byte) bool {
	switch c {
	case 'K', 'S', 'G', 'C', 'E', 'L':
		return true
	}
	return false
}
