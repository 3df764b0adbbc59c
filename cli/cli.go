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
	"strings"
	"syscall"

	"golang.org/x/term"

	"github.com/intake-app/intake/internal/i18n"
)

// Env is the outside world of a run.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads environment variables; os.Getenv when nil.
	Getenv func(string) string

	// onFlags, when set, receives the flag set a command declares (help,
	// completion and the man page list the flags this way).
	onFlags func(*flag.FlagSet)
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
		{"status", "check many dossiers at once: one row each, most urgent first; --ics for the filing windows", runStatus},
		{"mrz", "read machine-readable zones from images, or from text lines with --text", runMRZ},
		{"photo", "check one ID photo (or a sheet of prints) against a country's photo rules", runPhoto},
		{"rules", "list the procedures, or show one's requirements and sources", runRules},
		{"init", "write a commented intake.yaml into a dossier folder", runInit},
		{"bundle", "assemble a checked dossier into a PDF bundle, or one PDF per requirement", runBundle},
		{"watch", "validate a dossier again whenever its files change; print what changed", runWatch},
		{"cache", "clear (or show) the cache of earlier readings", runCache},
		{"eval", "measure intake's reading on a folder of files with a truth.json", runEval},
		{"version", "print intake's and Tesseract's versions", runVersion},
		{"help", "show the commands, or one command's flags and examples", runHelp},
		{"completion", "print a shell completion script (bash, zsh or fish)", runCompletion},
		{"man", "print intake's manual page", runMan},
	}
}

// Run runs intake with args (without the program name) and returns the
// exit code.
func Run(args []string, env Env) (code int) {
	defer func() {
		// No panic reaches the user as a stack trace: report it as a bug.
		if r := recover(); r != nil {
			code = exit(env.Stderr, "", panicError{r})
		}
	}()
	switch {
	case len(args) == 0:
		writeUsage(env.Stderr, i18n.New(i18n.FromEnv(env.getenv)))
		return ExitUsage
	case args[0] == "-h" || args[0] == "--help" || args[0] == "-help":
		args = []string{"help"}
	case args[0] == "--version" || args[0] == "-V" || args[0] == "-version":
		args = []string{"version"}
	}
	var cmd *command
	for _, c := range commands() {
		if c.name == args[0] {
			cmd = &c
			break
		}
	}
	if cmd == nil {
		return exit(env.Stderr, "", unknownCommand(args[0]))
	}
	// Ctrl-C and a polite kill (SIGTERM, as from a service manager or a
	// container runtime) both cancel the work and end with 130.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return exit(env.Stderr, cmd.name, cmd.run(ctx, args[1:], env))
}

// parseInterspersed parses flags that may come before or after the
// positional arguments ("intake validate DIR --country RS").
//
// A mistyped flag gets the nearest one ("unknown flag --contry; did you
// mean --country?") instead of the flag package's list of every flag; -h
// prints the command's help.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	usage, out := fs.Usage, fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	defer func() { fs.Usage = usage; fs.SetOutput(out) }()
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage()
				return nil, err
			}
			return nil, flagError(fs, err)
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
// and prints the command's help (usage, flags, examples) to stderr on -h.
func newFlagSet(name, usage string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet("intake "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		if _, ok := helps()[name]; !ok {
			fmt.Fprintf(env.Stderr, "Usage: %s\n", usage)
			return
		}
		writeCommandHelp(env.Stderr, name, fs, i18n.New(i18n.FromEnv(env.getenv)))
	}
	if env.onFlags != nil {
		env.onFlags(fs)
	}
	return fs
}

// flagError turns the flag package's error into a usage error that names
// the flag with two dashes and suggests the nearest one.
func flagError(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		cmd := strings.TrimPrefix(fs.Name(), "intake ")
		if s := nearest(name, flagNames(fs)); s != "" {
			return usagef("unknown flag --%s; did you mean --%s? (see intake %s -h)", name, s, cmd)
		}
		return usagef("unknown flag --%s (see intake %s -h)", name, cmd)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return usagef("--%s needs a value (see %s -h)", strings.TrimLeft(name, "-"), fs.Name())
	}
	return usageError{msg}
}
