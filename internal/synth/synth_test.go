package synth

import (
	"bytes"
	"encoding/binary"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/disintegration/imaging"
	"github.com/intake-app/intake/document"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	_ "golang.org/x/image/tiff"
)

var ref = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func needFonts(t *testing.T) {
	t.Helper()
	if err := CheckFonts(); err != nil {
		t.Fatalf("%v (scripts/setup-debian installs the fonts)", err)
	}
}

// cd is the ICAO 9303 check digit, written again here so that the tests
// do not trust the code they test.
func cd(s string) byte {
	w := []int{7, 3, 1}
	sum := 0
	for i, c := range s {
		v := 0
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		}
		sum += v * w[i%3]
	}
	return byte('0' + sum%10)
}

func optOK(field string, digit byte) bool {
	if strings.Trim(field, "<") == "" {
		return digit == '<' || digit == '0'
	}
	return digit == cd(field)
}

func verifyTD3(t *testing.T, l []string) {
	t.Helper()
	if len(l) != 2 || len(l[0]) != 44 || len(l[1]) != 44 {
		t.Fatalf("TD3 lines %q: want 2 of 44", l)
	}
	s := l[1]
	for _, c := range []struct {
		name  string
		field string
		digit byte
	}{
		{"number", s[0:9], s[9]}, {"birth", s[13:19], s[19]}, {"expiry", s[21:27], s[27]},
		{"composite", s[0:10] + s[13:20] + s[21:43], s[43]},
	} {
		if cd(c.field) != c.digit {
			t.Errorf("TD3 %s check digit %c, want %c (%q)", c.name, c.digit, cd(c.field), s)
		}
	}
	if !optOK(s[28:42], s[42]) {
		t.Errorf("TD3 optional data check digit %c wrong (%q)", s[42], s)
	}
}

func verifyTD1(t *testing.T, l []string) {
	t.Helper()
	if len(l) != 3 || len(l[0]) != 30 || len(l[1]) != 30 || len(l[2]) != 30 {
		t.Fatalf("TD1 lines %q: want 3 of 30", l)
	}
	a, b := l[0], l[1]
	if a[14] == '<' { // the number overflows into the optional data
		over := strings.TrimRight(a[15:], "<")
		num := a[5:14] + over[:len(over)-1]
		if cd(num) != over[len(over)-1] {
			t.Errorf("TD1 long number check digit wrong: %q", a)
		}
	} else if cd(a[5:14]) != a[14] {
		t.Errorf("TD1 number check digit wrong: %q", a)
	}
	if cd(b[0:6]) != b[6] || cd(b[8:14]) != b[14] {
		t.Errorf("TD1 date check digits wrong: %q", b)
	}
	if cd(a[5:30]+b[0:7]+b[8:15]+b[18:29]) != b[29] {
		t.Errorf("TD1 composite check digit wrong: %q", b)
	}
}

func TestMRZSpecimens(t *testing.T) {
	anna := Person{Surname: "Eriksson", GivenNames: "Anna Maria", Sex: "F", Nationality: "UTO",
		BirthDate: time.Date(1974, 8, 12, 0, 0, 0, 0, time.UTC)}
	exp := time.Date(2012, 4, 15, 0, 0, 0, 0, time.UTC)
	td3 := MRZTD3("P", "UTO", "L898902C3", anna, exp, "ZE184226B")
	want3 := [2]string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}
	if td3 != want3 {
		t.Errorf("TD3 = %q, want the ICAO specimen %q", td3, want3)
	}
	td1 := MRZTD1("I", "UTO", "D23145890", anna, exp, "", "")
	want1 := [3]string{"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"}
	if td1 != want1 {
		t.Errorf("TD1 = %q, want the ICAO specimen %q", td1, want1)
	}
	verifyTD3(t, td3[:])
	verifyTD1(t, td1[:])
	// A 10-character number overflows into the optional data.
	long := MRZTD1("IR", "FRA", "7512345678", anna, exp, "", "")
	verifyTD1(t, long[:])
	if !strings.HasPrefix(long[0], "IRFRA751234567<8") {
		t.Errorf("overflowing number: %q", long[0])
	}
}

