package report

import (
	"bytes"
	"context"
	"encoding/base64"
	"html"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
)

const example = "../testdata/example/"

// htmlInput is the golden input with real scans behind its documents: a
// passport (with its MRZ band), an ID photo, a scanned and a born-digital
// PDF, and a file that could not be read.
func htmlInput() *intake.Result {
	in := input()
	docs := append([]document.Document(nil), in.Documents...)
	docs[0].Path = example + "licna_dokumenta/pasos.jpg"
	docs[0].MRZBox = image.Rect(40, 780, 960, 930)
	docs[1].Path = example + "licna_dokumenta/fotografija.jpg"
	docs[2].Path = example + "uverenja/kina_krivicna_evidencija.jpg"
	docs[3].Path = filepath.Join(os.TempDir(), "intake-no-such-file.pdf")
	docs = append(docs,
		document.Document{File: "zahtev.pdf", Path: example + "zahtev.pdf", Format: "application/pdf", Pages: 1,
			Type: document.ApplicationForm, Language: "sr", TextSource: document.SourceTextLayer, Confidence: 100},
		document.Document{File: "prihodi/platni_listici.pdf", Path: example + "prihodi/platni_listici.pdf",
			Format: "application/pdf", Pages: 3, Type: document.Payslip, Language: "sr", TextSource: document.SourceOCR, Confidence: 91},
		document.Document{File: "osiguranje/polisa.tif", Path: example + "osiguranje/polisa.tif", Format: "image/tiff",
			Pages: 1, Type: document.HealthInsurance, Language: "sr", Warnings: []string{`<script>alert("x")</script>`}},
	)
	in.Documents = docs
	return in
}

func writeHTML(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(context.Background(), &b, htmlInput(), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var imgSrc = regexp.MustCompile(`<img src="([^"]*)"`)

// TestHTMLSelfContained: one file, nothing fetched, every readable
// document's thumbnail inline and decodable, the verdict first.
func TestHTMLSelfContained(t *testing.T) {
	skipShort(t)
	out := writeHTML(t)
	s := string(out)
	for _, bad := range []string{"<script", "<link", "@import", "url(", `src="http`, `href="http`, `src="//`} {
		if strings.Contains(s, bad) {
			t.Errorf("the report contains %q", bad)
		}
	}
	imgs := imgSrc.FindAllStringSubmatch(s, -1)
	if want := len(htmlInput().Documents) - 1; len(imgs) != want {
		t.Errorf("%d thumbnails, want %d (one per readable file)", len(imgs), want)
	}
	for _, m := range imgs {
		data, ok := strings.CutPrefix(html.UnescapeString(m[1]), "data:image/jpeg;base64,")
		if !ok {
			t.Errorf("thumbnail %.40q is not an inline JPEG", m[1])
			continue
		}
		b, err := base64.StdEncoding.DecodeString(data)
		if err != nil {
			t.Fatal(err)
		}
		img, err := jpeg.Decode(bytes.NewReader(b))
		if err != nil {
			t.Errorf("thumbnail does not decode: %v", err)
			continue
		}
		if r := img.Bounds(); max(r.Dx(), r.Dy()) > thumbSide || len(b) > 60_000 {
			t.Errorf("thumbnail %v, %d bytes: too large", r, len(b))
		}
	}
	if strings.Count(s, `class="mrz"`) != 1 {
		t.Errorf("want the MRZ band outlined once (on the passport)")
	}
	v, r, d := strings.Index(s, `id="verdict"`), strings.Index(s, "<h2>Requirements"), strings.Index(s, "<h2>Documents")
	if !(v >= 0 && v < r && r < d) {
		t.Errorf("verdict at %d, requirements at %d, documents at %d: want them in that order", v, r, d)
	}
	if !strings.Contains(s, "NOT READY") || !strings.Contains(s, "no preview") {
		t.Errorf("verdict or placeholder missing")
	}
	if strings.Contains(s, `<script>alert`) {
		t.Errorf("a warning's text is not escaped")
	}
}

func TestAsScanned(t *testing.T) {
	skipShort(t)
	box := image.Rect(100, 800, 900, 950) // the bottom band of an upright page
	for rot, want := range map[int]image.Rectangle{
		0:   box,
		90:  image.Rect(800, 100, 950, 900), // scanned lying on its left side: band on the right
		180: image.Rect(100, 50, 900, 200),
		270: image.Rect(50, 100, 200, 900),
	} {
		if got := asScanned(box, rot); got != want {
			t.Errorf("rotation %d: %v, want %v", rot, got, want)
		}
	}
}

// chromium returns the headless browser, or skips (fails on CI).
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is not installed (scripts/setup-debian installs it)")
	return ""
}

func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.Bytes())
	}
	return out
}

