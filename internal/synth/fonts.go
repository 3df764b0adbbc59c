package synth

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontID names one of the typefaces the generator draws with.
type fontID int

const (
	fSans fontID = iota
	fSansBold
	fSerif
	fSerifBold
	fMono
	fOCRB
	fOCRBSharp // OCR-B glyphs that x/image cannot draw from OCRB.otf
	fCJK
	numFonts
)

type fontFile struct {
	path, pkg string
	index     int // face inside a collection; -1 when the file is not a collection
}

var fontFiles = [numFonts]fontFile{
	fSans:      {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core", -1},
	fSansBold:  {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "fonts-dejavu-core", -1},
	fSerif:     {"/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "fonts-dejavu-core", -1},
	fSerifBold: {"/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", "fonts-dejavu-core", -1},
	fMono:      {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "fonts-dejavu-core", -1},
	fOCRB:      {"/usr/share/fonts/opentype/ocr-b/OCRB.otf", "fonts-ocr-b", -1},
	fOCRBSharp: {"/usr/share/fonts/opentype/ocr-b/OCRBS.otf", "fonts-ocr-b", -1},
	fCJK:       {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "fonts-wqy-microhei", 0},
}

type loadedFont struct {
	once sync.Once
	raw  []byte // the file as read (the whole collection for a .ttc)
	f    *sfnt.Font
	err  error
}

var fonts [numFonts]loadedFont

// loadFont reads and parses one font once.
func loadFont(id fontID) (*sfnt.Font, error) {
	lf := &fonts[id]
	lf.once.Do(func() {
		ff := fontFiles[id]
		b, err := os.ReadFile(ff.path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				lf.err = fmt.Errorf("synth: font %s is missing: install the Debian package %s", ff.path, ff.pkg)
			} else {
				lf.err = fmt.Errorf("synth: font %s: %w (Debian package %s)", ff.path, err, ff.pkg)
			}
			return
		}
		lf.raw = b
		if ff.index >= 0 {
			c, err := opentype.ParseCollection(b)
			if err == nil {
				lf.f, err = c.Font(ff.index)
			}
			if err != nil {
				// x/image/font/sfnt rejects some collections (wqy-microhei:
				// "invalid table offset"); a face extracted into a
				// standalone font parses.
				ttf, err2 := ttcFace(b, ff.index)
				if err2 != nil {
					lf.err = fmt.Errorf("synth: font %s: %w", ff.path, err)
					return
				}
				lf.f, err = opentype.Parse(ttf)
			}
			lf.err = err
		} else {
			lf.f, lf.err = opentype.Parse(b)
		}
		if lf.err != nil {
			lf.err = fmt.Errorf("synth: font %s: %w", ff.path, lf.err)
		}
	})
	return lf.f, lf.err
}

// CheckFonts reports the first font the generator needs that is missing,
// naming the Debian package that provides it.
func CheckFonts() error {
	for id := fontID(0); id < numFonts; id++ {
		if _, err := loadFont(id); err != nil {
			return err
		}
	}
	return nil
}

type faceKey struct {
	id        fontID
	size, dpi float64
}

var (
	faceMu    sync.Mutex
	faceCache = map[faceKey]font.Face{}
)

// face returns a face of font id at size points for dpi. Faces are cached;
// a Face from opentype is not safe for concurrent use, so callers hold
// faceMu while drawing (see drawMu).
func face(id fontID, size, dpi float64) (font.Face, error) {
	k := faceKey{id, size, dpi}
	if f, ok := faceCache[k]; ok {
		return f, nil
	}
	sf, err := loadFont(id)
	if err != nil {
		return nil, err
	}
	f, err := opentype.NewFace(sf, &opentype.FaceOptions{Size: size, DPI: dpi, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	faceCache[k] = f
	return f, nil
}

// textWidth returns the width in millimetres of s set in font id at size
// points.
func textWidth(id fontID, size float64, s string) (float64, error) {
	faceMu.Lock()
	defer faceMu.Unlock()
	f, err := face(id, 100, 72) // 1 px = 1 pt at 72 dpi
	if err != nil {
		return 0, err
	}
	w := font.MeasureString(f, s)
	return fixedToFloat(w) * size / 100 * 25.4 / 72, nil
}

func fixedToFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }

// ttcFace extracts face index i of a TrueType collection into a standalone
// TrueType file (the PDF writer reads .ttf files only).
func ttcFace(b []byte, i int) ([]byte, error) {
	if len(b) < 16 || string(b[:4]) != "ttcf" {
		return nil, errors.New("not a font collection")
	}
	n := int(binary.BigEndian.Uint32(b[8:]))
	if i >= n || len(b) < 12+4*n {
		return nil, fmt.Errorf("collection holds %d faces", n)
	}
	off := int(binary.BigEndian.Uint32(b[12+4*i:]))
	if off+12 > len(b) {
		return nil, errors.New("bad collection offset")
	}
	numTables := int(binary.BigEndian.Uint16(b[off+4:]))
	dirLen := 12 + 16*numTables
	if off+dirLen > len(b) {
		return nil, errors.New("bad table directory")
	}
	out := make([]byte, dirLen)
	copy(out, b[off:off+dirLen])
	for t := 0; t < numTables; t++ {
		rec := off + 12 + 16*t // the record in the collection
		tOff := int(binary.BigEndian.Uint32(b[rec+8:]))
		tLen := int(binary.BigEndian.Uint32(b[rec+12:]))
		if tOff+tLen > len(b) {
			return nil, errors.New("bad table record")
		}
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		binary.BigEndian.PutUint32(out[12+16*t+8:], uint32(len(out)))
		out = append(out, b[tOff:tOff+tLen]...)
	}
	return out, nil
}

// fontBytes returns the TrueType bytes of id for the PDF writer.
func fontBytes(id fontID) ([]byte, error) {
	if _, err := loadFont(id); err != nil {
		return nil, err
	}
	lf := &fonts[id]
	if fontFiles[id].index >= 0 {
		return ttcFace(lf.raw, fontFiles[id].index)
	}
	return lf.raw, nil
}

var (
	glyphMu sync.Mutex
	glyphOK = map[[2]int]bool{}
)

// drawable reports whether font id has a glyph for r that x/image can
// outline. OCRB.otf draws '8' and '<' with the CFF flex1 operator, which
// golang.org/x/image/font/sfnt does not implement: those come out empty.
func drawable(id fontID, r rune) bool {
	glyphMu.Lock()
	defer glyphMu.Unlock()
	k := [2]int{int(id), int(r)}
	if ok, seen := glyphOK[k]; seen {
		return ok
	}
	ok := false
	if f, err := loadFont(id); err == nil {
		var b sfnt.Buffer
		if gi, err := f.GlyphIndex(&b, r); err == nil && gi != 0 {
			segs, err := f.LoadGlyph(&b, gi, fixed.I(100), nil)
			ok = err == nil && (len(segs) > 0 || r == ' ')
		}
	}
	glyphOK[k] = ok
	return ok
}