func jpegSegments(b []byte) map[byte][]byte {
	segs := map[byte][]byte{}
	for i := 2; i+4 <= len(b) && b[i] == 0xFF; {
		m := b[i+1]
		if m == 0xDA {
			break
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if _, ok := segs[m]; !ok && i+2+n <= len(b) {
			segs[m] = b[i+4 : i+2+n]
		}
		i += 2 + n
	}
	return segs
}

func jfifDPI(b []byte) (int, bool) {
	app0, ok := jpegSegments(b)[0xE0]
	if !ok || !bytes.HasPrefix(app0, []byte("JFIF\x00")) || app0[7] != 1 {
		return 0, false
	}
	return int(binary.BigEndian.Uint16(app0[8:])), true
}

func exifOrientation(b []byte) (int, bool) {
	app1, ok := jpegSegments(b)[0xE1]
	if !ok || !bytes.HasPrefix(app1, []byte("Exif\x00\x00")) {
		return 0, false
	}
	tf := app1[6:]
	var bo binary.ByteOrder = binary.BigEndian
	if string(tf[:2]) == "II" {
		bo = binary.LittleEndian
	}
	ifd := int(bo.Uint32(tf[4:]))
	n := int(bo.Uint16(tf[ifd:]))
	for i := 0; i < n; i++ {
		e := tf[ifd+2+12*i:]
		if bo.Uint16(e) == 0x0112 {
			return int(bo.Uint16(e[8:])), true
		}
	}
	return 0, false
}

func checkDossier(t *testing.T, d Dossier) {
	needFonts(t)
	dir := t.TempDir()
	if err := Write(dir, d); err != nil {
		t.Fatal(err)
	}
	api.DisableConfigDir()
	for _, doc := range d.Docs {
		t.Run(doc.Name, func(t *testing.T) {
			full := withDefaults(d, doc)
			p := filepath.Join(dir, filepath.FromSlash(doc.Name))
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if len(b) > 200<<10 {
				t.Errorf("%d bytes, want < 200 KB", len(b))
			}
			switch full.Render.Format {
			case FormatPDFText, FormatPDFScan:
				n, err := api.PageCountFile(p)
				if err != nil {
					t.Fatal(err)
				}
				want := 1
				if len(doc.Periods) > 0 && (doc.Type == document.Payslip || doc.Type == document.BankStatement) {
					want = len(doc.Periods)
				}
				if n != want {
					t.Errorf("%d pages, want %d", n, want)
				}
			default:
				cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
				if err != nil {
					t.Fatal(err)
				}
				if format != full.Render.Format {
					t.Errorf("format %s, want %s", format, full.Render.Format)
				}
				if format == "jpeg" {
					dpi, ok := jfifDPI(b)
					if !ok || dpi != full.Render.DPI {
						t.Errorf("JFIF density %d (present %v), want %d dpi", dpi, ok, full.Render.DPI)
					}
					o, ok := exifOrientation(b)
					if full.Render.EXIFOrientation != 0 && (!ok || o != full.Render.EXIFOrientation) {
						t.Errorf("Exif orientation %d (present %v), want %d", o, ok, full.Render.EXIFOrientation)
					}
					if full.Render.EXIFOrientation == 0 && ok {
						t.Errorf("unexpected Exif orientation %d", o)
					}
				}
				if doc.Type == document.Photo && (cfg.Width != 827 || cfg.Height != 1063) {
					t.Errorf("photo %d×%d px, want 827×1063 (35×45 mm at 600 dpi)", cfg.Width, cfg.Height)
				}
				if full.Render.EXIFOrientation == 6 {
					img, err := imaging.Open(p, imaging.AutoOrientation(true))
					if err != nil {
						t.Fatal(err)
					}
					if img.Bounds().Dx() <= img.Bounds().Dy() || cfg.Width >= cfg.Height {
						t.Errorf("stored %d×%d, upright %v: want a landscape page stored turned", cfg.Width, cfg.Height, img.Bounds())
					}
				}
			}
			switch doc.Type {
			case document.Passport:
				verifyTD3(t, doc.MRZ(d))
			case document.ResidencePermit, document.IDCard:
				verifyTD1(t, doc.MRZ(d))
			}
		})
	}
}

func TestExampleRS(t *testing.T) {
	d := ExampleRS(ref)
	checkDossier(t, d)
	if m := d.Docs[2].MRZ(d); !strings.HasPrefix(m[0], "POCHNWANG<<XIAOMING<") || !strings.HasPrefix(m[1], RSPassportNumber) {
		t.Errorf("passport MRZ %q", m)
	}
}

func TestExampleFR(t *testing.T) { checkDossier(t, ExampleFR(ref)) }

func TestDeterministic(t *testing.T) {
	needFonts(t)
	d := ExampleRS(ref)
	for _, i := range []int{2, 8, 9} { // passport, bill (text PDF), payslips (scanned PDF)
		a, err := RenderDoc(d, d.Docs[i])
		if err != nil {
			t.Fatal(err)
		}
		b, err := RenderDoc(d, d.Docs[i])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings differ", d.Docs[i].Name)
		}
	}
}

