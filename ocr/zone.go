package ocr

import (
	"image"
	"math"
	"slices"
	"sort"

	"time"

	"github.com/disintegration/imaging"
	"github.com/intake-app/intake/ocr/mrz"
)

// The zone finder looks for a machine-readable zone as what it is: two or
// three long rows of dark glyphs of one size on one regular pitch. It works
// on the binarised image, without reading it, so that it holds at any angle
// (a phone photo tilted by 20°, a card turned by 90°), on small images
// (upscaled first) and on busy backgrounds (a row of glyphs on a regular
// pitch is rare outside an MRZ).

// Working sizes of the zone finder: a small image is upscaled so that its
// glyphs are tall enough to stay apart when binarised, a large one reduced.
const (
	zoneMinSide = 1000
	zoneMaxSide = 2000
	zoneMaxUp   = 4.0
	// minChain is the fewest glyphs in a row taken for an MRZ line.
	minChain = 14
)

// glyph is a connected component of ink.
type glyph struct {
	x0, y0, x1, y1 int     // bounding box, inclusive
	cx, cy         float64 // centre of the box
	size           float64 // longer side of the box
	used           bool
}

// zoneLine is a row of glyphs on a regular pitch.
type zoneLine struct {
	members []int     // glyph indices
	idx     []int     // their cell index along the row (gaps allowed)
	cx, cy  []float64 // their centres, in the original image's coordinates
	ax, ay  float64   // fitted centre of cell 0
	bx, by  float64   // fitted step from one cell to the next
	size    float64   // median glyph size
}

func (l *zoneLine) pitch() float64 { return math.Hypot(l.bx, l.by) }

// at returns the fitted centre of cell k.
func (l *zoneLine) at(k float64) (float64, float64) { return l.ax + l.bx*k, l.ay + l.by*k }

// localWindow is how many cells around a cell the local fit looks at.
const localWindow = 6

// local returns the centre of cell k and the step to the next cell, fitted
// on the glyphs near k: a photo's perspective changes the pitch along a
// line, and a page's curve its direction.
func (l *zoneLine) local(k int) (x, y, bx, by float64) {
	// Past the end of the glyphs found, from the nearest ones.
	for win := localWindow; win <= 4*localWindow; win *= 2 {
		if x, y, bx, by, ok := l.localIn(k, win); ok {
			return x, y, bx, by
		}
	}
	x, y = l.at(float64(k))
	return x, y, l.bx, l.by
}

func (l *zoneLine) localIn(k, win int) (x, y, bx, by float64, ok bool) {
	var sw, sk, skk, sx, sy, skx, sky float64
	n := 0
	for i := range l.members {
		d := l.idx[i] - k
		if d < -win || d > win {
			continue
		}
		n++
		kk := float64(d)
		w := 1 / (1 + 0.1*kk*kk)
		sw += w
		sk += w * kk
		skk += w * kk * kk
		sx += w * l.cx[i]
		sy += w * l.cy[i]
		skx += w * kk * l.cx[i]
		sky += w * kk * l.cy[i]
	}
	den := sw*skk - sk*sk
	if n < 3 || den < 1e-12 {
		return 0, 0, 0, 0, false
	}
	bx = (sw*skx - sk*sx) / den
	by = (sw*sky - sk*sy) / den
	return (sx - bx*sk) / sw, (sy - by*sk) / sw, bx, by, true
}

// zoneGeom is a zone found on the image: its lines, top first when read
// along the first line's direction, and the positions along that direction
// (u) of the centres of the first and the last cell seen on any line, in
// coordinates of the original image.
type zoneGeom struct {
	lines       []*zoneLine
	left, right float64
}

// cellsSeen is the number of cells between the zone's first and last seen.
func (z zoneGeom) cellsSeen() int {
	return int(math.Round((z.right-z.left)/z.lines[0].pitch())) + 1
}

