// Package photo measures ID photos: print size from the file's declared
// resolution, and compliance with a country's photo profile.
package photo

import (
	"bytes"
	"encoding/binary"
)

// Density is a file's declared resolution.
type Density struct {
	DPI    float64 // 0 when unknown
	Source string  // "JFIF", "EXIF", "PNG pHYs", or "" when none
	// AspectOnly is true when the file declares a pixel aspect ratio but
	// no physical unit.
	AspectOnly bool
}

// ReadDensity reads the resolution a JPEG (JFIF APP0 or EXIF) or PNG
// (pHYs) file declares. 72 dpi, the default many programs write without
// meaning it, is reported with DPI 72: callers treat it as unknown.
func ReadDensity(data []byte) Density {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8}):
		return jpegDensity(data)
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return pngDensity(data)
	}
	return Density{}
}

// Known reports whether d gives a usable physical size.
func (d Density) Known() bool { return d.DPI > 0 && d.DPI != 72 }

func jpegDensity(data []byte) Density {
	var exif Density
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			break
		}
		marker := data[i+1]
		if marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) {
			i += 2
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // start of scan: no more headers
			break
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			break
		}
		seg := data[i+4 : i+2+n]
		switch {
		case marker == 0xE0 && len(seg) >= 12 && bytes.HasPrefix(seg, []byte("JFIF\x00")):
			unit := seg[7]
			x := float64(binary.BigEndian.Uint16(seg[8:]))
			switch unit {
			case 1:
				return Density{DPI: x, Source: "JFIF"}
			case 2:
				return Density{DPI: x * 2.54, Source: "JFIF"}
			default:
				exif.AspectOnly = true
			}
		case marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")):
			if d := exifDensity(seg[6:]); d.DPI > 0 {
				exif = d
			}
		}
		i += 2 + n
	}
	return exif
}

// exifDensity reads XResolution (0x011A) and ResolutionUnit (0x0128) from
// the first IFD of a TIFF structure.
func exifDensity(tiff []byte) Density {
	if len(tiff) < 8 {
		return Density{}
	}
	var bo binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return Density{}
	}
	off := int(bo.Uint32(tiff[4:]))
	if off+2 > len(tiff) {
		return Density{}
	}
	count := int(bo.Uint16(tiff[off:]))
	var res float64
	unit := 2 // inches, the TIFF default
	for k := 0; k < count; k++ {
		e := off + 2 + 12*k
		if e+12 > len(tiff) {
			break
		}
		tag := bo.Uint16(tiff[e:])
		switch tag {
		case 0x011A:
			p := int(bo.Uint32(tiff[e+8:]))
			if p+8 <= len(tiff) {
				num, den := bo.Uint32(tiff[p:]), bo.Uint32(tiff[p+4:])
				if den != 0 {
					res = float64(num) / float64(den)
				}
			}
		case 0x0128:
			unit = int(bo.Uint16(tiff[e+8:]))
		}
	}
	switch unit {
	case 2:
		return Density{DPI: res, Source: "EXIF"}
	case 3:
		return Density{DPI: res * 2.54, Source: "EXIF"}
	}
	return Density{AspectOnly: res > 0}
}

func pngDensity(data []byte) Density {
	for i := 8; i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if n < 0 || i+12+n > len(data) {
			break
		}
		if typ == "pHYs" && n >= 9 {
			x := float64(binary.BigEndian.Uint32(data[i+8:]))
			if data[i+16] == 1 { // pixels per metre
				return Density{DPI: x * 0.0254, Source: "PNG pHYs"}
			}
			return Density{AspectOnly: true}
		}
		if typ == "IDAT" || typ == "IEND" {
			break
		}
		i += 12 + n
	}
	return Density{}
}
