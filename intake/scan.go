// Package intake reads a dossier folder into typed documents: it lists the
// files, tells their type from their content, reads their pages (text
// layer or OCR, in parallel), and hands each file's text to the extractor.
// It never writes into the dossier.
package intake

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gabriel-vasile/mimetype"
)

// ConfigFile is the name of the settings file a dossier may hold.
const ConfigFile = "intake.yaml"

// File is a file of the dossier.
type File struct {
	Rel  string // relative to the dossier, with forward slashes
	Path string // absolute
	Size int64
	MIME string // detected from the content
	// Problem is why intake cannot read the file; "" when it can.
	Problem string
}

// Kind of content intake reads.
const (
	kindImage = "image"
	kindPDF   = "pdf"
)

// kind returns how the file is read: "image", "pdf", or "" when it is not
// read.
func (f File) kind() string {
	if f.Problem != "" {
		return ""
	}
	if f.MIME == "application/pdf" {
		return kindPDF
	}
	return kindImage
}

// Scan lists the files of the dossier dir, subfolders included, skipping
// hidden files and folders and the dossier's own intake.yaml, and detects
// each file's type from its content. A file intake cannot read gets a
// Problem that says why and what to do; it is still listed.
func Scan(dir string) ([]File, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("dossier %s: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("dossier %s is not a folder: give the folder that holds the scans", dir)
	}
	var files []File
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			files = append(files, File{Rel: filepath.ToSlash(rel), Path: path, Problem: "cannot be read: " + errors.Unwrap(err).Error()})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == ConfigFile {
			return nil
		}
		files = append(files, detect(rel, path))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list dossier %s: %w", dir, err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Rel < files[j].Rel })
	return files, nil
}

// detect fills in the content type of a file and whether intake can read
// it.
func detect(rel, path string) File {
	f := File{Rel: rel, Path: path}
	info, err := os.Stat(path)
	if err != nil {
		f.Problem = "cannot be read: " + err.Error()
		return f
	}
	if !info.Mode().IsRegular() {
		f.Problem = "is not a regular file"
		return f
	}
	f.Size = info.Size()
	if f.Size == 0 {
		f.Problem = "the file is empty: scan or export the document again"
		return f
	}
	mt, err := mimetype.DetectFile(path)
	if err != nil {
		f.Problem = "cannot be read: " + err.Error()
		return f
	}
	f.MIME = mt.String()
	if i := strings.IndexByte(f.MIME, ';'); i >= 0 {
		f.MIME = f.MIME[:i]
	}
	switch f.MIME {
	case "application/pdf", "image/jpeg", "image/png", "image/tiff", "image/webp", "image/gif":
		// Read whatever the extension says: the content decides (see
		// MisnamedWarning).
	case "image/heic", "image/heif", "image/avif":
		f.Problem = fmt.Sprintf("is a %s photo, which intake cannot read: convert it to JPEG or PDF (on an iPhone: Settings › Camera › Formats › Most Compatible)", strings.ToUpper(strings.TrimPrefix(f.MIME, "image/")))
	case "text/html":
		f.Problem = "is a web page (HTML), not a PDF or an image, whatever its name says: open it in a browser and print it to PDF"
	case "text/plain":
		f.Problem = "is a text file, not a scan: intake reads JPEG, PNG, TIFF, WebP and PDF files"
	default:
		f.Problem = fmt.Sprintf("is of a type intake cannot read (%s): intake reads JPEG, PNG, TIFF, WebP and PDF files", f.MIME)
	}
	return f
}

// extensions are the usual extensions of each content type.
var extensions = map[string]string{
	"application/pdf": ".pdf",
	"image/jpeg":      ".jpg .jpeg .jpe .jfif",
	"image/png":       ".png",
	"image/tiff":      ".tif .tiff",
	"image/webp":      ".webp",
	"image/gif":       ".gif",
}

// MisnamedWarning returns a warning when the file's extension does not
// match its content, or "".
func (f File) MisnamedWarning() string {
	want, ok := extensions[f.MIME]
	if !ok {
		return ""
	}
	ext := strings.ToLower(filepath.Ext(f.Rel))
	if ext == "" || strings.Contains(want, ext) {
		return ""
	}
	return fmt.Sprintf("the file is named %s but holds a %s: it was read as what it holds", ext, strings.ToUpper(strings.TrimPrefix(strings.Fields(want)[0], ".")))
}
