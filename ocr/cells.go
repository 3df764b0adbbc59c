package ocr

import (
	"bytes"
	_ "embed"
	"image/png"

	"github.com/disintegration/imaging"
	"image"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/intake-app/intake/ocr/mrz"
)

// The cell reader reads an MRZ as what it is: one font (OCR-B) on a fixed
// grid. Each cell is sampled in the zone's own frame (along and across its
// lines, in units of the pitch, so that tilt and size no longer matter)
// and compared by normalised cross-correlation with OCR-B glyphs rendered
// from the font (ocrb_cells.bin, made by TestCellTemplates -update), at a
// few small shifts. Every symbol gets a score; the best few are kept as
// the cell's alternatives, for the check digits to choose among.

// templateHeights are the heights of the capitals, in pitches, the
// templates are made at (documents print OCR-B between about 0.75 and 1.05
// pitch tall). The step is fine: OCR-B's digits are 7 % taller than its
// capitals, and that is much of what tells 0 from O.
var templateHeights = func() []float64 {
	var hs []float64
	for h := 0.72; h < 1.07; h += 0.02 {
		hs = append(hs, h)
	}
	return hs
}()

// templateBlurs are the blurs (Gaussian sigma, patch pixels) the templates
// are made with at each height: sharp print, and the blur of a phone
// photo or of a small image, whose pixels, a quarter of a pitch or more,
// spread each stroke over several patch pixels.
var templateBlurs = [numBlurs]float64{0, 0.9, 1.8, 2.7, 3.6}

const numBlurs = 5

// glyphStyle is how a zone's glyphs look: the height (an index of
// templateHeights) and the blur (an index of templateBlurs) of the
// templates that match them best.
type glyphStyle struct {
	height, blur int
}

// The glyphs the templates are made from (ocrb_glyphs.png, written by
// TestCellTemplates -update-templates from the OCR-B font): one cell per
// symbol of mrzAlphabet, side by side, each glyph centred across on its
// advance and up and down on its capitals' middle, capitals glyphCap
// pixels tall.
const (
	glyphCell = 128
	glyphCap  = 57.6
)

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

//go:embed ocrb_glyphs.png
var glyphsPNG []byte

// cellTemplates are the templates, zero-mean and unit-norm: per symbol of
// mrzAlphabet, per height of templateHeights, per blur of templateBlurs.
type cellTemplates [len(mrzAlphabet)][][numBlurs][tplSize]float32

// templates are made once, on first use; nil when ocrb_glyphs.png cannot
// be read (a build error: TestCellTemplates fails).
var templates = sync.OnceValue(func() *cellTemplates {
	img, err := png.Decode(bytes.NewReader(glyphsPNG))
	if err != nil {
		return nil
	}
	return makeTemplates(toGray(imaging.Clone(img)))
})

