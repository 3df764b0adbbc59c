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
	"bytes"
	"errors"
	"fmt"
	"math"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

const (
	// MaxBytes is the largest document decoded: the largest rule file is
	// 19 KB. The parser reads about half a megabyte a second.
	MaxBytes = 256 << 10
	// MaxKeys is the most keys one block mapping may have. The YAML
	// parser's time grows with the square of a mapping's keys (3.5 s for
	// 15000): this bounds it. A rule file's largest mapping has about 20.
	MaxKeys = 1000
	// MaxNodes is the most values aliases may add to a document once
	// expanded: far more than any settings or rule file repeats, far less
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
// MaxDepth deep, that no block mapping has more than MaxKeys keys, and
// that its aliases, expanded, add at most MaxNodes values. A syntax error is returned as the YAML library gives it
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
	if line, n := siblingKeys(data); n > MaxKeys {
		return limitf("line %d: a mapping with more than %d keys", line, MaxKeys)
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

// siblingKeys returns the line where a block mapping of data reaches the
// most keys, and their number, counting lines of the form "key: …" at the
// same indentation with no line less indented between them. It is an
// estimate made before parsing (a line of a block scalar may count), good
// enough to bound the parser's time.
func siblingKeys(data []byte) (line, most int) {
	type level struct{ indent, keys int }
	var stack []level
	for ln, l := range bytes.Split(data, []byte("\n")) {
		indent := 0
		for indent < len(l) && l[indent] == ' ' {
			indent++
		}
		rest := l[indent:]
		if len(bytes.TrimSpace(rest)) == 0 || rest[0] == '#' {
			continue
		}
		// "- key: value" is a key of a new mapping, two columns in.
		for len(rest) >= 2 && rest[0] == '-' && rest[1] == ' ' {
			for len(stack) > 0 && stack[len(stack)-1].indent > indent {
				stack = stack[:len(stack)-1]
			}
			indent += 2
			rest = bytes.TrimLeft(rest[2:], " ")
		}
		for len(stack) > 0 && stack[len(stack)-1].indent > indent {
			stack = stack[:len(stack)-1]
		}
		if !bytes.Contains(rest, []byte(": ")) && !bytes.HasSuffix(bytes.TrimRight(rest, " \r"), []byte(":")) {
			continue
		}
		if len(stack) > 0 && stack[len(stack)-1].indent == indent {
			stack[len(stack)-1].keys++
		} else {
			stack = append(stack, level{indent, 1})
		}
		if k := stack[len(stack)-1].keys; k > most {
			line, most = ln+1, k
		}
	}
	return line, most
}

// counter counts the values aliases add to a document once expanded.
type counter struct {
	anchors map[string]int64 // the expanded size of each anchor's value; -1 while it is counted
	aliased int64            // the values the aliases seen so far expand to
}

// count counts the values under n, failing as soon as its aliases add
// more than MaxNodes. Each node is visited once: an alias adds its
// anchor's size, counted when the anchor was.
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
		s = min(s+cs, math.MaxInt64/2) // sizes grow only through aliases, refused long before
	}
	return s, nil
}

// add counts the s values an alias expands to.
func (c *counter) add(n ast.Node, s int64) (int64, error) {
	c.aliased += s
	if c.aliased > MaxNodes || s > MaxNodes {
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
