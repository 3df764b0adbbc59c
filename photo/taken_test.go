package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"strings"
	"testing"
	"time"

	"github.com/intake-app/intake/document"
)

// jpegTaken encodes a JPEG whose EXIF says it was taken at when.
func jpegTaken(t *testing.T, when string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 8, 8)), nil); err != nil {
		t.Fatal(err)
	}
	be := binary.BigEndian
	tiff := []byte("MM\x00*")
	tiff = be.AppendUint32(tiff, 8)
	// IFD0 at 8: one entry, ExifIFD pointer → 26.
	tiff = be.AppendUint16(tiff, 1)
	tiff = be.AppendUint16(tiff, 0x8769)
	tiff = be.AppendUint16(tiff, 4)
	tiff = be.AppendUint32(tiff, 1)
	tiff = be.AppendUint32(tiff, 26)
	tiff = be.AppendUint32(tiff, 0)
	// Exif IFD at 26: DateTimeOriginal, ASCII, 20 bytes at 44.
	tiff = be.AppendUint16(tiff, 1)
	tiff = be.AppendUint16(tiff, 0x9003)
	tiff = be.AppendUint16(tiff, 2)
	tiff = be.AppendUint32(tiff, 20)
	tiff = be.AppendUint32(tiff, 44)
	tiff = be.AppendUint32(tiff, 0)
	tiff = append(tiff, when+"\x00"...)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	be.PutUint16(app1[2:], uint16(len(seg)+2))
	b := buf.Bytes()
	return append(append(append([]byte{}, b[:2]...), append(app1, seg...)...), b[2:]...)
}

func TestTakenOn(t *testing.T) {
	data := jpegTaken(t, "2026:03:14 10:20:30")
	got := TakenOn(data)
	if want := time.Date(2026, 3, 14, 10, 20, 30, 0, time.UTC); !got.Equal(want) {
		t.Fatalf("TakenOn = %v, want %v", got, want)
	}
	if !TakenOn(jpegWithJFIF(t, 10, 10, 1, 300)).IsZero() {
		t.Error("a JPEG without EXIF has a date")
	}
	fr, _ := ProfileFor("FR")
	c := &document.PhotoCheck{Compliant: true}
	fr.CheckAge(c, got, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	if c.Compliant || c.Taken != "2026-03-14" || !strings.Contains(strings.Join(c.Problems, ""), "more than 6 months before 2026-11-01") {
		t.Errorf("7-month-old photo in France: %+v", c)
	}
	c = &document.PhotoCheck{Compliant: true}
	fr.CheckAge(c, got, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if !c.Compliant {
		t.Errorf("recent photo: %v", c.Problems)
	}
}
