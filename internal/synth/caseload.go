package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/intake-app/intake/document"
)

// Client is one dossier of a caseworker's caseload, with what a check on
// the caseload's day should find in it.
type Client struct {
	Folder  string // the client's folder inside the caseload
	Dossier Dossier
	// Ready is the verdict expected; Unmet the ids of the requirements
	// expected not met, sorted. The ID photo is drawn so that it is
	// measured as compliant: it never makes a requirement unmet.
	Ready bool
	Unmet []string
	// CardExpires is the current card's expiry (zero when the procedure
	// has no filing window); FileFrom and FileBy the window before it.
	CardExpires, FileFrom, FileBy time.Time
	// Window is where the caseload's day falls: "open", "not_yet",
	// "late", "expired", or "" without a filing window.
	Window string
	// Other is the file of another person's document put in the folder;
	// Unreadable a file that cannot be read; "" when none.
	Other, Unreadable string
}

// Caseload returns 20 client dossiers checked on the day ref (their
// intake.yaml sets no appointment: check them with --on ref). Procedures
// are France's carte de séjour renewal, Belgium's, Serbia's and Russia's;
// some are in their filing window, some late or expired, some miss a
// document, one holds another person's document and one a file that
// cannot be read.
// With scanned false every document but the ID photos is a born-digital
// PDF (no OCR: fast tests); with scanned true the documents are rendered
// as the examples render them (scans and phone photos, for benchmarks).
func Caseload(ref time.Time, scanned bool) []Client {
	ref = midnight(ref)
	names := [][2]string{
		{"Benali", "Amina"}, {"Haddad", "Youssef"}, {"Nguyen", "Thi Lan"}, {"Okafor", "Chinedu"}, {"Silva", "Mariana"},
		{"Peeters", "Jan"}, {"Kowalski", "Piotr"}, {"Diallo", "Fatou"}, {"Petrovic", "Marko"}, {"Ivanova", "Elena"},
		{"Horvat", "Luka"}, {"Sokolov", "Dmitri"}, {"Tashkentova", "Dilnoza"}, {"Mensah", "Kwame"}, {"Rossi", "Giulia"},
		{"Yilmaz", "Emre"}, {"Fernandes", "Ana"}, {"Novak", "Petra"}, {"Kaya", "Selin"}, {"Moreau", "Hugo"},
	}
	type variant struct {
		folder string
		make   func(time.Time) Dossier
		card   int // days from ref to the card's expiry; 0 keeps the example's
		edit   func(*Client)
		window string
		unmet  []string
	}
	dropDoc := func(t document.Type) func(*Client) {
		return func(c *Client) {
			c.Dossier.Docs = slices.DeleteFunc(c.Dossier.Docs, func(d Doc) bool { return d.Type == t })
		}
	}
	vs := []variant{
		{folder: "fr-open", make: ExampleFR, card: 90, window: "open"},
		{folder: "fr-open-soon", make: ExampleFR, card: 65, window: "open"},
		{folder: "fr-late", make: ExampleFR, card: 40, window: "late", unmet: []string{"residence-card"}},
		{folder: "fr-expired", make: ExampleFR, card: -10, window: "expired", unmet: []string{"residence-card"}},
		{folder: "fr-too-early", make: ExampleFR, card: 150, window: "not_yet", unmet: []string{"residence-card"}},
		{folder: "fr-no-address", make: ExampleFR, card: 100, window: "open", unmet: []string{"proof-of-address"},
			edit: dropDoc(document.ProofOfAddress)},
		{folder: "fr-other-person", make: ExampleFR, card: 80, window: "open", edit: func(c *Client) {
			c.Other = "travail/contrat_autre.pdf"
			c.Dossier.Docs = append(c.Dossier.Docs, Doc{Name: c.Other, Type: document.EmploymentContract, Lang: "fr", Country: "FR",
				Number: "CDI-2024-0093", Issued: ref.AddDate(-2, 0, 0), Render: Render{Format: FormatPDFText},
				Holder: &Person{Surname: "Lefebvre", GivenNames: "Camille", BirthDate: time.Date(1979, 4, 2, 0, 0, 0, 0, time.UTC),
					Sex: "F", Nationality: "FRA", Address: "3 place Bellecour, 69002 Lyon"}})
		}},
		{folder: "fr-far", make: ExampleFR, card: 110, window: "open"},
		{folder: "be-open", make: ExampleBE, card: 40, window: "open"},
		{folder: "be-open-soon", make: ExampleBE, card: 32, window: "open"},
		{folder: "be-late", make: ExampleBE, card: 20, window: "late", unmet: []string{"residence-card"}},
		{folder: "be-unreadable", make: ExampleBE, card: 44, window: "open", edit: func(c *Client) { c.Unreadable = "scan vide.pdf" }},
		{folder: "be-no-work", make: ExampleBE, card: 38, window: "open", unmet: []string{"work"},
			edit: dropDoc(document.EmploymentContract)},
		{folder: "rs-open", make: ExampleRS, card: 25, window: "open"},
		{folder: "rs-far", make: ExampleRS, card: 70, window: "open"},
		{folder: "rs-expired", make: ExampleRS, card: -5, window: "expired", unmet: []string{"residence-card"}},
		{folder: "rs-no-passport", make: ExampleRS, card: 50, window: "open", unmet: []string{"passport"},
			edit: dropDoc(document.Passport)},
		{folder: "ru-all-documents", make: ExampleRU},
		{folder: "ru-no-passport", make: ExampleRU, unmet: []string{"passport"}, edit: func(c *Client) {
			dropDoc(document.Passport)(c)
			dropDoc(document.Translation)(c) // the passport's
		}},
		{folder: "ru-no-fee", make: ExampleRU, unmet: []string{"fee-receipt"}, edit: dropDoc(document.PaymentReceipt)},
	}
	var out []Client
	for i, v := range vs {
		d := v.make(ref)
		d.Reference = time.Time{} // checked on the caseload's day
		h := d.Holder
		h.Surname, h.GivenNames, h.NativeName = names[i][0], names[i][1], ""
		d.Holder = h
		c := Client{Folder: fmt.Sprintf("%02d-%s", i+1, v.folder), Dossier: d, Window: v.window, Unmet: v.unmet}
		for j := range c.Dossier.Docs {
			doc := &c.Dossier.Docs[j]
			if doc.Type == document.ResidencePermit && v.card != 0 {
				exp := day(ref, v.card)
				doc.Expires, doc.Issued = exp, exp.AddDate(-4, 0, 1)
			}
			if doc.Type == document.ResidencePermit {
				c.CardExpires = doc.Expires
			}
		}
		// What the 2026 rules ask besides the examples' documents: the
		// signed contract of the Republic's principles (France) and the
		// application form (Russia).
		switch d.Country {
		case "FR":
			c.Dossier.Docs = append(c.Dossier.Docs, Doc{Name: "contrat_engagement_republicain.pdf", Type: document.RepublicContract,
				Lang: "fr", Country: "FR", Title: "Contrat d'engagement républicain",
				Issued: day(ref, -12), Render: Render{Format: FormatPDFText}})
		case "RU":
			c.Dossier.Docs = append(c.Dossier.Docs, Doc{Name: "zayavlenie.pdf", Type: document.ApplicationForm,
				Lang: "ru", Country: "RU", Issued: day(ref, -3), Render: Render{Format: FormatPDFText}})
		}
		if v.edit != nil {
			v.edit(&c)
		}
		if !scanned {
			for j := range c.Dossier.Docs {
				if doc := &c.Dossier.Docs[j]; doc.Type != document.Photo {
					doc.Render = Render{Format: FormatPDFText}
					doc.Name = strings.TrimSuffix(doc.Name, filepath.Ext(doc.Name)) + ".pdf"
				}
			}
		}
		c.Unmet = append([]string(nil), c.Unmet...)
		slices.Sort(c.Unmet)
		// A file that cannot be read keeps a dossier from READY.
		c.Ready = len(c.Unmet) == 0 && c.Unreadable == ""
		switch d.Country {
		case "FR":
			c.FileFrom, c.FileBy = day(c.CardExpires, -120), day(c.CardExpires, -60)
		case "BE":
			c.FileFrom, c.FileBy = day(c.CardExpires, -45), day(c.CardExpires, -30)
		case "RS":
			c.FileBy = c.CardExpires
		default:
			c.CardExpires = time.Time{}
		}
		out = append(out, c)
	}
	return out
}

// WriteCaseload writes each client's dossier into its folder under dir,
// with an intake.yaml that names the procedure, the nationality and the
// birth date (no appointment), and the client's unreadable file.
func WriteCaseload(dir string, clients []Client) error {
	for _, c := range clients {
		p := filepath.Join(dir, c.Folder)
		if err := os.MkdirAll(p, 0o755); err != nil {
			return err
		}
		if err := Write(p, c.Dossier); err != nil {
			return fmt.Errorf("%s: %w", c.Folder, err)
		}
		d := c.Dossier
		yaml := fmt.Sprintf("country: %s\nprocedure: %s\nnationality: %s\nbirth_date: %s\n",
			d.Country, d.Procedure, d.Nationality, d.Holder.BirthDate.Format(time.DateOnly))
		if err := os.WriteFile(filepath.Join(p, "intake.yaml"), []byte(yaml), 0o644); err != nil {
			return err
		}
		if c.Unreadable != "" {
			// An empty file, as a scanner app leaves when it fails.
			if err := os.WriteFile(filepath.Join(p, c.Unreadable), nil, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
