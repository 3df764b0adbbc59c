// Package report renders the verdict on a dossier: the stable JSON schema
// scripts rely on, and the text a person reads in a terminal.
package report

import (
	"encoding/json"
	"io"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/ocr/mrz"
	"github.com/intake-app/intake/validate"
)

// SchemaVersion is the version of the JSON report. It changes only when a
// field is removed or changes meaning; new fields may appear at any time.
const SchemaVersion = 1

// Report is the JSON report.
type Report struct {
	SchemaVersion int           `json:"schema_version"`
	Dossier       string        `json:"dossier"`
	Country       string        `json:"country"`
	Procedure     string        `json:"procedure"`
	Title         string        `json:"title"`
	ReferenceDate document.Date `json:"reference_date"`
	Nationality   *string       `json:"nationality"`
	// Applicant is who the dossier is for, decided once by validate.
	Applicant    validate.Applicant `json:"applicant"`
	Ready        bool               `json:"ready"`
	Documents    []Document         `json:"documents"`
	Requirements []Requirement      `json:"requirements"`
	// Pairs are the documents with the apostilles and translations that
	// go with them.
	Pairs []validate.Pair `json:"pairs"`
	// Todo is what to do before filing, numbered in this order, blocking
	// items first.
	Todo     []validate.Todo `json:"todo"`
	RuleFile string          `json:"rule_file,omitempty"`
	// Deadlines: the card's expiry and the filing window (null when the
	// procedure has none); Others: documents of another person, left out.
	Deadlines *validate.Deadlines `json:"deadlines"`
	Others    []validate.Other    `json:"others,omitempty"`
}

// Document is one file of the dossier in the JSON report.
type Document struct {
	File      string        `json:"file"`
	Pages     int           `json:"pages"`
	Type      document.Type `json:"type"`
	Language  *string       `json:"language"`
	Issued    document.Date `json:"issued"`
	ValidFrom document.Date `json:"valid_from"`
	Expires   document.Date `json:"expires"`
	Holder    *string       `json:"holder"`
	// HolderAddressed: the holder is the name the document is addressed
	// to, no label naming it; it is not compared with the applicant's.
	HolderAddressed bool     `json:"holder_addressed,omitempty"`
	MRZ             *MRZ     `json:"mrz"`
	Photo           *Photo   `json:"photo"`
	Error           *string  `json:"error"`
	Warnings        []string `json:"warnings"`
	Format          string   `json:"format,omitempty"`
	Script          *string  `json:"script"`
	Country         *string  `json:"country"`
	Number          *string  `json:"number"`
	TextSource      string   `json:"text_source,omitempty"`
	Confidence      float64  `json:"confidence"`
	// Evidence is why the type was chosen, strongest reason first.
	Evidence []Evidence `json:"evidence"`
	// Review, when not null, says why a person should check the type (the
	// two best types were close); Alternative is the runner-up.
	Review      *string        `json:"review"`
	Alternative *document.Type `json:"alternative"`
	// Stated lists the fields whose values the user stated in
	// intake.yaml ("type", "issued", "expires") rather than read.
	Stated []string `json:"stated"`
}

// Evidence is one reason for (a positive weight) or against a type.
type Evidence struct {
	Type   document.Type `json:"type"`
	Weight float64       `json:"weight"`
	Why    string        `json:"why"`
}

// MRZ is a machine-readable zone in the JSON report.
type MRZ struct {
	Format         mrz.Format    `json:"format"`
	Valid          bool          `json:"valid"`
	DocumentType   string        `json:"document_type"`
	IssuingState   string        `json:"issuing_state"`
	DocumentNumber string        `json:"document_number"`
	Nationality    string        `json:"nationality"`
	BirthDate      document.Date `json:"birth_date"`
	Sex            string        `json:"sex"`
	ExpiryDate     document.Date `json:"expiry_date"`
	Surname        string        `json:"surname"`
	GivenNames     string        `json:"given_names"`
	Lines          []string      `json:"lines"`
	OptionalData   string        `json:"optional_data"`
	Checks         []Check       `json:"checks"`
	Corrections    int           `json:"corrections"`
}

