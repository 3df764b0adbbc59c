package synth

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/tiff"
)

// encodeJPEG encodes img and inserts a JFIF APP0 segment that states dpi
// (Go's encoder writes none) and, when orientation is not 0, a minimal
// APP1 Exif segment with the Orientation tag.
func encodeJPEG(img image.Image, quality int, dpi int, orientation int) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if len(b) < 2 || b[0] != 0xFF || b[1] != 0xD8 {
		return nil, errors.New("synth: jpeg encoder wrote no SOI")
	}
	var head []byte
	if dpi > 0 {
		head = append(head, jfifSegment(dpi)...)
	}
	if orientation != 0 {
		head = append(head, exifSegment(orientation)...)
	}
	out := make([]byte, 0, len(b)+len(head))
	out = append(out, b[:2]...)
	out = append(out, head...)
	out = append(out, b[2:]...)
	return out, nil
}

// jfifSegment is an APP0 JFIF 1.01 segment with the density in dots per
// inch.
func jfifSegment(dpi int) []byte {
	d := uint16(min(dpi, 65535))
	seg := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, 0, 0, 0, 0, 0, 0}
	binary.BigEndian.PutUint16(seg[12:], d)
	binary.BigEndian.PutUint16(seg[14:], d)
	return seg
}

// exifSegment is an APP1 Exif segment holding one IFD with one entry:
// Orientation (0x0112, SHORT).
func exifSegment(orientation int) []byte {
	tiffData := []byte{
		'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at 8
		0, 1, // one entry
		0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, byte(orientation), 0, 0, // Orientation SHORT 1 value
		0, 0, 0, 0, // no next IFD
	}
	payload := append([]byte("Exif\x00\x00"), tiffData...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// encodePNG encodes img with a pHYs chunk stating dpi.
func encodePNG(img image.Image, dpi int) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if dpi <= 0 {
		return b, nil
	}
	// The signature (8) and IHDR (8+13+4) come first; pHYs goes right after.
	const ihdrEnd = 8 + 25
	ppm := uint32(float64(dpi)/0.0254 + 0.5)
	data := make([]byte, 9)
	binary.BigEndian.PutUint32(data[0:], ppm)
	binary.BigEndian.PutUint32(data[4:], ppm)
	data[8] = 1 // metre
	out := make([]byte, 0, len(b)+21)
	out = append(out, b[:ihdrEnd]...)
	out = append(out, pngChunk("pHYs", data)...)
	out = append(out, b[ihdrEnd:]...)
	return out, nil
}

func pngChunk(typ string, data []byte) []byte {
	c := make([]byte, 8, 12+len(data))
	binary.BigEndian.PutUint32(c, uint32(len(data)))
	copy(c[4:], typ)
	c = append(c, data...)
	crc := crc32.ChecksumIEEE(c[4:])
	return binary.BigEndian.AppendUint32(c, crc)
}

func encodeTIFF(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := tiff.Encode(&buf, img, &tiff.Options{Compression: tiff.Deflate}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
