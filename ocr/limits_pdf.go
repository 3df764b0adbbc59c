package ocr

import (
	"fmt"
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// checkPage refuses a page without a size or with a side above
// MaxPageSide.
func (l Limits) checkPage(p PDFPage) error {
	if !(p.Width > 0 && p.Height > 0) {
		return fmt.Errorf("page %d has no size (%g×%g pt): the PDF is broken; export it again", p.Number, p.Width, p.Height)
	}
	if side := max(p.Width, p.Height); side > l.MaxPageSide {
		return limitErrorf("MaxPageSide", "page %d measures %.0f×%.0f pt (%.0f×%.0f cm), more than the limit of %.0f pt a side: export it again on a paper size",
			p.Number, p.Width, p.Height, p.Width/72*2.54, p.Height/72*2.54, l.MaxPageSide)
	}
	return nil
}

// checkImages refuses a PDF holding an image above MaxPixels or
// MaxImageBytes, from the size each image object declares: no image is
// decoded. Every image object of the file counts, used by a page or not,
// since poppler may decode any of them.
func (l Limits) checkImages(pctx *model.Context) error {
	xt := pctx.XRefTable
	nrs := make([]int, 0, len(xt.Table))
	for nr, e := range xt.Table {
		if e != nil && !e.Free {
			if _, ok := e.Object.(types.StreamDict); ok {
				nrs = append(nrs, nr)
			}
		}
	}
	sort.Ints(nrs)
	for _, nr := range nrs {
		sd := xt.Table[nr].Object.(types.StreamDict)
		if st := sd.NameEntry("Subtype"); st == nil || *st != "Image" {
			continue
		}
		w, h := intEntry(xt, sd.Dict, "Width"), intEntry(xt, sd.Dict, "Height")
		if err := l.CheckPixels(imageName(pctx, nr), w, h, pdfBytesPerPixel(xt, sd)); err != nil {
			return err
		}
	}
	return nil
}

// imageName names the image object nr for a person: by the first page
// that shows it.
func imageName(pctx *model.Context, nr int) string {
	if pctx.Optimize != nil {
		if io := pctx.Optimize.ImageObjects[nr]; io != nil && len(io.ResourceNames) > 0 {
			first := -1
			for i := range io.ResourceNames {
				if first < 0 || i < first {
					first = i
				}
			}
			return fmt.Sprintf("the image on page %d", first+1)
		}
	}
	return fmt.Sprintf("an image inside the PDF (object %d)", nr)
}

// intEntry returns the integer at key, following a reference; -1 when it
// is missing or not an integer.
func intEntry(xt *model.XRefTable, d types.Dict, key string) int64 {
	o, ok := d.Find(key)
	if !ok {
		return -1
	}
	i, err := xt.DereferenceInteger(o)
	if err != nil || i == nil {
		return -1
	}
	return int64(i.Value())
}

// pdfBytesPerPixel is the memory one pixel of an image object takes once
// decoded: its colour components times its bits per component, at least
// one byte (decoders expand smaller pixels to a byte).
func pdfBytesPerPixel(xt *model.XRefTable, sd types.StreamDict) float64 {
	if m := sd.BooleanEntry("ImageMask"); m != nil && *m {
		return 1
	}
	bpc := max(intEntry(xt, sd.Dict, "BitsPerComponent"), 8)
	return max(1, float64(components(xt, sd)*bpc)/8)
}

// components is the number of colour components of an image object; 3
// (RGB) when its colour space cannot be told.
func components(xt *model.XRefTable, sd types.StreamDict) int64 {
	o, ok := sd.Find("ColorSpace")
	if !ok {
		return 3 // JPX images carry their colour space inside
	}
	o, err := xt.Dereference(o)
	if err != nil {
		return 3
	}
	name := ""
	var arr types.Array
	switch cs := o.(type) {
	case types.Name:
		name = cs.Value()
	case types.Array:
		arr = cs
		if len(cs) > 0 {
			if n, ok := cs[0].(types.Name); ok {
				name = n.Value()
			}
		}
	}
	switch name {
	case "DeviceGray", "CalGray", "G", "Indexed", "I", "Separation", "Pattern":
		return 1
	case "DeviceCMYK", "CMYK":
		return 4
	case "DeviceN":
		if len(arr) > 1 {
			if names, err := xt.DereferenceArray(arr[1]); err == nil && len(names) > 0 {
				return int64(len(names))
			}
		}
	case "ICCBased":
		if len(arr) > 1 {
			if o, err := xt.Dereference(arr[1]); err == nil {
				if icc, ok := o.(types.StreamDict); ok {
					if n := intEntry(xt, icc.Dict, "N"); n > 0 && n <= 32 {
						return n
					}
				}
			}
		}
	}
	return 3
}
