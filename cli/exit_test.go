package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/ocr"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		code   int
		stderr string // a substring of what is printed; "" for nothing
	}{
		{"success", nil, ExitOK, ""},
		{"help", flag.ErrHelp, ExitOK, ""},
		{"not ready", errNotReady, ExitNotReady, ""},
		{"a failed check", errors.New("the MRZ does not check out"), ExitNotReady, "intake validate: the MRZ does not check out"},
		{"usage", usagef("give one dossier folder"), ExitUsage, "give one dossier folder"},
		{"settings", fmt.Errorf("check: %w", &intake.SettingsError{Msg: "which procedure?"}), ExitUsage, "which procedure?"},
		{"missing input file", fmt.Errorf("open x.jpg: %w", fs.ErrNotExist), ExitUsage, "x.jpg"},
		{"dependency", fmt.Errorf("read: %w", ocr.ErrDependency), ExitDependency, "intake validate: read"},
		{"output", outputErrorf("cannot write r.html: %w", fs.ErrNotExist), ExitOutput, "cannot write r.html"},
		{"cancelled", fmt.Errorf("read: %w", context.Canceled), ExitCancelled, "interrupted"},
		{"panic", panicError{"index out of range"}, ExitInternal, "This is a bug in intake"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			if got := exit(&stderr, "validate", tc.err); got != tc.code {
				t.Errorf("exit code %d, want %d", got, tc.code)
			}
			switch {
			case tc.stderr == "" && stderr.Len() > 0:
				t.Errorf("printed %q, want nothing", stderr.String())
			case tc.stderr != "" && !strings.Contains(stderr.String(), tc.stderr):
				t.Errorf("printed %q, want %q in it", stderr.String(), tc.stderr)
			}
		})
	}
}

func TestRunRecoversPanics(t *testing.T) {
	var stderr bytes.Buffer
	// A nil Stdout makes the version command panic when it writes.
	code := Run([]string{"version"}, Env{Stderr: &stderr})
	if code != ExitInternal {
		t.Errorf("exit code %d, want %d", code, ExitInternal)
	}
	if !strings.Contains(stderr.String(), "internal error") || !strings.Contains(stderr.String(), "please report it") {
		t.Errorf("stderr %q does not ask to report the bug", stderr.String())
	}
}
