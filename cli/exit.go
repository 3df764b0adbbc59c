package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"

	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/ocr"
)

// Exit codes. They are documented in the README and in the help (exitCodesText); scripts
// rely on them. Commands return errors; exit maps them to these codes, in
// this one place.
const (
	ExitOK         = 0   // ready; or the command succeeded
	ExitNotReady   = 1   // the dossier is not ready; or a check failed
	ExitUsage      = 2   // bad flags, arguments or configuration
	ExitDependency = 3   // Tesseract, a language pack or poppler is missing
	ExitOutput     = 4   // the report, bundle or file asked for could not be written
	ExitInternal   = 70  // a bug in intake (EX_SOFTWARE)
	ExitCancelled  = 130 // interrupted (Ctrl-C or SIGTERM)
)

// errNotReady ends a command whose output already said why: the dossier
// is not ready, or a check failed.
var errNotReady = errors.New("not ready")

// usageError is an error in how intake was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// outputError is a failure to write what the user asked for.
type outputError struct{ err error }

func (e outputError) Error() string { return e.err.Error() }
func (e outputError) Unwrap() error { return e.err }

func outputErrorf(format string, args ...any) error {
	return outputError{fmt.Errorf(format, args...)}
}

// panicError is a panic turned into an error, with where it happened.
type panicError struct{ value any }

func (e panicError) Error() string { return fmt.Sprint(e.value) }

// exit prints err (nothing for nil or errNotReady) on stderr, prefixed by
// the command's name, and returns the exit code it maps to.
func exit(stderr io.Writer, cmd string, err error) int {
	prefix := "intake"
	if cmd != "" {
		prefix += " " + cmd
	}
	code := exitCode(err)
	switch {
	case code == ExitOK || errors.Is(err, errNotReady) || errors.Is(err, flag.ErrHelp):
	case code == ExitCancelled:
		fmt.Fprintf(stderr, "%s: interrupted\n", prefix)
	case code == ExitInternal:
		// One clear message, no stack trace: the user is not the one to
		// read it. INTAKE_TRACE=1 prints it for the report.
		fmt.Fprintf(stderr, "%s: internal error: %v\nThis is a bug in intake: please report it with the command you ran (run it again with INTAKE_TRACE=1 to add the trace).\n", prefix, err)
		if os.Getenv("INTAKE_TRACE") == "1" {
			stderr.Write(debug.Stack())
		}
	default:
		fmt.Fprintf(stderr, "%s: %v\n", prefix, err)
	}
	return code
}

// exitCode is the exit code of a command's error.
func exitCode(err error) int {
	var (
		ue usageError
		se *intake.SettingsError
		oe outputError
		pe panicError
	)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.As(err, &pe):
		return ExitInternal
	case errors.Is(err, context.Canceled):
		return ExitCancelled
	case errors.Is(err, ocr.ErrDependency):
		return ExitDependency
	case errors.As(err, &oe):
		return ExitOutput
	case errors.As(err, &ue), errors.As(err, &se), errors.Is(err, fs.ErrNotExist):
		// A file or folder named on the command line that is not there
		// is a mistake in the call.
		return ExitUsage
	}
	return ExitNotReady
}
