package cli

import (
	"context"
	"fmt"

	"github.com/intake-app/intake/cache"
)

// openCache opens the reading cache, or returns nil when it is turned off
// or cannot be used (intake then reads everything, as with --no-cache).
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
	return c
}

func runCache(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("cache", "intake cache clear|info", env)
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 1 || (args[0] != "clear" && args[0] != "info") {
		return usagef("say `intake cache clear` (remove every cached reading) or `intake cache info`")
	}
	dir, err := cache.Dir()
	if err != nil {
		return err
	}
	c, err := cache.Open(dir, cache.DefaultMaxBytes)
	if err != nil {
		return err
	}
	if args[0] == "info" {
		n, size, err := c.Stats()
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s: %d entries, %s (at most %s)\n", dir, n, bytesText(size), bytesText(cache.DefaultMaxBytes))
		return nil
	}
	n, size, err := c.Clear()
	if err != nil {
		return fmt.Errorf("clear %s: %w", dir, err)
	}
	fmt.Fprintf(env.Stdout, "removed %d cached readings (%s) from %s\n", n, bytesText(size), dir)
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