// makeTemplates samples each glyph of the sheet as the reader samples a
// cell, at each height and blur.
func makeTemplates(sheet *image.Gray) *cellTemplates {
	if sheet.Bounds().Dx() != glyphCell*len(mrzAlphabet) || sheet.Bounds().Dy() != glyphCell {
		return nil
	}
	var t cellTemplates
	for c := range t {
		t[c] = make([][numBlurs][tplSize]float32, len(templateHeights))
	}
	patch := make([]float32, tplSize)
	sb := sheet.Bounds()
	for b, sigma := range templateBlurs {
		src, k := sheet, 1.0
		if sigma > 0 {
			// Blur in sheet pixels, at the middle height. A blurred sheet
			// is made and sampled smaller, as finely as its blur leaves
			// detail: sampling the full sheet 16 times per patch pixel
			// made the templates a noticeable part of a cold run.
			px := sigma * glyphCap / 0.9 / cellPX
			// Halved, which keeps the glyphs exactly in place (the sheet's
			// size is even); made smaller still, the templates lost 3 of
			// the 500 generated zones.
			for k < 2 && 2*k*1.8 <= px {
				k *= 2
			}
			small := imaging.Resize(sheet, int(float64(sb.Dx())/k), int(float64(sb.Dy())/k), imaging.Box)
			src = toGray(imaging.Blur(small, px/k))
		}
		for h, height := range templateHeights {
			pitch := glyphCap / height / k
			for c := range t {
				f := frame{cx: (float64(c*glyphCell) + glyphCell/2) / k, cy: glyphCell / 2 / k, ux: 1, pitch: pitch}
				samplePatch(src, f, tplW, tplH, patch)
				copy(t[c][h][b][:], patch)
				normalize(t[c][h][b][:])
			}
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

// classify scores every symbol against the patch, with the templates of
// style st: the best normalised cross-correlation over the shifts. Only
// the style's blur: letting each cell take the best of several blurs
// lets more symbols fit a degraded cell (measured: more cells misread).
func classify(patch []float32, st glyphStyle, scores *[len(mrzAlphabet)]float32) (dx, dy int) {
	norms := windowNorms(patch)
	ts := templates()
	h := st.height
	// A coarse pass scores every symbol on the style's template at every
	// other shift; the best few are then scored at every shift.
	for c := range ts {
		scores[c], _, _ = bestNCC(patch, ts[c][h][st.blur:st.blur+1], &norms, 2)
	}
	var order [len(mrzAlphabet)]int
	for i := range order {
		order[i] = i
	}
	sort.Slice(order[:], func(a, b int) bool { return scores[order[a]] > scores[order[b]] })
	best := float32(-2)
	for _, c := range order[:refineTop] {
		s, x, y := bestNCC(patch, ts[c][h][st.blur:st.blur+1], &norms, 1)
		scores[c] = s
		if s > best {
			best, dx, dy = s, x, y
		}
	}
	return dx, dy
}

// coarseBest is the best coarse score of any symbol, with the templates of
// style st: how well the patch looks like OCR-B of that style.
func coarseBest(patch []float32, st glyphStyle) float32 {
	norms := windowNorms(patch)
	best := float32(-1)
	ts := templates()
	for c := range ts {
		s, _, _ := bestNCC(patch, ts[c][st.height][st.blur:st.blur+1], &norms, 2)
		best = max(best, s)
	}
	return best
}

// refineTop is how many symbols the fine pass of classify scores.
const refineTop = 6

// bestNCC is the best correlation of the patch with the templates over the
// shifts, taken every step pixels.
func bestNCC(patch []float32, ts [][tplSize]float32, norms *[2*shift + 1][2*shift + 1]float32, step int) (float32, int, int) {
	best, bx, by := float32(-1), 0, 0
	for ti := range ts {
		t := &ts[ti]
		for sy := 0; sy <= 2*shift; sy += step {
			for sx := 0; sx <= 2*shift; sx += step {
				var dot float32
				for j := 0; j < tplH; j++ {
					row := patch[(sy+j)*patchW+sx : (sy+j)*patchW+sx+tplW]
					tr := t[j*tplW : j*tplW+tplW]
					for i, v := range row {
						dot += v * tr[i]
					}
				}
				if s := dot * norms[sy][sx]; s > best {
					best, bx, by = s, sx-shift, sy-shift
				}
			}
		}
	}
	return best, bx, by
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

// cellFrames returns the frames of count cells per line of a zone, from
// cell from (0 is the first cell seen, negative before it), read in one
// direction: reversed reads it turned by 180°.
//
// A cell far from the glyphs seen on its own line (a line half faded by
// glare, its fillers too small to be seen) is placed from the line whose
// glyphs are nearest that cell, moved by the offset between the two lines
// where its own glyphs are: the lines of a zone are parallel and share
// their pitch, and extrapolating one line's fit over many cells drifts.
func cellFrames(z zoneGeom, from, count int, reversed bool) [][]frame {
	ref := z.lines[0]
	p := ref.pitch()
	ux, uy := ref.bx/p, ref.by/p
	start, dir := z.left, 1
	if reversed {
		start, dir = z.right, -1
	}
	lines := slices.Clone(z.lines)
	if reversed {
		slices.Reverse(lines)
	}
	// k0[li] is line li's own index of the zone's first cell.
	k0 := make([]int, len(lines))
	for li, l := range lines {
		du := l.bx*ux + l.by*uy // advance along u per cell of l
		k0[li] = int(math.Round((start - (l.ax*ux + l.ay*uy)) / du))
	}
	out := make([][]frame, len(lines))
	for k := from; k < from+count; k++ {
		// The line with glyphs nearest this cell.
		near, nearGap := 0, math.MaxInt
		for li, l := range lines {
			if gap := l.gap(k0[li] + dir*k); gap < nearGap {
				near, nearGap = li, gap
			}
		}
		for li, l := range lines {
			x, y, bx, by := l.local(k0[li] + dir*k)
			if l.gap(k0[li]+dir*k) > nearGap+farCells {
				// From the nearest line, moved by the offset between
				// the lines at this line's glyph nearest the cell.
				r := lines[near]
				m := l.nearest(k0[li] + dir*k)
				c := (m - k0[li]) * dir // its cell of the zone
				lx, ly, _, _ := l.local(m)
				rx, ry, _, _ := r.local(k0[near] + dir*c)
				x, y, bx, by = r.local(k0[near] + dir*k)
				x, y = x+lx-rx, y+ly-ry
			}
			q := math.Hypot(bx, by)
			d := float64(dir)
			out[li] = append(out[li], frame{cx: x, cy: y, ux: d * bx / q, uy: d * by / q, pitch: q})
		}
	}
	return out
}

// farCells is how many cells farther from its own line's glyphs than from
// another line's a cell must be to be placed from that other line.
const farCells = 4

// gap is the distance, in cells, from cell k to the nearest glyph of the
// line.
func (l *zoneLine) gap(k int) int {
	d := math.MaxInt
	for _, i := range l.idx {
		d = min(d, max(i-k, k-i))
	}
	return d
}

// nearest is the index of the line's glyph nearest cell k.
func (l *zoneLine) nearest(k int) int {
	best, d := 0, math.MaxInt
	for _, i := range l.idx {
		if dd := max(i-k, k-i); dd < d {
			best, d = i, dd
		}
	}
	return best
}

// zoneCells are the patches of a zone's cells read in one direction.
type zoneCells struct {
	from    int // the cell index of the first patch (see cellFrames)
	frames  [][]frame
	patches [][][]float32
}

func sampleZone(g *image.Gray, z zoneGeom, from, count int, reversed bool) *zoneCells {
	zc := &zoneCells{from: from, frames: cellFrames(z, from, count, reversed)}
	for _, line := range zc.frames {
		var ps [][]float32
		for _, f := range line {
			p := make([]float32, patchW*patchH)
			samplePatch(g, f, patchW, patchH, p)
			ps = append(ps, p)
		}
		zc.patches = append(zc.patches, ps)
	}
	return zc
}

// read classifies every cell with the templates of style st. When the cells' glyphs sit off
// their frames by a drift along a line (a pitch or an angle a little off,
// away from the glyphs the frames were fitted on), the frames are moved
// by the drift, the cells sampled again and read again, once.
func (zc *zoneCells) read(g *image.Gray, st glyphStyle) [][][]mrz.Alternative {
	out, moved := zc.readOnce(st)
	if !moved {
		return out
	}
	for li, line := range zc.frames {
		for k := range line {
			samplePatch(g, line[k], patchW, patchH, zc.patches[li][k])
		}
	}
	out, _ = zc.readOnce(st)
	return out
}

func (zc *zoneCells) readOnce(st glyphStyle) ([][][]mrz.Alternative, bool) {
	var scores [len(mrzAlphabet)]float32
	out := make([][][]mrz.Alternative, len(zc.patches))
	moved := false
	for li, ps := range zc.patches {
		// The shift of each cell's best symbol, and a line fitted to them
		// (weighted by the score) along the line.
		var sw, sk, skk, sx, sy, skx, sky float64
		for k, p := range ps {
			dx, dy := classify(p, st, &scores)
			alts := alternatives(&scores)
			out[li] = append(out[li], alts)
			w := math.Max(0, alts[0].Score-0.5)
			kk := float64(k)
			sw += w
			sk += w * kk
			skk += w * kk * kk
			sx += w * float64(dx)
			sy += w * float64(dy)
			skx += w * kk * float64(dx)
			sky += w * kk * float64(dy)
		}
		den := sw*skk - sk*sk
		if sw < 3 || den < 1e-9 {
			continue
		}
		bx, by := (sw*skx-sk*sx)/den, (sw*sky-sk*sy)/den
		ax, ay := (sx-bx*sk)/sw, (sy-by*sk)/sw
		for k := range ps {
			dx, dy := ax+bx*float64(k), ay+by*float64(k)
			if math.Abs(dx) < 0.6 && math.Abs(dy) < 0.6 {
				continue
			}
			moved = true
			f := &zc.frames[li][k]
			step := f.pitch / cellPX
			f.cx += (dx*f.ux - dy*f.uy) * step
			f.cy += (dx*f.uy + dy*f.ux) * step
		}
	}
	return out, moved
}

// window is the candidate made of n cells per line from cell at.
func window(cells [][][]mrz.Alternative, at, n int) mrz.Candidate {
	c := mrz.Candidate{Source: "cells"}
	for _, line := range cells {
		ws := line[at : at+n]
		b := make([]byte, n)
		for k, alts := range ws {
			b[k] = alts[0].Char
		}
		c.Lines = append(c.Lines, string(b))
		c.Cells = append(c.Cells, ws)
	}
	return c
}

// windowScore is the mean best score of the cells of a window.
func windowScore(cells [][][]mrz.Alternative, at, n int) float64 {
	total := 0.0
	for _, line := range cells {
		for _, alts := range line[at : at+n] {
			total += alts[0].Score
		}
	}
	return total / float64(n*len(cells))
}

// windowNorms returns the inverse norms of the patch's windows at each
// shift (mean removed).
func windowNorms(patch []float32) [2*shift + 1][2*shift + 1]float32 {
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
	return norms
}
