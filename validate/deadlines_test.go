package validate

import (
	"testing"

	"github.com/intake-app/intake/document"
)

func TestDeadlines(t *testing.T) {
	rules, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name       string
		proc       string
		on         string
		edits      []edit
		want       *Deadlines // nil: no deadlines
		wantStatus Status     // of the requirement carrying the window
		sentence   string
	}{
		// FR card expires 2027-03-15: window 120 to 60 days before it.
		{name: "fr open", proc: "FR/carte-de-sejour-renewal", on: "2026-12-01",
			want: &Deadlines{Requirement: "residence-card", Card: "titre-de-sejour.jpg", CardExpires: day("2027-03-15"),
				FileFrom: day("2026-11-15"), FileBy: day("2027-01-14"), DaysLeft: 44, State: WindowOpen},
			wantStatus: OK, sentence: "The card expires on 2027-03-15. File between 2026-11-15 and 2027-01-14: 44 days left."},
		{name: "fr not yet", proc: "FR/carte-de-sejour-renewal", on: "2026-10-01",
			want: &Deadlines{Requirement: "residence-card", Card: "titre-de-sejour.jpg", CardExpires: day("2027-03-15"),
				FileFrom: day("2026-11-15"), FileBy: day("2027-01-14"), DaysLeft: 105, State: WindowNotYet},
			sentence: "The card expires on 2027-03-15. File from 2026-11-15 to 2027-01-14: the window opens in 45 days."},
		{name: "fr late", proc: "FR/carte-de-sejour-renewal", on: "2027-02-01",
			want: &Deadlines{Requirement: "residence-card", Card: "titre-de-sejour.jpg", CardExpires: day("2027-03-15"),
				FileFrom: day("2026-11-15"), FileBy: day("2027-01-14"), DaysLeft: -18, State: WindowLate},
			wantStatus: NonCompliant, sentence: "The card expires on 2027-03-15. The application was due 2026-11-15 to 2027-01-14: 18 days late."},
		{name: "fr expired", proc: "FR/carte-de-sejour-renewal", on: "2027-04-01",
			want: &Deadlines{Requirement: "residence-card", Card: "titre-de-sejour.jpg", CardExpires: day("2027-03-15"),
				FileFrom: day("2026-11-15"), FileBy: day("2027-01-14"), DaysLeft: -77, State: WindowExpired},
			wantStatus: Expired, sentence: "The card expired on 2027-03-15. The application was due 2026-11-15 to 2027-01-14: 77 days late."},
		{name: "fr the card that expires last", proc: "FR/carte-de-sejour-renewal", on: "2026-12-01",
			edits: []edit{add(text(document.Document{File: "ancien-titre.jpg", Type: document.ResidencePermit, Language: "fr", Country: "FR",
				Expires: day("2023-03-15")}))},
			want: &Deadlines{Requirement: "residence-card", Card: "titre-de-sejour.jpg", CardExpires: day("2027-03-15"),
				FileFrom: day("2026-11-15"), FileBy: day("2027-01-14"), DaysLeft: 44, State: WindowOpen}},
		{name: "fr no card read", proc: "FR/carte-de-sejour-renewal", on: "2026-12-01",
			edits: []edit{drop("titre-de-sejour.jpg")},
			want:  &Deadlines{Requirement: "residence-card", State: WindowUnknown}},
		// RS: filed before the card expires (latest: 0 days), no earliest day.
		{name: "rs open", proc: "RS/permanent-residence-renewal", on: "2026-12-01",
			want: &Deadlines{Requirement: "residence-card", Card: "licna-karta.jpg", CardExpires: day("2027-01-15"),
				FileBy: day("2027-01-15"), DaysLeft: 45, State: WindowOpen},
			sentence: "The card expires on 2027-01-15. File by 2027-01-15: 45 days left."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ref := day(tc.on)
			p, err := rules.Procedure("", tc.proc, ref)
			if err != nil {
				t.Fatal(err)
			}
			docs := dossiers[tc.proc]()
			for _, e := range tc.edits {
				docs = e(docs)
			}
			rep := Evaluate(p, docs, Facts{Reference: ref})
			got := rep.Deadlines
			if (got == nil) != (tc.want == nil) {
				t.Fatalf("deadlines = %+v, want %+v", got, tc.want)
			}
			if tc.want == nil {
				return
			}
			w := *tc.want
			if w.Late == "" {
				w.Late = got.Late // the rule file's wording, checked below
			}
			if *got != w {
				t.Errorf("deadlines =\n %+v\nwant\n %+v", *got, w)
			}
			if got.Late == "" {
				t.Error("no late-filing consequence")
			}
			if s := got.Sentence(); tc.sentence != "" && s != tc.sentence {
				t.Errorf("sentence:\n %s\nwant\n %s", s, tc.sentence)
			}
			if tc.wantStatus != "" {
				for _, o := range rep.Requirements {
					if o.ID == got.Requirement && o.Status != tc.wantStatus {
						t.Errorf("%s: %s, want %s (the window and the verdict disagree)", o.ID, o.Status, tc.wantStatus)
					}
				}
			}
		})
	}
}
