package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/intake-app/intake/internal/fold"
)

// folds maps a lower-case rune to what it is compared as, beyond the
// accent folding of package fold: Cyrillic й becomes и (OCR confuses
// them), typographic apostrophes and dashes become plain ones.
var folds = map[rune]string{
	'й':  "и",
	'\'': " ", '’': " ", '‘': " ", '`': " ", '´': " ", 'ʼ': " ", '"': " ", '«': " ", '»': " ",
	'„': " ", '“': " ", '”': " ",
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-",
	'º': "°", '：': ":", '；': ";", '，': ",", '。': ".", '（': "", '）': "", '(': "", ')': "",
	'\u00a0': " ", '\u3000': " ", '\t': " ", '\v': " ",
}

// homoglyphs pairs Latin and Cyrillic lower-case letters that look alike.
var homoglyphs = [][2]rune{
	{'a', 'а'}, {'b', 'в'}, {'c', 'с'}, {'e', 'е'}, {'h', 'н'}, {'i', 'і'}, {'j', 'ј'},
	{'k', 'к'}, {'m', 'м'}, {'o', 'о'}, {'p', 'р'}, {'s', 'ѕ'}, {'t', 'т'}, {'x', 'х'}, {'y', 'у'},
}

var latinToCyr, cyrToLatin = func() (map[rune]rune, map[rune]rune) {
	l, c := map[rune]rune{}, map[rune]rune{}
	for _, p := range homoglyphs {
		l[p[0]] = p[1]
		c[p[1]] = p[0]
	}
	return l, c
}()

func isCyrillic(r rune) bool { return fold.IsCyrillic(r) }
func isHan(r rune) bool      { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }
func isLatin(r rune) bool {
	return r < 0x0250 && unicode.IsLetter(r)
}

// norm is a normalised text with the way back to the original.
type norm struct {
	orig string
	text string
	src  []int // src[i] is the offset in orig of the rune text[i] comes from; len(text)+1 entries
}

// origSpan returns the original text behind text[i:j].
func (n *norm) origSpan(i, j int) string {
	a, b := n.src[i], n.src[j]
	if b < a {
		b = a
	}
	return n.orig[a:b]
}

// normalize lower-cases s, strips Latin diacritics, collapses spaces (but
// keeps line breaks), repairs letters mixed across scripts and digits read
// as letters (and the reverse), and remembers where each byte came from.
func normalize(s string) *norm {
	out := make([]rune, 0, len(s))
	src := make([]int, 0, len(s)+1)
	emit := func(r rune, at int) {
		out = append(out, r)
		src = append(src, at)
	}
	lastSpace := true // at the start of a line
	for i, r := range s {
		switch {
		case r == '\n' || r == '\f':
			if n := len(out); n > 0 && out[n-1] == ' ' {
				out, src = out[:n-1], src[:n-1]
			}
			emit('\n', i)
			lastSpace = true
			continue
		case r == '\r':
			continue
		case r >= 0xFF01 && r <= 0xFF5E && r != '（' && r != '）' && r != '：' && r != '；' && r != '，':
			r -= 0xFEE0
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		} else if r >= 0x80 {
			r = unicode.ToLower(r)
		}
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == ' ' || r == '.' || r == '/' || r == ':' {
			if r == ' ' {
				if lastSpace {
					continue
				}
				lastSpace = true
			} else {
				lastSpace = false
			}
			emit(r, i)
			continue
		}
		f, ok := fold.Rune(r)
		if !ok {
			f, ok = folds[r]
		}
		if !ok {
			if unicode.IsSpace(r) {
				f = " "
			} else if unicode.Is(unicode.Mn, r) { // combining accents
				continue
			} else {
				f = string(r)
			}
		}
		for _, fr := range f {
			if fr == ' ' {
				if lastSpace {
					continue
				}
				lastSpace = true
			} else {
				lastSpace = false
			}
			emit(fr, i)
		}
	}
	if n := len(out); n > 0 && out[n-1] == ' ' {
		out, src = out[:n-1], src[:n-1]
	}
	fixScripts(out)
	fixDigits(out)

	var b strings.Builder
	b.Grow(len(out) + 8)
	bsrc := make([]int, 0, len(out)+8)
	for k, r := range out {
		n := utf8.RuneLen(r)
		if n < 0 {
			r, n = utf8.RuneError, 3
		}
		b.WriteRune(r)
		for range n {
			bsrc = append(bsrc, src[k])
		}
	}
	bsrc = append(bsrc, len(s))
	return &norm{orig: s, text: b.String(), src: bsrc}
}

