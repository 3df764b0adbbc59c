package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/intake-app/intake/cache"
	"github.com/intake-app/intake/intake"
)

// maxAgeEnv names the environment variable that sets how long a cached
// reading may stay unused: days ("30d", "30") or weeks ("4w"); "0" keeps
// readings whatever their age.
const maxAgeEnv = "INTAKE_CACHE_MAX_AGE"

// cacheMaxAge returns the age limit of the cache's entries: $INTAKE_CACHE_MAX_AGE,
// else cache.DefaultMaxAge.
func cacheMaxAge(env Env) (time.Duration, error) {
	v := env.getenv(maxAgeEnv)
	if v == "" {
		return cache.DefaultMaxAge, nil
	}
	days, err := parseDays(v)
	if err != nil {
		return 0, usagef("%s=%q: give days or weeks, e.g. 30d or 4w (0: no limit)", maxAgeEnv, v)
	}
	return time.Duration(days) * 24 * time.Hour, nil
}

// openCache opens the reading cache, or returns nil when it is turned off
// or cannot be used (intake then reads everything, as with --no-cache).
// Readings unused for longer than the age limit are dropped once a day.
func openCache(off bool) *cache.Cache {
	if off {
		return nil
	}
	dir, err := cache.Dir()
	if err != nil {
		return nil
	}
	c, err := cache.Open(dir, cache.DefaultMaxBytes)
	if err != nil {
		return nil // not worth a warning on every run: the cache only saves time
	}
	if age, err := cacheMaxAge(Env{}); err == nil {
		c.SetMaxAge(age)
	}
	c.TrimDaily() // the cache only saves time: a failure to trim is no failure
	return c
}

func runCache(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("cache", "intake cache clear [DIR...] | info", env)
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) == 0 || (args[0] != "clear" && args[0] != "info") || (args[0] == "info" && len(args) > 1) {
		return usagef("say `intake cache clear` (remove every cached reading), `intake cache clear DIR` (forget one dossier's readings) or `intake cache info`")
	}
	age, err := cacheMaxAge(env)
	if err != nil {
		return err
	}
	dir, err := cache.Dir()
	if err != nil {
		return err
	}
	c, err := cache.Open(dir, cache.DefaultMaxBytes)
	if err != nil {
		return err
	}
	c.SetMaxAge(age)
	switch {
	case args[0] == "info":
		n, size, err := c.Stats()
		if err != nil {
			return err
		}
		limit := "no age limit"
		if age > 0 {
			limit = fmt.Sprintf("readings unused for %d days are dropped", int(age.Hours()/24))
		}
		fmt.Fprintf(env.Stdout, "%s: %d entries, %s (at most %s; %s, see %s)\n", dir, n, bytesText(size), bytesText(cache.DefaultMaxBytes), limit, maxAgeEnv)
		return nil
	case len(args) > 1:
		return forgetDossiers(c, args[1:], env)
	}
	n, size, err := c.Clear()
	if err != nil {
		return fmt.Errorf("clear %s: %w", dir, err)
	}
	fmt.Fprintf(env.Stdout, "removed %d cached readings (%s) from %s\n", n, bytesText(size), dir)
	return nil
}

// forgetDossiers removes the cached readings of the files of each dossier
// folder (subfolders included): the readings are found by the hash of
// each file's content, whatever the settings they were read with.
func forgetDossiers(c *cache.Cache, dirs []string, env Env) error {
	for _, d := range dirs {
		files, err := intake.Scan(d)
		if err != nil {
			return usagef("%v", err)
		}
		var sums []string
		for _, f := range files {
			data, err := os.ReadFile(f.Path)
			if err != nil {
				continue // an unreadable file was never cached
			}
			sums = append(sums, cache.Sum(data))
		}
		n, size, err := c.Forget(sums...)
		if err != nil {
			return fmt.Errorf("forget %s: %w", d, err)
		}
		fmt.Fprintf(env.Stdout, "forgot %d cached readings (%s) of the %d files of %s\n", n, bytesText(size), len(files), d)
	}
	return nil
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