// binarise thresholds g locally (Sauvola): ink is darker than its
// neighbourhood by a margin that grows with the local contrast, which holds
// under glare and uneven light.
func binarise(g *image.Gray, win int, k float64) []bool {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	// The neighbourhood's mean and spread vary slowly: they are computed
	// on blocks of bs×bs pixels, over a window of blocks, and the threshold
	// interpolated between block centres.
	bs := max(1, win/8)
	bw, bh := (w+bs-1)/bs, (h+bs-1)/bs
	// Integral images, over blocks, of the values, their squares and the
	// pixel counts.
	sum := make([]float64, (bw+1)*(bh+1))
	sq := make([]float64, (bw+1)*(bh+1))
	cnt := make([]float64, (bw+1)*(bh+1))
	bsum := make([]float64, bw)
	bsq := make([]float64, bw)
	bcnt := make([]float64, bw)
	for by := 0; by < bh; by++ {
		clear(bsum)
		clear(bsq)
		clear(bcnt)
		for y := by * bs; y < min(h, (by+1)*bs); y++ {
			row := g.Pix[y*g.Stride : y*g.Stride+w]
			for x, v := range row {
				f := float64(v)
				bsum[x/bs] += f
				bsq[x/bs] += f * f
				bcnt[x/bs]++
			}
		}
		var rs, rq, rc float64
		for bx := 0; bx < bw; bx++ {
			rs += bsum[bx]
			rq += bsq[bx]
			rc += bcnt[bx]
			i := (by+1)*(bw+1) + bx + 1
			sum[i] = sum[i-(bw+1)] + rs
			sq[i] = sq[i-(bw+1)] + rq
			cnt[i] = cnt[i-(bw+1)] + rc
		}
	}
	// The threshold of each block: darker than the neighbourhood by a
	// share of its contrast, which holds on faint print and under glare,
	// where a threshold proportional to the mean (Sauvola's) loses the
	// ink; none (−1) where the neighbourhood is flat (paper).
	rb := max(1, win/2/bs)
	thr := make([]float64, bw*bh)
	for by := 0; by < bh; by++ {
		y0, y1 := max(0, by-rb), min(bh, by+rb+1)
		for bx := 0; bx < bw; bx++ {
			x0, x1 := max(0, bx-rb), min(bw, bx+rb+1)
			at := func(y, x int) int { return y*(bw+1) + x }
			n := cnt[at(y1, x1)] - cnt[at(y0, x1)] - cnt[at(y1, x0)] + cnt[at(y0, x0)]
			sv := sum[at(y1, x1)] - sum[at(y0, x1)] - sum[at(y1, x0)] + sum[at(y0, x0)]
			q := sq[at(y1, x1)] - sq[at(y0, x1)] - sq[at(y1, x0)] + sq[at(y0, x0)]
			m := sv / n
			sd := math.Sqrt(math.Max(0, q/n-m*m))
			if sd < 5 {
				thr[by*bw+bx] = -1
				continue
			}
			thr[by*bw+bx] = m - k*sd - 3
		}
	}
	out := make([]bool, w*h)
	for y := 0; y < h; y++ {
		// Between the centres of block rows r0 and r0+1.
		fy := (float64(y)+0.5)/float64(bs) - 0.5
		r0 := min(max(int(math.Floor(fy)), 0), bh-1)
		r1 := min(r0+1, bh-1)
		ty := math.Min(math.Max(fy-float64(r0), 0), 1)
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		for x, v := range row {
			fx := (float64(x)+0.5)/float64(bs) - 0.5
			c0 := min(max(int(math.Floor(fx)), 0), bw-1)
			c1 := min(c0+1, bw-1)
			tx := math.Min(math.Max(fx-float64(c0), 0), 1)
			a, bb := thr[r0*bw+c0], thr[r0*bw+c1]
			c, d := thr[r1*bw+c0], thr[r1*bw+c1]
			if a < 0 || bb < 0 || c < 0 || d < 0 {
				// Next to a flat area: the nearest block decides.
				t := thr[min(int(fy+0.5), bh-1)*bw+min(int(fx+0.5), bw-1)]
				out[y*w+x] = t >= 0 && float64(v) < t
				continue
			}
			t := (a*(1-tx)+bb*tx)*(1-ty) + (c*(1-tx)+d*tx)*ty
			out[y*w+x] = float64(v) < t
		}
	}
	return out
}

// glyphComponents labels the 8-connected components of ink and returns those
// that could be glyphs.
func glyphComponents(ink []bool, w, h int, minSize, maxSize float64) []glyph {
	seen := make([]bool, len(ink))
	var out []glyph
	stack := make([]int, 0, 1024)
	for start := range ink {
		if !ink[start] || seen[start] {
			continue
		}
		seen[start] = true
		stack = append(stack[:0], start)
		gl := glyph{x0: w, y0: h, x1: -1, y1: -1}
		n := 0
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			n++
			x, y := p%w, p/w
			gl.x0, gl.x1 = min(gl.x0, x), max(gl.x1, x)
			gl.y0, gl.y1 = min(gl.y0, y), max(gl.y1, y)
			for dy := -1; dy <= 1; dy++ {
				yy := y + dy
				if yy < 0 || yy >= h {
					continue
				}
				for dx := -1; dx <= 1; dx++ {
					xx := x + dx
					if xx < 0 || xx >= w {
						continue
					}
					q := yy*w + xx
					if ink[q] && !seen[q] {
						seen[q] = true
						stack = append(stack, q)
					}
				}
			}
		}
		bw, bh := float64(gl.x1-gl.x0+1), float64(gl.y1-gl.y0+1)
		gl.size = math.Max(bw, bh)
		if gl.size < minSize || gl.size > maxSize || n < 8 {
			continue
		}
		if math.Min(bw, bh)*8 < gl.size && gl.size > 2*minSize {
			continue // a rule or a frame, not a glyph
		}
		if float64(n) > 0.9*bw*bh && bw > 3 && bh > 3 {
			continue // a filled block
		}
		gl.cx, gl.cy = (float64(gl.x0+gl.x1)+1)/2, (float64(gl.y0+gl.y1)+1)/2
		out = append(out, gl)
	}
	return out
}

// glyphIndex finds glyphs near a point.
type glyphIndex struct {
	cell  float64
	cols  int
	cells map[int][]int
	gs    []glyph
}