// Check is one check digit's verdict.
type Check struct {
	Field string `json:"field"`
	OK    bool   `json:"ok"`
}

// Photo is an ID photo's measurement in the JSON report.
type Photo struct {
	WidthPx   int      `json:"width_px"`
	HeightPx  int      `json:"height_px"`
	DPI       *float64 `json:"dpi"`
	WidthMM   *float64 `json:"width_mm"`
	HeightMM  *float64 `json:"height_mm"`
	Compliant bool     `json:"compliant"`
	Problems  []string `json:"problems"`
	// The content measurements against a country's profile; null when
	// only the size was checked.
	Country     *string          `json:"country"`
	SheetPhotos int              `json:"sheet_photos"` // photos found on a sheet of prints (0: a single photo)
	Faces       *int             `json:"faces"`
	Taken       *string          `json:"taken"` // YYYY-MM-DD, from the EXIF date; null when unknown
	Face        *PhotoFace       `json:"face"`  // null unless exactly one face
	Background  *PhotoBackground `json:"background"`
	Unchecked   []string         `json:"unchecked"`
}

// PhotoFace is the face of an ID photo. Shares are percentages.
type PhotoFace struct {
	HeadShare     float64 `json:"head_share"` // chin to crown, of the photo's height
	HeadMM        float64 `json:"head_mm"`
	EyeLine       float64 `json:"eye_line"` // from the bottom, of the height
	Centre        float64 `json:"centre"`   // of the width; 50 is centred
	RollDeg       float64 `json:"roll_deg"`
	EyeDistancePx float64 `json:"eye_distance_px"`
	DarkShare     float64 `json:"dark_share"`   // face pixels at luminance 0–25
	BrightShare   float64 `json:"bright_share"` // face pixels at 247–255
}

// PhotoBackground is the background of an ID photo, taken from its borders.
type PhotoBackground struct {
	Lightness float64 `json:"lightness"` // CIE L*
	Chroma    float64 `json:"chroma"`    // CIE C*ab
	Colour    string  `json:"colour"`
	Gradient  float64 `json:"gradient"` // mean Sobel gradient: plain under ~4
	Shadow    float64 `json:"shadow"`   // L* left minus right
}

// Requirement is one requirement's verdict in the JSON report.
type Requirement struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	LocalTitle string          `json:"local_title,omitempty"`
	Status     validate.Status `json:"status"`
	Files      []string        `json:"files"`
	Message    *string         `json:"message"`
	Source     string          `json:"source"`
	// Need is "required" or "may_ask": an unmet may_ask does not block.
	Need validate.Need `json:"need"`
	// SeedOnly is true when the rule rests on an informal guide alone.
	SeedOnly bool `json:"seed_only"`
}

// Build assembles the JSON report.
func Build(in *intake.Result) Report {
	v := in.Report
	r := Report{
		SchemaVersion: SchemaVersion,
		Dossier:       in.Dir,
		Country:       v.Country,
		Procedure:     v.Country + "/" + v.Procedure,
		Title:         v.Title,
		ReferenceDate: v.Reference,
		Nationality:   optional(v.Nationality),
		Applicant:     v.Applicant,
		Pairs:         nonNil(v.Pairs),
		Todo:          nonNil(v.Todo),
		Ready:         v.Ready,
		RuleFile:      v.RuleFile,
		Deadlines:     v.Deadlines,
		Others:        v.Others,
		Documents:     make([]Document, 0, len(in.Documents)),
		Requirements:  make([]Requirement, 0, len(v.Requirements)),
	}
	for _, d := range in.Documents {
		r.Documents = append(r.Documents, documentJSON(d))
	}
	for _, o := range v.Requirements {
		r.Requirements = append(r.Requirements, Requirement{
			ID: o.ID, Title: o.Title, LocalTitle: o.LocalTitle, Status: o.Status,
			Files: nonNil(o.Files), Message: optional(o.Message), Source: o.Source,
			Need: o.Need, SeedOnly: o.SeedOnly,
		})
	}
	return r
}

