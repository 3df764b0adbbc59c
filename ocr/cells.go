package ocr

import (
	_ "embed"
	"image"
	"math"
	"sort"

	"github.com/intake-app/intake/ocr/mrz"
)

// The cell reader reads an MRZ as what it is: one font (OCR-B) on a fixed
// grid. Each cell is sampled in the zone's own frame (along and across its
// lines, in units of the pitch, so that tilt and size no longer matter)
// and compared by normalised cross-correlation with OCR-B glyphs rendered
// from the font (ocrb_cells.bin, made by TestCellTemplates -update), at a
// few small shifts. Every symbol gets a score; the best few are kept as
// the cell's alternatives, for the check digits to choose among.

// mrzAlphabet is the order of the templates.
const mrzAlphabet = "<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// Patch geometry, in pixels: cellPX pixels per pitch; a template covers
// one pitch across and tplH/cellPX pitches up; the patch sampled around a
// cell is larger by the shifts tried.
const (
	cellPX   = 16
	tplW     = 16
	tplH     = 22
	shift    = 2
	patchW   = tplW + 2*shift
	patchH   = tplH + 2*shift
	tplSize  = tplW * tplH
	keepAlts = 5 // alternatives kept per cell
)

//go:embed ocrb_cells.bin
var templateData []byte

// cellTemplates are the templates, zero-mean and unit-norm: per symbol of
// mrzAlphabet, its variants.
type cellTemplates [len(mrzAlphabet)][][tplSize]float32

var templates = loadTemplates(templateData)

func loadTemplates(data []byte) *cellTemplates {
	var t cellTemplates
	n := len(data) / tplSize / len(mrzAlphabet)
	for c := range t {
		for v := 0; v < n; v++ {
			off := (c*n + v) * tplSize
			var f [tplSize]float32
			for i := range f {
				f[i] = float32(data[off+i])
			}
			normalize(f[:])
			t[c] = append(t[c], f)
		}
	}
	return &t
}

// normalize makes v zero-mean and unit-norm (left as zero when flat).
func normalize(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x)
	}
	m := float32(s / float64(len(v)))
	var q float64
	for i := range v {
		v[i] -= m
		q += float64(v[i]) * float64(v[i])
	}
	if q < 1e-6 {
		return
	}
	k := float32(1 / math.Sqrt(q))
	for i := range v {
		v[i] *= k
	}
}

// frame is where one cell sits: its centre, the unit vector along the
// line (u) and the pitch, in image pixels. Across (v) is u turned a
// quarter clockwise: down the page when reading along u.
type frame struct {
	cx, cy, ux, uy, pitch float64
}

// samplePatch samples w×h pixels around the cell, cellPX per pitch, as ink
// (255 − gray), averaging sub-samples when the image is finer than the
// patch.
func samplePatch(g *image.Gray, f frame, w, h int, dst []float32) {
	ss := int(math.Ceil(f.pitch / cellPX))
	ss = min(max(ss, 1), 4)
	step := f.pitch / cellPX
	vx, vy := -f.uy, f.ux
	inv := float32(1) / float32(ss*ss)
	for j := 0; j < h; j++ {
		for i := 0; i < w; i++ {
			var acc float32
			for sj := 0; sj < ss; sj++ {
				dv := (float64(j-h/2) + (float64(sj)+0.5)/float64(ss)) * step
				for si := 0; si < ss; si++ {
					du := (float64(i-w/2) + (float64(si)+0.5)/float64(ss)) * step
					x := f.cx + f.ux*du + vx*dv
					y := f.cy + f.uy*du + vy*dv
					acc += 255 - grayAt(g, x, y)
				}
			}
			dst[j*w+i] = acc * inv
		}
	}
}

// grayAt interpolates g at (x, y) (pixel centres at half-integers);
// outside the image it is paper.
func grayAt(g *image.Gray, x, y float64) float32 {
	b := g.Bounds()
	x -= 0.5
	y -= 0.5
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	if x0 < 0 || y0 < 0 || x0+1 >= b.Dx() || y0+1 >= b.Dy() {
		if x0 >= -1 && y0 >= -1 && x0 < b.Dx() && y0 < b.Dy() {
			cx, cy := min(max(x0, 0), b.Dx()-1), min(max(y0, 0), b.Dy()-1)
			return float32(g.Pix[cy*g.Stride+cx])
		}
		return 255
	}
	fx, fy := float32(x-float64(x0)), float32(y-float64(y0))
	p := g.Pix[y0*g.Stride+x0:]
	a, c := float32(p[0]), float32(p[1])
	d, e := float32(p[g.Stride]), float32(p[g.Stride+1])
	return (a*(1-fx)+c*fx)*(1-fy) + (d*(1-fx)+e*fx)*fy
}

