package cli

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/otiai10/gosseract/v2"
)

func runVersion(ctx context.Context, args []string, env Env) error {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	fmt.Fprintf(env.Stdout, "intake %s\ntesseract %s\n", v, gosseract.Version())
	return nil
}
