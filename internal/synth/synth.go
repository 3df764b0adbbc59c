// Package synth generates synthetic residence-permit dossiers: scans,
// phone photos and PDFs of documents that belong to no real person, with
// the truth about each file (type, dates, language, numbers) carried in
// the spec that produced it.
//
// Tests of other packages render a Dossier into a temporary directory with
// Write, run intake on it and compare what it read with the Doc values.
// Every document prints the titles, labels and date formats of
// docs/vocabulary.md. Corpus and HeldOut add, as text, documents worded
// and laid out as their issuers print them, independent of that page and
// of intake's vocabulary: they measure how intake reads what it was not
// written for (package internal/eval). Output is deterministic for a given spec (except the
// encrypted PDF of WriteBadInputs, whose salt is random).
//
// ID photos show a drawn portrait (portrait.go) with a real face's
// proportions and shading: package photo's face detector finds it and
// judges it compliant for the photo's country (photo_test.go checks every
// generated photo). Render.FlatFace draws a face it does not find.
//
// Fonts come from Debian packages: fonts-dejavu-core, fonts-ocr-b and
// fonts-wqy-microhei. A missing font is an error that names its package.
package synth

// The example dossier of the README, regenerated with `go generate ./internal/synth`.
//go:generate go run ./cmd/synth -o ../../testdata/example -example rs -on 2026-12-01 -force

import (
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/intake-app/intake/document"
)

// Person is the holder of a dossier.
type Person struct {
	Surname, GivenNames string
	// NativeName is the name in the holder's own script ("王晓明"),
	// printed by documents in that language; empty = not printed.
	NativeName  string
	BirthDate   time.Time
	BirthPlace  string
	Sex         string // "M", "F" (anything else: unspecified)
	Nationality string // ISO 3166 alpha-3, e.g. "CHN"
	Address     string // where the holder lives (bills, forms)
}

// Render says how a document's pages become a file.
type Render struct {
	// Format: "jpeg" (default), "png", "tiff", "pdf-text" (born-digital,
	// with a text layer) or "pdf-scan" (one JPEG image per PDF page).
	// Image formats hold one page.
	Format string
	// DPI of the page images. Default 150 for pages, 300 for passports and
	// cards, 600 for photos. Written in the JFIF header (and PNG pHYs).
	DPI int
	// Rotate turns the pixels clockwise by 0, 90, 180 or 270 degrees, as a
	// page fed sideways or upside down; nothing in the file says so.
	Rotate int
	// EXIFOrientation, when not 0, stores the pixels turned and writes an
	// Exif Orientation tag that undoes it (6 = rotate 90° clockwise to
	// view, as phones do; 3 = 180°; 8 = 90° counter-clockwise; 1 = upright).
	// JPEG only.
	EXIFOrientation int
	// Skew turns the content by a few degrees (positive: clockwise).
	Skew float64
	// Noise in 0..1: paper texture, speckles and uneven light.
	Noise float64
	// Quality of the JPEG encoding (default 80; 90 for photos).
	Quality int
	// Background is the gray level behind an ID photo's head
	// (0 = default 242). Photos only.
	Background uint8
	// FlatFace draws an ID photo's head as flat-coloured shapes, without
	// the shading of a face: no face detector finds it, so the photo can
	// only be partly checked. Photos only.
	FlatFace bool
}

// Doc is one file of a dossier and the truth about it.
type Doc struct {
	// Name is the file's path inside the dossier, with forward slashes
	// (may include subfolders): "identity/passport.jpg".
	Name string
	Type document.Type
	// Lang is ISO 639-1 ("sr"), Script "Latn", "Cyrl" or "Hans" ("" = the
	// language's usual script), Country the issuing country, alpha-2.
	Lang, Script, Country string
	// Issued, ValidFrom and Expires are printed when not zero. ValidFrom
	// and Expires together print as a period ("od … do …"); Expires alone
	// as "valid until".
	Issued, ValidFrom, Expires time.Time
	// Number is the document's own number.
	Number string
	// References are numbers of the documents this one goes with (the
	// certificate an apostille or a translation names).
	References []string
	// Translates is, for a translation, the type of the translated
	// document; SourceLang the language it was translated from.
	Translates document.Type
	SourceLang string
	// Sworn: a translation made by a sworn (court, certified) translator.
	Sworn bool
	// Periods: payslips and statements print one page per period.
	Periods [][2]time.Time
	// Title overrides the printed title (default: the vocabulary's first
	// title for Type in Lang).
	Title string
	// DateStyle is DatesDefault, DatesNumeric or DatesLong.
	DateStyle string
	// Holder overrides the dossier's holder for this document (a spouse's
	// certificate, a document with a mismatching name).
	Holder *Person
	// Category is, for a residence permit, the mention printed on it
	// ("SALARIÉ", "ÉTUDIANT"); empty = none.
	Category string
	// Level is, for a language certificate, the CEFR level it attests
	// (default "B1").
	Level string
	// BadMRZ prints a wrong check digit for the document number in the
	// MRZ (passports and cards), for tests of refuted check digits.
	BadMRZ bool
	Render Render
}

// Dossier is a set of documents for one procedure.
type Dossier struct {
	Country     string // alpha-2 of the country of the procedure: "RS"
	Procedure   string // e.g. "permanent-residence-renewal"
	Nationality string // the holder's, alpha-3
	// Reference is the appointment (filing) date the dossier is built for.
	Reference time.Time
	Holder    Person
	Docs      []Doc
}

