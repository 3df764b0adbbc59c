package intake

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{
		"country: rs\nprocedure: permanent-residence-renewal\nnationality: CN\nappointment: 2026-12-01\n",
		"country: FR\napplication: renewal\nfamily: married\nbasis: work\nbirth_date: 1990-01-31\n",
		"country: BE\nregion: flanders\n",
		"# nothing yet\n",
		"country: FR\nappointement: 2026-01-01\n",
		"- FR\n",
		"country: &c FR\nnationality: *c\n",
		"country: [\n",
		"country: \"\\u00e9\"\nprocedure: 'x''y'\n",
		"country: !!binary AAAA\n",
		"? country\n: FR\n",
		"--- \ncountry: FR\n---\ncountry: BE\n",
		aliasBomb(),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := parseConfig(data)
		if err != nil {
			if !reflect.DeepEqual(c, Config{}) {
				t.Fatalf("a config %+v with an error", c)
			}
			if strings.TrimSpace(err.Error()) == "" {
				t.Fatal("an empty error message")
			}
			return
		}
		// A config that decodes encodes and decodes to itself.
		out, err := yaml.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		back, err := parseConfig(out)
		if len(back.Documents) == 0 && len(c.Documents) == 0 {
			back.Documents, c.Documents = nil, nil // none, however written
		}
		if err != nil || !reflect.DeepEqual(back, c) {
			t.Fatalf("round trip of %+v: %+v, %v (%s)", c, back, err, out)
		}
	})
}

// aliasBomb is the "billion laughs": 400-odd bytes whose aliases expand
// to 10^9 values, the last into a field of Config (the form that made
// intake hang).
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("x0: &x0 [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "x%d: &x%d [", i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "*x%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("country: *x8\n")
	return b.String()
}
