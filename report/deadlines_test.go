package report

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/validate"
)

// TestDeadlinesShown: the text and HTML reports show the card's expiry and
// the filing window with the days left, ready or not; the JSON has them.
func TestDeadlinesShown(t *testing.T) {
	d := func(s string) document.Date {
		v, err := document.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, ready := range []bool{true, false} {
		in := input()
		rep := *in.Report
		rep.Ready = ready
		rep.Deadlines = &validate.Deadlines{Requirement: "residence-card", Card: "karta.jpg", CardExpires: d("2027-03-15"),
			FileFrom: d("2026-11-15"), FileBy: d("2027-01-14"), DaysLeft: 44, State: validate.WindowOpen, Late: "a fee"}
		in.Report = &rep
		want := "The card expires on 15 March 2027. File between 15 November 2026 and 14 January 2027: 44 days left."
		var text, html, js bytes.Buffer
		if err := WriteText(&text, in, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := WriteHTML(context.Background(), &html, in, HTMLOptions{Thumbnail: func(context.Context, document.Document) ([]byte, error) { return nil, nil }}); err != nil {
			t.Fatal(err)
		}
		if err := WriteJSON(&js, in); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text.String(), "Deadlines: "+want) {
			t.Errorf("ready=%v: the text report lacks the deadlines:\n%s", ready, text.String())
		}
		if !strings.Contains(html.String(), `id="deadlines"`) || !strings.Contains(html.String(), "44 days left") {
			t.Errorf("ready=%v: the HTML report lacks the deadlines", ready)
		}
		for _, s := range []string{`"deadlines": {`, `"card_expires": "2027-03-15"`, `"file_from": "2026-11-15"`, `"file_by": "2027-01-14"`, `"late": "a fee"`} {
			if !strings.Contains(js.String(), s) {
				t.Errorf("ready=%v: the JSON lacks %s", ready, s)
			}
		}
	}
}
