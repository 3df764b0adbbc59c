// Package safeyaml decodes YAML written by users (a dossier's settings,
// rule files) within bounds: a size limit, and a limit on the values that
// aliases expand to, so that an alias bomb ("billion laughs": a few
// hundred bytes whose nested aliases expand to billions of values) fails
// at once with a clear error instead of exhausting memory.
//
// github.com/goccy/go-yaml, which intake uses, expands aliases with no
// limit and has no option for one; this package measures the expansion on
// the parsed document, where an alias is a single node, before decoding.
package safeyaml

import (
	"errors"
	"fmt"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

const (
	// MaxBytes is the largest document decoded. The largest rule file is
	// 9 KB. The YAML parser's time grows with the square of a mapping's
	// keys (38 s for 60000 keys): at this size it stays under a second.
	MaxBytes = 64 << 10
	// MaxNodes is the most values a document may hold once its aliases
	// are expanded: far more than any settings or rule file, far less
	// than what would exhaust memory.
	MaxNodes = 100_000
	// MaxDepth is the deepest nesting of values decoded.
	MaxDepth = 100
)

// ErrLimit is wrapped by the errors of documents above a limit.
var ErrLimit = errors.New("above the limits of a YAML file")

// limitError is a document above a limit; it wraps ErrLimit.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }
func (e *limitError) Unwrap() error { return ErrLimit }

func limitf(format string, args ...any) error {
	return &limitError{msg: fmt.Sprintf(format, args...)}
}

// Unmarshal decodes data into v as yaml.UnmarshalWithOptions does, after
// checking that data is within MaxBytes, that its values nest at most
// MaxDepth deep and that it holds at most MaxNodes values once its aliases
// are expanded. A syntax error is returned as the YAML library gives it
// (a yaml.Error, with its position).
func Unmarshal(data []byte, v any, opts ...yaml.DecodeOption) error {
	if err := Check(data); err != nil {
		return err
	}
	return yaml.UnmarshalWithOptions(data, v, opts...)
}

// Check checks data against the limits without decoding it.
func Check(data []byte) error {
	if len(data) > MaxBytes {
		return limitf("the file holds %d bytes, more than %d: a settings or rule file is far smaller", len(data), MaxBytes)
	}
	if d := flowDepth(data); d > MaxDepth {
		return limitf("brackets nest %d deep, more than %d", d, MaxDepth)
	}
	if line, n := indicators(data); n > MaxDepth {
		return limitf("line %d: %d block indicators (-, ?, :, &, !) on one line, more than %d", line, n, MaxDepth)
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil // the decoder reports it, with its position
	}
	c := counter{anchors: map[string]int64{}}
	for _, doc := range file.Docs {
		if err := c.count(doc, 0); err != nil {
			return err
		}
	}
	return nil
}

// flowDepth is the deepest nesting of flow brackets ([ and {) in data,
// outside quoted strings and comments: it is measured before parsing,
// since the parser itself recurses on them.
func flowDepth(data []byte) int {
	depth, deepest := 0, 0
	var quote byte
	comment := false
	for i, b := range data {
		switch {
		case comment:
			comment = b != '\n'
		case quote != 0:
			if b == quote && (quote == '\'' || i == 0 || data[i-1] != '\\') {
				quote = 0
			}
		case b == '"' || b == '\'':
			quote = b
		case b == '#':
			comment = true
		case b == '[' || b == '{':
			depth++
			deepest = max(deepest, depth)
		case b == ']' || b == '}':
			depth = max(0, depth-1)
		case b == '\n':
			quote = 0
		}
	}
	return deepest
}

// indicators returns the line of data with the most block indicators
// ("- ", "? ", ": ", anchors and tags) outside quotes and comments, and
// their number. The parser's time grows with the square of their number
// on a line ("- - - - …" nests a sequence per dash), so they are counted
// before parsing; a line written by a person holds a few.
func indicators(data []byte) (line, most int) {
	n, ln := 0, 1
	var quote byte
	for i := 0; i < len(data); i++ {
		b := data[i]
		next := byte(' ')
		if i+1 < len(data) {
			next = data[i+1]
		}
		switch {
		case b == '\n':
			if n > most {
				line, most = ln, n
			}
			n, quote = 0, 0
			ln++
		case quote != 0:
			if b == quote && (quote == '\'' || data[i-1] != '\\') {
				quote = 0
			}
		case b == '"' || b == '\'':
			quote = b
		case b == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t'):
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case (b == '-' || b == '?' || b == ':') && (next == ' ' || next == '\t' || next == '\n'):
			n++
		case (b == '&' || b == '!') && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t'):
			n++
		}
	}
	if n > most {
		line, most = ln, n
	}
	return line, most
}

// counter counts the values of a document with its aliases expanded.
type counter struct {
	anchors map[string]int64 // the expanded size of each anchor's value; -1 while it is counted
	total   int64
}

// count adds the expanded size of n to c.total, failing as soon as it
// passes MaxNodes. Each node is visited once: an alias adds its anchor's
// size, counted when the anchor was.
func (c *counter) count(n ast.Node, depth int) error {
	_, err := c.size(n, depth)
	return err
}

func (c *counter) size(n ast.Node, depth int) (int64, error) {
	if n == nil {
		return 0, nil
	}
	if depth > MaxDepth {
		return 0, c.errorf(n, "values nest more than %d deep", MaxDepth)
	}
	var children []ast.Node
	switch n := n.(type) {
	case *ast.DocumentNode:
		children = []ast.Node{n.Body}
	case *ast.MappingNode:
		for _, v := range n.Values {
			children = append(children, v)
		}
	case *ast.MappingValueNode:
		children = []ast.Node{n.Key, n.Value}
	case *ast.MappingKeyNode:
		children = []ast.Node{n.Value}
	case *ast.SequenceNode:
		children = n.Values
	case *ast.TagNode:
		children = []ast.Node{n.Value}
	case *ast.AnchorNode:
		name := tokenValue(n.Name)
		c.anchors[name] = -1
		s, err := c.size(n.Value, depth+1)
		if err != nil {
			return 0, err
		}
		c.anchors[name] = s
		return s, nil
	case *ast.AliasNode:
		s, ok := c.anchors[tokenValue(n.Value)]
		switch {
		case !ok:
			s = 1 // an unknown anchor: the decoder reports it
		case s < 0:
			return 0, c.errorf(n, "the alias *%s refers to the value that holds it", tokenValue(n.Value))
		}
		return c.add(n, s)
	}
	s := int64(1)
	for _, ch := range children {
		if isNil(ch) {
			continue
		}
		cs, err := c.size(ch, depth+1)
		if err != nil {
			return 0, err
		}
		s += cs
		if s > MaxNodes {
			return 0, c.tooMany(n)
		}
	}
	if _, err := c.add(n, 1); err != nil {
		return 0, err
	}
	return s, nil
}

// add counts s more values in the document.
func (c *counter) add(n ast.Node, s int64) (int64, error) {
	c.total += s
	if c.total > MaxNodes || s > MaxNodes {
		return 0, c.tooMany(n)
	}
	return s, nil
}

func (c *counter) tooMany(n ast.Node) error {
	return c.errorf(n, "the aliases (*name) expand to more than %d values, an alias bomb: write the values out instead of repeating aliases", MaxNodes)
}

func (c *counter) errorf(n ast.Node, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return limitf("line %d: %s", tk.Position.Line, msg)
	}
	return limitf("%s", msg)
}

func tokenValue(n ast.Node) string {
	if isNil(n) || n.GetToken() == nil {
		return ""
	}
	return n.GetToken().Value
}

// isNil reports whether n is nil or a typed nil pointer, as the parser
// leaves for missing values.
func isNil(n ast.Node) bool {
	if n == nil {
		return true
	}
	switch n := n.(type) {
	case *ast.MappingValueNode:
		return n == nil
	case *ast.MappingNode:
		return n == nil
	case *ast.SequenceNode:
		return n == nil
	case *ast.AnchorNode:
		return n == nil
	case *ast.AliasNode:
		return n == nil
	case *ast.TagNode:
		return n == nil
	case *ast.MappingKeyNode:
		return n == nil
	case *ast.DocumentNode:
		return n == nil
	}
	return false
}
