package cache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestPutGet(t *testing.T) {
	c, err := Open(t.TempDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	k := Key("a", "b")
	if _, ok := c.Get(k); ok {
		t.Fatal("hit on an empty cache")
	}
	if err := c.Put(k, []byte("hello")); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(k)
	if !ok || string(got) != "hello" {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	if err := c.Put(k, []byte("again")); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Get(k); string(got) != "again" {
		t.Fatalf("after a second Put: %q", got)
	}
}

func TestKeyParts(t *testing.T) {
	if Key("ab", "c") == Key("a", "bc") {
		t.Error("parts run together")
	}
	if Key("x") != Key("x") {
		t.Error("not deterministic")
	}
}

// TestCorrupt: a damaged entry is a miss, is removed, and is written again.
func TestCorrupt(t *testing.T) {
	c, _ := Open(t.TempDir(), 0)
	k := Key("corrupt")
	c.Put(k, bytes.Repeat([]byte("data "), 100))
	p, _ := c.path(k)
	b, _ := os.ReadFile(p)
	for name, bad := range map[string][]byte{
		"flipped byte": append(append([]byte{}, b[:len(b)-3]...), b[len(b)-3]^1, b[len(b)-2], b[len(b)-1]),
		"truncated":    b[:len(b)/2],
		"empty":        {},
		"garbage":      []byte("not an entry at all"),
	} {
		if err := os.WriteFile(p, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Get(k); ok {
			t.Errorf("%s: trusted a corrupt entry: %q", name, got)
		}
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s: corrupt entry left in place", name)
		}
		c.Put(k, []byte("fresh"))
		if got, ok := c.Get(k); !ok || string(got) != "fresh" {
			t.Errorf("%s: rewritten entry: %q, %v", name, got, ok)
		}
	}
}

// TestShared: two caches on one directory, written and read at once, never
// see a partial entry.
func TestShared(t *testing.T) {
	dir := t.TempDir()
	a, _ := Open(dir, 0)
	b, _ := Open(dir, 0)
	var wg sync.WaitGroup
	for i := range 8 {
		c := a
		if i%2 == 1 {
			c = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				k := Key("shared", fmt.Sprint(j%5))
				want := bytes.Repeat([]byte{byte(j % 5)}, 10000)
				if err := c.Put(k, want); err != nil {
					t.Error(err)
					return
				}
				if got, ok := c.Get(k); ok && !bytes.Equal(got, want) {
					t.Error("read a mixed entry")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestTrimAndClear(t *testing.T) {
	dir := t.TempDir()
	c, _ := Open(dir, 10_000)
	old := time.Now().Add(-time.Hour)
	for i := range 10 {
		k := Key(fmt.Sprint(i))
		c.Put(k, make([]byte, 2000))
		p, _ := c.path(k)
		at := old.Add(time.Duration(i) * time.Minute)
		os.Chtimes(p, at, at)
	}
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	n, size, _ := c.Stats()
	if size > 10_000 || n == 0 {
		t.Errorf("after Trim: %d entries, %d bytes; want ≤ 10000 bytes", n, size)
	}
	if _, ok := c.Get(Key("9")); !ok {
		t.Error("the most recently used entry was trimmed")
	}
	if _, ok := c.Get(Key("0")); ok {
		t.Error("the least recently used entry was kept")
	}
	os.WriteFile(filepath.Join(dir, "ab", ".tmp-stale"), []byte("x"), 0o600)
	n, _, err := c.Clear()
	if err != nil || n == 0 {
		t.Fatalf("Clear: %d, %v", n, err)
	}
	if n, _, _ := c.Stats(); n != 0 {
		t.Errorf("%d entries left after Clear", n)
	}
}

func TestProgramID(t *testing.T) {
	if id := ProgramID(); id == "" || id == "unknown" {
		t.Errorf("ProgramID() = %q", id)
	}
}
