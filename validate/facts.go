package validate

import (
	"fmt"
	"slices"
	"strings"
)

// FactValues returns the values a fact of Facts may take ("application",
// "family", "basis", "housing", "activity"), for intake.yaml's documentation and checks; nil for
// an open-ended fact (nationality, region).
func FactValues(fact string) []string {
	return slices.Clone(conditionValues[fact])
}

// Check reports a fact that holds a value no rule file can test, naming its
// intake.yaml key and the values allowed. Region is checked against p's
// regions when p is given and has some.
func (f Facts) Check(p *Procedure) error {
	for _, kv := range [][2]string{{"application", f.Application}, {"family", f.Family}, {"basis", f.Basis},
		{"housing", f.Housing}, {"activity", f.Activity}} {
		if kv[1] != "" && !slices.Contains(conditionValues[kv[0]], strings.ToLower(kv[1])) {
			return fmt.Errorf("%s %q: want one of %s", kv[0], kv[1], strings.Join(conditionValues[kv[0]], ", "))
		}
	}
	if f.Region != "" && p != nil && len(p.Regions) > 0 {
		if _, ok := p.Regions[strings.ToLower(f.Region)]; !ok {
			return fmt.Errorf("region %q: want one of %s", f.Region, strings.Join(sortedKeys(p.Regions), ", "))
		}
	}
	return nil
}
