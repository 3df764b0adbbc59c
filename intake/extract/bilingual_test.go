package extract

import "testing"

// A passport's labels are bilingual; the half in the other script is often
// misread as debris, which must not hide the English label's date below.
func TestBilingualLabelsWithDebris(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"digits debris", "PASSPORT\n#88 / Date of issue #8908 / Date of expiry\n1 October 2023 30 September 2033\n"},
		{"letters debris before a slash", "PASSPORT\n#A AAA / Date of issue AXE / Date of expiry\n1 October 2023 30 September 2033\n"},
		{"clean", "PASSPORT\nDate of issue / Date of expiry\n1 October 2023 30 September 2033\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := Analyze([]string{tc.text}, Hint{Country: "FR"})
			if f.Issued.String() != "2023-10-01" || f.Expires.String() != "2033-09-30" {
				t.Errorf("issued %s, expires %s; want 2023-10-01 and 2033-09-30", f.Issued, f.Expires)
			}
		})
	}
	// A word after a label is not debris: the date below is not its.
	f := Analyze([]string{"CARTE DE RÉSIDENT\nValable jusqu'au : illimité\nDélivré le\n15/01/2026\n"}, Hint{Country: "FR"})
	if !f.Expires.IsZero() || f.Issued.String() != "2026-01-15" {
		t.Errorf("issued %s, expires %s; want 2026-01-15 and none", f.Issued, f.Expires)
	}
}