// classify scores every symbol against the patch: the best normalised
// cross-correlation over the template variants and the shifts.
func classify(patch []float32, scores *[len(mrzAlphabet)]float32) {
	// Window norms at each shift.
	var norms [2*shift + 1][2*shift + 1]float32
	for sy := 0; sy <= 2*shift; sy++ {
		for sx := 0; sx <= 2*shift; sx++ {
			var s, q float64
			for j := 0; j < tplH; j++ {
				row := patch[(sy+j)*patchW+sx : (sy+j)*patchW+sx+tplW]
				for _, v := range row {
					s += float64(v)
					q += float64(v) * float64(v)
				}
			}
			n := q - s*s/tplSize
			norms[sy][sx] = float32(1 / math.Sqrt(math.Max(n, 1)))
		}
	}
	for c := range templates {
		best := float32(-1)
		for _, t := range templates[c] {
			for sy := 0; sy <= 2*shift; sy++ {
				for sx := 0; sx <= 2*shift; sx++ {
					var dot float32
					for j := 0; j < tplH; j++ {
						row := patch[(sy+j)*patchW+sx : (sy+j)*patchW+sx+tplW]
						tr := t[j*tplW : j*tplW+tplW]
						for i, v := range row {
							dot += v * tr[i]
						}
					}
					if s := dot * norms[sy][sx]; s > best {
						best = s
					}
				}
			}
		}
		scores[c] = best
	}
}

// alternatives ranks the symbols of a cell by score and keeps the best.
func alternatives(scores *[len(mrzAlphabet)]float32) []mrz.Alternative {
	alts := make([]mrz.Alternative, len(mrzAlphabet))
	for c := range alts {
		alts[c] = mrz.Alternative{Char: mrzAlphabet[c], Score: math.Round(float64(scores[c])*1000) / 1000}
	}
	sort.SliceStable(alts, func(a, b int) bool { return alts[a].Score > alts[b].Score })
	return alts[:keepAlts]
}

// cellFrames returns the frames of the cells of a zone read in one
// direction: reversed reads it turned by 180°. n is the number of cells
// per line.
func cellFrames(z zoneGeom, n int, reversed bool) [][]frame {
	ref := z.lines[0]
	p := ref.pitch()
	ux, uy := ref.bx/p, ref.by/p
	lines := z.lines
	start, dir := z.left, 1.0
	if reversed {
		start, dir = z.right, -1
	}
	out := make([][]frame, len(lines))
	for li := range lines {
		l := lines[li]
		if reversed {
			l = lines[len(lines)-1-li]
		}
		du := l.bx*ux + l.by*uy // advance along u per cell of l
		// l's own index of the zone's first cell.
		k0 := int(math.Round((start - (l.ax*ux + l.ay*uy)) / du))
		for k := 0; k < n; k++ {
			x, y, bx, by := l.local(k0 + int(dir)*k)
			q := math.Hypot(bx, by)
			out[li] = append(out[li], frame{cx: x, cy: y, ux: dir * bx / q, uy: dir * by / q, pitch: q})
		}
	}
	return out
}

// readCells reads every cell of the frames and returns the lines (best
// symbols), the alternatives and the mean best score.
func readCells(g *image.Gray, frames [][]frame) (mrz.Candidate, float64) {
	c := mrz.Candidate{Source: "cells"}
	patch := make([]float32, patchW*patchH)
	var scores [len(mrzAlphabet)]float32
	total, n := 0.0, 0
	for _, line := range frames {
		var text []byte
		var cells [][]mrz.Alternative
		for _, f := range line {
			samplePatch(g, f, patchW, patchH, patch)
			classify(patch, &scores)
			alts := alternatives(&scores)
			text = append(text, alts[0].Char)
			cells = append(cells, alts)
			total += alts[0].Score
			n++
		}
		c.Lines = append(c.Lines, string(text))
		c.Cells = append(c.Cells, cells)
	}
	return c, total / float64(max(n, 1))
}

// orientationScore is the mean best score of a sample of cells, to tell a
// zone read the right way round from one read upside down.
func orientationScore(g *image.Gray, frames [][]frame) float64 {
	patch := make([]float32, patchW*patchH)
	var scores [len(mrzAlphabet)]float32
	total, n := 0.0, 0
	for _, line := range frames {
		for k := 0; k < len(line); k += 3 {
			samplePatch(g, line[k], patchW, patchH, patch)
			classify(patch, &scores)
			best := scores[0]
			for _, s := range scores {
				best = max(best, s)
			}
			total += float64(best)
			n++
		}
	}
	return total / float64(max(n, 1))
}
