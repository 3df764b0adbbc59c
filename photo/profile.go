package photo

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

// Background rules of a profile.
const (
	BackgroundWhite         = "white"           // white only
	BackgroundLight         = "light"           // white or light
	BackgroundLightNotWhite = "light-not-white" // light grey or blue; white forbidden
)

//go:embed profiles.yaml
var profilesYAML []byte

type profileYAML struct {
	Country      string  `yaml:"country"`
	WidthMM      float64 `yaml:"width_mm"`
	HeightMM     float64 `yaml:"height_mm"`
	HeadMinMM    float64 `yaml:"head_min_mm"`
	HeadMaxMM    float64 `yaml:"head_max_mm"`
	Background   string  `yaml:"background"`
	Colour       bool    `yaml:"colour"`
	MaxAgeMonths int     `yaml:"max_age_months"`
	Source       string  `yaml:"source"`
}

var profiles = mustLoadProfiles(profilesYAML)

// ParseProfiles reads profiles from YAML, strictly: an unknown key, a
// missing size or head band, or an unknown background rule is an error.
func ParseProfiles(data []byte) (map[string]Profile, error) {
	var raw []profileYAML
	if err := yaml.UnmarshalWithOptions(data, &raw, yaml.Strict()); err != nil {
		return nil, err
	}
	out := make(map[string]Profile, len(raw))
	for i, r := range raw {
		cc := strings.ToUpper(r.Country)
		switch {
		case len(cc) != 2:
			return nil, fmt.Errorf("profile %d: country %q is not an alpha-2 code", i+1, r.Country)
		case r.WidthMM <= 0 || r.HeightMM <= 0:
			return nil, fmt.Errorf("profile %s: width_mm and height_mm are required", cc)
		case r.HeadMinMM <= 0 || r.HeadMaxMM < r.HeadMinMM:
			return nil, fmt.Errorf("profile %s: head_min_mm and head_max_mm must make a band", cc)
		case r.Source == "":
			return nil, fmt.Errorf("profile %s: source is required", cc)
		}
		switch r.Background {
		case BackgroundWhite, BackgroundLight, BackgroundLightNotWhite:
		default:
			return nil, fmt.Errorf("profile %s: background %q is none of white, light, light-not-white", cc, r.Background)
		}
		if _, dup := out[cc]; dup {
			return nil, fmt.Errorf("profile %s: given twice", cc)
		}
		out[cc] = Profile{
			Country: cc, WidthMM: r.WidthMM, HeightMM: r.HeightMM, ToleranceMM: 1, MinDPI: 300,
			HeadMinMM: r.HeadMinMM, HeadMaxMM: r.HeadMaxMM, Background: r.Background,
			Colour: r.Colour, MaxAgeMonths: r.MaxAgeMonths, Source: r.Source,
		}
	}
	return out, nil
}

func mustLoadProfiles(data []byte) map[string]Profile {
	p, err := ParseProfiles(data)
	if err != nil {
		panic("photo: profiles.yaml: " + err.Error())
	}
	return p
}

// ProfileFor returns the photo profile of a country (alpha-2, any case).
func ProfileFor(country string) (Profile, bool) {
	p, ok := profiles[strings.ToUpper(strings.TrimSpace(country))]
	return p, ok
}

// Countries lists the countries that have a profile, sorted.
func Countries() []string {
	var cc []string
	for c := range profiles {
		cc = append(cc, c)
	}
	sort.Strings(cc)
	return cc
}

// For returns the country's profile, or Standard (size only, any light
// background) when intake has none for it.
func For(country string) Profile {
	if p, ok := ProfileFor(country); ok {
		return p
	}
	return Standard
}
