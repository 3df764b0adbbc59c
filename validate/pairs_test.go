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

// A document whose type intake is not sure of is judged needs_review until
// the user states its type.
func TestReviewBlocksUntilStated(t *testing.T) {
	rules, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ref := document.NewDate(2026, 12, 1)
	p, err := rules.Procedure("RS", "permanent-residence-renewal", ref)
	if err != nil {
		t.Fatal(err)
	}
	insurance := document.Document{File: "polisa.pdf", Type: document.HealthInsurance, Language: "sr",
		Issued: document.NewDate(2026, 11, 10), ValidFrom: document.NewDate(2026, 11, 11), Expires: document.NewDate(2027, 11, 10),
		Review: "a health-insurance policy or a passport?", Alternative: document.Passport}
	status := func(d document.Document) Status {
		for _, o := range Evaluate(p, []document.Document{d}, Facts{Reference: ref}).Requirements {
			for _, f := range o.Files {
				if f == d.File {
					return o.Status
				}
			}
		}
		return ""
	}
	if s := status(insurance); s != NeedsReview {
		t.Errorf("a document under review: %s, want needs_review", s)
	}
	insurance.Stated = []string{"type"}
	if s := status(insurance); s != OK {
		t.Errorf("once its type is stated: %s, want ok", s)
	}
}
