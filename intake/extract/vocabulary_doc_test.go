package extract

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/intake-app/intake/document"
)

// Every title of the classification table of docs/vocabulary.md, printed
// alone at the top of a page, gives its type (translations: Translates).
func TestVocabularyDocTitles(t *testing.T) {
	data, err := os.ReadFile("../../docs/vocabulary.md")
	if err != nil {
		t.Fatal(err)
	}
	// Fragments of the table that name a translator or a level, not a title.
	notTitles := map[string]bool{
		"niveau A2": true, "B1": true, "traducteur interprète agréé près la cour d'appel": true,
		"beëdigd vertaler": true, "öffentlich bestellter Übersetzer": true, "certified translator": true,
		"stalni sudski tumač": true, "стални судски тумач": true, "переводчик": true,
	}
	section := strings.SplitN(string(data), "## Date labels", 2)[0]
	paren := regexp.MustCompile(`\([^)]*\)`)
	n := 0
	for line := range strings.SplitSeq(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 9 {
			continue
		}
		typ := document.Type(strings.TrimSpace(cells[1]))
		if !typ.Valid() {
			continue
		}
		for _, cell := range cells[2 : len(cells)-1] {
			cell = paren.ReplaceAllString(cell, "")
			for frag := range strings.FieldsFuncSeq(cell, func(r rune) bool { return r == ',' || r == ';' || r == '/' }) {
				frag = strings.TrimSpace(frag)
				if frag == "" || notTitles[frag] {
					continue
				}
				title := strings.ReplaceAll(frag, "…", "engleskog")
				if typ == document.Translation && strings.HasPrefix(frag, "Перевод") {
					title = strings.ReplaceAll(frag, "…", "английского")
				}
				n++
				f := Analyze([]string{title + "\n"}, Hint{})
				if f.Type != typ {
					t.Errorf("%s: %q gives %s", typ, frag, f.Type)
				}
			}
		}
	}
	t.Logf("%d titles", n)
	if n < 150 {
		t.Errorf("only %d titles read from docs/vocabulary.md", n)
	}
}

// Every date label of docs/vocabulary.md gives its field, whether the date
// follows on the line or on the next one; every number label its number.
func TestVocabularyDocLabels(t *testing.T) {
	data, err := os.ReadFile("../../docs/vocabulary.md")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(string(data), "## Date labels", 2)
	if len(parts) < 2 {
		t.Fatal("no date labels section")
	}
	section := strings.SplitN(parts[1], "## Date formats", 2)[0]
	n := 0
	for line := range strings.SplitSeq(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 10 {
			continue
		}
		row := strings.TrimSpace(cells[1])
		row = strings.TrimSpace(strings.SplitN(row, "(", 2)[0])
		for _, cell := range cells[2 : len(cells)-1] {
			for label := range strings.SplitSeq(cell, ",") {
				label = strings.TrimSpace(label)
				if label == "" {
					continue
				}
				for _, sep := range []string{": ", "\n"} {
					var got, want string
					switch row {
					case "issued", "expires", "birth":
						f := Analyze([]string{"Document\n" + label + sep + "15.01.2026\n"}, Hint{})
						got = map[string]string{"issued": f.Issued.String(), "expires": f.Expires.String(), "birth": f.BirthDate.String()}[row]
						want = "2026-01-15"
					case "number":
						got = Analyze([]string{"Document\n" + label + sep + "AB-123456\n"}, Hint{}).Number
						want = "AB-123456"
					default:
						continue
					}
					n++
					if got != want {
						t.Errorf("%s label %q (separator %q): got %q", row, label, sep, got)
					}
				}
			}
		}
	}
	t.Logf("%d labels", n)
	if n < 60 {
		t.Errorf("only %d labels read from docs/vocabulary.md", n)
	}
}
