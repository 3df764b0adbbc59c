package country

import "testing"

func TestLookup(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"FR", "FR"}, {"fra", "FR"}, {"SRB", "RS"}, {"CHN", "CN"}, {"RUS", "RU"},
		{"BEL", "BE"}, {"D<<", "DE"}, {"GBD", "GB"}, {"RKS", "XK"}, {"UTO", ""}, {"", ""},
	} {
		if got := Alpha2(tc.in); got != tc.want {
			t.Errorf("Alpha2(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