func newGlyphIndex(gs []glyph, cell float64) *glyphIndex {
	ix := &glyphIndex{cell: cell, cols: 1 << 16, cells: map[int][]int{}, gs: gs}
	for i, g := range gs {
		k := ix.key(g.cx, g.cy)
		ix.cells[k] = append(ix.cells[k], i)
	}
	return ix
}

func (ix *glyphIndex) key(x, y float64) int {
	return int(y/ix.cell)*ix.cols + int(x/ix.cell)
}

// near calls fn for the glyphs within r of (x, y).
func (ix *glyphIndex) near(x, y, r float64, fn func(i int, d float64)) {
	c0, c1 := int((x-r)/ix.cell), int((x+r)/ix.cell)
	r0, r1 := int((y-r)/ix.cell), int((y+r)/ix.cell)
	for row := r0; row <= r1; row++ {
		for col := c0; col <= c1; col++ {
			if col < 0 || row < 0 {
				continue
			}
			for _, i := range ix.cells[row*ix.cols+col] {
				g := ix.gs[i]
				if d := math.Hypot(g.cx-x, g.cy-y); d <= r {
					fn(i, d)
				}
			}
		}
	}
}

func sizesMatch(a, b float64) bool { return a <= 1.9*b && b <= 1.9*a }

// fit fits centre = a + b·k to the line's members.
func (l *zoneLine) fit(gs []glyph) {
	n := float64(len(l.members))
	var sk, skk, sx, sy, skx, sky float64
	for i, m := range l.members {
		k := float64(l.idx[i])
		sk += k
		skk += k * k
		sx += gs[m].cx
		sy += gs[m].cy
		skx += k * gs[m].cx
		sky += k * gs[m].cy
	}
	den := n*skk - sk*sk
	if den == 0 {
		return
	}
	l.bx = (n*skx - sk*sx) / den
	l.by = (n*sky - sk*sy) / den
	l.ax = (sx - l.bx*sk) / n
	l.ay = (sy - l.by*sk) / n
}

// grow extends the line from its last member (forward) while glyphs sit
// where the pitch puts the next cell, allowing one missing glyph at a time.
func (l *zoneLine) grow(ix *glyphIndex, inLine map[int]bool) {
	gs := ix.gs
	for len(l.members) < 60 {
		last := l.members[len(l.members)-1]
		k := l.idx[len(l.idx)-1]
		p := l.pitch()
		found := -1
		step := 0
		// Up to two cells may be missing in a row: two glyphs run
		// together in a small or blurred image are one blob, too large to
		// be taken for one glyph.
		for s := 1; s <= 3 && found < 0; s++ {
			// Predict from the last glyph, with the fitted step: local, so
			// that a slow change of pitch (perspective) is followed.
			px, py := gs[last].cx+l.bx*float64(s), gs[last].cy+l.by*float64(s)
			best := 0.3 * p
			ix.near(px, py, 0.3*p, func(i int, d float64) {
				if gs[i].used || inLine[i] || !sizesMatch(gs[i].size, l.size) {
					return
				}
				if d < best {
					best, found, step = d, i, s
				}
			})
		}
		if found < 0 {
			return
		}
		l.members = append(l.members, found)
		l.idx = append(l.idx, k+step)
		inLine[found] = true
		if len(l.members) >= 3 {
			l.fit(gs)
		}
	}
}

// dropStrays removes the members at the ends of the line that sit off the
// line fitted on their neighbours (a speck or a mark taken in at an end,
// which would bend the local fit there) and fits again.
func (l *zoneLine) dropStrays(gs []glyph) {
	for pass := 0; pass < 2; pass++ {
		for side := 0; side < 2; side++ {
			if len(l.members) <= minChain {
				return
			}
			end := side * (len(l.members) - 1)
			m, k := l.members[end], l.idx[end]
			rest := &zoneLine{members: slices.Delete(slices.Clone(l.members), end, end+1),
				idx: slices.Delete(slices.Clone(l.idx), end, end+1), bx: l.bx, by: l.by, ax: l.ax, ay: l.ay}
			for _, mm := range rest.members {
				rest.cx = append(rest.cx, gs[mm].cx)
				rest.cy = append(rest.cy, gs[mm].cy)
			}
			x, y, bx, by := rest.local(k)
			p := math.Hypot(bx, by)
			dx, dy := gs[m].cx-x, gs[m].cy-y
			if math.Abs(dx*bx+dy*by)/p > 0.35*p || math.Abs(dy*bx-dx*by)/p > 0.3*p {
				l.members, l.idx = rest.members, rest.idx
				l.fit(gs)
			}
		}
	}
}

// reverse turns the line around (its last cell becomes cell 0).
func (l *zoneLine) reverse(gs []glyph) {
	slices.Reverse(l.members)
	slices.Reverse(l.idx)
	top := l.idx[0]
	for i := range l.idx {
		l.idx[i] = top - l.idx[i]
	}
	l.fit(gs)
}

