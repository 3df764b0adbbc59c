package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/photo"
	"github.com/intake-app/intake/report"
)

func runPhoto(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("photo", "intake photo FILE --country CC [--format text|json]", env)
	cc := fs.String("country", "", "the country whose photo rules apply: "+strings.Join(photo.Countries(), ", "))
	format := fs.String("format", "text", "output format: text or json (the report's photo object)")
	on := fs.String("on", "", "the reference date, YYYY-MM-DD, for how recent the photo must be (default: today)")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usagef("give one image file: a photo, or a scanned sheet of photo-booth prints")
	}
	if *format != "text" && *format != "json" {
		return usagef("--format %q: use text or json", *format)
	}
	if *cc == "" {
		return usagef("--country is required: %s", strings.Join(photo.Countries(), ", "))
	}
	prof, ok := photo.ProfileFor(*cc)
	if !ok {
		return usagef("no photo rules for country %q: intake knows %s", *cc, strings.Join(photo.Countries(), ", "))
	}
	ref := time.Now()
	if *on != "" {
		if ref, err = time.Parse("2006-01-02", *on); err != nil {
			return usagef("--on %q: use YYYY-MM-DD", *on)
		}
	}
	file := args[0]
	data, err := ocr.DefaultLimits().ReadFile(file)
	if err != nil {
		return err
	}
	img, err := ocr.DecodeImage(data)
	if err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	c := prof.AnalyzeImage(img, photo.ReadDensity(data))
	prof.CheckAge(c, photo.TakenOn(data), ref)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	// A photo is compliant only when every measure was made: one that
	// could not be (no face found on a figure, so no head, eyes or
	// centring) is "partly checked", and exits 1 like a refusal.
	var result error
	if !c.Compliant || len(c.Unchecked) > 0 {
		result = errNotReady
	}
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report.PhotoJSON(c)); err != nil {
			return outputError{err}
		}
		return result
	}
	writePhotoText(env.Stdout, file, prof, c)
	return result
}

func writePhotoText(w io.Writer, file string, prof photo.Profile, c *document.PhotoCheck) {
	verdict := "COMPLIANT"
	switch {
	case !c.Compliant:
		verdict = fmt.Sprintf("NOT COMPLIANT: %d problem(s)", len(c.Problems))
	case len(c.Unchecked) > 0:
		verdict = fmt.Sprintf("PARTLY CHECKED: %d measure(s) could not be made; check them by hand", len(c.Unchecked))
	}
	fmt.Fprintf(w, "%s: %s ID photo, %s\n", file, prof.Country, verdict)
	if c.Taken != "" {
		fmt.Fprintf(w, "  taken       %s (EXIF date)\n", c.Taken)
	}
	if c.Sheet > 0 {
		fmt.Fprintf(w, "  sheet       %d photos found on the page; the first one is measured\n", c.Sheet)
	}
	if c.DPI > 0 {
		fmt.Fprintf(w, "  size        %.1f × %.1f mm at %.0f dpi (%d × %d px)\n", c.WidthMM, c.HeightMM, c.DPI, c.WidthPx, c.HeightPx)
	} else {
		fmt.Fprintf(w, "  size        %d × %d px, print size unknown\n", c.WidthPx, c.HeightPx)
	}
	switch c.Faces {
	case 1:
		fmt.Fprintf(w, "  head        %.1f mm, chin to crown (%.1f %% of the height; %g to %g mm asked)\n", c.HeadMM, c.HeadShare, prof.HeadMinMM, prof.HeadMaxMM)
		fmt.Fprintf(w, "  eyes        at %.0f %% of the height from the bottom, %.0f px apart, tilted %.1f°\n", c.EyeLine, c.EyeDistancePx, c.RollDeg)
		fmt.Fprintf(w, "  centring    face middle at %.0f %% of the width\n", c.FaceCentre)
		fmt.Fprintf(w, "  exposure    %.1f %% of the face nearly black, %.1f %% burnt white\n", c.FaceDark, c.FaceBright)
	default:
		fmt.Fprintf(w, "  faces       %d\n", c.Faces)
	}
	fmt.Fprintf(w, "  background  %s, lightness %.0f, chroma %.0f, gradient %.1f, left−right %.0f (%s asked)\n",
		c.BackgroundColour, c.BackgroundLightness, c.BackgroundChroma, c.BackgroundGradient, c.BackgroundShadow, backgroundRule(prof.Background))
	for _, p := range c.Problems {
		fmt.Fprintf(w, "  ✗ %s\n", p)
	}
	for _, u := range c.Unchecked {
		fmt.Fprintf(w, "  ? %s\n", u)
	}
	fmt.Fprintf(w, "Rules: %s\n", prof.Source)
}

func backgroundRule(b string) string {
	switch b {
	case photo.BackgroundWhite:
		return "white"
	case photo.BackgroundLightNotWhite:
		return "light, not white"
	}
	return "white or light"
}
