package validate

import (
	"slices"
	"strings"
	"testing"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/ocr/mrz"
)

// The cases of the rule audit of 2026-11 (shared/reviews/rules.md), each
// with the finding it pins, on dates either side of the changes in law
// (2024-07-17: the CERPR contract; 2026-01-01: A2/B1 and the civic exam).

// cspDossier is a complete dossier for a first carte de séjour
// pluriannuelle on 2026-12-01: a Moroccan employee, born 1990, whose
// temporary card expires on 2027-03-15.
func cspDossier() []document.Document {
	return append(frDossier(),
		text(document.Document{File: "tcf.pdf", Type: document.LanguageCertificate, Language: "fr", Country: "FR",
			Issued: day("2026-05-10"), Level: "A2"}),
		text(document.Document{File: "examen-civique.pdf", Type: document.CivicExam, Language: "fr", Country: "FR",
			Issued: day("2026-06-01")}),
	)
}

// rsTempDossier is a complete dossier for extending a Serbian temporary
// residence (work) on 2026-12-01, 20 days before the permit expires.
func rsTempDossier() []document.Document {
	docs := []document.Document{}
	for _, d := range rsDossier() {
		switch d.File {
		case "zahtev.pdf", "pasos.jpg", "foto.jpg", "ugovor-o-zakupu.pdf", "izvodi.pdf", "polisa.pdf", "uplatnica.pdf":
			docs = append(docs, d)
		}
	}
	return append(docs,
		text(document.Document{File: "dozvola.jpg", Type: document.ResidencePermit, Language: "sr", Country: "RS",
			Issued: day("2025-12-21"), Expires: day("2026-12-21"), Number: "RS7654321"}),
		text(document.Document{File: "ugovor-o-radu.pdf", Type: document.EmploymentContract, Language: "sr", Country: "RS",
			Issued: day("2025-11-01")}))
}

type auditCase struct {
	name    string
	proc    string
	docs    func() []document.Document
	edits   []edit
	facts   Facts
	on      string
	ready   bool
	status  map[string]Status // requirement id → status; "-" for "not asked"
	absent  []string          // requirement ids that must not be reported
	todoHas []string          // substrings of the to-do
}

