package validate

import (
	"fmt"
	"os"
	"path/filepath"
)

// LoadDir reads the rule files (*.yaml) of a user's folder, as
// `intake --rules DIR` gives it. Errors name the file and the line.
func LoadDir(dir string) (*Rules, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("rules folder: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("rules folder %s is not a folder", dir)
	}
	r, err := Load(os.DirFS(dir), "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("rules folder %s: %w", dir, err)
	}
	for _, p := range r.procs {
		p.File = filepath.Join(dir, p.File)
	}
	return r, nil
}

// With returns the rules of r with those of user on top: a procedure the
// user defines replaces every built-in version of the same procedure (a
// law clinic's or a préfecture's own version of it), and a new one is
// added.
func (r *Rules) With(user *Rules) *Rules {
	mine := map[string]bool{}
	for _, p := range user.procs {
		mine[p.Key()] = true
	}
	out := &Rules{}
	for _, p := range r.procs {
		if !mine[p.Key()] {
			out.procs = append(out.procs, p)
		}
	}
	out.procs = append(out.procs, user.procs...)
	return out
}
