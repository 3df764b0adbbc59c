package photo

import (
	_ "embed"
	"math"
	"sort"
	"sync"

	pigo "github.com/esimov/pigo/core"
)

// The cascades of pigo (MIT; see cascade/LICENSE).
var (
	//go:embed cascade/facefinder
	facefinderData []byte
	//go:embed cascade/puploc
	puplocData []byte
)

var (
	cascadeOnce sync.Once
	faceCascade *pigo.Pigo
	pupCascade  *pigo.PuplocCascade
	cascadeErr  error
)

func cascades() (*pigo.Pigo, *pigo.PuplocCascade, error) {
	cascadeOnce.Do(func() {
		faceCascade, cascadeErr = pigo.NewPigo().Unpack(facefinderData)
		if cascadeErr != nil {
			return
		}
		pupCascade, cascadeErr = pigo.NewPuplocCascade().UnpackCascade(puplocData)
	})
	return faceCascade, pupCascade, cascadeErr
}

// face is a detected face in working-image pixels.
type face struct {
	row, col, size float64 // centre and side of pigo's square box
	q              float64 // detection score
	angle          float64 // detection angle, fraction of a turn (0: upright)
	eyeL, eyeR     [2]float64
	eyes           bool // both pupils found
}

// minFaceScore is the pigo score below which a detection is noise.
const minFaceScore = 8

// detectFaces finds the faces of a grey image of w×h pixels, biggest
// first. It tries upright, then slightly rotated windows.
func detectFaces(gray []uint8, w, h int) ([]face, error) {
	fc, pc, err := cascades()
	if err != nil {
		return nil, err
	}
	img := pigo.ImageParams{Pixels: gray, Rows: h, Cols: w, Dim: w}
	m := min(w, h)
	params := pigo.CascadeParams{
		MinSize: max(20, m/8), MaxSize: m, ShiftFactor: 0.1, ScaleFactor: 1.1, ImageParams: img,
	}
	var faces []face
	for _, angle := range []float64{0, 1.0 / 32, 31.0 / 32} { // pigo rotates by 1/32 of a turn
		dets := fc.RunCascade(params, angle)
		dets = fc.ClusterDetections(dets, 0.2)
		for _, d := range dets {
			if float64(d.Q) < minFaceScore {
				continue
			}
			f := face{row: float64(d.Row), col: float64(d.Col), size: float64(d.Scale), q: float64(d.Q), angle: angle}
			dup := false
			for i, g := range faces {
				if math.Hypot(g.row-f.row, g.col-f.col) < 0.5*math.Max(g.size, f.size) {
					dup = true
					if f.q > g.q && g.angle == f.angle {
						faces[i] = f
					}
				}
			}
			if !dup {
				faces = append(faces, f)
			}
		}
		if len(faces) > 0 {
			break
		}
	}
	// A face much smaller than the biggest one is a false detection in
	// the background or the clothes, unless it scores as well.
	sort.Slice(faces, func(i, j int) bool { return faces[i].size > faces[j].size })
	kept := faces[:0]
	for _, f := range faces {
		if len(kept) == 0 || f.size > 0.5*kept[0].size {
			kept = append(kept, f)
		}
	}
	for i := range kept {
		findPupils(pc, img, &kept[i])
	}
	return kept, nil
}

// findPupils locates the pupils with puploc, starting from where they are
// in an average face. puploc perturbs its start with math/rand: the
// median of 63 tries is stable to a pixel or two.
func findPupils(pc *pigo.PuplocCascade, img pigo.ImageParams, f *face) {
	a := f.angle * 2 * math.Pi
	if a > math.Pi {
		a -= 2 * math.Pi
	}
	// Offsets of the eyes from the box centre, rotated with the box.
	off := func(dx, dy float64) (float64, float64) {
		s, c := math.Sin(a), math.Cos(a)
		return f.col + dx*c - dy*s, f.row + dx*s + dy*c
	}
	lx, ly := off(-0.175*f.size, -0.075*f.size)
	rx, ry := off(0.175*f.size, -0.075*f.size)
	start := func(x, y float64) pigo.Puploc {
		return pigo.Puploc{Row: int(y), Col: int(x), Scale: float32(f.size) * 0.25, Perturbs: 63}
	}
	l := pc.RunDetector(start(lx, ly), img, f.angle, false)
	r := pc.RunDetector(start(rx, ry), img, f.angle, false)
	f.eyeL, f.eyeR = [2]float64{lx, ly}, [2]float64{rx, ry}
	if l != nil && l.Row > 0 && l.Col > 0 {
		f.eyeL = [2]float64{float64(l.Col), float64(l.Row)}
	}
	if r != nil && r.Row > 0 && r.Col > 0 {
		f.eyeR = [2]float64{float64(r.Col), float64(r.Row)}
	}
	// Pupils further apart than the box, or closer than a fifth of it,
	// are not pupils: keep the average positions.
	d := math.Hypot(f.eyeR[0]-f.eyeL[0], f.eyeR[1]-f.eyeL[1])
	f.eyes = d > 0.2*f.size && d < 0.7*f.size
	if !f.eyes {
		f.eyeL, f.eyeR = [2]float64{lx, ly}, [2]float64{rx, ry}
	}
}
