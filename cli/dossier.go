package cli

import (
	"context"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/ocr"
)

// readDossier lists and reads the files of the dossier s.dir, with a
// progress line on a terminal, as validate does. With an error it
// returns the exit code to use.
func readDossier(ctx context.Context, s settings, now time.Time, workers int, quiet bool, env Env) ([]document.Document, int, error) {
	files, err := intake.Scan(s.dir)
	if err != nil {
		return nil, ExitUsage, usageError{err.Error()}
	}
	eng, err := ocr.NewEngine()
	if err != nil {
		return nil, ExitDependency, err
	}
	defer eng.Close()
	progress := newProgressLine(env, quiet)
	docs, err := intake.Read(ctx, eng, files, intake.Options{
		Country: s.country, Nationality: s.nationality, Now: now,
		Workers: workers, Progress: progress.update,
	})
	progress.done()
	if err != nil {
		return nil, ExitUsage, err
	}
	return docs, ExitOK, nil
}
