package intake

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/intake-app/intake/cache"
	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake/extract"
	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/validate"
)

// Options say what to check a dossier against and how to read it. The
// procedure's settings override the dossier's intake.yaml when set.
type Options struct {
	Country     string // ISO 3166 alpha-2 of the procedure
	Procedure   string // a procedure id, or "CC/id"
	Nationality string // the applicant's, alpha-2 or alpha-3; "" reads it from the passport
	On          string // the reference date, YYYY-MM-DD; "" is today

	// Rules are the procedures known; nil means the built-in ones.
	Rules *validate.Rules
	// Workers is the number of pages read at once; 0 means one per CPU.
	Workers int
	// Cache, when set, keeps the readings of files already read.
	Cache *cache.Cache
	// Progress, when set, is called after each page is read.
	Progress func(Progress)
	// Now is the time of the run; zero means time.Now().
	Now time.Time
	// Recorded is a folder of recorded readings to replay instead of OCR
	// (see ReadOptions); the tests use it to run without Tesseract.
	Recorded string
	// Limits bound what one file may cost to read: file size, pixels,
	// pages (zero fields: the defaults, ocr.DefaultLimits).
	Limits ocr.Limits
}

// Result is what a check found: the settings used, each file's document,
// and the verdict. Renderers and the bundle take it as it is.
type Result struct {
	Dir       string // the dossier folder, as given
	Settings  Settings
	Procedure *validate.Procedure
	Documents []document.Document // one per file, in the order of the folder
	Report    *validate.Report
}

// Checker checks dossiers with one OCR engine, opened on first use and
// kept for the next checks (intake watch, many dossiers in a row). A
// Checker is safe for use by one goroutine at a time.
type Checker struct {
	opt Options

	mu  sync.Mutex
	eng *ocr.Engine
}

// NewChecker returns a Checker with opt. It loads the built-in rules when
// opt.Rules is nil.
func NewChecker(opt Options) (*Checker, error) {
	if opt.Rules == nil {
		rules, err := LoadRules("")
		if err != nil {
			return nil, err
		}
		opt.Rules = rules
	}
	return &Checker{opt: opt}, nil
}

// Close releases the OCR engine.
func (c *Checker) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.eng == nil {
		return nil
	}
	err := c.eng.Close()
	c.eng = nil
	return err
}

func (c *Checker) engine() (*ocr.Engine, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.eng == nil {
		eng, err := ocr.NewEngine()
		if err != nil {
			return nil, err
		}
		c.eng = eng
	}
	return c.eng, nil
}

// Check runs the whole pipeline on the dossier dir: resolve its settings,
// list its files, read them (through the cache), type them, and judge
// them against the procedure. A file that cannot be read is a document
// with Error set; the error returned is for what stops the whole check: a
// *SettingsError, a folder that cannot be listed, a missing dependency
// (ocr.ErrDependency) or a cancelled ctx.
func (c *Checker) Check(ctx context.Context, dir string) (*Result, error) {
	opt := c.opt
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if err := checkNested(dir); err != nil {
		return nil, err
	}
	s, proc, err := Resolve(dir, opt, opt.Rules)
	if err != nil {
		return nil, err
	}
	docs, err := c.read(ctx, dir, s.Country, s.Nationality, s.On.Time(), opt.Now)
	if err != nil {
		return nil, err
	}
	if err := applyStated(dir, s.Config.Documents, docs); err != nil {
		return nil, err
	}
	res := &Result{
		Dir: dir, Settings: s, Procedure: proc, Documents: docs,
		Report: validate.Evaluate(proc, docs, s.Facts),
	}
	if err := separate(res); err != nil {
		return nil, err
	}
	return res, nil
}

// applyStated gives the documents what intake.yaml states about them (the
// user's last word: type and dates); an error names intake.yaml.
func applyStated(dir string, stated map[string]extract.Stated, docs []document.Document) error {
	if err := extract.ApplyStated(docs, stated); err != nil {
		return settingsErrorf("%s: %v", filepath.Join(dir, ConfigFile), err)
	}
	return nil
}

// Check checks the dossier dir once (see Checker.Check).
func Check(ctx context.Context, dir string, opt Options) (*Result, error) {
	c, err := NewChecker(opt)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.Check(ctx, dir)
}

// ReadFolder reads and types the files of dir as documents of a
// procedure of country, without judging them against any rules: what
// `intake eval` scores against a folder's truth.
func (c *Checker) ReadFolder(ctx context.Context, dir, country string) ([]document.Document, error) {
	now := c.opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	return c.read(ctx, dir, country, c.opt.Nationality, now, now)
}

// read lists the files of dir and reads them for a procedure of country,
// an ID photo's age judged against reference.
func (c *Checker) read(ctx context.Context, dir, country, nationality string, reference, now time.Time) ([]document.Document, error) {
	opt := c.opt
	files, err := ScanLimited(dir, opt.Limits)
	if err != nil {
		return nil, &SettingsError{err.Error()}
	}
	eng, err := c.engine()
	if err != nil && opt.Recorded == "" {
		return nil, err
	}
	docs, err := Read(ctx, eng, files, ReadOptions{
		Country: country, Nationality: nationality, Now: now, Reference: reference,
		Workers: opt.Workers, Progress: opt.Progress, Cache: opt.Cache, Recorded: opt.Recorded, Limits: opt.Limits,
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	return docs, nil
}
