package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionText(t *testing.T) {
	for _, tc := range []struct {
		bi       *debug.BuildInfo
		ldCommit string
		want     string
	}{
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-11-30T11:00:00Z"}, {Key: "vcs.modified", Value: "true"},
		}}, "", "(devel) (commit 0123456789ab, 2026-11-30T11:00:00Z, with uncommitted changes)"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "fedcba987654", "v1.2.0 (commit fedcba987654)"},
		{&debug.BuildInfo{}, "", "(devel) (commit unknown: built without version-control information)"},
		{nil, "", "(devel) (commit unknown: built without version-control information)"},
	} {
		if got := versionText(tc.bi, tc.ldCommit); got != tc.want {
			t.Errorf("versionText = %q, want %q", got, tc.want)
		}
	}
}
