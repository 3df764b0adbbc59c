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
	"github.com/intake-app/intake/ocr"
)

// ConfigFile is the name of the settings file a dossier may hold.
const ConfigFile = "intake.yaml"

// File is a file of the dossier.
type File struct {
	Rel  string // relative to the dossier, with forward slashes
	Path string // absolute; for a link, the file it leads to (inside the dossier)
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

// Scan lists the files of the dossier dir within the default limits (see
// ScanLimited).
func Scan(dir string) ([]File, error) {
	return ScanLimited(dir, ocr.Limits{})
}

// ScanLimited lists the files of the dossier dir, subfolders included,
// skipping hidden files and folders and the dossier's own intake.yaml, and
// detects each file's type from its content. A file intake cannot read
// gets a Problem that says why and what to do; it is still listed, and it
// is never opened when the problem is known without opening it: a file
// that is not a regular file (a FIFO, a device), a link that leads out of
// the dossier or to no file, a file above lim.MaxFileBytes.
func ScanLimited(dir string, lim ocr.Limits) ([]File, error) {
	root, err := dossierRoot(dir)
	if err != nil {
		return nil, err
	}
	var files []File
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			files = append(files, File{Rel: filepath.ToSlash(rel), Path: path, Problem: "cannot be read: " + unwrapped(err)})
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
		files = append(files, detect(root, rel, path, lim))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list dossier %s: %w", dir, err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Rel < files[j].Rel })
	return files, nil
}

// dossierRoot returns the real path of the dossier folder dir, its links
// resolved: a file is inside the dossier when its real path is under it.
func dossierRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	root, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", fmt.Errorf("dossier %s: %w", dir, err)
	}
	info, err := os.Stat(root)
	if err != nil {
		return "", fmt.Errorf("dossier %s: %w", dir, err)
	}
	if !info.IsDir() {
		return "", fmt.Errorf("dossier %s is not a folder: give the folder that holds the scans", dir)
	}
	return root, nil
}

// unwrapped is err's message without the operation and path os adds.
func unwrapped(err error) string {
	if u := errors.Unwrap(err); u != nil {
		return u.Error()
	}
	return err.Error()
}

// inspect tells, without opening it, whether path (a file of the dossier
// whose real path is root) is a regular file inside the dossier. It
// follows a link only to see where it leads: a link to a file inside the
// dossier is read as that file; a link out of the dossier is not followed.
// It returns the path to read (the link's target for a link), the file's
// information, and the problem with it ("" when it can be read), worded
// to follow the file's name.
func inspect(root, path string) (string, fs.FileInfo, string) {
	info, err := os.Lstat(path)
	if err != nil {
		return "", nil, "cannot be read: " + unwrapped(err)
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", nil, "is a link that leads to no file (" + unwrapped(err) + "): put the file itself in the dossier"
		}
		if rel, err := filepath.Rel(root, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			return "", nil, "is a link to a file outside the dossier, which intake does not follow: copy the file itself into the dossier"
		}
		if info, err = os.Lstat(target); err != nil {
			return "", nil, "cannot be read: " + unwrapped(err)
		}
		if info.IsDir() {
			return "", nil, "is a link to a folder, which intake does not follow: copy the folder itself into the dossier"
		}
		path = target
	}
	if !info.Mode().IsRegular() {
		return "", nil, fmt.Sprintf("is %s, not a regular file: intake reads only files", kindOf(info.Mode()))
	}
	return path, info, ""
}

// kindOf names a file that is not a regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "a special file"
}

// detect fills in the content type of a file and whether intake can read
// it. The file is opened only when it is a regular file inside the
// dossier, within the size limit.
func detect(root, rel, path string, lim ocr.Limits) File {
	f := File{Rel: rel, Path: path}
	target, info, problem := inspect(root, path)
	if problem != "" {
		f.Problem = problem
		return f
	}
	// A link inside the dossier is read through its target, so that
	// changing the link later cannot lead the reading elsewhere.
	f.Path = target
	f.Size = info.Size()
	if f.Size == 0 {
		f.Problem = "the file is empty: scan or export the document again"
		return f
	}
	if err := lim.CheckFileSize(f.Size); err != nil {
		f.Problem = err.Error()
		return f
	}
	mt, err := mimetype.DetectFile(path)
	if err != nil {
		f.Problem = "cannot be read: " + unwrapped(err)
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
