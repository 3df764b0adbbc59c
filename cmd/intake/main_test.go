package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/intake-app/intake/cli"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/internal/synth"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"intake": func() {
			os.Exit(cli.Run(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
		},
		// synth EXAMPLE DIR YYYY-MM-DD [flat-photo] writes a synthetic
		// example dossier (internal/synth: rs, fr, fr-resident, be, ru)
		// built for that appointment date, so that scripts judge dossiers
		// made at test time; with flat-photo, its ID photo shows a face no
		// detector finds (synth.Render.FlatFace).
		"synth": func() { os.Exit(synthMain(os.Args[1:])) },
	})
}

func synthMain(args []string) int {
	flat := len(args) == 4 && args[3] == "flat-photo"
	if len(args) != 3 && !flat {
		fmt.Fprintln(os.Stderr, "usage: synth EXAMPLE DIR YYYY-MM-DD [flat-photo]")
		return 2
	}
	ref, err := time.Parse(time.DateOnly, args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		return 2
	}
	examples := map[string]func(time.Time) synth.Dossier{
		"rs": synth.ExampleRS, "fr": synth.ExampleFR, "fr-resident": synth.ExampleFRResident,
		"be": synth.ExampleBE, "ru": synth.ExampleRU,
	}
	example, ok := examples[args[0]]
	if !ok {
		fmt.Fprintf(os.Stderr, "synth: unknown example %q\n", args[0])
		return 2
	}
	d := example(ref)
	for i := range d.Docs {
		if d.Docs[i].Type == document.Photo {
			d.Docs[i].Render.FlatFace = flat
		}
	}
	if err := os.MkdirAll(args[1], 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		return 1
	}
	if err := synth.Write(args[1], d); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		return 1
	}
	if err := synth.WriteIntakeYAML(args[1], d); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		return 1
	}
	return 0
}

// TestScripts runs the CLI scripts of testdata/script: each is a txtar
// archive of files and commands with their expected output.
func TestScripts(t *testing.T) {
	// One cache of readings for the scripts of this run (not the user's:
	// testscript's HOME does not exist): a dossier OCR'd by one script is
	// read from the cache by the next.
	cacheDir := t.TempDir()
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("OMP_THREAD_LIMIT", "1")
			// Messages in English unless a script asks for another
			// language (without a locale, the procedure's country decides).
			env.Setenv("LANG", "en_US.UTF-8")
			env.Setenv("INTAKE_CACHE_DIR", cacheDir)
			example, err := filepath.Abs(filepath.Join("..", "..", "testdata", "example"))
			if err != nil {
				return err
			}
			env.Setenv("EXAMPLE", example)
			return nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){"exits": exits},
	})
}

// exits runs a command and checks its exact exit status: "exits 2 intake
// frobnicate". testscript's "! exec" accepts any non-zero status, which
// would let a crash (70) pass for "not ready" (1).
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %q is not an exit code", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", strings.Join(args[1:], " "), got, want)
	}
}
