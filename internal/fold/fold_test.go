package fold

import "testing"

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"DÉLIVRÉ LE", "delivre le"},
		{"Straße", "strasse"},
		{"ŽIVOJINOVIĆ Đorđe", "zivojinovic dorde"},
		{"Счёт", "счет"},
		{"Øre Œuvre", "ore oeuvre"},
		{"e\u0301te\u0301", "ete"}, // combining acute accents
		{"护照 No.", "护照 no."},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTranslit(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Потврда о некажњавању", "Potvrda o nekažnjavanju"},
		{"ЉУБИША ЂОРЂЕВИЋ", "LJUBIŠA ĐORĐEVIĆ"},
		{"Љиљана", "Ljiljana"},
		{"Выписка по счёту", "Vypiska po sčetu"},
		{"Beograd 2026", "Beograd 2026"},
	} {
		if got := Translit(c.in); got != c.want {
			t.Errorf("Translit(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSerbianCyrillic(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Potvrda o nekažnjavanju", "потврда о некажњавању"},
		{"UVERENJE O DRŽAVLJANSTVU", "уверење о држављанству"},
		{"Džep", "џеп"},
	} {
		if got := SerbianCyrillic(c.in); got != c.want {
			t.Errorf("SerbianCyrillic(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// The round trip holds for Serbian.
	for _, s := range []string{"потврда о некажњавању", "извод из матичне књиге рођених"} {
		if got := SerbianCyrillic(Translit(s)); got != s {
			t.Errorf("round trip of %q gives %q", s, got)
		}
	}
}

func TestRomanize(t *testing.T) {
	for in, want := range map[string]string{
		"Жао Сяомин":      "zhao syaomin",
		"ХАРИТОНОВ Щукин": "kharitonov shchukin",
		"Đorđević Čolić":  "dordevic colic",
		"Müller":          "muller",
	} {
		if got := Romanize(in); got != want {
			t.Errorf("Romanize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNameLike(t *testing.T) {
	for s, want := range map[string]bool{"WANG ЖАОММС": false, "AG9Z 3ASGT B 93": false, "王晓明": false, "КАРИМОВ": true, "LI NA": true, "": false} {
		if got := NameLike(s); got != want {
			t.Errorf("NameLike(%q) = %v, want %v", s, got, want)
		}
	}
}
