package cli

import (
	"flag"
	"fmt"
	"math"
	"strconv"

	"github.com/intake-app/intake/ocr"
)

// limitFlags raise (or lower) what one file may cost to read; a refusal
// names the flag (ocr.Flag).
type limitFlags struct {
	fileSize, imageMemory      *string
	pixels, pages, pageSidePts *string
}

func addLimitFlags(fs *flag.FlagSet) limitFlags {
	return limitFlags{
		fileSize:    fs.String(ocr.Flag("MaxFileBytes")[2:], "", fmt.Sprintf("the largest `SIZE` of one file read, e.g. 500MB (default %dMB)", ocr.DefaultMaxFileBytes>>20)),
		imageMemory: fs.String(ocr.Flag("MaxImageBytes")[2:], "", fmt.Sprintf("the most memory one decoded image may take, `SIZE` (default %dMB)", ocr.DefaultMaxImageBytes>>20)),
		pixels:      fs.String(ocr.Flag("MaxPixels")[2:], "", fmt.Sprintf("the most pixels one image or page may have, `N` (default %d)", ocr.DefaultMaxPixels)),
		pages:       fs.String(ocr.Flag("MaxPages")[2:], "", fmt.Sprintf("the most pages one PDF may have, `N` (default %d)", ocr.DefaultMaxPages)),
		pageSidePts: fs.String(ocr.Flag("MaxPageSide")[2:], "", fmt.Sprintf("the longest side of a PDF page, in `POINTS` (default %d, 200 inches)", ocr.DefaultMaxPageSide)),
	}
}

// limits returns the limits the flags set; zero fields keep the defaults.
func (f limitFlags) limits() (ocr.Limits, error) {
	var l ocr.Limits
	var err error
	if *f.fileSize != "" {
		if l.MaxFileBytes, err = parseSizeFlag("--max-file-size", *f.fileSize); err != nil {
			return l, err
		}
	}
	if *f.imageMemory != "" {
		if l.MaxImageBytes, err = parseSizeFlag("--max-image-memory", *f.imageMemory); err != nil {
			return l, err
		}
	}
	if *f.pixels != "" {
		if l.MaxPixels, err = positiveInt("--max-pixels", *f.pixels); err != nil {
			return l, err
		}
	}
	if *f.pages != "" {
		n, err := positiveInt("--max-pages", *f.pages)
		if err != nil {
			return l, err
		}
		l.MaxPages = int(n)
	}
	if *f.pageSidePts != "" {
		v, err := strconv.ParseFloat(*f.pageSidePts, 64)
		if err != nil || !(v > 0) || math.IsInf(v, 0) {
			return l, usagef("--max-page-size %q: give a length in points, e.g. 14400", *f.pageSidePts)
		}
		l.MaxPageSide = v
	}
	return l, nil
}

// parseSizeFlag reads a size for the flag name (see parseSize).
func parseSizeFlag(name, s string) (int64, error) {
	n, err := parseSize(s)
	if err != nil {
		return 0, usagef("%s %q: give a size such as 500MB or 2000KB", name, s)
	}
	return n, nil
}

// positiveInt reads a whole number above zero for the flag name.
func positiveInt(name, s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, usagef("%s %q: give a whole number above 0", name, s)
	}
	return n, nil
}
