// Command intake checks a residence-permit dossier — a folder of scans —
// against the rules of a procedure, offline.
//
//	intake validate DIR --country RS --procedure permanent-residence-renewal --on 2026-12-01
//	intake mrz FILE...
//	intake mrz --text < lines.txt
//
// Exit codes: 0 ready (or success), 1 not ready (or a check failed),
// 2 usage or configuration error, 3 a dependency is missing.
package main

import (
	"os"
	"syscall"

	"github.com/intake-app/intake/cli"
)

func main() {
	limitOpenMP()
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}

// limitOpenMP makes Tesseract use one thread per OCR worker. intake runs
// one worker per CPU; Tesseract's OpenMP threads on top of that would
// fight over the same CPUs. libgomp reads OMP_THREAD_LIMIT when it is
// loaded, before main runs, so the variable is set by re-executing intake
// with it.
func limitOpenMP() {
	if os.Getenv("OMP_THREAD_LIMIT") != "" {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		return
	}
	// Exec only returns on failure; then run with OpenMP's default.
	_ = syscall.Exec(exe, os.Args, append(os.Environ(), "OMP_THREAD_LIMIT=1"))
}
