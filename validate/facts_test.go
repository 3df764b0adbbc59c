package validate

import (
	"strings"
	"testing"
)

func TestFactsCheck(t *testing.T) {
	r, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	be, err := r.Procedure("BE", "residence-card-renewal", on)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		f    Facts
		want string // "" = no error
	}{
		{Facts{Application: "renewal", Family: "married", Basis: "family", Region: "flanders"}, ""},
		{Facts{Basis: "Work"}, ""},
		{Facts{Application: "second"}, `application "second": want one of first, renewal`},
		{Facts{Basis: "holiday"}, `basis "holiday"`},
		{Facts{Family: "engaged"}, `family "engaged"`},
		{Facts{Region: "paris"}, `region "paris": want one of brussels, east-belgium, flanders, wallonia`},
		{Facts{Housing: "hosted", Activity: "self-employed"}, ""},
		{Facts{Housing: "tent"}, `housing "tent": want one of own, hosted`},
		{Facts{Activity: "student"}, `activity "student": want one of employee, self-employed, retired, none`},
	} {
		err := tc.f.Check(be)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: %v", tc.f, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%+v: error %v, want %q", tc.f, err, tc.want)
		}
	}
	if got := FactValues("basis"); strings.Join(got, ",") != "work,study,family,other" {
		t.Errorf("FactValues(basis) = %q", got)
	}
}