var auditCases = []auditCase{
	// Audit #1 (FR renewal #9–10): a first multi-year card needs A2 and
	// the civic exam from 2026-01-01, not before.
	{name: "#1 csp 2026 ready with A2 and the civic exam", proc: "FR/carte-de-sejour-pluriannuelle", docs: cspDossier, ready: true,
		status: map[string]Status{"french-a2": OK, "civic-exam": OK, "cir-assiduity": NeedsReview}},
	{name: "#1 csp 2026 without A2 nor exam is not ready", proc: "FR/carte-de-sejour-pluriannuelle", docs: cspDossier,
		edits:  []edit{drop("tcf.pdf", "examen-civique.pdf")},
		status: map[string]Status{"french-a2": Missing, "civic-exam": Missing}},
	{name: "#1 csp 2026 with A1 only", proc: "FR/carte-de-sejour-pluriannuelle", docs: cspDossier,
		edits:  []edit{set("tcf.pdf", func(d *document.Document) { d.Level = "A1" })},
		status: map[string]Status{"french-a2": NonCompliant}},
	{name: "#1 csp on 2025-12-31: neither A2 nor exam yet", proc: "FR/carte-de-sejour-pluriannuelle", docs: frDossier, on: "2025-12-31",
		edits: []edit{set("titre-de-sejour.jpg", func(d *document.Document) { d.Expires = day("2026-03-15") }),
			set("facture-edf.pdf", func(d *document.Document) { d.Issued = day("2025-10-05") }),
			set("bulletins.pdf", func(d *document.Document) { d.Periods = months("2025-09", "2025-10", "2025-11") }),
			set("contrat-republique.pdf", func(d *document.Document) { d.Issued = day("2025-12-01") })},
		ready: true, absent: []string{"french-a2", "civic-exam"}},
	{name: "#1 csp exemption at 65", proc: "FR/carte-de-sejour-pluriannuelle", docs: cspDossier, facts: Facts{BirthDate: day("1960-05-01")},
		edits: []edit{drop("tcf.pdf", "examen-civique.pdf")}, ready: true, absent: []string{"french-a2", "civic-exam"}},
	{name: "#1 csp no exemption at 64", proc: "FR/carte-de-sejour-pluriannuelle", docs: cspDossier, facts: Facts{BirthDate: day("1962-05-01")},
		edits: []edit{drop("tcf.pdf", "examen-civique.pdf")}, status: map[string]Status{"french-a2": Missing, "civic-exam": Missing}},

	// Audit #2 (CR #11): the civic exam is required for a first carte de
	// résident from 2026, not before.
	{name: "#2 cr 2026 without the civic exam", proc: "FR/carte-de-resident", docs: frResDossier,
		edits: []edit{drop("examen-civique.pdf")}, status: map[string]Status{"civic-exam": Missing}},
	{name: "#2 cr 2025 without the civic exam is ready", proc: "FR/carte-de-resident", docs: frResDossier, on: "2025-11-01",
		edits: frRes2025, ready: true, absent: []string{"civic-exam"}},
	{name: "#2 cr 2026 civic exam not asked at 70", proc: "FR/carte-de-resident", docs: frResDossier, facts: Facts{BirthDate: day("1956-04-02")},
		edits: []edit{drop("examen-civique.pdf")}, ready: true, absent: []string{"civic-exam"}},

	// Audit #3 (CR #13–16): address, photos, birth certificate and fee.
	{name: "#3 cr without address, photo, birth certificate", proc: "FR/carte-de-resident", docs: frResDossier,
		edits:  []edit{drop("quittance-loyer.pdf", "photo.jpg", "acte-naissance.pdf", "acte-naissance-apostille.pdf")},
		status: map[string]Status{"proof-of-address": Missing, "photo": Missing, "birth-certificate": Missing}},
	{name: "#3 cr fee (€350 in 2026) is asked but does not block", proc: "FR/carte-de-resident", docs: frResDossier,
		edits: []edit{drop("timbre.pdf")}, ready: true, status: map[string]Status{"fee-receipt": Missing},
		todoHas: []string{"The authority may ask for this (Fee (timbre fiscal)", "€350"}},
	{name: "#3 cr fee was €225 in 2025", proc: "FR/carte-de-resident", docs: frResDossier, on: "2025-11-01",
		edits: append(slices.Clone(frRes2025), drop("timbre.pdf")), ready: true, todoHas: []string{"€225"}},

	// Audit #4 (renewal #8, CR #12): the CERPR contract since 2024-07-17.
	{name: "#4 renewal without the contract on 2026-12-01", proc: "FR/carte-de-sejour-renewal", docs: frDossier,
		edits: []edit{drop("contrat-republique.pdf")}, status: map[string]Status{"republic-contract": Missing}},
	{name: "#4 renewal without the contract on 2024-07-16 is ready", proc: "FR/carte-de-sejour-renewal", docs: frDossier, on: "2024-07-16",
		edits: []edit{drop("contrat-republique.pdf"), set("titre-de-sejour.jpg", func(d *document.Document) { d.Expires = day("2024-10-15") }),
			set("facture-edf.pdf", func(d *document.Document) { d.Issued = day("2024-06-05") }),
			set("passeport.pdf", func(d *document.Document) { d.Expires = day("2029-01-01") }),
			set("bulletins.pdf", func(d *document.Document) { d.Periods = months("2024-04", "2024-05", "2024-06") })},
		ready: true, absent: []string{"republic-contract"}},
	{name: "#4 renewal without the contract on 2024-07-17", proc: "FR/carte-de-sejour-renewal", docs: frDossier, on: "2024-07-17",
		edits: []edit{drop("contrat-republique.pdf"), set("titre-de-sejour.jpg", func(d *document.Document) { d.Expires = day("2024-10-15") }),
			set("facture-edf.pdf", func(d *document.Document) { d.Issued = day("2024-06-05") }),
			set("passeport.pdf", func(d *document.Document) { d.Expires = day("2029-01-01") }),
			set("bulletins.pdf", func(d *document.Document) { d.Periods = months("2024-04", "2024-05", "2024-06") })},
		status: map[string]Status{"republic-contract": Missing}},
	{name: "#4 cr 2025 without the contract", proc: "FR/carte-de-resident", docs: frResDossier, on: "2025-11-01",
		edits: append(slices.Clone(frRes2025), drop("contrat-republique.pdf")), status: map[string]Status{"republic-contract": Missing}},

	// Audit #5 (CR #10): a language test certificate is valid 2 years.
	{name: "#5 cr 2026 with a 2023 B1 certificate", proc: "FR/carte-de-resident", docs: frResDossier,
		edits:  []edit{set("delf.pdf", func(d *document.Document) { d.Issued = day("2023-06-20") })},
		status: map[string]Status{"french-language": TooOld}},
	{name: "#5 cr 2026 with a certificate of exactly 2 years", proc: "FR/carte-de-resident", docs: frResDossier,
		edits: []edit{set("delf.pdf", func(d *document.Document) { d.Issued = day("2024-12-01") })}, ready: true},

	// Audit #6 (BE #6): the employer's single-permit renewal is recalled.
	{name: "#6 be worker: single-permit renewal in the to-do", proc: "BE/residence-card-renewal", docs: beDossier, ready: true,
		status: map[string]Status{"single-permit-renewal": NeedsReview}, todoHas: []string{"single permit", "Region"}},
	{name: "#6 be student: no single permit", proc: "BE/residence-card-renewal", docs: beDossier, facts: Facts{Basis: "study"},
		edits: []edit{add(text(document.Document{File: "inschrijving.pdf", Type: document.EnrolmentCertificate, Language: "nl", Country: "BE", Issued: day("2026-09-20")}))},
		ready: true, absent: []string{"single-permit-renewal", "work"}, status: map[string]Status{"enrolment": OK}},

	// Audit #7 (renewal #4): hosted applicants bring three documents.
	{name: "#7 renewal hosted with one proof of address", proc: "FR/carte-de-sejour-renewal", docs: frDossier, facts: Facts{Housing: "hosted"},
		status: map[string]Status{"hosted-address": Insufficient, "host-identity": Missing}, absent: []string{"proof-of-address"}},
	{name: "#7 renewal hosted with the three documents", proc: "FR/carte-de-sejour-renewal", docs: frDossier, facts: Facts{Housing: "hosted"},
		edits: []edit{add(
			text(document.Document{File: "attestation-hebergement.pdf", Type: document.ProofOfAddress, Language: "fr", Country: "FR", Issued: day("2026-11-10")}),
			text(document.Document{File: "cni-hebergeant.pdf", Type: document.IDCard, Language: "fr", Country: "FR", Expires: day("2031-01-01")}))},
		ready: true, status: map[string]Status{"hosted-address": OK, "host-identity": OK}},

	// Audit #8 (renewal #5): a student brings an enrolment, not a contract.
	{name: "#8 renewal student without work proof", proc: "FR/carte-de-sejour-renewal", docs: frDossier, facts: Facts{Basis: "study"},
		edits: []edit{drop("bulletins.pdf"), add(text(document.Document{File: "certificat-scolarite.pdf", Type: document.EnrolmentCertificate, Language: "fr", Country: "FR", Issued: day("2026-09-15")}))},
		ready: true, absent: []string{"employment", "recent-payslips"}, status: map[string]Status{"enrolment": OK, "student-resources": Missing}},
	{name: "#8 renewal student without enrolment", proc: "FR/carte-de-sejour-renewal", docs: frDossier, facts: Facts{Basis: "study"},
		status: map[string]Status{"enrolment": Missing}},

	// Audit #9 (CR #3): Algerians: any title but a student's, no language
	// test, no civic exam, no contract.
	{name: "#9 cr Algerian without language, exam or contract", proc: "FR/carte-de-resident", docs: frResDossier, facts: Facts{Nationality: "DZ"},
		edits: []edit{drop("delf.pdf", "examen-civique.pdf", "contrat-republique.pdf", "titre-2019.jpg"),
			drop("avis-impot-2022.pdf", "avis-impot-2023.pdf"),
			set("bulletins-decembre.pdf", func(d *document.Document) { d.Periods = months("2023-12", "2024-12", "2025-12") })},
		ready: true, absent: []string{"french-language", "civic-exam", "republic-contract", "residence-3-years", "residence-5-years"},
		status: map[string]Status{"residence-3-years-algeria": OK, CheckHolderName: OK}},
	{name: "#9 cr Algerian: a visiteur title counts, a student's does not", proc: "FR/carte-de-resident", docs: frResDossier, facts: Facts{Nationality: "DZ"},
		edits:  []edit{set("titre-2022.jpg", func(d *document.Document) { d.Text = "CERTIFICAT DE RÉSIDENCE ALGÉRIEN\nÉtudiant" })},
		status: map[string]Status{"residence-3-years-algeria": Insufficient}},

	// Audit #10 (RS #6–10): the approval checklist is not required to
	// replace the card.
	{name: "#10 rs card replacement without records, means, insurance", proc: "RS/permanent-residence-renewal", docs: rsDossier,
		edits: []edit{drop("criminal-record-rs.pdf", "criminal-record-cn.pdf", "apostille-1.pdf", "prevod-1.pdf", "izvodi.pdf", "polisa.pdf", "ugovor-o-zakupu.pdf")},
		ready: true, status: map[string]Status{"criminal-record-rs": Missing, "health-insurance": Missing},
		todoHas: []string{"The authority may ask for this (Serbian criminal-record certificate"}},

	// Missing procedure #2: Serbia's temporary-residence extension; filed
	// 20 days before the permit expires: late under the 2018 rule (30
	// days), in time from 2024-02-01 (before expiry, the MUP's page).
	{name: "rs temporary residence 20 days before expiry in 2023", proc: "RS/temporary-residence-renewal", docs: rsTempDossier, on: "2023-12-01",
		edits:  []edit{set("dozvola.jpg", func(d *document.Document) { d.Expires = day("2023-12-21") })},
		status: map[string]Status{"residence-permit": NonCompliant}},
	{name: "rs temporary residence 20 days before expiry in 2026", proc: "RS/temporary-residence-renewal", docs: rsTempDossier, ready: true,
		facts:  Facts{Basis: "work"},
		status: map[string]Status{"residence-permit": OK, "employment": OK}},
	{name: "rs temporary residence filed 4 months early", proc: "RS/temporary-residence-renewal", docs: rsTempDossier,
		edits:  []edit{set("dozvola.jpg", func(d *document.Document) { d.Expires = day("2027-04-01") })},
		status: map[string]Status{"residence-permit": NonCompliant}},

	// Audit #11 (RU #6–8): see evaluate_test.go ("ru worker without
	// contract or insurance is ready", "ru no application", the month
	// after the 45th birthday).

	// Audit #12 (CR #6): payslips only from employees.
	{name: "#12 cr self-employed: no payslips, statements may be asked", proc: "FR/carte-de-resident", docs: frResDossier, facts: Facts{Activity: "self-employed"},
		edits: []edit{drop("certificat-travail.pdf", "bulletins.pdf", "bulletins-decembre.pdf")},
		ready: true, absent: []string{"employment-certificate", "payslips", "december-payslips-5-years"},
		status: map[string]Status{"other-resources": Missing}},
	{name: "#12 cr employee still needs payslips", proc: "FR/carte-de-resident", docs: frResDossier, facts: Facts{Activity: "employee"},
		edits: []edit{drop("bulletins.pdf")}, status: map[string]Status{"payslips": Insufficient}},

	// Audit #13 (renewal #7): the renewal fee is asked at issuance (may ask).
	{name: "#13 renewal without the timbre is ready", proc: "FR/carte-de-sejour-renewal", docs: frDossier,
		edits: []edit{drop("timbre.pdf")}, ready: true, todoHas: []string{"€250"}},
}

