package validate

import "testing"

func TestSameName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"EL AMRANI YOUSSEF", "Youssef El-Amrani", true},
		{"ÉLODIE MÜLLER", "ELODIE MULLER", true},
		{"KARIMOV RUSTAM", "КАРИМОВ РУСТАМ", true},
		{"KARIMOV RUSTAM", "КАРИМОВ РУСЛАН", false},
		{"IVANOVA YULIYA", "ИВАНОВА ЮЛИЯ", true},
		{"WANG XIAOMING", "WANG XIAO MING", true},
		{"WANG XIAOMING", "XIAOMING WANG", true},
		{"WANG XIAOMING", "WANG XIAOMTNG", true},
		{"DA SILVA MARIA JOSE", "DA SILVA MARIA", true},
		{"LI NA", "LI NAN", false},
		{"ZHANG WEI", "ZHANG WEIMIN", false},
		{"O'BRIEN SEAN", "OBRIEN SEAN", true},
	} {
		if got := sameName(tc.a, tc.b); got != tc.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
