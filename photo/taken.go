package photo

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"github.com/intake-app/intake/document"
)

// TakenOn reads when a JPEG photo was taken, from its EXIF
// DateTimeOriginal (or DateTime); zero when the file does not say.
func TakenOn(data []byte) time.Time {
	tiff := exifTIFF(data)
	if len(tiff) < 8 {
		return time.Time{}
	}
	var bo binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return time.Time{}
	}
	entries := func(off int) map[uint16][]byte {
		m := map[uint16][]byte{}
		if off < 8 || off+2 > len(tiff) {
			return m
		}
		n := int(bo.Uint16(tiff[off:]))
		for k := 0; k < n; k++ {
			e := off + 2 + 12*k
			if e+12 > len(tiff) {
				break
			}
			m[bo.Uint16(tiff[e:])] = tiff[e : e+12]
		}
		return m
	}
	ascii := func(e []byte) string {
		if e == nil || bo.Uint16(e[2:]) != 2 {
			return ""
		}
		count := int(bo.Uint32(e[4:]))
		var b []byte
		if count <= 4 {
			b = e[8 : 8+count]
		} else if p := int(bo.Uint32(e[8:])); p >= 0 && p+count <= len(tiff) {
			b = tiff[p : p+count]
		}
		return strings.TrimRight(string(b), "\x00 ")
	}
	ifd0 := entries(int(bo.Uint32(tiff[4:])))
	s := ""
	if e := ifd0[0x8769]; e != nil {
		s = ascii(entries(int(bo.Uint32(e[8:])))[0x9003])
	}
	if s == "" {
		s = ascii(ifd0[0x0132])
	}
	t, err := time.Parse("2006:01:02 15:04:05", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// exifTIFF returns the TIFF structure of a JPEG's EXIF segment.
func exifTIFF(data []byte) []byte {
	if !bytes.HasPrefix(data, []byte{0xFF, 0xD8}) {
		return nil
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return nil
		}
		marker := data[i+1]
		if marker == 0xDA || marker == 0xD9 {
			return nil
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return nil
		}
		seg := data[i+4 : i+2+n]
		if marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return seg[6:]
		}
		i += 2 + n
	}
	return nil
}

// CheckAge records when the photo was taken and, when the profile says
// how recent it must be, whether it is, on the reference date ref.
func (p Profile) CheckAge(c *document.PhotoCheck, taken, ref time.Time) {
	if taken.IsZero() {
		return
	}
	c.Taken = taken.Format("2006-01-02")
	if p.MaxAgeMonths <= 0 || ref.IsZero() {
		return
	}
	if taken.AddDate(0, p.MaxAgeMonths, 0).Before(ref) {
		c.Problems = append(c.Problems, fmt.Sprintf(
			"the photo was taken on %s (its EXIF date), more than %d months before %s: have a new one taken",
			c.Taken, p.MaxAgeMonths, ref.Format("2006-01-02")))
		c.Compliant = false
	}
}