// findLines finds the rows of glyphs on a regular pitch.
func findLines(gs []glyph) []*zoneLine {
	if len(gs) < minChain {
		return nil
	}
	sizes := make([]float64, len(gs))
	for i, g := range gs {
		sizes[i] = g.size
	}
	sort.Float64s(sizes)
	ix := newGlyphIndex(gs, math.Max(8, sizes[len(sizes)*3/4]))
	// Seeds in order of size, so that the zone's glyphs (among the
	// largest regular ones on most documents) are tried early; every
	// glyph is tried until it belongs to a line.
	order := make([]int, len(gs))
	for i := range order {
		order[i] = i
	}
	var lines []*zoneLine
	for _, i := range order {
		if gs[i].used {
			continue
		}
		// The nearest glyphs of a matching size are the seed's neighbours.
		type nb struct {
			j int
			d float64
		}
		var nbs []nb
		gi := gs[i]
		ix.near(gi.cx, gi.cy, 2.4*gi.size, func(j int, d float64) {
			if j != i && !gs[j].used && sizesMatch(gs[j].size, gi.size) && d >= 0.4*math.Max(gi.size, gs[j].size) {
				nbs = append(nbs, nb{j, d})
			}
		})
		sort.Slice(nbs, func(a, b int) bool { return nbs[a].d < nbs[b].d })
		// Of the rows through the seed and one of its nearest neighbours,
		// the longest.
		var best *zoneLine
		for t := 0; t < min(3, len(nbs)); t++ {
			j := nbs[t].j
			l := &zoneLine{members: []int{i, j}, idx: []int{0, 1}, size: math.Max(gi.size, gs[j].size)}
			l.ax, l.ay = gi.cx, gi.cy
			l.bx, l.by = gs[j].cx-gi.cx, gs[j].cy-gi.cy
			inLine := map[int]bool{i: true, j: true}
			l.grow(ix, inLine)
			l.reverse(gs)
			l.grow(ix, inLine)
			if len(l.members) < minChain {
				continue
			}
			var ms []float64
			for _, m := range l.members {
				ms = append(ms, gs[m].size)
			}
			sort.Float64s(ms)
			l.size = ms[len(ms)/2]
			// The pitch of an MRZ is close to the size of its glyphs, and
			// few of its glyphs are missing.
			span := l.idx[len(l.idx)-1] - l.idx[0] + 1
			if p := l.pitch(); p < 0.7*l.size || p > 1.7*l.size || span > len(l.members)*3/2+1 {
				continue
			}
			if best == nil || len(l.members) > len(best.members) {
				best = l
			}
		}
		if best != nil {
			for _, m := range best.members {
				gs[m].used = true
			}
			lines = append(lines, best)
		}
	}
	return lines
}

// zoneCandidates groups lines into zones of two or three parallel lines of
// one pitch, stacked at an MRZ's line spacing and sharing a left edge, and
// returns them best first.
func zoneCandidates(lines []*zoneLine) []zoneGeom {
	type placed struct {
		l      *zoneLine
		v      float64 // position across the lines
		u0, u1 float64 // extent along the lines
	}
	var out []zoneGeom
	var scores []float64
	for _, ref := range lines {
		p := ref.pitch()
		ux, uy := ref.bx/p, ref.by/p
		vx, vy := -uy, ux
		var group []placed
		for _, l := range lines {
			q := l.pitch()
			if q < 0.85*p || q > 1.18*p {
				continue
			}
			if math.Abs(ux*l.by/q-uy*l.bx/q) > math.Sin(5*math.Pi/180) || ux*l.bx+uy*l.by < 0 {
				continue // not parallel, or running the other way
			}
			first, last := l.idx[0], l.idx[len(l.idx)-1]
			x0, y0 := l.at(float64(first))
			x1, y1 := l.at(float64(last))
			group = append(group, placed{l, x0*vx + y0*vy, x0*ux + y0*uy, x1*ux + y1*uy})
		}
		sort.Slice(group, func(a, b int) bool { return group[a].v < group[b].v })
		// Runs of consecutive lines at an MRZ's spacing.
		for s := range group {
			if group[s].l != ref {
				continue
			}
			for n := 2; n <= 3; n++ {
				for from := s - n + 1; from <= s; from++ {
					if from < 0 || from+n > len(group) {
						continue
					}
					run := group[from : from+n]
					ok := true
					for k := 1; k < n && ok; k++ {
						gap := run[k].v - run[k-1].v
						ok = gap >= 1.15*p && gap <= 2.9*p
					}
					// The lines share their left edge (their right edge when
					// the zone is upside down).
					left, right := run[0].u0, run[0].u1
					for _, r := range run {
						left, right = math.Min(left, r.u0), math.Max(right, r.u1)
					}
					la, ra := true, true
					for _, r := range run {
						la = la && r.u0-left < 3.5*p
						ra = ra && right-r.u1 < 3.5*p
					}
					ok = ok && (la || ra)
					if !ok {
						continue
					}
					z := zoneGeom{left: left, right: right}
					score := 0.0
					for _, r := range run {
						z.lines = append(z.lines, r.l)
						score += float64(len(r.l.members))
					}
					if dup(out, z) {
						continue
					}
					// Zones as long as an MRZ come first.
					want := 44.0
					if n == 3 {
						want = 30
					}
					score -= 2 * math.Abs(math.Min(float64(z.cellsSeen()), want)-want)
					out = append(out, z)
					scores = append(scores, score)
				}
			}
		}
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return scores[idx[a]] > scores[idx[b]] })
	sorted := make([]zoneGeom, len(out))
	for i, k := range idx {
		sorted[i] = out[k]
	}
	return sorted
}

