package intake

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLoadConfig(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       Config
		err        string
	}{
		{"absent", "", Config{}, ""},
		{"full", "country: rs\nprocedure: permanent-residence-renewal\nnationality: CN\nappointment: 2026-12-01\n",
			Config{Country: "rs", Procedure: "permanent-residence-renewal", Nationality: "CN", Appointment: "2026-12-01"}, ""},
		{"comments only", "# nothing yet\n", Config{}, ""},
		{"unknown key", "country: FR\nprocedure: x\nappointement: 2026-01-01\n", Config{}, "[3:1] unknown field \"appointement\""},
		{"not a map", "- FR\n", Config{}, "intake.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.name != "absent" {
				if err := os.WriteFile(filepath.Join(dir, ConfigFile), []byte(tc.yaml), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := LoadConfig(dir)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}
