package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/internal/i18n"
)

// The progress line counts pages with the time elapsed and an estimate,
// says once that a slow first reading will be instant next time, and
// ends with a summary of what was read.
func TestProgressLine(t *testing.T) {
	var errs bytes.Buffer
	start := time.Now().Add(-10 * time.Second)
	l := &progressLine{env: Env{Stderr: &errs}, p: i18n.New("en"), enabled: true, cached: true, start: start, prev: start}
	l.update(intake.Progress{Pages: 4, PagesDone: 1, Files: 2, FilesDone: 0, Current: "pasos.jpg"})
	l.update(intake.Progress{Pages: 4, PagesDone: 2, Files: 2, FilesDone: 1, Current: "pasos.jpg"})
	out := errs.String()
	if strings.Count(out, "First reading of these scans: about 10 s a page on this machine. Later runs read them from the cache and are instant.") != 1 {
		t.Errorf("want the cold-run note once:\n%q", out)
	}
	for _, want := range []string{"page 1 of 4 · 10 s · about 30 s left · pasos.jpg", "page 2 of 4 · 10 s · about 10 s left"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in %q", want, out)
		}
	}
	errs.Reset()
	l.done(&intake.Result{Documents: []document.Document{{Pages: 3}, {Pages: 1}, {Error: "is a text file"}}})
	if got, want := errs.String(), "\r\x1b[Kread 4 pages in 10 s; 1 file unreadable\n"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}

	// In French, and quiet when not enabled.
	errs.Reset()
	l = &progressLine{env: Env{Stderr: &errs}, p: i18n.New("fr"), enabled: true, start: time.Now().Add(-42 * time.Second)}
	l.done(&intake.Result{Documents: []document.Document{{Pages: 13}}})
	if !strings.Contains(errs.String(), "13 pages lues en 42 s") {
		t.Errorf("French summary: %q", errs.String())
	}
	errs.Reset()
	l = newProgressLine(Env{Stderr: &errs}, false, i18n.New("en"), true)
	l.update(intake.Progress{Pages: 1, PagesDone: 1})
	l.done(&intake.Result{})
	if errs.Len() != 0 {
		t.Errorf("output on a stderr that is not a terminal: %q", errs.String())
	}
}