// normString is normalize for vocabulary entries.
func normString(s string) string { return normalize(strings.TrimSpace(s)).text }

// fixScripts turns look-alike letters of a word into the word's script:
// "ПACПOPT" with Latin A, C, O, P, T becomes all Cyrillic.
func fixScripts(rs []rune) {
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) {
			i++
			continue
		}
		j := i
		var cyr, lat, cyrOnly, latOnly int
		for ; j < len(rs) && unicode.IsLetter(rs[j]); j++ {
			r := rs[j]
			switch {
			case isCyrillic(r):
				cyr++
				if _, ok := cyrToLatin[r]; !ok {
					cyrOnly++
				}
			case isLatin(r):
				lat++
				if _, ok := latinToCyr[r]; !ok {
					latOnly++
				}
			}
		}
		if cyr > 0 && lat > 0 {
			toCyr := cyr >= lat
			if cyrOnly > 0 && latOnly == 0 {
				toCyr = true
			} else if latOnly > 0 && cyrOnly == 0 {
				toCyr = false
			}
			for k := i; k < j; k++ {
				if toCyr {
					if c, ok := latinToCyr[rs[k]]; ok {
						rs[k] = c
					}
				} else if l, ok := cyrToLatin[rs[k]]; ok {
					rs[k] = l
				}
			}
		}
		i = j
	}
}

// fixDigits repairs the commonest OCR confusions between digits and
// letters: "Dé1ivré" (1 for l inside a word) and "l5.O1.2026" (letters in a
// run of digits).
func fixDigits(rs []rune) {
	for i := 0; i < len(rs); {
		if rs[i] == ' ' || rs[i] == '\n' {
			i++
			continue
		}
		j := i
		var digits, letters, confusable int
		for ; j < len(rs) && rs[j] != ' ' && rs[j] != '\n'; j++ {
			switch r := rs[j]; {
			case r >= '0' && r <= '9':
				digits++
			case r == 'o' || r == 'l' || r == 'i' || r == '|':
				confusable++
			case unicode.IsLetter(r) && !isHan(r):
				letters++
			}
		}
		if j-i == 3 && rs[i] == 'l' && rs[i+1] == 'e' && rs[i+2] == 'r' {
			rs[i] = '1' // "ler" is "1er" misread: "du ler au 31 juillet"
			i = j
			continue
		}
		if letters == 0 && confusable > 0 && digits >= 3 && digits >= confusable {
			for k := i; k < j; k++ {
				switch rs[k] {
				case 'o':
					rs[k] = '0'
				case 'l', 'i', '|':
					rs[k] = '1'
				}
			}
		} else if letters+confusable > 0 {
			for k := i + 1; k+1 < j; k++ {
				if rs[k] != '0' && rs[k] != '1' && rs[k] != '|' {
					continue
				}
				p, n := rs[k-1], rs[k+1]
				if !unicode.IsLetter(p) || !unicode.IsLetter(n) || isHan(p) || isHan(n) {
					continue
				}
				switch {
				case rs[k] == '0' && isCyrillic(p):
					rs[k] = 'о'
				case rs[k] == '0':
					rs[k] = 'o'
				case isCyrillic(p):
					// no Cyrillic look-alike of 1
				default:
					rs[k] = 'l'
				}
			}
		}
		i = j
	}
}