func dup(zs []zoneGeom, z zoneGeom) bool {
	for _, o := range zs {
		if slices.Equal(o.lines, z.lines) {
			return true
		}
	}
	return false
}

// noisyInk is the share of an image that, binarised, makes it noisy (see
// readZone): a page of print is a few per cent ink, a zone's box about a
// quarter; noise taken for ink makes more than a fifth of the whole.
const noisyInk = 0.2

// findZones finds the candidate zones of g, best first, in g's
// coordinates, and the share of the image binarised as ink.
func findZones(g *image.Gray, k float64) ([]zoneGeom, float64) {
	b := g.Bounds()
	long := float64(max(b.Dx(), b.Dy()))
	if long < 16 {
		return nil, 0
	}
	scale := 1.0
	work := g
	switch {
	case long > zoneMaxSide:
		// By averaging blocks of pixels: a page scan is large, and a
		// filtered resize of it would cost more than all the rest.
		k := int(math.Ceil(long / zoneMaxSide))
		scale = 1 / float64(k)
		work = shrink(g, k)
	case long < zoneMinSide:
		scale = math.Min(zoneMaxUp, zoneMinSide/long)
		work = toGray(imaging.Resize(g, max(1, int(float64(b.Dx())*scale)), max(1, int(float64(b.Dy())*scale)), imaging.Linear))
	}
	wb := work.Bounds()
	wl := float64(max(wb.Dx(), wb.Dy()))
	win := int(wl/25) | 1
	ink := binarise(work, win, k)
	inked := 0
	for _, v := range ink {
		if v {
			inked++
		}
	}
	gs := glyphComponents(ink, wb.Dx(), wb.Dy(), 5, wl/12)
	lines := findLines(gs)
	for _, l := range lines {
		// One direction for all: rows read left to right, or top to
		// bottom when turned by a quarter (which way round is told by
		// reading, see readZone).
		if a := math.Atan2(l.by, l.bx) * 180 / math.Pi; a > 100 || a <= -80 {
			l.reverse(gs)
		}
		l.dropStrays(gs)
		// Back to g's coordinates.
		l.ax, l.ay, l.bx, l.by, l.size = l.ax/scale, l.ay/scale, l.bx/scale, l.by/scale, l.size/scale
		for _, m := range l.members {
			l.cx = append(l.cx, gs[m].cx/scale)
			l.cy = append(l.cy, gs[m].cy/scale)
		}
	}
	return zoneCandidates(lines), float64(inked) / float64(len(ink))
}

// binarisations are the thresholds tried in turn (see binarise): ink is
// darker than its neighbourhood's mean by this share of its spread.
var binarisations = []float64{0.3, 0.9}

// minZoneScore is the mean best score of its cells below which a reading
// that does not check out is not kept: its cells do not look like OCR-B
// (an MRZ, even printed with a wrong check digit, scores above 0.9; rows
// of other print about 0.5).
const minZoneScore = 0.7

// meanScore is the mean best score of a candidate's cells.
func meanScore(c mrz.Candidate) float64 {
	total, n := 0.0, 0
	for _, l := range c.Cells {
		for _, a := range l {
			total += a[0].Score
			n++
		}
	}
	return total / float64(max(n, 1))
}

// A reading reads clean when its cells look like OCR-B throughout: on
// average at least cleanMean, none below cleanMin (a cell off its glyph,
// between two glyphs or on paper, scores about 0.3–0.5).
const (
	cleanMean = 0.9
	cleanMin  = 0.6
)

// readsClean reports whether every cell of c looks like OCR-B.
func readsClean(c mrz.Candidate) bool {
	if meanScore(c) < cleanMean {
		return false
	}
	for _, l := range c.Cells {
		for _, a := range l {
			if a[0].Score < cleanMin {
				return false
			}
		}
	}
	return true
}

// maxZonesRead bounds the zone candidates read on one page.
const maxZonesRead = 3

// maxZonesScreened bounds the zone candidates screened on one page (see
// screenZones).
const maxZonesScreened = 16

// minZoneLooks is how much a candidate zone must look like OCR-B (see
// zoneLooks) to be read. Measured on 300 generated images: the best zone
// found on each scores 0.74 or more (but one, 0.25, at 5 px per cell);
// the rows of print of a payment slip 0.56.
const minZoneLooks = 0.62

// screenZones keeps, of the candidate zones, in their order, those that
// look like OCR-B (zoneLooks): rows of other regular marks (the dashed
// lines of a guilloche, a table's dots) can outnumber and outrank an MRZ
// among the rows found, and only the first few are read. Each zone is
// looked at on a few cells, with one middle style of template, either way
// round: about a millisecond, against tens for reading one (fitZone).
func screenZones(g *image.Gray, zs []zoneGeom) []zoneGeom {
	var out []zoneGeom
	for _, z := range zs[:min(len(zs), maxZonesScreened)] {
		if zoneLooks(g, z) >= minZoneLooks {
			out = append(out, z)
		}
	}
	return out
}

