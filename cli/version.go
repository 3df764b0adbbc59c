package cli

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/otiai10/gosseract/v2"
)

// commit is the commit intake was built from, for builds without Go's
// version-control stamp (go build -buildvcs=false, a tarball):
// go build -ldflags "-X github.com/intake-app/intake/cli.commit=$(git rev-parse HEAD)".
var commit string

func runVersion(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("version", "intake version", env)
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprintf(env.Stdout, "intake %s\ntesseract %s\n", versionText(bi, commit), gosseract.Version())
	return nil
}

// versionText says which intake this is: the module version when it was
// installed as one, and the commit it was built from, with its date and
// whether the tree had uncommitted changes.
func versionText(bi *debug.BuildInfo, ldCommit string) string {
	v := "(devel)"
	settings := map[string]string{}
	if bi != nil {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
	}
	rev := settings["vcs.revision"]
	if rev == "" {
		rev = ldCommit
	}
	if rev == "" {
		return v + " (commit unknown: built without version-control information)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	parts := []string{"commit " + rev}
	if t := settings["vcs.time"]; t != "" {
		parts = append(parts, t)
	}
	if settings["vcs.modified"] == "true" {
		parts = append(parts, "with uncommitted changes")
	}
	return fmt.Sprintf("%s (%s)", v, strings.Join(parts, ", "))
}