func TestAuditFindings(t *testing.T) {
	rules, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range auditCases {
		t.Run(tc.name, func(t *testing.T) {
			ref := on
			if tc.on != "" {
				ref = day(tc.on)
			}
			p, err := rules.Procedure("", tc.proc, ref)
			if err != nil {
				t.Fatal(err)
			}
			docs := tc.docs()
			for _, e := range tc.edits {
				docs = e(docs)
			}
			f := tc.facts
			f.Reference = ref
			rep := Evaluate(p, docs, f)
			got := map[string]Outcome{}
			for _, o := range rep.Requirements {
				got[o.ID] = o
			}
			for id, want := range tc.status {
				o, ok := got[id]
				switch {
				case !ok && want == OK && strings.HasPrefix(id, "check-"):
				case !ok:
					t.Errorf("%s: not reported, want %s", id, want)
				case o.Status != want:
					t.Errorf("%s: %s, want %s (%s)", id, o.Status, want, o.Message)
				}
			}
			for _, id := range tc.absent {
				if o, ok := got[id]; ok {
					t.Errorf("%s reported (%s), want it not asked", id, o.Status)
				}
			}
			var todo []string
			for _, td := range rep.Todo {
				todo = append(todo, td.Action)
			}
			all := strings.Join(todo, "\n")
			for _, s := range tc.todoHas {
				if !strings.Contains(all, s) {
					t.Errorf("to-do lacks %q:\n%s", s, all)
				}
			}
			if rep.Ready != tc.ready {
				t.Errorf("Ready = %v, want %v; to-do:\n%s", rep.Ready, tc.ready, all)
			}
		})
	}
}