func TestWriteTouchesOnlyItsFiles(t *testing.T) {
	needFonts(t)
	dir := t.TempDir()
	mine := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(mine, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := ExampleRS(ref)
	d.Docs = d.Docs[:1]
	if err := Write(dir, d); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(mine); err != nil || string(b) != "keep" {
		t.Errorf("notes.txt changed: %q, %v", b, err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("%d entries, want notes.txt and %s", len(ents), d.Docs[0].Name)
	}
	d.Docs[0].Name = "../escape.pdf"
	if err := Write(dir, d); err == nil {
		t.Error("a name leaving the dossier was accepted")
	}
}

func TestIntakeYAML(t *testing.T) {
	dir := t.TempDir()
	if err := WriteIntakeYAML(dir, ExampleRS(ref)); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "intake.yaml"))
	want := "country: RS\nprocedure: permanent-residence-renewal\nnationality: CHN\nappointment: 2026-12-01\n"
	if string(b) != want {
		t.Errorf("intake.yaml = %q, want %q", b, want)
	}
}

// Every type renders in every language, as a text PDF and as a scan.
func TestAllTypesAllLanguages(t *testing.T) {
	needFonts(t)
	d := ExampleRS(ref)
	for _, ty := range document.Types() {
		if ty == document.Unknown {
			continue
		}
		for _, key := range languages {
			lang, script := key, ""
			if key == "sr-Cyrl" {
				lang, script = "sr", "Cyrl"
			}
			doc := Doc{Name: "x", Type: ty, Lang: lang, Script: script, Number: "2026-0001234",
				References: []string{RSChinaCertNumber}, Translates: document.CriminalRecord, Sworn: true,
				Issued: day(ref, -10), ValidFrom: day(ref, -10), Expires: ref.AddDate(1, 0, 0)}
			doc.Render.Format = FormatPDFText
			if ty == document.Photo {
				doc.Render.Format = FormatJPEG
			}
			if _, err := RenderDoc(d, doc); err != nil {
				t.Errorf("%s in %s: %v", ty, key, err)
			}
		}
	}
}