// screenCells is how many cells of a zone screenZones looks at.
const screenCells = 8

// zoneLooks is how much a zone looks like OCR-B: the mean best coarse
// score of screenCells cells spread over its lines, at a middle style,
// the better of the two ways round (a patch turned by 180° is its pixels
// in reverse order).
func zoneLooks(g *image.Gray, z zoneGeom) float64 {
	seen := z.cellsSeen()
	frames := cellFrames(z, 0, seen, false)
	n := len(frames) * seen
	st := glyphStyle{len(templateHeights) / 2, 2}
	p := make([]float32, patchW*patchH)
	var ahead, back float64
	for i := 0; i < screenCells && n > 0; i++ {
		k := (2*i + 1) * n / (2 * screenCells)
		samplePatch(g, frames[k/seen][k%seen], patchW, patchH, p)
		ahead += float64(coarseBest(p, st))
		slices.Reverse(p)
		back += float64(coarseBest(p, st))
	}
	return max(ahead, back) / screenCells
}

// zoneRead is what readZone found: the readings of the zone's cells, the
// zone's box on the image, and the direction its lines read in.
type zoneRead struct {
	reading mrz.Reading
	box     image.Rectangle
	// angle is the direction of the zone's lines, the way they read, in
	// degrees clockwise from left-to-right (0 upright, 90 turned a quarter
	// clockwise, 180 upside down); it is also the direction of the rest of
	// the document's text.
	angle float64
	// pitch is the distance between cells in pixels, cells the number of
	// cells of a line and lines the number of lines (30 and 3 for an
	// identity card): with the box they say where the document lies.
	pitch        float64
	cells, lines int
}

// newZoneRead describes zone z, read as lines of n cells.
func newZoneRead(c mrz.Candidate, frames [][]frame, g *image.Gray, z zoneGeom, n int, reversed bool) zoneRead {
	return zoneRead{
		reading: mrz.Reading{Candidates: []mrz.Candidate{c}},
		box:     framesBox(frames).Intersect(g.Bounds()),
		angle:   direction(z, reversed),
		pitch:   z.lines[0].pitch(),
		cells:   n,
		lines:   len(z.lines),
	}
}

// direction is the angle (see zoneRead) of a zone read the way round
// fitZone found.
func direction(z zoneGeom, reversed bool) float64 {
	l := z.lines[0]
	a := math.Atan2(l.by, l.bx) * 180 / math.Pi
	if reversed {
		a += 180
	}
	return math.Mod(a+360, 360)
}

// readZone finds the machine-readable zone of g and reads its cells. It
// returns the readings (the zone's cells, and more when the first does not
// check out: another candidate zone, another line length), the zone's box
// and its direction; nothing when no zone is found.
func readZone(g *image.Gray) zoneRead {
	var found zoneRead
	if templates() == nil {
		return found
	}
	// Twice if need be: glyphs of a blurred or small image run together
	// when the threshold takes in their grey edges, and faint ones break
	// up when it does not: the second pass keeps only the darker core.
	// The second pass only where it may help: a small image, rows of
	// OCR-B seen that did not check out, or a first threshold that took
	// in the noise of a flat, noisy photo (more than noisyInk of the image
	// came out as ink, and the glyphs drowned in specks).
	b := g.Bounds()
	small := max(b.Dx(), b.Dy()) < zoneMinSide
	ocrb, noisy := false, false
	var validRead zoneRead // a reading that checks out but not clean
	checked := false
	for pass, k := range binarisations {
		if pass > 0 && !small && !ocrb && !checked && !noisy {
			break
		}
		var read []*zoneLine // lines of the zones read
		tried := 0
		zones, ink := findZones(g, k)
		noisy = noisy || ink > noisyInk
		for _, z := range screenZones(g, zones) {
			if tried == maxZonesRead {
				break
			}
			// Part of a zone read already (two lines of a TD1): not again.
			if !slices.ContainsFunc(z.lines, func(l *zoneLine) bool { return !slices.Contains(read, l) }) {
				continue
			}
			tried++
			read = append(read, z.lines...)
			seen := z.cellsSeen()
			ways := fitZone(g, z, seen)
			if ways[0].score < minZoneScore-0.05 {
				// Not OCR-B: rows of other print. Not worth reading.
				continue
			}
			ocrb = true
			// Of this zone's readings that do not check out (one per line
			// length and way round), only the one that decodes, and whose
			// cells look most like OCR-B.
			var kept mrz.Candidate
			var keptZone zoneRead
			keptDecodes := false
			for i, way := range ways {
				if i > 0 && way.score < ways[0].score-wayMargin {
					break
				}
				span := zoneInk(g, z, seen, way.reversed)
				for _, n := range span.widths(zoneWidths(len(z.lines), seen)) {
					c, frames, res := readZoneCells(g, z, n, seen, way.reversed, way.style, span)
					if res != nil && res.Valid {
						if readsClean(c) {
							return newZoneRead(c, frames, g, z, n, way.reversed)
						}
						// Check digits hold, yet some cells look like no
						// glyph: the grid may drift off the glyphs where
						// no check digit looks (the end of a name line).
						// Kept, unless another reading of the zone holds
						// and looks more like OCR-B.
						if !checked || meanScore(c) > meanScore(validRead.reading.Candidates[0]) {
							validRead, checked = newZoneRead(c, frames, g, z, n, way.reversed), true
						}
						continue
					}
					score := meanScore(c)
					if score < minZoneScore {
						continue
					}
					if d := res != nil; d && !keptDecodes || d == keptDecodes && score > meanScore(kept) {
						kept, keptZone, keptDecodes = c, newZoneRead(c, frames, g, z, n, way.reversed), d
					}
				}
			}
			// Below minZoneScore: rows of something else, a form's boxes, a
			// table.
			if len(kept.Cells) > 0 {
				if found.box.Empty() {
					keptZone.reading = found.reading
					found = keptZone
				}
				found.reading.Candidates = append(found.reading.Candidates, kept)
			}
		}
	}
	if checked {
		return validRead
	}
	return found
}

