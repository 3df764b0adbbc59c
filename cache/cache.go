// Package cache keeps what was learned from reading a file (its OCR
// results) on disk, so that a second run over an unchanged dossier does no
// OCR at all. Entries are keyed by a hash of everything that changes the
// result (the file's SHA-256, the program, the engine and language-data
// versions, the settings); the caller builds the key with Key.
//
// The cache lives in os.UserCacheDir()/intake (or $INTAKE_CACHE_DIR). It is
// safe for several runs to share it: an entry is written to a temporary
// file and renamed into place, so a reader sees a whole entry or none.
// Every entry carries a checksum: a corrupt or truncated entry is ignored
// (and removed), never trusted. The cache is bounded in size: when it
// grows past its limit the least recently used entries are removed.
package cache

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// DefaultMaxBytes is the default size bound of the cache.
const DefaultMaxBytes = 256 << 20

// DefaultMaxAge is how long an entry is kept unused by default: the
// readings hold personal data (names, passport numbers, addresses), and
// a dossier not checked for 90 days is closed or forgotten.
const DefaultMaxAge = 90 * 24 * time.Hour

// magic starts every entry file; its last byte is the entry format version.
var magic = []byte("intake-cache\x01")

// Cache is a directory of entries. Its methods are safe for concurrent
// use, and several processes may share one directory.
type Cache struct {
	dir    string
	max    int64
	maxAge time.Duration // entries unused for longer are removed by Trim

	mu      sync.Mutex
	written int64 // bytes written since the last trim
}

// Dir returns the cache directory: $INTAKE_CACHE_DIR when set, else
// os.UserCacheDir()/intake.
func Dir() (string, error) {
	if d := os.Getenv("INTAKE_CACHE_DIR"); d != "" {
		return d, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory: %w", err)
	}
	return filepath.Join(base, "intake"), nil
}

// Open opens (creating it if needed) the cache in dir, bounded to
// maxBytes (DefaultMaxBytes when ≤ 0).
func Open(dir string, maxBytes int64) (*Cache, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	return &Cache{dir: dir, max: maxBytes, maxAge: DefaultMaxAge}, nil
}

// Path returns the cache's directory.
func (c *Cache) Path() string { return c.dir }

// Key returns the key for the given parts: a hex SHA-256 of the parts,
// each prefixed by its length so that no two lists give the same key.
func Key(parts ...string) string {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.BigEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		io.WriteString(h, p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Sum returns the hex SHA-256 of data.
func Sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

func (c *Cache) path(key string) (string, error) {
	if len(key) < 8 || strings.ContainsAny(key, `/\.`) {
		return "", fmt.Errorf("cache: bad key %q", key)
	}
	return filepath.Join(c.dir, key[:2], key+".entry"), nil
}

// Get returns the entry stored under key. A missing, unreadable or corrupt
// entry is a miss; a corrupt one is removed so that it is written again.
func (c *Cache) Get(key string) ([]byte, bool) {
	p, err := c.path(key)
	if err != nil {
		return nil, false
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	data, ok := decode(b)
	if !ok {
		os.Remove(p)
		return nil, false
	}
	// Mark it used: trimming removes the least recently used first.
	now := time.Now()
	os.Chtimes(p, now, now)
	return data, true
}

// Put stores data under key, replacing any entry there. The entry appears
// whole or not at all.
func (c *Cache) Put(key string, data []byte) error {
	p, err := c.path(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	b := encode(data)
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("cache: %w", err)
	}
	c.mu.Lock()
	c.written += int64(len(b))
	trim := c.written > c.max/16
	if trim {
		c.written = 0
	}
	c.mu.Unlock()
	if trim {
		c.Trim()
	}
	return nil
}

func encode(data []byte) []byte {
	sum := sha256.Sum256(data)
	out := make([]byte, 0, len(magic)+8+len(sum)+len(data))
	out = append(out, magic...)
	out = binary.BigEndian.AppendUint64(out, uint64(len(data)))
	out = append(out, sum[:]...)
	return append(out, data...)
}

func decode(b []byte) ([]byte, bool) {
	if !bytes.HasPrefix(b, magic) {
		return nil, false
	}
	b = b[len(magic):]
	if len(b) < 8+sha256.Size {
		return nil, false
	}
	n := binary.BigEndian.Uint64(b)
	sum := b[8 : 8+sha256.Size]
	data := b[8+sha256.Size:]
	if uint64(len(data)) != n {
		return nil, false
	}
	if got := sha256.Sum256(data); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	return data, true
}

type entryInfo struct {
	path string
	size int64
	used time.Time
}

func (c *Cache) entries() ([]entryInfo, error) {
	var out []entryInfo
	err := filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || d.Name() == trimMark {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil // removed meanwhile by another run
		}
		out = append(out, entryInfo{p, info.Size(), info.ModTime()})
		return nil
	})
	return out, err
}

// Trim removes the least recently used entries until the cache fits its
// bound, and temporary files left behind by interrupted runs.
func (c *Cache) Trim() error {
	es, err := c.entries()
	if err != nil {
		return err
	}
	var total int64
	for _, e := range es {
		total += e.size
	}
	sort.Slice(es, func(i, j int) bool { return es[i].used.Before(es[j].used) })
	stale := time.Now().Add(-time.Hour)
	old := time.Now().Add(-c.maxAge)
	for _, e := range es {
		if c.maxAge > 0 && e.used.Before(old) && !strings.HasPrefix(filepath.Base(e.path), ".") && os.Remove(e.path) == nil {
			total -= e.size // unused for too long
			continue
		}
		if strings.HasPrefix(filepath.Base(e.path), ".tmp-") {
			// Left by an interrupted run, unless another run is writing it.
			if e.used.Before(stale) && os.Remove(e.path) == nil {
				total -= e.size
			}
			continue
		}
		if total > c.max && os.Remove(e.path) == nil {
			total -= e.size
		}
	}
	return nil
}

// Stats returns the number of entries and their total size.
func (c *Cache) Stats() (entries int, size int64, err error) {
	es, err := c.entries()
	for _, e := range es {
		entries++
		size += e.size
	}
	return entries, size, err
}

// Clear removes every entry and returns how many there were and their
// total size.
func (c *Cache) Clear() (entries int, size int64, err error) {
	es, err := c.entries()
	if err != nil {
		return 0, 0, err
	}
	for _, e := range es {
		if rerr := os.Remove(e.path); rerr == nil {
			entries++
			size += e.size
		} else if !errors.Is(rerr, fs.ErrNotExist) && err == nil {
			err = rerr
		}
	}
	subdirs, _ := os.ReadDir(c.dir)
	for _, d := range subdirs {
		if d.IsDir() {
			os.Remove(filepath.Join(c.dir, d.Name())) // only when empty
		}
	}
	return entries, size, err
}

// ProgramID identifies the running program's build: its Go build ID, which
// changes whenever its code does, or else its size and modification time.
// Results cached by one build are not trusted by another.
var ProgramID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if b, err := s.Data(); err == nil {
				return Sum(b)
			}
		}
	}
	info, err := os.Stat(exe)
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%s:%d:%d", exe, info.Size(), info.ModTime().UnixNano())
})