func TestTitlesAndDates(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Title(document.CriminalRecord, "sr", "Cyrl"), "Уверење о некажњавању"},
		{Title(document.Translation, "sr", ""), "Prevod sa kineskog jezika"},
		{Title(document.ResidencePermit, "sr", "Latn"), "DOZVOLA ZA STALNI BORAVAK"},
		{FormatDate(ref, "zh", "", DatesDefault), "2026年12月1日"},
		{FormatDate(ref, "sr", "Latn", DatesNumeric), "01.12.2026."},
		{FormatDate(ref, "sr", "Latn", DatesLong), "1. decembra 2026."},
		{FormatDate(ref, "sr", "Cyrl", DatesLong), "1. децембра 2026."},
		{FormatDate(ref, "fr", "", DatesLong), "1er décembre 2026"},
		{FormatDate(ref, "fr", "", DatesNumeric), "01/12/2026"},
		{FormatDate(ref, "nl", "", ""), "01-12-2026"},
		{FormatDate(ref, "de", "", DatesLong), "1. Dezember 2026"},
		{FormatDate(ref, "ru", "", DatesLong), "1 декабря 2026 г."},
		{FormatDate(ref, "en", "", ""), "2026-12-01"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestBadInputs(t *testing.T) {
	needFonts(t)
	dir := t.TempDir()
	reasons, err := WriteBadInputs(dir)
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for name := range reasons {
		read(name)
	}
	if len(reasons) != 7 {
		t.Errorf("%d bad inputs, want 7", len(reasons))
	}
	if b := read(BadEmpty); len(b) != 0 {
		t.Errorf("empty file holds %d bytes", len(b))
	}
	tr := read(BadTruncated)
	if _, _, err := image.DecodeConfig(bytes.NewReader(tr)); err != nil {
		t.Errorf("truncated JPEG should still have its header: %v", err)
	}
	if _, _, err := image.Decode(bytes.NewReader(tr)); err == nil {
		t.Error("truncated JPEG decodes")
	}
	if b := read(BadHTML); !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) || filepath.Ext(BadHTML) != ".pdf" {
		t.Error("HTML page saved as .pdf is not that")
	}
	if b := read(BadMisnamed); !bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}) || filepath.Ext(BadMisnamed) != ".png" {
		t.Error("misnamed file is not a JPEG named .png")
	}
	enc := read(BadEncrypted)
	if !bytes.HasPrefix(enc, []byte("%PDF-")) || !bytes.Contains(enc, []byte("/Encrypt")) {
		t.Error("encrypted PDF has no /Encrypt")
	}
	api.DisableConfigDir()
	if _, err := api.PageCountFile(filepath.Join(dir, BadEncrypted)); err == nil {
		t.Error("encrypted PDF opens without its password")
	}
	huge := read(BadHugePNG)
	cfg, format, err := image.DecodeConfig(bytes.NewReader(huge))
	if err != nil || format != "png" || cfg.Width != 40000 || cfg.Height != 40000 {
		t.Errorf("huge PNG: %v %s %d×%d", err, format, cfg.Width, cfg.Height)
	}
	if len(huge) > 4096 {
		t.Errorf("huge PNG takes %d bytes on disk, want a tiny file", len(huge))
	}
	if h := read(BadHEIC); string(h[4:12]) != "ftypheic" {
		t.Errorf("HEIC header %q", h[:12])
	}
}

// The text layer of a born-digital PDF holds the vocabulary's words.
func TestTextLayer(t *testing.T) {
	needFonts(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed: install poppler-utils (scripts/setup-debian)")
	}
	d := ExampleRS(ref)
	dir := t.TempDir()
	d.Docs = []Doc{d.Docs[8]} // the electricity bill
	if err := Write(dir, d); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, d.Docs[0].Name), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, w := range []string{"Račun za električnu energiju", "Datum izdavanja računa: " + formatDate(d.Docs[0].Issued, "sr", ""), "Period od 01.10.2026. do 31.10.2026.", "Broj: 2026-0217-55812"} {
		if !strings.Contains(text, w) {
			t.Errorf("text layer lacks %q:\n%s", w, text)
		}
	}
}

func TestNewDoc(t *testing.T) {
	needFonts(t)
	d := ExampleRS(ref)
	dir := t.TempDir()
	d.Docs = nil
	for _, key := range Languages() {
		doc := NewDoc("docs/"+key+".jpg", document.EmploymentCertificate, key, day(ref, -7))
		doc.Render.DPI = 100
		d.Docs = append(d.Docs, doc)
	}
	if d.Docs[5].Lang != "sr" || d.Docs[5].Script != "Cyrl" || d.Docs[5].Country != "RS" {
		t.Errorf("NewDoc sr-Cyrl = %+v", d.Docs[5])
	}
	if err := Write(dir, d); err != nil {
		t.Fatal(err)
	}
}