// wayFit is how a zone looks read one way round: the style of template
// its glyphs match best, and how well (the mean best coarse score of its
// cells).
type wayFit struct {
	reversed bool
	style    glyphStyle
	score    float64
}

// wayMargin is how much less like OCR-B a zone may look the other way
// round for that way to be read too, when the first does not check out:
// at a few pixels per cell, a zone upside down can look as much like
// OCR-B as the right way up.
const wayMargin = 0.05

// fitZone fits a zone read either way round, from every third cell seen,
// and returns the two fits, the best first.
func fitZone(g *image.Gray, z zoneGeom, seen int) [2]wayFit {
	var ways [2]wayFit
	for i, rev := range []bool{false, true} {
		st, score := fitStyle(zonePatches(g, z, seen, rev))
		ways[i] = wayFit{rev, st, score}
	}
	if ways[1].score > ways[0].score {
		ways[0], ways[1] = ways[1], ways[0]
	}
	return ways
}

// decodeOne decodes a single candidate (see mrz.Decode); nil when it does
// not decode. Only check digits and the layout matter to the zone reader:
// the day given to Decode does not.
func decodeOne(c mrz.Candidate) *mrz.Result {
	return mrz.Decode(mrz.Reading{Candidates: []mrz.Candidate{c}}, time.Now())
}

// zonePatches samples every third cell seen of a zone, read one way round.
func zonePatches(g *image.Gray, z zoneGeom, seen int, reversed bool) [][]float32 {
	var ps [][]float32
	for _, line := range cellFrames(z, 0, seen, reversed) {
		for k := 0; k < len(line); k += 3 {
			p := make([]float32, patchW*patchH)
			samplePatch(g, line[k], patchW, patchH, p)
			ps = append(ps, p)
		}
	}
	return ps
}

// fitStyle finds the style of template that the patches match best, and
// the mean best coarse score at that style: every third height at a middle
// blur, then every blur at the best height, then the heights around it.
func fitStyle(ps [][]float32) (best glyphStyle, score float64) {
	score = -1
	try := func(st glyphStyle) {
		if st.height < 0 || st.height >= len(templateHeights) || st.blur < 0 || st.blur >= numBlurs {
			return
		}
		total := 0.0
		for _, p := range ps {
			total += float64(coarseBest(p, st))
		}
		if f := total / float64(max(len(ps), 1)); f > score {
			best, score = st, f
		}
	}
	for h := 1; h < len(templateHeights); h += 3 {
		try(glyphStyle{h, 2})
	}
	for b := range numBlurs {
		if b != 2 {
			try(glyphStyle{best.height, b})
		}
	}
	for _, d := range []int{-1, 1} {
		try(glyphStyle{best.height + d, best.blur})
	}
	return best, score
}

// readZoneCells reads a zone of lines of n cells, seen over seen cells,
// read the way round and with the glyph style fitZone found.
// The zone's ends are uncertain by a cell or two (a glyph missed, a speck
// taken for one): of the windows of n cells, the one whose cells look most
// like OCR-B is returned, unless another checks out; with its decoding
// (nil when it does not decode).
func readZoneCells(g *image.Gray, z zoneGeom, n, seen int, reversed bool, st glyphStyle, span inkSpan) (mrz.Candidate, [][]frame, *mrz.Result) {
	lo, hi := min(0, seen-n)-1, max(0, seen-n)+1 // first cells tried
	if span.fits(n) {
		// Where the ink is, rather than where glyphs were seen.
		lo, hi = span.from+min(0, span.n-n)-1, span.from+max(0, span.n-n)+1
	}
	from, count := lo, hi+n-lo
	zc := sampleZone(g, z, from, count, reversed)
	cells := zc.read(g, st)
	type win struct {
		at    int
		score float64
	}
	var wins []win
	for at := lo; at <= hi; at++ {
		wins = append(wins, win{at - from, windowScore(cells, at-from, n)})
	}
	sort.SliceStable(wins, func(a, b int) bool { return wins[a].score > wins[b].score })
	frames := func(w win) [][]frame {
		out := make([][]frame, len(zc.frames))
		for i, l := range zc.frames {
			out[i] = l[w.at : w.at+n]
		}
		return out
	}
	first := window(cells, wins[0].at, n)
	firstRes := decodeOne(first)
	if firstRes != nil && firstRes.Valid {
		return first, frames(wins[0]), firstRes
	}
	for _, w := range wins[1:] {
		c := window(cells, w.at, n)
		if r := decodeOne(c); r != nil && r.Valid {
			return c, frames(w), r
		}
	}
	return first, frames(wins[0]), firstRes
}

