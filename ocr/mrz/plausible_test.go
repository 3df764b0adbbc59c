package mrz

import (
	"testing"
	"time"
)

// A payslip's table once read as a TD2 zone whose check digits happened to
// hold: no document code of a travel document, no date. It is no zone.
func TestPlausible(t *testing.T) {
	now := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lines []string
		want  bool
	}{
		{[]string{"OCSBUOBSSOOBHSKLMKL<<<<<<<YFWFM<<<<<", "0HBVBTO0L0JBS000H32024200303<5CP2301"}, false},
		{[]string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}, true},
		{[]string{"IDCHES0002068<8<<<<<<<<<<<<<<<", "8102287F1301014CHE<<<<<<<<<<<4", "VADIS<<QUO<<<<<<<<<<<<<<<<<<<<"}, true},
	} {
		r, err := Parse(tc.lines, now)
		if err != nil {
			if tc.want {
				t.Errorf("%q: %v", tc.lines, err)
			}
			continue
		}
		if got := r.Plausible(); got != tc.want {
			t.Errorf("%q: plausible %v, want %v (%+v)", tc.lines, got, tc.want, r)
		}
	}
}
