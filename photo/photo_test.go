package photo

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

// jpegWithJFIF encodes a w×h JPEG and inserts a JFIF APP0 segment with
// the given density (unit 1 = dots per inch, 2 = per cm, 0 = aspect only).
func jpegWithJFIF(t *testing.T, w, h int, unit byte, density uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	app0 := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, unit, 0, 0, 0, 0, 0, 0}
	binary.BigEndian.PutUint16(app0[12:], density)
	binary.BigEndian.PutUint16(app0[14:], density)
	b := buf.Bytes()
	return append(append(append([]byte{}, b[:2]...), app0...), b[2:]...)
}

// jpegWithEXIF inserts an EXIF APP1 segment declaring XResolution res
// with ResolutionUnit unit (2 = inch).
func jpegWithEXIF(t *testing.T, res uint32, unit uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 10, 10)), nil); err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	tiff := []byte("II*\x00")
	tiff = le.AppendUint32(tiff, 8)
	tiff = le.AppendUint16(tiff, 2) // two entries
	// XResolution, RATIONAL, count 1, offset 8+2+24+4 = 38
	tiff = le.AppendUint16(tiff, 0x011A)
	tiff = le.AppendUint16(tiff, 5)
	tiff = le.AppendUint32(tiff, 1)
	tiff = le.AppendUint32(tiff, 38)
	tiff = le.AppendUint16(tiff, 0x0128)
	tiff = le.AppendUint16(tiff, 3)
	tiff = le.AppendUint32(tiff, 1)
	tiff = le.AppendUint16(tiff, unit)
	tiff = le.AppendUint16(tiff, 0)
	tiff = le.AppendUint32(tiff, 0) // next IFD
	tiff = le.AppendUint32(tiff, res)
	tiff = le.AppendUint32(tiff, 1)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	app1 = append(app1, seg...)
	b := buf.Bytes()
	return append(append(append([]byte{}, b[:2]...), app1...), b[2:]...)
}

func pngWithPHYs(t *testing.T, ppm uint32, unit byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 10, 10))); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	// Insert pHYs after IHDR (8-byte signature + 25-byte IHDR chunk).
	data := binary.BigEndian.AppendUint32(nil, ppm)
	data = binary.BigEndian.AppendUint32(data, ppm)
	data = append(data, unit)
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	typed := append([]byte("pHYs"), data...)
	chunk = append(chunk, typed...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(typed))
	return append(append(append([]byte{}, b[:33]...), chunk...), b[33:]...)
}

func TestReadDensity(t *testing.T) {
	for _, tc := range []struct {
		name       string
		data       []byte
		dpi        float64
		known      bool
		aspectOnly bool
	}{
		{"JFIF dpi", jpegWithJFIF(t, 10, 10, 1, 600), 600, true, false},
		{"JFIF dots per cm", jpegWithJFIF(t, 10, 10, 2, 118), 118 * 2.54, true, false},
		{"JFIF aspect only", jpegWithJFIF(t, 10, 10, 0, 1), 0, false, true},
		{"JFIF 72 dpi is unknown", jpegWithJFIF(t, 10, 10, 1, 72), 72, false, false},
		{"EXIF 300 dpi", jpegWithEXIF(t, 300, 2), 300, true, false},
		{"EXIF per cm", jpegWithEXIF(t, 100, 3), 254, true, false},
		{"PNG pHYs per metre", pngWithPHYs(t, 11811, 1), 11811 * 0.0254, true, false},
		{"PNG pHYs aspect only", pngWithPHYs(t, 1, 0), 0, false, true},
		{"no density", []byte("GIF89a"), 0, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := ReadDensity(tc.data)
			if diff := d.DPI - tc.dpi; diff > 0.01 || diff < -0.01 {
				t.Errorf("DPI = %v, want %v", d.DPI, tc.dpi)
			}
			if d.Known() != tc.known {
				t.Errorf("Known() = %v, want %v", d.Known(), tc.known)
			}
			if d.AspectOnly != tc.aspectOnly {
				t.Errorf("AspectOnly = %v, want %v", d.AspectOnly, tc.aspectOnly)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name      string
		w, h      int
		d         Density
		compliant bool
		wmm       float64
		problem   string
	}{
		{"35x45 at 600 dpi", 827, 1063, Density{DPI: 600}, true, 35, ""},
		{"35x45 at 300 dpi", 413, 531, Density{DPI: 300}, true, 35, ""},
		{"wrong aspect", 827, 827, Density{DPI: 600}, false, 35, "proportions"},
		{"printed too big", 1063, 1367, Density{DPI: 600}, false, 45, "prints at 45.0×57.9 mm"},
		{"low resolution", 276, 354, Density{DPI: 200}, false, 35.1, "200 dpi"},
		{"unknown size", 827, 1063, Density{}, false, 0, "does not say its print size"},
		{"72 dpi", 827, 1063, Density{DPI: 72}, false, 0, "72 dpi"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Standard.Check(tc.w, tc.h, tc.d)
			if c.Compliant != tc.compliant {
				t.Errorf("Compliant = %v, want %v (problems %q)", c.Compliant, tc.compliant, c.Problems)
			}
			if c.WidthMM != tc.wmm {
				t.Errorf("WidthMM = %v, want %v", c.WidthMM, tc.wmm)
			}
			if tc.problem != "" && !strings.Contains(strings.Join(c.Problems, "\n"), tc.problem) {
				t.Errorf("problems %q do not mention %q", c.Problems, tc.problem)
			}
		})
	}
}

func TestLikely(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		d    Density
		want bool
	}{
		{827, 1063, Density{DPI: 600}, true},
		{827, 1063, Density{}, true},
		{1240, 1754, Density{DPI: 150}, false}, // an A4 page
		{1240, 1594, Density{DPI: 150}, false}, // the right shape, but 210 mm wide
		{4000, 3000, Density{}, false},         // a landscape phone photo
	} {
		if got := Standard.Likely(tc.w, tc.h, tc.d); got != tc.want {
			t.Errorf("Likely(%d, %d, %v) = %v, want %v", tc.w, tc.h, tc.d, got, tc.want)
		}
	}
}
