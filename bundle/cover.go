package bundle

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"
	"github.com/intake-app/intake/intake"
)

// Fonts for the cover page (Debian fonts-dejavu-core): they cover Latin,
// Cyrillic and the accents of every procedure's language.
var coverFonts = [2]string{
	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
	"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
}

// newDoc returns an A4 document with the cover's font, and a function
// that makes a string printable in it.
func newDoc() (*fpdf.Fpdf, string, func(string) string) {
	pdf := fpdf.New("P", "mm", "A4", "")
	regular, err1 := os.ReadFile(coverFonts[0])
	bold, err2 := os.ReadFile(coverFonts[1])
	if err1 == nil && err2 == nil {
		pdf.AddUTF8FontFromBytes("DejaVu", "", regular)
		pdf.AddUTF8FontFromBytes("DejaVu", "B", bold)
		return pdf, "DejaVu", func(s string) string { return s }
	}
	// Core fonts: Latin-1 only.
	return pdf, "Helvetica", pdf.UnicodeTranslatorFromDescriptor("")
}

// watermarkPage returns an A4 page with text written diagonally across
// it, large, in gray.
func watermarkPage(text string) ([]byte, error) {
	pdf, family, tr := newDoc()
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddPage()
	pdf.SetFont(family, "B", 40)
	size := 40.0
	// Fit the text on the page's diagonal (about 300 mm, less margins).
	if w := pdf.GetStringWidth(tr(text)); w > 260 {
		size = 40 * 260 / w
		pdf.SetFont(family, "B", size)
	}
	w := pdf.GetStringWidth(tr(text))
	pdf.SetTextColor(120, 120, 120)
	cx, cy := a4W/2, a4H/2
	pdf.TransformBegin()
	pdf.TransformRotate(55, cx, cy)
	pdf.Text(cx-w/2, cy+size*0.35/2.83, tr(text))
	pdf.TransformEnd()
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// The cover is an index for the authority, in the authority's language:
// who the dossier is for, the procedure, and each requirement with the
// page its documents start on. It carries no verdict, no advice and no
// list of the files left out: those are the applicant's business, on the
// to-do sheet (WriteToDo).

// coverInfo is what the cover page says.
type coverInfo struct {
	in    *intake.Result
	secs  []Section
	first map[string]int // first page of each bundled document
	total int            // pages of the whole bundle
	opt   Options
}

// words are the cover's words in one language.
type words struct {
	title, applicant, nationality, birth, passport, procedure, number, piece, page, pages, date string
	dateFormat                                                                                  string // Go layout
}

// coverWords are the cover's words by language (ISO 639-1).
var coverWords = map[string]words{
	"fr": {title: "Bordereau des pièces", applicant: "Demandeur", nationality: "Nationalité", birth: "Date de naissance",
		passport: "N° de passeport", procedure: "Démarche", number: "N°", piece: "Pièce", page: "Page",
		pages: "Nombre de pages", date: "Date", dateFormat: "02/01/2006"},
	"nl": {title: "Inventaris van de stukken", applicant: "Aanvrager", nationality: "Nationaliteit", birth: "Geboortedatum",
		passport: "Paspoortnummer", procedure: "Procedure", number: "Nr.", piece: "Stuk", page: "Blz.",
		pages: "Aantal bladzijden", date: "Datum", dateFormat: "02-01-2006"},
	"de": {title: "Verzeichnis der Unterlagen", applicant: "Antragsteller", nationality: "Staatsangehörigkeit", birth: "Geburtsdatum",
		passport: "Reisepassnummer", procedure: "Verfahren", number: "Nr.", piece: "Unterlage", page: "Seite",
		pages: "Seitenzahl", date: "Datum", dateFormat: "02.01.2006"},
	"sr": {title: "Spisak priloženih dokumenata", applicant: "Podnosilac zahteva", nationality: "Državljanstvo", birth: "Datum rođenja",
		passport: "Broj pasoša", procedure: "Postupak", number: "Br.", piece: "Dokument", page: "Strana",
		pages: "Broj strana", date: "Datum", dateFormat: "02.01.2006."},
	"ru": {title: "Опись прилагаемых документов", applicant: "Заявитель", nationality: "Гражданство", birth: "Дата рождения",
		passport: "Номер паспорта", procedure: "Услуга", number: "№", piece: "Документ", page: "Стр.",
		pages: "Всего страниц", date: "Дата", dateFormat: "02.01.2006"},
	"en": {title: "List of documents", applicant: "Applicant", nationality: "Nationality", birth: "Date of birth",
		passport: "Passport number", procedure: "Procedure", number: "No.", piece: "Document", page: "Page",
		pages: "Pages", date: "Date", dateFormat: "2006-01-02"},
}

// CoverLanguage is the language of the authority the bundle goes to:
// French in France, Serbian in Serbia, Russian in Russia; in Belgium
// Dutch, unless the applicant's region says French (Wallonia, Brussels)
// or German (East Belgium). English for any other country.
func CoverLanguage(in *intake.Result) string {
	switch in.Report.Country {
	case "FR":
		return "fr"
	case "RS":
		return "sr"
	case "RU":
		return "ru"
	case "BE":
		switch strings.ToLower(in.Settings.Facts.Region) {
		case "wallonia", "brussels":
			return "fr"
		case "east-belgium":
			return "de"
		}
		return "nl"
	}
	return "en"
}

// localTitle is a title in the authority's language: the rule's local
// title, of which a bilingual Belgian one ("NL / FR") gives its half.
func localTitle(local, title, lang, country string) string {
	if local == "" {
		return title
	}
	if parts := strings.Split(local, " / "); country == "BE" && len(parts) == 2 {
		if lang == "nl" {
			return parts[0]
		}
		return parts[1]
	}
	return local
}

// renderCover draws the cover pages and returns them with their count.
func renderCover(c coverInfo) ([]byte, int, error) {
	pdf, family, tr := newDoc()
	pdf.SetMargins(18, 18, 18)
	pdf.SetAutoPageBreak(true, 22)
	r := c.in.Report
	lang := CoverLanguage(c.in)
	wd := coverWords[lang]
	pdf.AddPage()
	w := 210.0 - 36
	pdf.SetFont(family, "B", 18)
	pdf.MultiCell(w, 9, tr(wd.title), "", "L", false)
	pdf.SetFont(family, "B", 12.5)
	pdf.MultiCell(w, 6.5, tr(localTitle(r.LocalTitle, r.Title, lang, r.Country)), "", "L", false)
	pdf.Ln(4)

	row := func(k, v string) {
		pdf.SetFont(family, "B", 10.5)
		pdf.CellFormat(48, 6, tr(k), "", 0, "L", false, 0, "")
		pdf.SetFont(family, "", 10.5)
		pdf.MultiCell(w-48, 6, tr(v), "", "L", false)
	}
	a := r.Applicant
	if a.Name != "" {
		row(wd.applicant, a.Name)
	}
	if a.Nationality != "" {
		row(wd.nationality, a.Nationality)
	}
	if !a.BirthDate.IsZero() {
		row(wd.birth, a.BirthDate.Time().Format(wd.dateFormat))
	}
	if a.Passport != "" {
		row(wd.passport, a.Passport)
	}
	row(wd.pages, strconv.Itoa(c.total))
	row(wd.date, c.opt.Now.Format(wd.dateFormat))
	pdf.Ln(5)

	pdf.SetFont(family, "B", 10)
	pdf.SetFillColor(230, 230, 230)
	pdf.CellFormat(12, 7, tr(wd.number), "B", 0, "L", true, 0, "")
	pdf.CellFormat(w-12-18, 7, tr(wd.piece), "B", 0, "L", true, 0, "")
	pdf.CellFormat(18, 7, tr(wd.page), "B", 1, "R", true, 0, "")
	n := 0
	for _, s := range c.secs {
		if len(s.Documents) == 0 || strings.HasPrefix(s.Outcome.ID, "check-") {
			continue // nothing handed in for it, or a finding rather than a piece
		}
		n++
		from := 0
		for _, d := range s.Documents {
			if p, ok := c.first[d.File]; ok && (from == 0 || p < from) {
				from = p
			}
		}
		pdf.SetFont(family, "", 10)
		x, y := pdf.GetX(), pdf.GetY()
		pdf.CellFormat(12, 6, strconv.Itoa(n), "", 0, "L", false, 0, "")
		pdf.MultiCell(w-12-18, 6, tr(localTitle(s.Outcome.LocalTitle, s.Outcome.Title, lang, r.Country)), "", "L", false)
		y2 := pdf.GetY()
		if y2 < y { // the title went over a page break
			y = y2 - 6
		}
		pdf.SetXY(x+w-18, y)
		pdf.CellFormat(18, 6, strconv.Itoa(from), "", 1, "R", false, 0, "")
		pdf.SetXY(x, max(y2, pdf.GetY()))
		pdf.Ln(1)
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, 0, fmt.Errorf("cover page: %w", err)
	}
	return out.Bytes(), pdf.PageNo(), nil
}
