package intake_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/validate"
)

// arabicCertificate is a Moroccan criminal-record certificate (bulletin
// n° 3, "بطاقة السوابق العدلية"), in Arabic only, issued on 2 November 2026.
const arabicCertificate = `المملكة المغربية
وزارة العدل
السجل العدلي المركزي
بطاقة السوابق العدلية
الاسم الكامل: أمينة العلوي
تاريخ الازدياد: 12/05/1990
مكان الازدياد: الدار البيضاء
الجنسية: مغربية
لا شيء
حرر بالرباط في 02/11/2026
`

// arabicBirth is a Moroccan birth certificate (نسخة موجزة من رسم الولادة,
// a civil-status extract), in Arabic only, issued on 20 October 2026.
const arabicBirth = `المملكة المغربية
وزارة الداخلية
الحالة المدنية
نسخة موجزة من رسم الولادة
الاسم الشخصي: أمينة
الاسم العائلي: العلوي
تاريخ الازدياد: 12/05/1990
مكان الازدياد: الدار البيضاء
حرر بالدار البيضاء في 20/10/2026
`

// arabicDossier is a French dossier (carte de séjour renewal) holding the
// Arabic criminal-record certificate.
var arabicDossier = sync.OnceValues(func() (string, error) {
	return renderArabicDossier(arabicCertificate, "casier_judiciaire_maroc.tif")
})

// renderArabicDossier writes a dossier holding one page of Arabic text,
// rendered at test time by Tesseract's text2image (Pango shapes the
// Arabic script) in DejaVu Sans, which has its glyphs.
func renderArabicDossier(content, name string) (string, error) {
	dir, err := os.MkdirTemp("", "intake-arabic-")
	if err != nil {
		return "", err
	}
	text := filepath.Join(dir, "certificate.txt")
	if err := os.WriteFile(text, []byte(content), 0o644); err != nil {
		return "", err
	}
	out := filepath.Join(dir, "render", "page")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", err
	}
	cmd := exec.Command("text2image", "--text="+text, "--outputbase="+out, "--font=DejaVu Sans",
		"--fonts_dir=/usr/share/fonts/truetype/dejavu", "--ptsize=16", "--resolution=300",
		"--xsize=2480", "--ysize=3508", "--margin=300", "--leading=40")
	cmd.Dir = dir // text2image writes a fonts.conf where it runs
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", &renderError{err, string(msg)}
	}
	dossier := filepath.Join(dir, "dossier")
	if err := os.MkdirAll(dossier, 0o755); err != nil {
		return "", err
	}
	page, err := os.ReadFile(out + ".tif")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dossier, name), page, 0o644); err != nil {
		return "", err
	}
	return dossier, nil
}

// arabicResult is the check of the Arabic dossier, done once for the
// tests that look at it.
var arabicResult = sync.OnceValues(func() (*intake.Result, error) {
	dir, err := arabicDossier()
	if err != nil {
		return nil, err
	}
	return intake.Check(context.Background(), dir, intake.Options{
		Country: "FR", Procedure: "carte-de-sejour-renewal", On: "2026-12-01",
		Now: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), Workers: 1,
	})
})

type renderError struct {
	err error
	out string
}

func (e *renderError) Error() string {
	return "text2image (Debian package tesseract-ocr; font: fonts-dejavu-core): " + e.err.Error() + ": " + e.out
}

// checkArabic checks the Arabic dossier for a carte de séjour renewal,
// the applicant's nationality unknown (no passport): the page must be
// recognised as Arabic from its reading alone.
func checkArabic(t *testing.T) (*intake.Result, document.Document) {
	t.Helper()
	if testing.Short() {
		t.Skip("needs Tesseract; run without -short")
	}
	res, err := arabicResult()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Documents) != 1 {
		t.Fatalf("%d documents, want 1", len(res.Documents))
	}
	return res, res.Documents[0]
}

// An Arabic page in a French dossier is read with Tesseract's Arabic data.
func TestArabicPageRead(t *testing.T) {
	_, d := checkArabic(t)
	if d.Error != "" {
		t.Fatalf("not read: %s", d.Error)
	}
	for _, want := range []string{"السوابق العدلية", "وزارة العدل"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("the reading lacks %q: read with the Arabic data? text:\n%s", want, d.Text)
		}
	}
	if d.Confidence < 70 {
		t.Errorf("confidence %.0f, want at least 70 with the Arabic data", d.Confidence)
	}
}

// The Arabic criminal-record certificate is typed and dated like any
// other document. (No French procedure asks for one — the prefecture reads
// the French record itself —, so the translation is asked of the birth
// certificate the carte de résident requires: see the next test.)
func TestArabicCriminalRecordTyped(t *testing.T) {
	_, d := checkArabic(t)
	if d.Type != document.CriminalRecord {
		t.Errorf("typed %q, want %q", d.Type, document.CriminalRecord)
	}
	if d.Language != "ar" {
		t.Errorf("language %q, want ar", d.Language)
	}
	if want := "2026-11-02"; d.Issued.String() != want {
		t.Errorf("issued %q, want %s", d.Issued, want)
	}
}

// An Arabic birth certificate in a carte de résident dossier, where the
// birth certificate is required, is typed, dated and asked for its sworn
// translation like any other foreign-language document.
func TestArabicBirthCertificateNeedsTranslation(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Tesseract; run without -short")
	}
	dir, err := renderArabicDossier(arabicBirth, "acte_naissance_maroc.tif")
	if err != nil {
		t.Fatal(err)
	}
	res, err := intake.Check(context.Background(), dir, intake.Options{
		Country: "FR", Procedure: "carte-de-resident", On: "2026-12-01",
		Now: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), Workers: 1,
	})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Documents[0]
	if d.Type != document.BirthCertificate || d.Language != "ar" {
		t.Errorf("typed %q in %q, want %q in ar", d.Type, d.Language, document.BirthCertificate)
	}
	if want := "2026-10-20"; d.Issued.String() != want {
		t.Errorf("issued %q, want %s", d.Issued, want)
	}
	asked := slices.ContainsFunc(res.Report.Requirements, func(o validate.Outcome) bool {
		return o.Status == validate.NeedsTranslation && slices.Contains(o.Files, d.File)
	})
	if !asked {
		t.Errorf("no requirement asks for the translation of %s:\n%+v", d.File, res.Report.Requirements)
	}
}