// TestHTMLInChromium renders the report in headless Chromium, on a phone's
// width and on a desktop's: every thumbnail loads and decodes, nothing
// overflows the phone's screen, and it prints.
func TestHTMLInChromium(t *testing.T) {
	skipShort(t)
	bin := chromium(t)
	out := writeHTML(t)
	dir := t.TempDir()
	// The report allows no script; the test's copy adds one that writes
	// what it measured into the DOM, which --dump-dom prints.
	probe := strings.Replace(string(out), `<meta http-equiv="Content-Security-Policy"`, `<meta name="csp-removed-for-test"`, 1)
	probe = strings.Replace(probe, "</body>", `<script>
window.addEventListener("load", () => {
  const imgs = [...document.images];
  const bad = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt);
  const mrz = document.querySelector(".mrz");
  const r = mrz ? mrz.getBoundingClientRect() : null;
  const res = {images: imgs.length, broken: bad, overflow: document.documentElement.scrollWidth > window.innerWidth,
    mrz: r ? r.width > 10 && r.height > 3 : false};
  document.body.setAttribute("data-probe", JSON.stringify(res));
});
</script></body>`, 1)
	probePath := filepath.Join(dir, "probe.html")
	if err := os.WriteFile(probePath, []byte(probe), 0o644); err != nil {
		t.Fatal(err)
	}
	want := len(htmlInput().Documents) - 1
	for _, size := range []string{"390,844", "1280,900"} {
		dom := string(runChromium(t, bin, "--window-size="+size, "--virtual-time-budget=10000", "--dump-dom", "file://"+probePath))
		m := regexp.MustCompile(`data-probe="([^"]*)"`).FindStringSubmatch(dom)
		if m == nil {
			t.Fatalf("%s: the probe did not run; DOM:\n%.500s", size, dom)
		}
		got := strings.ReplaceAll(m[1], "&quot;", `"`)
		if !strings.Contains(got, `"images":`+strconv.Itoa(want)+`,`) || !strings.Contains(got, `"broken":[]`) {
			t.Errorf("%s: %s; want %d images, none broken", size, got, want)
		}
		if !strings.Contains(got, `"mrz":true`) {
			t.Errorf("%s: %s; want the MRZ band drawn", size, got)
		}
		if !strings.Contains(got, `"overflow":false`) {
			t.Errorf("%s: %s; the page is wider than the window", size, got)
		}
	}

	// The report itself, as a person opens it: a screenshot on a phone.
	report := filepath.Join(dir, "report.html")
	os.WriteFile(report, out, 0o644)
	shot := filepath.Join(dir, "phone.png")
	runChromium(t, bin, "--window-size=390,844", "--hide-scrollbars", "--screenshot="+shot, "file://"+report)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if img.Bounds().Dx() != 390 {
		t.Errorf("screenshot %v", img.Bounds())
	}
	pdf := filepath.Join(dir, "report.pdf")
	runChromium(t, bin, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+report)
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("printing to PDF: %v", err)
	}
}

// skipShort skips a test that needs Tesseract, poppler or Chromium under
// go test -short, the quick tier; the full suite (CI) runs it.
func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("needs Tesseract, poppler or Chromium: run without -short")
	}
}
