package bundle_test

import (
	"reflect"
	"testing"

	"github.com/intake-app/intake/bundle"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

// TestSectionsOrder: documents follow the requirements' order; each
// apostille and translation comes right after the document it cites,
// even when the verdict names the certificate alone; a document used
// twice is bundled once.
func TestSectionsOrder(t *testing.T) {
	docs := []document.Document{
		{File: "a_translation_us.pdf", Type: document.Translation, Translates: document.CriminalRecord, References: []string{"US-1"}},
		{File: "b_apostille_cn.jpg", Type: document.Apostille, References: []string{"CN 7"}},
		{File: "c_cert_cn.jpg", Type: document.CriminalRecord, Number: "CN7"},
		{File: "d_cert_us.jpg", Type: document.CriminalRecord, Number: "US-1"},
		{File: "e_translation_cn.pdf", Type: document.Translation, Translates: document.CriminalRecord, References: []string{"CN7"}},
		{File: "f_passport.jpg", Type: document.Passport},
		{File: "g_unused.jpg", Type: document.Unknown},
	}
	in := &intake.Result{Documents: docs, Report: &validate.Report{Requirements: []validate.Outcome{
		{ID: "passport", Status: validate.OK, Files: []string{"f_passport.jpg"}},
		{ID: "criminal-records", Status: validate.TooOld, Files: []string{"a_translation_us.pdf", "c_cert_cn.jpg", "d_cert_us.jpg"}},
		{ID: "names", Status: validate.OK, Files: []string{"f_passport.jpg"}},
		{ID: "fee", Status: validate.Missing},
	}, Pairs: []validate.Pair{
		{Document: "c_cert_cn.jpg", Apostilles: []string{"b_apostille_cn.jpg"}, Translations: []string{"e_translation_cn.pdf"}},
		{Document: "d_cert_us.jpg", Translations: []string{"a_translation_us.pdf"}},
	}}}
	var got [][]string
	for _, s := range bundle.Sections(in) {
		var files []string
		for _, d := range s.Documents {
			files = append(files, d.File)
		}
		got = append(got, files)
	}
	want := [][]string{
		{"f_passport.jpg"},
		{"c_cert_cn.jpg", "b_apostille_cn.jpg", "e_translation_cn.pdf", "d_cert_us.jpg", "a_translation_us.pdf"},
		nil,
		nil,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections:\n got %q\nwant %q", got, want)
	}
	if u := bundle.Unused(in); !reflect.DeepEqual(u, []string{"g_unused.jpg"}) {
		t.Errorf("unused: %q", u)
	}
	if g := bundle.Gaps(in.Report); !reflect.DeepEqual(g, []string{"criminal-records (too_old)", "fee (missing)"}) {
		t.Errorf("gaps: %q", g)
	}
}
