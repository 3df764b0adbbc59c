package cache

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestForget: the entries of one file's content go, whatever their salt;
// those of other files stay.
func TestForget(t *testing.T) {
	c, err := Open(t.TempDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	a, b := Sum([]byte("amina's passport")), Sum([]byte("wang's passport"))
	keys := map[string]string{
		FileKey(a, "salt-1"): a, FileKey(a, "salt-2"): a, FileKey(b, "salt-1"): b,
	}
	for k := range keys {
		if err := c.Put(k, []byte("reading")); err != nil {
			t.Fatal(err)
		}
	}
	n, _, err := c.Forget(a)
	if err != nil || n != 2 {
		t.Fatalf("Forget = %d, %v; want 2 entries", n, err)
	}
	for k, sum := range keys {
		if _, ok := c.Get(k); ok != (sum == b) {
			t.Errorf("%s of %s: present %v after forgetting %s", k, sum[:8], ok, a[:8])
		}
	}
	if n, _, _ := c.Forget(a); n != 0 {
		t.Errorf("a second Forget removed %d", n)
	}
}

// TestMaxAge: Trim drops entries unused for longer than MaxAge; a Get
// marks an entry used.
func TestMaxAge(t *testing.T) {
	dir := t.TempDir()
	c, err := Open(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	if c.MaxAge() != DefaultMaxAge || DefaultMaxAge != 90*24*time.Hour {
		t.Fatalf("default max age %v", c.MaxAge())
	}
	old, used, fresh := FileKey(Sum([]byte("old")), ""), FileKey(Sum([]byte("used")), ""), FileKey(Sum([]byte("fresh")), "")
	for _, k := range []string{old, used, fresh} {
		if err := c.Put(k, []byte("x")); err != nil {
			t.Fatal(err)
		}
	}
	longAgo := time.Now().Add(-91 * 24 * time.Hour)
	for _, k := range []string{old, used} {
		p, _ := c.path(k)
		if err := os.Chtimes(p, longAgo, longAgo); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := c.Get(used); !ok {
		t.Fatal("miss")
	}
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]bool{old: false, used: true, fresh: true} {
		p, _ := c.path(k)
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: present %v, want %v", filepath.Base(p), err == nil, want)
		}
	}

	// 0: no age limit.
	c.SetMaxAge(0)
	p, _ := c.path(fresh)
	os.Chtimes(p, longAgo, longAgo)
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Error("removed with no age limit")
	}

	// TrimDaily trims once a day, and its mark is no entry.
	c.SetMaxAge(DefaultMaxAge)
	if err := c.TrimDaily(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err == nil {
		t.Error("TrimDaily kept an entry unused for 91 days")
	}
	if n, _, _ := c.Stats(); n != 1 {
		t.Errorf("%d entries, want 1 (the mark is not one)", n)
	}
}
