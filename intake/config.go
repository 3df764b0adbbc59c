package intake

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml"
)

// Config is the content of a dossier's intake.yaml. Command-line flags
// override it.
type Config struct {
	Country     string `yaml:"country"`     // ISO 3166 alpha-2: FR, BE, RU, RS
	Procedure   string `yaml:"procedure"`   // e.g. permanent-residence-renewal
	Nationality string `yaml:"nationality"` // the applicant's, ISO alpha-2 or alpha-3
	Appointment string `yaml:"appointment"` // YYYY-MM-DD: the reference date of the checks

	// What scans cannot show; rules may apply only to some applicants.
	Application string `yaml:"application"` // first or renewal
	Family      string `yaml:"family"`      // single, married, partnership, divorced, widowed
	Basis       string `yaml:"basis"`       // grounds of stay: work, study, family, other
	Region      string `yaml:"region"`      // Belgium: flanders, wallonia, brussels, east-belgium
	BirthDate   string `yaml:"birth_date"`  // YYYY-MM-DD, when the passport's MRZ cannot say it
	Housing     string `yaml:"housing"`     // own, or hosted (living at someone else's home)
	Activity    string `yaml:"activity"`    // employee, self-employed, retired, none
}

// LoadConfig reads dir/intake.yaml. A dossier without one gives an empty
// Config and no error. Unknown keys are refused with their line.
func LoadConfig(dir string) (Config, error) {
	path := filepath.Join(dir, ConfigFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return Config{}, nil
	}
	if err != nil {
		return Config{}, fmt.Errorf("read %s: %w", path, err)
	}
	var c Config
	if len(bytes.TrimSpace(data)) == 0 {
		return c, nil
	}
	if err := yaml.UnmarshalWithOptions(data, &c, yaml.Strict()); err != nil {
		return Config{}, fmt.Errorf("%s: %s", path, strings.TrimSpace(yaml.FormatError(err, false, true)))
	}
	return c, nil
}
