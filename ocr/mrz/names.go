package mrz

//go:generate go run bigrams_gen.go

// Names have no check digit: where the reader finds two letters of a name
// about equally likely (O and D, I and Z, E and X under blur), the letters
// around them decide, by how often one letter follows another in words
// (letterBigrams, from Debian's word lists of eight languages). Only near
// ties are decided so: a letter read clearly stays, however rare its
// neighbours make it (XIAOMING, NGUYEN).
const (
	// nameTie is how far below a cell's best a letter may score and still
	// be weighed against it.
	nameTie = 0.005
	// nameNat is the score worth one unit of log-probability (a factor of
	// e in how often the letters follow each other).
	nameNat = 0.004
)

// chooseNameLetters decides the near ties among the letters of each word of
// the name field s (runs of letters between fillers), and returns how many
// letters it changed.
func chooseNameLetters(b [][]byte, cells [][][]Alternative, s span) (changed int) {
	if s.to == 0 {
		return 0
	}
	line := b[s.line]
	for i := s.from; i < s.to; {
		if line[i] == '<' {
			i++
			continue
		}
		j := i
		for j < s.to && line[j] != '<' {
			j++
		}
		if j-i >= 2 && allLetters(line[i:j]) {
			changed += chooseWord(line[i:j], cells[s.line][i:j])
		}
		i = j
	}
	return changed
}

// chooseWord picks, for each letter of word, one of the letters its cell
// scored within nameTie of its best (the letter read included), so that
// the scores and the letters' succession together are likeliest (Viterbi).
func chooseWord(word []byte, cells [][]Alternative) (changed int) {
	type option struct {
		c     byte
		score float64 // in units of log-probability
	}
	opts := make([][]option, len(word))
	for k, alts := range cells {
		top := alts[0].Score
		opts[k] = append(opts[k], option{word[k], scoreOf(alts, word[k]) / nameNat})
		for _, a := range alts {
			if a.Char >= 'A' && a.Char <= 'Z' && a.Char != word[k] && top-a.Score <= nameTie {
				opts[k] = append(opts[k], option{a.Char, a.Score / nameNat})
			}
		}
	}
	// best[k][o] is the best total ending with option o at letter k; from
	// the option before it.
	best := make([][]float64, len(word))
	from := make([][]int, len(word))
	for k := range word {
		best[k] = make([]float64, len(opts[k]))
		from[k] = make([]int, len(opts[k]))
		for o, op := range opts[k] {
			cur := int(op.c-'A') + 1
			if k == 0 {
				best[k][o] = op.score + float64(letterBigrams[0][cur])/100
				continue
			}
			best[k][o] = -1e18
			for p, pp := range opts[k-1] {
				prev := int(pp.c-'A') + 1
				if v := best[k-1][p] + float64(letterBigrams[prev][cur])/100 + op.score; v > best[k][o] {
					best[k][o], from[k][o] = v, p
				}
			}
		}
	}
	last := len(word) - 1
	pick, total := 0, -1e18
	for o, op := range opts[last] {
		if v := best[last][o] + float64(letterBigrams[int(op.c-'A')+1][0])/100; v > total {
			pick, total = o, v
		}
	}
	for k := last; k >= 0; k-- {
		if c := opts[k][pick].c; c != word[k] {
			word[k] = c
			changed++
		}
		pick = from[k][pick]
	}
	return changed
}

// scoreOf is the score of c among a cell's alternatives (the lowest kept
// when c is not among them: a letter picked by position rules).
func scoreOf(alts []Alternative, c byte) float64 {
	low := alts[0].Score
	for _, a := range alts {
		if a.Char == c {
			return a.Score
		}
		low = min(low, a.Score)
	}
	return low
}

func allLetters(w []byte) bool {
	for _, c := range w {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
