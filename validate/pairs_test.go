package validate

import (
	"reflect"
	"testing"

	"github.com/intake-app/intake/document"
)

// TestReportPairs: the pairs are decided once, here, and carried in the
// report; numbers pair whatever their punctuation, so the bundle, which
// follows the report, cannot disagree with the verdict.
func TestReportPairs(t *testing.T) {
	rules, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ref := document.NewDate(2026, 12, 1)
	p, err := rules.Procedure("RS", "permanent-residence-renewal", ref)
	if err != nil {
		t.Fatal(err)
	}
	docs := []document.Document{
		{File: "cn.jpg", Type: document.CriminalRecord, Language: "zh", Number: "J110105-2019-001234", Issued: document.NewDate(2026, 11, 1)},
		{File: "apostille.jpg", Type: document.Apostille, References: []string{"J 110105 2019 001234"}},
		{File: "prevod.pdf", Type: document.Translation, Translates: document.CriminalRecord, Sworn: true, References: []string{"J1101052019001234"}},
		{File: "other.pdf", Type: document.Translation, Translates: document.BirthCertificate},
	}
	r := Evaluate(p, docs, Facts{Reference: ref})
	want := []Pair{{Document: "cn.jpg", Apostilles: []string{"apostille.jpg"}, Translations: []string{"prevod.pdf"}}}
	if !reflect.DeepEqual(r.Pairs, want) {
		t.Errorf("pairs %+v, want %+v", r.Pairs, want)
	}
	if _, ok := r.PairOf("other.pdf"); ok {
		t.Error("a translation is a pair's document")
	}
}
