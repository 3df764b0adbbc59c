package report

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"image"
	"image/jpeg"
	"io"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/disintegration/imaging"
	"golang.org/x/sync/errgroup"

	"github.com/intake-app/intake/document"
	"github.com/intake-app/intake/intake"
	"github.com/intake-app/intake/ocr"
	"github.com/intake-app/intake/validate"
)

// HTMLOptions say how to render the HTML report.
type HTMLOptions struct {
	// Thumbnail returns a small JPEG of a document's first page; nil
	// means Thumbnail (this package's).
	Thumbnail func(ctx context.Context, d document.Document) ([]byte, error)
	// Lang is the language of the report (see i18n.Languages); "" is English.
	Lang string
	// Details opens the folded section of each document that shows what
	// the reading measured (MRZ, OCR confidence); it is always there.
	Details bool
	// Today: see TextOptions.Today.
	Today bool
}

// thumbSide is the longest side of a thumbnail, in pixels.
const thumbSide = 360

// WriteHTML writes the report as one self-contained HTML page: no script,
// no network, no external file (styles inline, thumbnails as data: URIs).
// The verdict comes first, then what to do, each requirement with its
// status, then each document as a thumbnail of its first page with what
// was read of it; the machine-readable zone of a passport or card is
// outlined on its thumbnail.
func WriteHTML(ctx context.Context, w io.Writer, in *intake.Result, opt HTMLOptions) error {
	thumb := opt.Thumbnail
	if thumb == nil {
		thumb = Thumbnail
	}
	v := newView(in, opt.Lang, opt.Details, opt.Today)
	page := htmlPage{view: v, Open: opt.Details}
	for _, r := range v.Reqs {
		page.Requirements = append(page.Requirements, htmlRequirement{viewReq: r, Class: severityClass(r.Severity)})
	}
	docs := append(append([]viewDoc(nil), v.Docs...), v.Unread...)
	page.Documents = make([]htmlDocument, len(docs))
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for i, vd := range docs {
		d := vd.Doc
		hd := &page.Documents[i]
		hd.viewDoc = vd
		hd.TypeToken = string(d.Type)
		if hd.TypeToken == "" {
			hd.TypeToken = string(document.Unknown)
		}
		hd.Anchor = fmt.Sprintf("doc-%d", i+1)
		hd.FileParts = strings.SplitAfter(d.File, "/")
		if d.Path == "" {
			continue
		}
		g.Go(func() error {
			// A thumbnail is an illustration: one that cannot be made (or
			// a bug making it) leaves its card without a picture.
			defer func() { _ = recover() }()
			b, err := thumb(ctx, d)
			if err != nil || len(b) == 0 {
				return nil
			}
			hd.Thumb = template.URL("data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(b))
			if !d.MRZBox.Empty() {
				rot := 0
				if len(d.Layout) > 0 {
					rot = d.Layout[0].Rotation
				}
				r := asScanned(d.MRZBox, rot)
				hd.MRZ = template.CSS(fmt.Sprintf("left:%.1f%%;top:%.1f%%;width:%.1f%%;height:%.1f%%",
					float64(r.Min.X)/10, float64(r.Min.Y)/10, float64(r.Dx())/10, float64(r.Dy())/10))
			}
			return nil
		})
	}
	_ = g.Wait() // every goroutine returns nil: thumbnails are best effort
	fileDoc := map[string]string{}
	for _, d := range page.Documents {
		fileDoc[d.Doc.File] = d.Anchor
	}
	for i := range page.Requirements {
		for _, f := range page.Requirements[i].Files {
			page.Requirements[i].Links = append(page.Requirements[i].Links, htmlLink{f, fileDoc[f]})
		}
	}
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, page); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// asScanned maps a box on the upright page (thousandths) back onto the
// page as scanned, which was turned clockwise by rot degrees to be read.
func asScanned(r image.Rectangle, rot int) image.Rectangle {
	f := func(p image.Point) image.Point {
		switch ((rot % 360) + 360) % 360 {
		case 90:
			return image.Pt(p.Y, 1000-p.X)
		case 180:
			return image.Pt(1000-p.X, 1000-p.Y)
		case 270:
			return image.Pt(1000-p.Y, p.X)
		}
		return p
	}
	return image.Rectangle{Min: f(r.Min), Max: f(r.Max)}.Canon()
}

// Thumbnail returns a small JPEG of the first page of d, as scanned: a PDF's
// first page rendered by poppler's pdftoppm at 40 dpi, an image scaled down.
func Thumbnail(ctx context.Context, d document.Document) ([]byte, error) {
	var img image.Image
	if d.Format == "application/pdf" || strings.EqualFold(filepath.Ext(d.Path), ".pdf") && d.Format == "" {
		var err error
		if img, err = ocr.Thumbnail(ctx, d.Path, 40); err != nil {
			return nil, err
		}
	} else {
		data, err := ocr.Limits{}.ReadFile(d.Path)
		if err != nil {
			return nil, err
		}
		if img, err = ocr.DecodeImage(data); err != nil {
			return nil, err
		}
	}
	if img.Bounds().Empty() {
		return nil, errors.New("empty image")
	}
	img = imaging.Fit(img, thumbSide, thumbSide, imaging.Box)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 70}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type htmlPage struct {
	*view
	Open         bool // the details sections start open (--details)
	Requirements []htmlRequirement
	Documents    []htmlDocument
}

type htmlRequirement struct {
	viewReq
	Class string
	Links []htmlLink
}

type htmlLink struct{ File, Anchor string }

type htmlDocument struct {
	viewDoc
	TypeToken string // the document type's token, for scripts (data-type)
	Anchor    string
	// FileParts are the file's path split after each slash: long paths
	// wrap there on a narrow card.
	FileParts []string
	Thumb     template.URL
	MRZ       template.CSS // the MRZ band's position on the thumbnail
}

func severityClass(s validate.Severity) string {
	return [...]string{validate.Fine: "ok", validate.Warning: "warn", validate.Failing: "bad"}[s]
}

var htmlTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>{{.Verdict}} — {{.Title}}</title>
<style>
:root { --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --line: #d0d7de; --dim: #57606a; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1f2328; margin: 0 auto; padding: 1rem; max-width: 72rem; }
h1 { font-size: 1.25rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
.meta { color: var(--dim); margin: 0 0 1rem; }
.verdict { border-radius: .5rem; padding: 1rem 1.25rem; font-size: 1.35rem; font-weight: 700; color: #fff; }
.verdict.ready { background: var(--ok); }
.verdict.notready { background: var(--bad); }
.verdict small { display: block; font-size: 1rem; font-weight: 400; }
ul.reqs { list-style: none; padding: 0; margin: 0; }
ul.reqs li { display: grid; grid-template-columns: 8.5rem 1fr; gap: .25rem .75rem; padding: .6rem 0; border-bottom: 1px solid var(--line); }
.status { font-weight: 700; white-space: nowrap; }
.status.ok { color: var(--ok); } .status.warn { color: var(--warn); } .status.bad { color: var(--bad); }
.local, .files, .source { color: var(--dim); font-size: .9rem; }
.files a { color: inherit; }
.msg { grid-column: 2; }
.docs { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
.doc { border: 1px solid var(--line); border-radius: .5rem; overflow: hidden; break-inside: avoid; page-break-inside: avoid; }
.doc.error { border-color: var(--bad); }
.thumb { position: relative; background: #f6f8fa; text-align: center; line-height: 0; }
.thumb .frame { position: relative; display: inline-block; max-width: 100%; }
.thumb img { display: block; max-width: 100%; max-height: 18rem; width: auto; height: auto; }
.mrz { position: absolute; border: 3px solid #e36209; background: rgba(227, 98, 9, .18); }
.nothumb { padding: 3rem 1rem; color: var(--dim); line-height: 1.4; }
.body { padding: .6rem .8rem; }
.file { font-weight: 600; overflow-wrap: anywhere; }
.type { display: inline-block; background: #ddf4ff; color: #0969da; border-radius: 1rem; padding: 0 .6rem; font-size: .85rem; margin: .2rem 0; }
ul.facts { list-style: none; padding: 0; margin: .4rem 0 0; font-size: .9rem; word-break: break-word; }
details { margin: .4rem 0 0; font-size: .9rem; color: var(--dim); }
ol.todo { margin: 0; padding-left: 1.6rem; } ol.todo li { margin: .3rem 0; overflow-wrap: anywhere; }
ul.problems { margin: .5rem 0 0; padding-left: 1.1rem; color: var(--warn); font-size: .9rem; }
.err { color: var(--bad); font-size: .9rem; margin: .4rem 0 0; }
@media (max-width: 40rem) {
  body { padding: .6rem; }
  ul.reqs li { grid-template-columns: 1fr; }
  .msg { grid-column: 1; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .docs { grid-template-columns: repeat(3, 1fr); }
  .thumb, .mrz { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .files a { text-decoration: none; }
  ul.reqs li { break-inside: avoid; }
}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="meta">{{.Key}}</p>
<p class="meta">{{.Checked}}</p>
<div class="verdict {{if .Ready}}ready{{else}}notready{{end}}" id="verdict">{{.Verdict}}<small>{{.Summary}}.</small></div>
{{if .Deadlines}}<p class="deadlines" id="deadlines"><strong>{{.DeadlinesHead}}</strong> {{.Deadlines}}</p>{{end}}
</header>
<main>
{{if .Todo}}<section id="todo">
<h2>{{.TodoHead}}</h2>
<ol class="todo">{{range .Todo}}<li class="{{if .Blocking}}bad{{else}}warn{{end}}">{{.Text}}</li>{{end}}</ol>
</section>
{{end}}<section>
<h2>{{.Labels.Requirements}}</h2>
<ul class="reqs">
{{range .Requirements}}<li class="req" data-id="{{.ID}}" data-status="{{.Status}}">
<span class="status {{.Class}}">{{.Severity.Mark}} {{.Word}}</span>
<span>{{.Title}}{{range .Notes}} <span class="local">({{.}})</span>{{end}}{{if .Local}}<br><span class="local">{{.Local}}</span>{{end}}{{if .Links}}<br><span class="files">{{range $i, $l := .Links}}{{if $i}}, {{end}}{{if $l.Anchor}}<a href="#{{$l.Anchor}}">{{$l.File}}</a>{{else}}{{$l.File}}{{end}}{{end}}</span>{{end}}</span>
{{if .Message}}<span class="msg">{{.Message}}</span>{{end}}
</li>
{{end}}</ul>
</section>
<section>
<h2>{{.Labels.Documents}}</h2>
<div class="docs">
{{range .Documents}}<article class="doc{{if .Doc.Error}} error{{end}}" id="{{.Anchor}}" data-type="{{.TypeToken}}">
<div class="thumb">{{if .Thumb}}<span class="frame"><img src="{{.Thumb}}" alt="{{.Doc.File}}">{{if .MRZ}}<span class="mrz" style="{{.MRZ}}" title="MRZ"></span>{{end}}</span>{{else}}<div class="nothumb">{{$.Labels.NoPreview}}</div>{{end}}</div>
<div class="body">
<div class="file">{{range $i, $p := .FileParts}}{{if $i}}<wbr>{{end}}{{$p}}{{end}}</div>
<span class="type">{{.TypeName}}</span>
{{if .Doc.Error}}<p class="err">✗ {{.Doc.Error}}</p>{{end}}
{{if .Facts}}<ul class="facts">{{range .Facts}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if or .Problems .Unchecked}}<ul class="problems">{{range .Problems}}<li>{{.}}</li>{{end}}{{range .Unchecked}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if .Extra}}<details{{if $.Open}} open{{end}}><summary>{{$.Labels.Details}}</summary><ul class="facts">{{range .Extra}}<li>{{.}}</li>{{end}}</ul></details>{{end}}
</div>
</article>
{{end}}</div>
</section>
</main>
</body>
</html>
`))
