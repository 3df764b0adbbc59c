package ocr

// #cgo pkg-config: lept
// #include <leptonica/allheaders.h>
import "C"

import "sync"

// quietOnce silences Leptonica, the image library under Tesseract: it
// prints its internal complaints ("Error in boxClipToRectangle: box
// outside rectangle") on stderr, where they would mix with intake's own
// messages and mean nothing to the user. What goes wrong with a page is
// reported by intake, per file.
var quietOnce sync.Once

func quietLeptonica() {
	quietOnce.Do(func() { C.setMsgSeverity(C.L_SEVERITY_NONE) })
}