func documentJSON(d document.Document) Document {
	out := Document{
		File: d.File, Pages: d.Pages, Type: d.Type, Language: optional(d.Language),
		Issued: d.Issued, ValidFrom: d.ValidFrom, Expires: d.Expires,
		Holder: optional(d.Holder), HolderAddressed: d.HolderAddressed, Error: optional(d.Error), Warnings: nonNil(d.Warnings),
		Format: d.Format, Script: optional(d.Script), Country: optional(d.Country),
		Number: optional(d.Number), TextSource: string(d.TextSource),
		Confidence: float64(int(d.Confidence*10+0.5)) / 10,
		Evidence:   []Evidence{}, Review: optional(d.Review), Stated: nonNil(d.Stated),
	}
	for _, e := range d.Evidence {
		out.Evidence = append(out.Evidence, Evidence{Type: e.Type, Weight: float64(int(e.Weight*100+0.5)) / 100, Why: e.Why})
	}
	if d.Alternative != "" {
		alt := d.Alternative
		out.Alternative = &alt
	}
	if d.Type == "" {
		out.Type = document.Unknown
	}
	if d.MRZ != nil {
		m := MRZJSON(d.MRZ)
		out.MRZ = &m
	}
	out.Photo = PhotoJSON(d.Photo)
	return out
}

// PhotoJSON converts an ID photo's measurement into its JSON form (also
// printed by `intake photo`); nil stays nil.
func PhotoJSON(p *document.PhotoCheck) *Photo {
	if p == nil {
		return nil
	}
	out := &Photo{
		WidthPx: p.WidthPx, HeightPx: p.HeightPx, Compliant: p.Compliant,
		Problems: nonNil(p.Problems), Unchecked: nonNil(p.Unchecked),
	}
	if p.DPI > 0 {
		out.DPI, out.WidthMM, out.HeightMM = &p.DPI, &p.WidthMM, &p.HeightMM
	}
	if p.Taken != "" {
		out.Taken = &p.Taken
	}
	if p.Country != "" {
		out.Country, out.Faces, out.SheetPhotos = &p.Country, &p.Faces, p.Sheet
		out.Background = &PhotoBackground{
			Lightness: p.BackgroundLightness, Chroma: p.BackgroundChroma, Colour: p.BackgroundColour,
			Gradient: p.BackgroundGradient, Shadow: p.BackgroundShadow,
		}
		if p.Faces == 1 {
			out.Face = &PhotoFace{
				HeadShare: p.HeadShare, HeadMM: p.HeadMM, EyeLine: p.EyeLine, Centre: p.FaceCentre,
				RollDeg: p.RollDeg, EyeDistancePx: p.EyeDistancePx, DarkShare: p.FaceDark, BrightShare: p.FaceBright,
			}
		}
	}
	return out
}

// MRZJSON converts a parsed MRZ into its JSON form (also printed by
// `intake mrz`).
func MRZJSON(m *mrz.Result) MRZ {
	out := MRZ{
		Format: m.Format, Valid: m.Valid, DocumentType: m.DocumentType,
		IssuingState: m.IssuingState, DocumentNumber: m.DocumentNumber,
		Nationality: m.Nationality, BirthDate: dateOf(m.BirthDate), Sex: m.Sex,
		ExpiryDate: dateOf(m.ExpiryDate), Surname: m.Surname, GivenNames: m.GivenNames,
		Lines: nonNil(m.Lines), OptionalData: m.OptionalData, Corrections: m.Corrections,
		Checks: make([]Check, 0, len(m.Checks)),
	}
	for _, c := range m.Checks {
		out.Checks = append(out.Checks, Check{Field: c.Field, OK: c.OK})
	}
	return out
}

func dateOf(t time.Time) document.Date {
	if t.IsZero() {
		return document.Date{}
	}
	return document.DateOf(t)
}

// WriteJSON writes the JSON report, indented, with a final newline.
func WriteJSON(w io.Writer, in *intake.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(Build(in))
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