// READY means ready: a file that could not be read, a duplicate or a photo
// only partly measured keeps a dossier whose requirements are met from
// READY, and the to-do says what to do, blocking items first.
func TestReadyMeansReady(t *testing.T) {
	rules, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p, err := rules.Procedure("FR", "carte-de-sejour-renewal", on)
	if err != nil {
		t.Fatal(err)
	}
	passport := func(file string) document.Document {
		d := frDossier()[0]
		d.File, d.Path, d.Number = file, "/dossier/"+file, "MA1234567"
		return d
	}
	cases := []struct {
		name     string
		edits    []edit
		ready    bool
		blocking []string // substrings of the blocking to-do items, in order
		later    string   // a substring of a non-blocking item
	}{
		{name: "complete", ready: true},
		{name: "unreadable files", edits: []edit{add(
			document.Document{File: "IMG_0042.HEIC", Type: document.Unknown, Error: "is a HEIC image, which intake cannot read: export it as JPEG"},
			document.Document{File: "page.pdf", Type: document.Unknown, Error: "is a web page (HTML), not a PDF or an image"},
			document.Document{File: "empty.pdf", Type: document.Unknown, Error: "the file is empty"},
			document.Document{File: "lettre.docx", Type: document.Unknown, Error: "is a Word document"})},
			blocking: []string{"IMG_0042.HEIC could not be read", "page.pdf could not be read", "empty.pdf could not be read", "lettre.docx could not be read"}},
		{name: "the same passport twice (one number)", edits: []edit{drop("passeport.pdf"), add(passport("passeport.pdf"), passport("passeport-copie.jpg"))},
			blocking: []string{"passeport-copie.jpg and passeport.pdf hold the same passport (number MA1234567)"}},
		{name: "the same file twice (one content)", edits: []edit{
			set("facture-edf.pdf", func(d *document.Document) { d.Text = "EDF Facture d'électricité du 5 octobre 2026, client 123456" }),
			func(docs []document.Document) []document.Document {
				for _, d := range docs {
					if d.File == "facture-edf.pdf" {
						d.File = "facture-edf (1).pdf"
						return append(docs, d)
					}
				}
				return docs
			}},
			blocking: []string{"facture-edf (1).pdf and facture-edf.pdf hold the same content"}},
		{name: "two sides of one card (one number, one MRZ) are no duplicate", ready: true, edits: []edit{
			set("titre-de-sejour.jpg", func(d *document.Document) { d.Number = "FR1234567" }),
			add(text(document.Document{File: "titre-de-sejour-verso.jpg", Type: document.ResidencePermit, Language: "fr", Country: "FR",
				Expires: day("2027-03-15"), Number: "FR1234567", MRZ: &mrz.Result{Format: mrz.TD1, Valid: true, IssuingState: "FRA"}}))},
			later: "titre-de-sejour-verso.jpg and titre-de-sejour.jpg seem to be the sides (or pages) of one residence permit (number FR1234567): hand them in as one PDF"},
		{name: "photo face not measured", edits: []edit{set("photo.jpg", func(d *document.Document) {
			d.Photo.Unchecked = []string{"no face was detected on the figure in the middle: the head's height, the eye line, the centring and the exposure could not be measured; check them by hand"}
		})},
			blocking: []string{"photo.jpg was only partly checked as an ID photo (no face was detected"}},
		{name: "a needs_review keeps it from ready", edits: []edit{set("passeport.pdf", func(d *document.Document) { d.Expires = document.Date{} })},
			blocking: []string{"The expiry date of passeport.pdf could not be read"}},
		{name: "an unknown document is listed, not blocking", ready: true,
			edits: []edit{add(text(document.Document{File: "divers.pdf", Type: document.Unknown}))}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			docs := frDossier()
			for _, e := range tc.edits {
				docs = e(docs)
			}
			rep := Evaluate(p, docs, Facts{Reference: on})
			if rep.Ready != tc.ready {
				t.Errorf("Ready = %v, want %v; to-do %+v", rep.Ready, tc.ready, rep.Todo)
			}
			var blocking, later []string
			seenLater := false
			for _, td := range rep.Todo {
				if td.Blocking {
					if seenLater {
						t.Errorf("blocking item after a non-blocking one: %q", td.Action)
					}
					blocking = append(blocking, td.Action)
				} else {
					seenLater = true
					later = append(later, td.Action)
				}
			}
			if tc.later != "" && !strings.Contains(strings.Join(later, "\n"), tc.later) {
				t.Errorf("non-blocking to-do %q lacks %q", later, tc.later)
			}
			if len(blocking) != len(tc.blocking) {
				t.Fatalf("blocking to-do %q, want %d items like %q", blocking, len(tc.blocking), tc.blocking)
			}
			for i, want := range tc.blocking {
				if !strings.Contains(blocking[i], want) {
					t.Errorf("to-do %d: %q, want it to contain %q", i+1, blocking[i], want)
				}
			}
		})
	}
}

// The one-line verdict says what READY and NOT READY rest on.
func TestSummaryWithTheToDo(t *testing.T) {
	for _, tc := range []struct {
		r    Report
		want string
	}{
		{Report{Ready: true, Requirements: []Outcome{{Status: OK, Need: Required}, {Status: Missing, Need: MayAsk}}},
			"READY: every required one of the 2 requirements is met; 1 the authority may ask for is in the to-do"},
		{Report{Ready: true, Requirements: []Outcome{{Status: OK, Need: Required}}},
			"READY: every one of the 1 requirements is met"},
		{Report{Requirements: []Outcome{{Status: OK, Need: Required}, {Status: Missing, Need: MayAsk}},
			Todo: []Todo{{Files: []string{"x.heic"}, Blocking: true}}},
			"NOT READY: 1 file problem(s) to fix first, see the to-do"},
		{Report{Requirements: []Outcome{{Status: Missing, Need: Required}, {Status: Missing, Need: MayAsk}}},
			"NOT READY: 1 of 2 requirements are not met"},
	} {
		if got := tc.r.Summary(); got != tc.want {
			t.Errorf("Summary() = %q, want %q", got, tc.want)
		}
	}
}
