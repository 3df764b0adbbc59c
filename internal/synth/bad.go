package synth

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/intake-app/intake/document"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Names of the files WriteBadInputs writes.
const (
	BadEmpty     = "empty.pdf"
	BadTruncated = "truncated.jpg"
	BadHTML      = "saved_page.pdf"
	BadMisnamed  = "photo_really_jpeg.png"
	BadEncrypted = "encrypted.pdf"
	BadHugePNG   = "huge.png"
	BadHEIC      = "iphone.heic"
	// BadPassword is the user password of BadEncrypted.
	BadPassword = "secret"
)

// WriteBadInputs writes files that intake must refuse or flag, and
// returns each file's name with a short reason it is bad.
func WriteBadInputs(dir string) (map[string]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	d := Dossier{Country: "RS", Holder: HolderRS, Nationality: "CHN"}
	page, err := RenderDoc(d, Doc{Name: "receipt.jpg", Type: document.PaymentReceipt, Lang: "sr",
		Issued: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Render: Render{Format: FormatJPEG, DPI: 100, Quality: 70}})
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{
		BadEmpty:     {},
		BadTruncated: page[:len(page)/2],
		BadHTML: []byte("<!DOCTYPE html>\n<html lang=\"sr\"><head><meta charset=\"utf-8\"><title>eUprava – Zahtev</title></head>\n" +
			"<body><h1>Sesija je istekla</h1><p>Molimo prijavite se ponovo.</p></body></html>\n"),
		BadMisnamed: page,
		BadHugePNG:  hugePNG(40000, 40000),
		BadHEIC:     heicHeader(),
	}
	reasons := map[string]string{
		BadEmpty:     "empty file (0 bytes)",
		BadTruncated: "JPEG cut off halfway (no end-of-image marker)",
		BadHTML:      "an HTML page saved with a .pdf extension",
		BadMisnamed:  "a JPEG named .png",
		BadEncrypted: "PDF encrypted with a user password (" + BadPassword + ")",
		BadHugePNG:   "PNG whose header declares 40000×40000 pixels (decompression bomb)",
		BadHEIC:      "HEIC image (ISO-BMFF ftyp heic), not a supported format",
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return nil, err
		}
	}
	if err := writeEncrypted(dir, d); err != nil {
		return nil, err
	}
	return reasons, nil
}

// writeEncrypted writes a one-page text PDF encrypted with BadPassword.
func writeEncrypted(dir string, d Dossier) error {
	plain, err := RenderDoc(d, Doc{Name: "x.pdf", Type: document.ProofOfAddress, Lang: "sr",
		Issued: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Render: Render{Format: FormatPDFText}})
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "synth-encrypt-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	in := filepath.Join(tmp, "plain.pdf")
	if err := os.WriteFile(in, plain, 0o644); err != nil {
		return err
	}
	api.DisableConfigDir()
	conf := model.NewAESConfiguration(BadPassword, BadPassword+"-owner", 256)
	if err := api.EncryptFile(in, filepath.Join(dir, BadEncrypted), conf); err != nil {
		return fmt.Errorf("synth: encrypt: %w", err)
	}
	return nil
}

// hugePNG is a valid PNG signature and IHDR declaring w×h 8-bit gray
// pixels, one tiny IDAT (a few rows' worth) and IEND: decoding the header
// costs nothing, decoding the pixels would need w×h bytes.
func hugePNG(w, h uint32) []byte {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8] = 8 // bit depth
	ihdr[9] = 0 // gray
	out.Write(pngChunk("IHDR", ihdr))
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	row := make([]byte, 1+int(w)) // filter byte + one row of white... kept to 2 rows
	for i := 1; i < len(row); i++ {
		row[i] = 255
	}
	zw.Write(row)
	zw.Write(row)
	zw.Close()
	out.Write(pngChunk("IDAT", z.Bytes()))
	out.Write(pngChunk("IEND", nil))
	return out.Bytes()
}

// heicHeader is the start of an ISO-BMFF HEIC file: an ftyp box with the
// brand heic, then an empty meta box.
func heicHeader() []byte {
	var b bytes.Buffer
	ftyp := []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
	b.Write(ftyp)
	b.Write([]byte("\x00\x00\x00\x0cmeta\x00\x00\x00\x00"))
	return b.Bytes()
}