// inkSpan is the run of a zone's columns of cells that hold ink: from
// its first column (0 is the first cell seen), n columns; none when n is
// 0. Glyphs too small or too faint to be seen by the zone finder (fillers
// at the end of a line, at a few pixels per cell) still hold ink, and
// paper past the zone's ends holds none.
type inkSpan struct {
	from, n int
}

// inkMargin is how many cells past the ends seen zoneInk looks at.
const inkMargin = 10

// zoneInk finds the span of ink of a zone: the longest run of columns of
// cells whose contrast (the most of the column's cells) is at least half
// the median column's over the cells seen.
func zoneInk(g *image.Gray, z zoneGeom, seen int, reversed bool) inkSpan {
	zc := sampleZone(g, z, -inkMargin, seen+2*inkMargin, reversed)
	cols := make([]float64, len(zc.patches[0]))
	for _, line := range zc.patches {
		for k, p := range line {
			cols[k] = math.Max(cols[k], patchContrast(p))
		}
	}
	inner := slices.Clone(cols[inkMargin : inkMargin+seen])
	slices.Sort(inner)
	min := 0.5 * inner[len(inner)/2]
	best, run := inkSpan{}, 0
	for k, c := range cols {
		if c < min {
			run = 0
			continue
		}
		run++
		if run > best.n {
			best = inkSpan{from: k - run + 1 - inkMargin, n: run}
		}
	}
	return best
}

// patchContrast is the spread of a patch's values over a template's
// window at no shift.
func patchContrast(p []float32) float64 {
	var s, q float64
	for j := shift; j < shift+tplH; j++ {
		for _, v := range p[j*patchW+shift : j*patchW+shift+tplW] {
			s += float64(v)
			q += float64(v) * float64(v)
		}
	}
	m := s / tplSize
	return math.Sqrt(math.Max(0, q/tplSize-m*m))
}

// fits reports whether the span is as long as a line of n cells, give or
// take a cell or two (a speck next to the zone, a faint end).
func (s inkSpan) fits(n int) bool { return s.n > 0 && s.n >= n-2 && s.n <= n+2 }

// widths keeps, of the line lengths ns, those the span fits; all of them
// when it fits none (glare can fade part of a line out of the span).
func (s inkSpan) widths(ns []int) []int {
	var fit []int
	for _, n := range ns {
		if s.fits(n) {
			fit = append(fit, n)
		}
	}
	if len(fit) == 0 {
		return ns
	}
	return fit
}

// zoneWidths lists the line lengths a zone of nlines lines, seen over
// seen cells, may have: TD1 has 3 lines of 30; TD2, MRV-B and the French
// identity card 2 of 36; TD3 and MRV-A 2 of 44.
func zoneWidths(nlines, seen int) []int {
	// A speck or a mark next to the zone may lengthen a row by a cell or
	// three; a faint end shorten it.
	switch {
	case nlines == 3 && seen <= 34:
		return []int{30}
	case nlines == 2 && seen <= 39:
		return []int{36, 44}
	case nlines == 2 && seen <= 48:
		return []int{44, 36}
	}
	return nil
}

// framesBox is the box around the cells.
func framesBox(frames [][]frame) image.Rectangle {
	var r image.Rectangle
	for _, l := range frames {
		for _, f := range l {
			h := f.pitch
			c := image.Rect(int(f.cx-h), int(f.cy-h), int(f.cx+h)+1, int(f.cy+h)+1)
			r = r.Union(c)
		}
	}
	return r
}

// shrink reduces g by an integer factor k, each pixel the mean of a k×k
// block.
func shrink(g *image.Gray, k int) *image.Gray {
	b := g.Bounds()
	w, h := b.Dx()/k, b.Dy()/k
	out := image.NewGray(image.Rect(0, 0, max(1, w), max(1, h)))
	sums := make([]int, w)
	for y := 0; y < h; y++ {
		clear(sums)
		for dy := 0; dy < k; dy++ {
			row := g.Pix[(y*k+dy)*g.Stride:]
			for x := 0; x < w; x++ {
				for _, v := range row[x*k : x*k+k] {
					sums[x] += int(v)
				}
			}
		}
		for x := 0; x < w; x++ {
			out.Pix[y*out.Stride+x] = uint8(sums[x] / (k * k))
		}
	}
	return out
}
