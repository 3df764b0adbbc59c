package intake

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/intake-app/intake/intake/extract"
	"github.com/intake-app/intake/internal/safeyaml"
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
	// Documents is the user's last word on files intake misreads: their
	// type and dates, by file name (relative to the dossier).
	Documents map[string]extract.Stated `yaml:"documents,omitempty"`
	Activity  string                    `yaml:"activity"` // employee, self-employed, retired, none
}

// maxConfigBytes is the largest intake.yaml read: it holds a few lines.
const maxConfigBytes = 64 << 10

// LoadConfig reads dir/intake.yaml. A dossier without one gives an empty
// Config and no error. Unknown keys are refused with their line. The file
// must be a regular file inside the dossier (a link to a file inside it is
// followed, a link out of it is not; a FIFO is refused without being
// opened, since opening one waits for a writer) and within safeyaml's
// limits of size (maxConfigBytes) and alias expansion.
func LoadConfig(dir string) (Config, error) {
	path := filepath.Join(dir, ConfigFile)
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return Config{}, nil
	}
	root, err := dossierRoot(dir)
	if err != nil {
		return Config{}, err
	}
	target, info, problem := inspect(root, filepath.Join(root, ConfigFile))
	if problem != "" {
		return Config{}, fmt.Errorf("%s %s", path, problem)
	}
	if info.Size() > maxConfigBytes {
		return Config{}, fmt.Errorf("%s holds %d bytes, more than %d: a settings file holds a few lines", path, info.Size(), maxConfigBytes)
	}
	data, err := readRegular(target, maxConfigBytes)
	if err != nil {
		return Config{}, fmt.Errorf("read %s: %w", path, err)
	}
	c, err := parseConfig(data)
	if err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// parseConfig decodes the content of an intake.yaml. Unknown keys are
// refused with their line.
func parseConfig(data []byte) (Config, error) {
	var c Config
	if len(bytes.TrimSpace(data)) == 0 {
		return c, nil
	}
	if err := safeyaml.Unmarshal(data, &c, yaml.Strict()); err != nil {
		return Config{}, errors.New(strings.TrimSpace(yaml.FormatError(err, false, true)))
	}
	if err := textOnly(c); err != nil {
		return Config{}, err
	}
	return c, nil
}

// textOnly refuses settings that are not text: YAML can decode bytes
// (!!binary) into a string, and no setting is bytes.
func textOnly(c Config) error {
	v := reflect.ValueOf(c)
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.String && !utf8.ValidString(f.String()) {
			return fmt.Errorf("%s: not text (write it as plain text, not !!binary)", v.Type().Field(i).Tag.Get("yaml"))
		}
	}
	for name := range c.Documents {
		if !utf8.ValidString(name) {
			return fmt.Errorf("documents: a file name that is not text (%q)", name)
		}
	}
	return nil
}

// readRegular reads at most limit bytes of the regular file path, checking
// again once it is open that it is a regular file.
func readRegular(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("more than %d bytes", limit)
	}
	return data, nil
}
