// Package document defines the typed Document that the pipeline builds from
// each file of a dossier, and the vocabulary of document types.
//
// Data flows one way: files → pages → OCR text and MRZ → Document → rules →
// report. This package is the hand-over point between reading a dossier and
// judging it; it holds no logic that reads files or applies rules.
package document

import (
	"fmt"
	"image"
	"strings"
	"time"

	"github.com/intake-app/intake/ocr/layout"
	"github.com/intake-app/intake/ocr/mrz"
)

// Type is the kind of a document. Its values are a fixed vocabulary that
// scripts may rely on (they appear as "type" in the JSON report).
type Type string

// The document types. Keep this list in the order of Types.
const (
	Passport              Type = "passport"
	IDCard                Type = "id_card"
	ResidencePermit       Type = "residence_permit"
	Photo                 Type = "photo"
	ProofOfAddress        Type = "proof_of_address"
	BankStatement         Type = "bank_statement"
	Payslip               Type = "payslip"
	EmploymentCertificate Type = "employment_certificate"
	EmploymentContract    Type = "employment_contract"
	TaxNotice             Type = "tax_notice"
	CriminalRecord        Type = "criminal_record"
	HealthInsurance       Type = "health_insurance"
	LanguageCertificate   Type = "language_certificate"
	BirthCertificate      Type = "birth_certificate"
	MarriageCertificate   Type = "marriage_certificate"
	Apostille             Type = "apostille"
	Translation           Type = "translation"
	ApplicationForm       Type = "application_form"
	PaymentReceipt        Type = "payment_receipt"
	// CivicExam is a certificate of success at a civic exam (France:
	// "attestation de réussite à l'examen civique", since 2026).
	CivicExam Type = "civic_exam"
	// RepublicContract is France's signed "contrat d'engagement à
	// respecter les principes de la République" (since 17 July 2024).
	RepublicContract Type = "republic_contract"
	// EnrolmentCertificate is a school or university enrolment
	// certificate (certificat de scolarité, inschrijvingsbewijs).
	EnrolmentCertificate Type = "enrolment_certificate"
	Unknown              Type = "unknown"
)

var types = []Type{
	Passport, IDCard, ResidencePermit, Photo, ProofOfAddress, BankStatement,
	Payslip, EmploymentCertificate, EmploymentContract, TaxNotice,
	CriminalRecord, HealthInsurance, LanguageCertificate, BirthCertificate,
	MarriageCertificate, Apostille, Translation, ApplicationForm,
	PaymentReceipt, CivicExam, RepublicContract, EnrolmentCertificate, Unknown,
}

// Types returns every document type, in a stable order.
func Types() []Type { return append([]Type(nil), types...) }

// Valid reports whether t belongs to the vocabulary.
func (t Type) Valid() bool {
	for _, v := range types {
		if v == t {
			return true
		}
	}
	return false
}

// PublicDocument reports whether documents of type t are usually issued by
// a public authority, and so need an apostille or legalisation when they
// come from abroad.
func (t Type) PublicDocument() bool {
	switch t {
	case CriminalRecord, BirthCertificate, MarriageCertificate, TaxNotice:
		return true
	}
	return false
}

// Source says where a page's text came from.
type Source string

// Text sources.
const (
	SourceNone      Source = ""           // no text could be read
	SourceTextLayer Source = "text_layer" // a born-digital PDF page
	SourceOCR       Source = "ocr"        // Tesseract on a page image
)

// PhotoCheck is the measurement of an ID photo.
type PhotoCheck struct {
	WidthPx   int
	HeightPx  int
	DPI       float64 // 0 when the file does not say (or says 72 dpi)
	WidthMM   float64 // 0 when DPI is unknown
	HeightMM  float64
	Compliant bool
	Problems  []string

	// The content measurements, when the photo was analysed against a
	// country's profile (Country is "" otherwise).
	Country string // the profile's country
	Sheet   int    // photos found on the page when the file is a sheet of prints (one is measured); 0 for a single photo
	Faces   int    // faces found
	Taken   string // YYYY-MM-DD the photo was taken, from its EXIF date; "" when unknown
	// Unchecked lists what could not be measured, and why (a face the
	// detector missed on a figure that looks like one): to check by hand.
	Unchecked []string
	// Face measurements, valid when Faces == 1. Shares are percentages.
	HeadShare     float64 // head height (chin to crown) as a share of the photo's height
	HeadMM        float64 // head height in mm (on the printed photo, or on a 45 mm one when the size is unknown)
	EyeLine       float64 // height of the eye line above the bottom edge, share of the height
	FaceCentre    float64 // horizontal centre of the face, share of the width (50 = centred)
	RollDeg       float64 // tilt of the eye line, degrees (positive: the right eye, on the viewer's right, is lower)
	EyeDistancePx float64 // between the pupils, in pixels of the file
	FaceDark      float64 // share of face pixels at luminance 0–25
	FaceBright    float64 // share of face pixels at luminance 247–255
	// Background, segmented from the borders.
	BackgroundLightness float64 // CIE L*, 0–100
	BackgroundChroma    float64 // CIE C*ab: 0 grey, more than ~15 coloured
	BackgroundColour    string  // mean colour, #rrggbb
	BackgroundGradient  float64 // mean Sobel gradient (uniformity: under ~4 is plain)
	BackgroundShadow    float64 // L* of the left side minus L* of the right side, beside the head
}