// Formats of Render.Format.
const (
	FormatJPEG    = "jpeg"
	FormatPNG     = "png"
	FormatTIFF    = "tiff"
	FormatPDFText = "pdf-text"
	FormatPDFScan = "pdf-scan"
)

// Write renders every document of d into dir, creating subfolders as
// needed. It writes only the files named in d (overwriting them).
func Write(dir string, d Dossier) error {
	seen := map[string]bool{}
	for _, doc := range d.Docs {
		p, err := docPath(dir, doc.Name)
		if err != nil {
			return err
		}
		if seen[p] {
			return fmt.Errorf("synth: two documents named %q", doc.Name)
		}
		seen[p] = true
		b, err := RenderDoc(d, doc)
		if err != nil {
			return fmt.Errorf("synth: %s: %w", doc.Name, err)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func docPath(dir, name string) (string, error) {
	if name == "" {
		return "", errors.New("synth: a document has no name")
	}
	clean := filepath.Clean(filepath.FromSlash(name))
	if filepath.IsAbs(clean) || clean == "." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) || clean == ".." {
		return "", fmt.Errorf("synth: document name %q leaves the dossier", name)
	}
	return filepath.Join(dir, clean), nil
}

// RenderDoc returns the bytes of the file doc of dossier d.
func RenderDoc(d Dossier, doc Doc) ([]byte, error) {
	doc = withDefaults(d, doc)
	r := doc.Render
	if doc.Type == document.Photo {
		return renderPhotoFile(doc)
	}
	pages, err := layout(d, doc)
	if err != nil {
		return nil, err
	}
	rng := newRand(doc)
	switch r.Format {
	case FormatPDFText:
		return textPDF(pages, doc.Issued)
	case FormatPDFScan:
		var jpegs [][]byte
		var sizes [][2]int
		for _, p := range pages {
			img, err := scanImage(p, r, rng)
			if err != nil {
				return nil, err
			}
			j, err := encodeJPEG(img, r.Quality, 0, 0)
			if err != nil {
				return nil, err
			}
			jpegs = append(jpegs, j)
			sizes = append(sizes, [2]int{img.Rect.Dx(), img.Rect.Dy()})
		}
		return scanPDF(jpegs, sizes, float64(r.DPI), doc.Issued)
	case FormatJPEG, FormatPNG, FormatTIFF:
		if len(pages) != 1 {
			return nil, fmt.Errorf("%d pages do not fit in one %s image: use pdf-scan or pdf-text", len(pages), r.Format)
		}
		img, err := scanImage(pages[0], r, rng)
		if err != nil {
			return nil, err
		}
		stored, orient := exifTurn(img, r.EXIFOrientation)
		switch r.Format {
		case FormatJPEG:
			return encodeJPEG(stored, r.Quality, r.DPI, orient)
		case FormatPNG:
			return encodePNG(stored, r.DPI)
		default:
			return encodeTIFF(stored)
		}
	}
	return nil, fmt.Errorf("unknown format %q", r.Format)
}

// withDefaults fills the language, script, country and render settings a
// document leaves empty.
func withDefaults(d Dossier, doc Doc) Doc {
	if doc.Country == "" && doc.Type == document.Passport {
		nat := d.Holder.Nationality
		if doc.Holder != nil && doc.Holder.Nationality != "" {
			nat = doc.Holder.Nationality
		}
		if nat == "" {
			nat = d.Nationality
		}
		doc.Country = countryAlpha2(nat)
	}
	if doc.Country == "" {
		doc.Country = d.Country
	}
	if doc.Lang == "" {
		doc.Lang, doc.Script = countryLang(doc.Country)
	}
	if doc.Script == "" {
		doc.Script = scriptOf(doc.Lang)
	}
	r := &doc.Render
	if r.Format == "" {
		r.Format = FormatJPEG
		if ext := strings.ToLower(filepath.Ext(doc.Name)); ext == ".pdf" {
			r.Format = FormatPDFScan
		} else if ext == ".png" {
			r.Format = FormatPNG
		} else if ext == ".tif" || ext == ".tiff" {
			r.Format = FormatTIFF
		}
	}
	if r.DPI == 0 {
		switch doc.Type {
		case document.Photo:
			r.DPI = 600
		case document.Passport, document.ResidencePermit, document.IDCard:
			r.DPI = 300
		default:
			r.DPI = 150
		}
	}
	if r.Quality == 0 {
		r.Quality = 80
		if doc.Type == document.Photo {
			r.Quality = 90
		}
	}
	return doc
}

func newRandSeed(doc Doc) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s|%s|%s|%s", doc.Name, doc.Type, doc.Number, doc.Lang)
	return h.Sum64()
}

// WriteIntakeYAML writes dir/intake.yaml: the dossier's country,
// procedure, nationality and appointment date (YYYY-MM-DD).
func WriteIntakeYAML(dir string, d Dossier) error {
	var b strings.Builder
	fmt.Fprintf(&b, "country: %s\n", d.Country)
	fmt.Fprintf(&b, "procedure: %s\n", d.Procedure)
	fmt.Fprintf(&b, "nationality: %s\n", d.Nationality)
	if !d.Reference.IsZero() {
		fmt.Fprintf(&b, "appointment: %s\n", d.Reference.Format(time.DateOnly))
	}
	return os.WriteFile(filepath.Join(dir, "intake.yaml"), []byte(b.String()), 0o644)
}
