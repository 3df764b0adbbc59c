package extract

import (
	"testing"

	"github.com/intake-app/intake/document"
)

func TestCEFRLevel(t *testing.T) {
	for _, tc := range []struct {
		text, want string
	}{
		{"France Éducation international\nDiplôme DELF\nLe candidat a réussi les épreuves du diplôme d'études en langue française, niveau B1, avec 68 points sur 100.", "B1"},
		{"Diplôme DELF A2\nNom : LI\nDélivré le 12/03/2025", "A2"},
		{"Goethe-Institut\nSprachzertifikat\nDer Kandidat hat die Prüfung auf der Niveaustufe B2 bestanden.", "B2"},
		{"Сертификат о владении языком\nКандидат сдал экзамен по русскому языку на уровне В1.", "B1"},
		{"Language certificate\nThe candidate has passed the examination at level C1 of the Common European Framework.", "C1"},
		{"Diplôme DELF\nNom : LI", ""},
	} {
		f := Analyze([]string{tc.text}, Hint{Country: "FR"})
		if f.Type != document.LanguageCertificate {
			t.Errorf("%q: type %s", tc.text, f.Type)
			continue
		}
		if f.Level != tc.want {
			t.Errorf("%q: level %q, want %q", tc.text, f.Level, tc.want)
		}
	}
	if f := Analyze([]string{"Bulletin de paie\nPériode du 01/01/2026 au 31/01/2026\nCatégorie B1"}, Hint{}); f.Level != "" {
		t.Errorf("a payslip has level %q", f.Level)
	}
}
