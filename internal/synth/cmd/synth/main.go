// Command synth writes a synthetic example dossier and its intake.yaml
// into a directory, for trying intake without anyone's real papers.
//
//	go run ./internal/synth/cmd/synth -o DIR [-example rs|fr|fr-resident|be|ru] [-on 2026-12-01] [-force]
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/intake-app/intake/internal/synth"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	out := fs.String("o", "", "directory to write the dossier into (required)")
	example := fs.String("example", "rs", "which dossier: rs (Serbian permanent-residence renewal), fr (French carte de séjour renewal), fr-resident (first French carte de résident), be (Belgian residence-card renewal) or ru (Russian residence-permit card)")
	on := fs.String("on", "2026-06-01", "appointment date the dossier is built for, YYYY-MM-DD")
	force := fs.Bool("force", false, "write into a directory that is not empty")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		fs.Usage()
		return errors.New("-o DIR is required")
	}
	ref, err := time.Parse(time.DateOnly, *on)
	if err != nil {
		return fmt.Errorf("-on %q: want YYYY-MM-DD", *on)
	}
	var d synth.Dossier
	switch *example {
	case "rs":
		d = synth.ExampleRS(ref)
	case "fr":
		d = synth.ExampleFR(ref)
	case "fr-resident":
		d = synth.ExampleFRResident(ref)
	case "be":
		d = synth.ExampleBE(ref)
	case "ru":
		d = synth.ExampleRU(ref)
	default:
		return fmt.Errorf("-example %q: want rs, fr, fr-resident, be or ru", *example)
	}
	entries, err := os.ReadDir(*out)
	switch {
	case err == nil && len(entries) > 0 && !*force:
		return fmt.Errorf("%s is not empty (use -force to write into it anyway)", *out)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	if err := synth.Write(*out, d); err != nil {
		return err
	}
	if err := synth.WriteIntakeYAML(*out, d); err != nil {
		return err
	}
	fmt.Printf("wrote %d documents and intake.yaml into %s (%s, appointment %s)\n", len(d.Docs), *out, d.Procedure, ref.Format(time.DateOnly))
	return nil
}
