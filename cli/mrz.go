package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/ocr/mrz"
	"github.com/intake-app/intake/report"
)

// mrzLine is one line of `intake mrz` output: the report's mrz object,
// with the file it was read from.
type mrzLine struct {
	File string `json:"file,omitempty"`
	report.MRZ
}

func runMRZ(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("mrz", "intake mrz FILE... | intake mrz --text < lines", env)
	text := fs.Bool("text", false, "read MRZ lines from stdin; separate MRZs with a blank line")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	now := time.Now()
	var result error // errNotReady once an MRZ does not check out
	emit := func(file string, r *mrz.Result) error {
		if !r.Valid {
			result = errNotReady
		}
		return enc.Encode(mrzLine{File: file, MRZ: report.MRZJSON(r)})
	}

	if *text {
		if len(args) > 0 {
			return usagef("--text reads stdin: give no files")
		}
		results, errs := mrz.ParseText(env.Stdin, now)
		// ParseText gives one result or one error per block, in order.
		for i, r := range results {
			if r == nil {
				if i < len(errs) && errs[i] != nil {
					fmt.Fprintf(env.Stderr, "intake mrz: %v\n", errs[i])
				}
				result = errNotReady
				continue
			}
			if err := emit("", r); err != nil {
				return err
			}
		}
		if len(results) == 0 && len(errs) == 0 {
			return usagef("no MRZ lines on stdin")
		}
		return result
	}

	if len(args) == 0 {
		return usagef("give image files, or --text to read MRZ lines from stdin")
	}
	eng, err := ocr.NewEngine()
	if err != nil {
		return err
	}
	defer eng.Close()
	if err := eng.Require("eng"); err != nil {
		return err
	}
	w := eng.NewWorker()
	defer w.Close()
	for _, file := range args {
		r, err := readMRZFile(ctx, w, file, now)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "intake mrz: %s: %v\n", file, err)
			result = errNotReady
			continue
		}
		if err := emit(file, r); err != nil {
			return err
		}
	}
	return result
}

func readMRZFile(ctx context.Context, w *ocr.Worker, file string, now time.Time) (*mrz.Result, error) {
	data, err := ocr.DefaultLimits().ReadFile(file)
	if err != nil {
		return nil, err
	}
	img, err := ocr.DecodeImage(data)
	if err != nil {
		return nil, err
	}
	g, _ := ocr.Gray(img)
	page, err := w.ReadPage(ctx, g, 300, ocr.Options{Languages: []string{"eng"}})
	if err != nil {
		return nil, err
	}
	m := mrz.Decode(page.MRZ, now)
	if m == nil {
		if !page.MRZBox.Empty() {
			return nil, fmt.Errorf("a machine-readable zone is printed but could not be read: photograph the page flat and sharp, with the two or three bottom lines whole")
		}
		return nil, fmt.Errorf("no machine-readable zone found: is this the photo page of a passport or the back of a card?")
	}
	return m, nil
}