// SetMaxAge sets how long an entry may stay unused before Trim removes
// it; 0 keeps entries whatever their age (within the size bound).
func (c *Cache) SetMaxAge(d time.Duration) { c.maxAge = d }

// MaxAge returns how long an entry may stay unused.
func (c *Cache) MaxAge() time.Duration { return c.maxAge }

// fileKeyPrefix starts the keys made by FileKey.
const fileKeyPrefix = "f"

// FileKey returns the key of an entry about the file whose content has
// the hex SHA-256 sum, with salt for whatever else changes the entry (the
// program, the settings). The key starts with the content's hash, so the
// entries of a file can be forgotten (Forget) without knowing the salt.
func FileKey(sum, salt string) string {
	if len(sum) > 32 {
		sum = sum[:32]
	}
	return fileKeyPrefix + sum + "-" + Key(salt, sum)[:32]
}

// Forget removes the entries of the files whose contents have the given
// hex SHA-256 sums (see FileKey), and returns how many there were and
// their total size. Entries written before FileKey existed are not
// found: they go when unused for MaxAge.
func (c *Cache) Forget(sums ...string) (entries int, size int64, err error) {
	prefixes := map[string]bool{}
	for _, s := range sums {
		k := FileKey(s, "")
		prefixes[k[:strings.IndexByte(k, '-')+1]] = true
	}
	es, err := c.entries()
	if err != nil {
		return 0, 0, err
	}
	for _, e := range es {
		base := filepath.Base(e.path)
		i := strings.IndexByte(base, '-')
		if i < 0 || !prefixes[base[:i+1]] {
			continue
		}
		if rerr := os.Remove(e.path); rerr == nil {
			entries++
			size += e.size
		} else if !errors.Is(rerr, fs.ErrNotExist) && err == nil {
			err = rerr
		}
	}
	return entries, size, err
}

// trimMark is the file whose time says when the cache was last trimmed
// by TrimDaily.
const trimMark = ".trimmed"

// TrimDaily trims the cache (Trim) when it was not trimmed for a day, so
// that entries unused for MaxAge go even when nothing new is written.
func (c *Cache) TrimDaily() error {
	p := filepath.Join(c.dir, trimMark)
	if info, err := os.Stat(p); err == nil && time.Since(info.ModTime()) < 24*time.Hour {
		return nil
	}
	if err := os.WriteFile(p, nil, 0o600); err != nil {
		return err
	}
	return c.Trim()
}
