// Package cli implements the intake command: one file per subcommand.
// It parses flags, wires the pipeline together and maps outcomes to exit
// codes; the work itself is done by the intake, ocr, validate and report
// packages.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"
)

// Env is the outside world of a run.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads environment variables; os.Getenv when nil.
	Getenv func(string) string
}

func (e Env) getenv(k string) string {
	if e.Getenv == nil {
		return os.Getenv(k)
	}
	return e.Getenv(k)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, env Env) error
}

func commands() []command {
	return []command{
		{"validate", "check a dossier folder against a procedure's rules", runValidate},
		{"mrz", "read machine-readable zones from images, or from text lines with --text", runMRZ},
		{"photo", "check one ID photo (or a sheet of prints) against a country's photo rules", runPhoto},
		{"rules", "list the procedures, or show one's requirements and sources", runRules},
		{"init", "write a commented intake.yaml into a dossier folder", runInit},
		{"bundle", "assemble a checked dossier into a PDF bundle, or one PDF per requirement", runBundle},
		{"watch", "validate a dossier again whenever its files change; print what changed", runWatch},
		{"cache", "clear (or show) the cache of earlier readings", runCache},
		{"eval", "measure intake's reading on a folder of files with a truth.json", runEval},
		{"version", "print intake's and Tesseract's versions", runVersion},
	}
}

const usageText = `intake checks a residence-permit dossier (a folder of scans) offline.

Usage:
  intake validate DIR [--country CC --procedure ID --on YYYY-MM-DD] [--format text|json|html]
  intake mrz FILE...            read the MRZ of passport and card images
  intake mrz --text             read MRZ lines from stdin (blank line between MRZs)
  intake photo FILE --country CC [--format json]
                                check an ID photo: size, head, background, exposure
  intake rules list             the procedures intake knows, with their dates
  intake rules show CC/ID       a procedure's requirements, constraints and sources
  intake init DIR --country CC --procedure ID
                                write a commented intake.yaml into DIR
  intake bundle DIR -o FILE.pdf  the PDF to hand in (--split OUTDIR: one PDF per requirement)
  intake watch DIR [flags]      validate again whenever a file appears, changes or goes
  intake cache clear            forget earlier readings (intake cache info: its size)
  intake version

Run "intake COMMAND -h" for a command's flags.
Exit codes: 0 ready, 1 not ready (or a check failed), 2 usage or configuration error,
3 missing dependency, 4 the output could not be written, 70 internal error, 130 interrupted.
`

// Run runs intake with args (without the program name) and returns the
// exit code.
func Run(args []string, env Env) (code int) {
	defer func() {
		// No panic reaches the user as a stack trace: report it as a bug.
		if r := recover(); r != nil {
			code = exit(env.Stderr, "", panicError{r})
		}
	}()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		io.WriteString(env.Stderr, usageText)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	var cmd *command
	for _, c := range commands() {
		if c.name == args[0] {
			cmd = &c
			break
		}
	}
	if cmd == nil {
		fmt.Fprintf(env.Stderr, "intake: unknown command %q\n\n%s", args[0], usageText)
		return ExitUsage
	}
	// Ctrl-C and a polite kill (SIGTERM, as from a service manager or a
	// container runtime) both cancel the work and end with 130.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return exit(env.Stderr, cmd.name, cmd.run(ctx, args[1:], env))
}

// parseInterspersed parses flags that may come before or after the
// positional arguments ("intake validate DIR --country RS").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// newFlagSet returns a flag set that reports errors instead of exiting
// and prints its usage to stderr.
func newFlagSet(name, usage string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet("intake "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	return fs
}