// Document is what intake learned about one file of the dossier.
type Document struct {
	// File is the path relative to the dossier root, with forward slashes.
	File string
	// Path is the absolute path on disk.
	Path string
	// Format is the detected content type ("image/jpeg", "application/pdf", …).
	Format string
	// Pages is the number of pages (1 for an image).
	Pages int

	Type     Type
	Language string // ISO 639-1 ("fr", "sr", "zh", …); "" when unknown
	Script   string // "Latn", "Cyrl", "Hans"; "" when unknown
	Country  string // ISO 3166 alpha-2 of the issuing country, when known

	Issued    Date
	ValidFrom Date
	Expires   Date
	BirthDate Date // of the holder, when printed; never an issue date
	Holder    string
	// HolderAddressed is true when Holder is the name the document is
	// addressed to (the block above a bill's or a letter's text), no label
	// naming the holder. It is shown, never compared: the block read may
	// be the sender's (a landlord's on a rent receipt).
	HolderAddressed bool
	// Number is the document's own number or reference, when printed.
	Number string
	// References are numbers of other documents this one cites (a
	// translation or an apostille naming the document it goes with).
	References []string
	// Translates is, for a translation, the type of the translated document.
	Translates Type
	// Sworn is true when a translation states it was made by a sworn,
	// certified or court translator.
	Sworn bool
	// Level is, for a language certificate, the CEFR level it attests
	// ("A2", "B1"); "" when not printed or not a language certificate.
	Level string
	// Periods are the periods covered by the instances a document holds:
	// one per payslip or monthly statement, when a file bundles several
	// (a 3-page PDF of 3 payslips has 3 periods). Empty for other documents.
	Periods []Period

	MRZ *mrz.Result
	// MRZBox is the machine-readable zone's band on page 1, in thousandths
	// of the width and height of the page as read upright (after the
	// rotation in Layout[0]); empty when page 1 has no MRZ.
	MRZBox image.Rectangle
	Photo  *PhotoCheck
	// Layout says, per page, how it was read: what turned it upright.
	Layout []PageLayout

	Text       string  // the text of all pages, pages separated by "\f"
	TextSource Source  // where most of the text came from
	Confidence float64 // mean OCR word confidence, 0–100; 100 for a text layer

	Error    string   // why the file could not be read; "" when it was
	Warnings []string // things the reader should know about this file

	// How the type was decided, and what the user stated (issue 11;
	// additive fields, filled by package extract).

	// Evidence holds the reasons the type won, strongest first: "title
	// PASSEPORT at the top of page 1", "MRZ document code P".
	Evidence []Signal
	// Review, when not empty, says why a person should check the type:
	// the two best types were close ("a health-insurance policy or a
	// passport?"). Alternative is the runner-up type then.
	Review      string
	Alternative Type
	// Stated names the fields the user stated in intake.yaml ("type",
	// "issued", "expires"): their values are the user's, not read.
	Stated []string
}

// Signal is one piece of evidence for (or, with a negative weight,
// against) a document type, and where it came from.
type Signal struct {
	Type   Type
	Weight float64
	Why    string
}

// HolderName is the name of d's holder, as it may be compared with
// someone else's: its valid MRZ's, else the one printed on it; "" when
// the only name read is the one it is addressed to (HolderAddressed: maybe
// the sender's).
func (d *Document) HolderName() string {
	if m := d.MRZ; m != nil && m.Valid && strings.TrimSpace(m.Surname) != "" {
		return strings.TrimSpace(m.Surname + " " + m.GivenNames)
	}
	if d.HolderAddressed {
		return ""
	}
	return d.Holder
}

// Warnf adds a warning to d.
func (d *Document) Warnf(format string, args ...any) {
	d.Warnings = append(d.Warnings, fmt.Sprintf(format, args...))
}

// PageLayout is how one page of a file was read.
type PageLayout struct {
	Source   Source  // text layer or OCR
	Rotation int     // clockwise quarter turn that made the page upright: 0, 90, 180, 270
	Skew     float64 // degrees of skew removed (OCR'd pages)
	// Words are the page's words with their boxes, in the pixels of the
	// page as read upright (OCR'd pages; empty for a text layer).
	Words layout.Page
}

// Period is a span of dates, both ends included.
type Period struct {
	From, To Date
}

// Date is a calendar date without a time of day. The zero Date means
// "unknown".
type Date struct {
	t time.Time
}

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar date of t, in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate parses a date in the form YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// IsZero reports whether d is unknown.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns d at midnight UTC.
func (d Date) Time() time.Time { return d.t }

// String formats d as YYYY-MM-DD, or "" when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// AddDate adds years, months and days, as time.Time.AddDate does.
func (d Date) AddDate(years, months, days int) Date {
	return Date{d.t.AddDate(years, months, days)}
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// DaysUntil returns the number of days from d to e (negative if e is before d).
func (d Date) DaysUntil(e Date) int {
	return int(e.t.Sub(d.t).Hours() / 24)
}

// MarshalJSON writes "YYYY-MM-DD", or null when unknown.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		*d = Date{}
		return nil
	}
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return fmt.Errorf("date %s: want a string YYYY-MM-DD", s)
	}
	v, err := ParseDate(s[1 : len(s)-1])
	if err != nil {
		return err
	}
	*d = v
	return nil
}
