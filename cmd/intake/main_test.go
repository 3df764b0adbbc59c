package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/intake-app/intake/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"intake": func() {
			os.Exit(cli.Run(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
		},
	})
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
			env.Setenv("INTAKE_CACHE_DIR", cacheDir)
			example, err := filepath.Abs(filepath.Join("..", "..", "testdata", "example"))
			if err != nil {
				return err
			}
			env.Setenv("EXAMPLE", example)
			return nil
		},
	})
}
