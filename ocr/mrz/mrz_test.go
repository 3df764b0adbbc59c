package mrz

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// ICAO 9303 specimens.
var (
	td3 = []string{
		"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
		"L898902C36UTO7408122F1204159ZE184226B<<<<<10",
	}
	td1 = []string{
		"I<UTOD231458907<<<<<<<<<<<<<<<",
		"7408122F1204159UTO<<<<<<<<<<<6",
		"ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
	}
	td2 = []string{
		"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
		"D231458907UTO7408122F1204159<<<<<<<6",
	}
)

// Zones composed for the tests (check digits computed independently).
var (
	mrva = []string{
		"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
		"L8988901C4XXX4009078F9612109ZE184226B<<<<<<<",
	}
	mrvb = []string{
		"V<DDOMUSTERMANN<<ERIKA<<<<<<<<<<<<<<",
		"A1234567<6DDO8802299M2703154<<<<<<<<",
	}
	td1Long = []string{
		"I<UTOD23145890<1233<<<<<<<<<<<",
		"7408122F1204159UTO<<<<<<<<<<<2",
		"ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
	}
	td1German = []string{
		"IDD<<T220001293<<<<<<<<<<<<<<<",
		"6408125F3109247D<<<<<<<<<<<<<2",
		"MUSTERMANN<<<<<<<<<<<<<<<<<<<<",
	}
	td3Single = []string{
		"P<UTOMADONNA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
		"X123456785UTO5808164F3301018<<<<<<<<<<<<<<<8",
	}
)

// fields is what the tests compare; checks lists the fields checked, a '!'
// prefix marking a failing check.
type fields struct {
	Format                                   Format
	Valid                                    bool
	DocumentType, IssuingState, DocNumber    string
	Nationality                              string
	Birth                                    time.Time
	Sex                                      string
	Expiry                                   time.Time
	Surname, GivenNames, Optional, Optional2 string
	Checks                                   string
	Corrections                              int
}

func project(r *Result) fields {
	var cs []string
	for _, c := range r.Checks {
		if c.OK {
			cs = append(cs, c.Field)
		} else {
			cs = append(cs, "!"+c.Field)
		}
	}
	return fields{
		Format: r.Format, Valid: r.Valid, DocumentType: r.DocumentType, IssuingState: r.IssuingState,
		DocNumber: r.DocumentNumber, Nationality: r.Nationality, Birth: r.BirthDate, Sex: r.Sex,
		Expiry: r.ExpiryDate, Surname: r.Surname, GivenNames: r.GivenNames, Optional: r.OptionalData,
		Optional2: r.OptionalData2, Checks: strings.Join(cs, " "), Corrections: r.Corrections,
	}
}

const (
	checksTD3 = "document_number birth_date expiry_date optional_data composite"
	checksTD  = "document_number birth_date expiry_date composite"
	checksMRV = "document_number birth_date expiry_date"
)

var (
	wantTD3 = fields{
		Format: TD3, Valid: true, DocumentType: "P", IssuingState: "UTO", DocNumber: "L898902C3",
		Nationality: "UTO", Birth: date(1974, 8, 12), Sex: "F",
		// Expiry "120415": with now in 2026 the window is [1947, 2046],
		// so the (expired) specimen expires in 2012, not 2112.
		Expiry:  date(2012, 4, 15),
		Surname: "ERIKSSON", GivenNames: "ANNA MARIA", Optional: "ZE184226B", Checks: checksTD3,
	}
	wantTD1 = fields{
		Format: TD1, Valid: true, DocumentType: "I", IssuingState: "UTO", DocNumber: "D23145890",
		Nationality: "UTO", Birth: date(1974, 8, 12), Sex: "F", Expiry: date(2012, 4, 15),
		Surname: "ERIKSSON", GivenNames: "ANNA MARIA", Checks: checksTD,
	}
	wantTD2 = fields{
		Format: TD2, Valid: true, DocumentType: "I", IssuingState: "UTO", DocNumber: "D23145890",
		Nationality: "UTO", Birth: date(1974, 8, 12), Sex: "F", Expiry: date(2012, 4, 15),
		Surname: "ERIKSSON", GivenNames: "ANNA MARIA", Checks: checksTD,
	}
)

func with(f fields, change func(*fields)) fields {
	change(&f)
	return f
}

func invalid(f fields, checks string) fields {
	f.Valid = false
	f.Checks = checks
	return f
}

func corrected(f fields, n int) fields {
	f.Corrections = n
	return f
}

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  fields
	}{
		{"TD3 specimen", td3, wantTD3},
		{"TD1 specimen", td1, wantTD1},
		{"TD2 specimen", td2, wantTD2},
		{"MRV-A", mrva, fields{
			Format: MRVA, Valid: true, DocumentType: "V", IssuingState: "UTO", DocNumber: "L8988901C",
			Nationality: "XXX", Birth: date(1940, 9, 7), Sex: "F", Expiry: date(1996, 12, 10),
			Surname: "ERIKSSON", GivenNames: "ANNA MARIA", Optional: "ZE184226B", Checks: checksMRV,
		}},
		{"MRV-B", mrvb, fields{
			Format: MRVB, Valid: true, DocumentType: "V", IssuingState: "DDO", DocNumber: "A1234567",
			Nationality: "DDO", Birth: date(1988, 2, 29), Sex: "M", Expiry: date(2027, 3, 15),
			Surname: "MUSTERMANN", GivenNames: "ERIKA", Checks: checksMRV,
		}},
		{"TD1 long document number", td1Long, with(wantTD1, func(f *fields) { f.DocNumber = "D23145890123" })},
		{"TD1 German D<<, single name", td1German, fields{
			Format: TD1, Valid: true, DocumentType: "ID", IssuingState: "D", DocNumber: "T22000129",
			Nationality: "D", Birth: date(1964, 8, 12), Sex: "F", Expiry: date(2031, 9, 24),
			Surname: "MUSTERMANN", Checks: checksTD,
		}},
		{"TD3 single name, empty optional data with '<' check digit", td3Single, fields{
			Format: TD3, Valid: true, DocumentType: "P", IssuingState: "UTO", DocNumber: "X12345678",
			Nationality: "UTO", Birth: date(1958, 8, 16), Sex: "F", Expiry: date(2033, 1, 1),
			Surname: "MADONNA", Checks: checksTD3,
		}},

		// Layout noise.
		{"spaces and lower case", []string{
			"  p<utoERIKSSON << ANNA<MARIA<<<<<<<<<<<<<<<<<<<  ",
			"L898 902C36 UTO 7408122 F 1204159 ZE184226B<<<<<10\t",
		}, wantTD3},
		{"blank lines around", []string{"", td3[0], "   ", td3[1], ""}, wantTD3},
		{"line one too long (trailing filler)", []string{td3[0] + "<", td3[1]}, corrected(wantTD3, 1)},
		{"line two too long (filler inside a run)", []string{td3[0], "L898902C36UTO7408122F1204159ZE184226B<<<<<<<10"}, corrected(wantTD3, 2)},
		{"line one too short", []string{td3[0][:43], td3[1]}, corrected(wantTD3, 1)},
		{"line two too short (filler dropped inside a run)", []string{td3[0], "L898902C36UTO7408122F1204159ZE184226B<<<<10"}, corrected(wantTD3, 1)},
		{"TD1 lines too short", []string{td1[0][:29], td1[1], td1[2][:28]}, corrected(wantTD1, 3)},
		{"guillemet for <<", []string{"P<UTOERIKSSON«ANNA<MARIA<<<<<<<<<<<<<<<<<<<", td3[1]}, wantTD3},

		// OCR confusions in numeric fields.
		{"O for 0 in birth date", []string{td3[0], "L898902C36UTO74O8122F1204159ZE184226B<<<<<10"}, corrected(wantTD3, 1)},
		{"I for 1 and S for 5 in expiry", []string{td3[0], "L898902C36UTO7408122FI204IS9ZE184226B<<<<<10"}, corrected(wantTD3, 3)},
		{"O for 0 in check digits", []string{td3[0], "L898902C36UTO7408122F1204159ZE184226B<<<<<1O"}, corrected(wantTD3, 1)},
		{"G for 6 in composite", []string{td1[0], "7408122F1204159UTO<<<<<<<<<<<G", td1[2]}, corrected(wantTD1, 1)},
		{"B for 8 and Z for 2 in birth date", []string{td3[0], "L898902C36UTO74OB1ZZF1204159ZE184226B<<<<<10"}, corrected(wantTD3, 4)},
		{"S for 5 in TD2 expiry check digit", []string{td2[0], "D231458907UTO7408122F12041S9<<<<<<<6"}, corrected(wantTD2, 1)},

		// OCR confusions in alphabetic fields.
		{"0 for O in states and names", []string{"P<UT0ERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UT07408122F1204159ZE184226B<<<<<10"}, corrected(wantTD3, 3)},
		{"German D<< read as DKK", []string{"IDDKKT220001293<<<<<<<<<<<<<<<", td1German[1], td1German[2]}, corrected(with(func() fields {
			f := fields{
				Format: TD1, Valid: true, DocumentType: "ID", IssuingState: "D", DocNumber: "T22000129",
				Nationality: "D", Birth: date(1964, 8, 12), Sex: "F", Expiry: date(2031, 9, 24),
				Surname: "MUSTERMANN", Checks: checksTD,
			}
			return f
		}(), func(*fields) {}), 2)},

		// Fillers read as letters.
		{"fillers read as K after the given names", []string{"P<UTOERIKSSON<<ANNA<MARIAKK<<<K<<<<<KK<<<<<<", td3[1]}, corrected(wantTD3, 5)},
		{"fillers read as K/S/E at the end", []string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<KSEK", td3[1]}, corrected(wantTD3, 4)},
		{"single K token among given names", []string{"P<UTOERIKSSON<<ANNA<MARIA<K<<<<<<<<<<<<<<<<<", td3[1]}, corrected(wantTD3, 1)},
		{"single name with K fillers", []string{"P<UTOMADONNA<<<<K<<<<<<<<<<<<<<<<<<<<<<<<<<<", td3Single[1]},
			with(corrected(fields{
				Format: TD3, Valid: true, DocumentType: "P", IssuingState: "UTO", DocNumber: "X12345678",
				Nationality: "UTO", Birth: date(1958, 8, 16), Sex: "F", Expiry: date(2033, 1, 1),
				Surname: "MADONNA", Checks: checksTD3,
			}, 1), func(*fields) {})},
		{"empty optional data and its '<' check digit read as K", []string{td3Single[0], "X123456785UTO5808164F3301018<<<KK<<<<<<<<<K8"},
			corrected(fields{
				Format: TD3, Valid: true, DocumentType: "P", IssuingState: "UTO", DocNumber: "X12345678",
				Nationality: "UTO", Birth: date(1958, 8, 16), Sex: "F", Expiry: date(2033, 1, 1),
				Surname: "MADONNA", Checks: checksTD3,
			}, 3)},
		{"optional data fillers read as K", []string{td3[0], "L898902C36UTO7408122F1204159ZE184226B<<KK<10"}, corrected(wantTD3, 2)},
		{"optional data fillers read as K right after data", []string{td3[0], "L898902C36UTO7408122F1204159ZE184226BKK<<<10"}, corrected(wantTD3, 2)},
		{"TD1 line 2 fillers read as K", []string{td1[0], "7408122F1204159UTO<<K<<<<S<<<6", td1[2]}, corrected(wantTD1, 2)},
		{"sex filler read as K", []string{td3[0], "L898902C36UTO7408122K1204159ZE184226B<<<<<10"}, corrected(with(wantTD3, func(f *fields) { f.Sex = "X" }), 1)},

		// Document numbers: the check digit decides.
		{"O for 0 in document number", []string{td3[0], "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"}, corrected(wantTD3, 1)},
		{"I for 1 in MRV-B document number", []string{mrvb[0], "A I234567<6DDO8802299M2703154<<<<<<<<"}, with(corrected(fields{
			Format: MRVB, Valid: true, DocumentType: "V", IssuingState: "DDO", DocNumber: "A1234567",
			Nationality: "DDO", Birth: date(1988, 2, 29), Sex: "M", Expiry: date(2027, 3, 15),
			Surname: "MUSTERMANN", GivenNames: "ERIKA", Checks: checksMRV,
		}, 1), func(*fields) {})},
		{"S for 5 in TD1 document number", []string{"I<UTOD23I4S8907<<<<<<<<<<<<<<<", td1[1], td1[2]}, corrected(wantTD1, 2)},
		{"G for 6 in a document number is kept (invisible)", []string{td3[0], "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}, wantTD3},

		// Failing check digits stay failing.
		{"wrong document number check digit", []string{td3[0], "L898902C37UTO7408122F1204159ZE184226B<<<<<10"},
			invalid(wantTD3, "!document_number birth_date expiry_date optional_data !composite")},
		{"wrong birth date check digit", []string{td3[0], "L898902C36UTO7408123F1204159ZE184226B<<<<<10"},
			invalid(wantTD3, "document_number !birth_date expiry_date optional_data !composite")},
		{"birth date digit changed", []string{td3[0], "L898902C36UTO7408132F1204159ZE184226B<<<<<10"},
			invalid(with(wantTD3, func(f *fields) { f.Birth = date(1974, 8, 13) }), "document_number !birth_date expiry_date optional_data !composite")},
		{"unreadable expiry", []string{td3[0], "L898902C36UTO7408122F12<<159ZE184226B<<<<<10"},
			invalid(with(wantTD3, func(f *fields) { f.Expiry = time.Time{} }), "document_number birth_date !expiry_date optional_data !composite")},
		{"impossible birth date", []string{td3[0], "L898902C36UTO7402302F1204159ZE184226B<<<<<10"},
			invalid(with(wantTD3, func(f *fields) { f.Birth = time.Time{} }), "document_number !birth_date expiry_date optional_data composite")},
		{"optional data changed", []string{td3[0], "L898902C36UTO7408122F1204159ZE184227B<<<<<10"},
			invalid(with(wantTD3, func(f *fields) { f.Optional = "ZE184227B" }), "document_number birth_date expiry_date !optional_data !composite")},
		{"TD1 overflow with wrong check digit", []string{"I<UTOD23145890<1234<<<<<<<<<<<", td1Long[1], td1Long[2]},
			invalid(with(wantTD1, func(f *fields) { f.DocNumber = "D23145890123" }), "!document_number birth_date expiry_date !composite")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.lines, now)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := project(r); got != tt.want {
				t.Errorf("got  %+v\nwant %+v\nlines %q", got, tt.want, r.Lines)
			}
			if r.Valid {
				for _, c := range r.Checks {
					if !c.OK {
						t.Errorf("valid with failing check %s", c.Field)
					}
				}
			}
		})
	}
}

func TestParseLinesAfterCorrection(t *testing.T) {
	r, err := Parse([]string{"P<UTOERIKSSON<<ANNA<MARIAKK<<<<<<<<<<<<<<<<<", "L898902C36UTO74O8122F1204159ZE184226B<<<<<10"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Lines[0] != td3[0] || r.Lines[1] != td3[1] {
		t.Errorf("Lines = %q, want %q", r.Lines, td3)
	}
}

func TestParseErrors(t *testing.T) {
	for _, lines := range [][]string{
		nil,
		{"", "  "},
		{td3[0]},
		{td3[0][:40], td3[1]},
		{td1[0], td1[1]},
		{"hello", "world"},
	} {
		if r, err := Parse(lines, now); !errors.Is(err, ErrFormat) || r != nil {
			t.Errorf("Parse(%q) = %v, %v; want ErrFormat", lines, r, err)
		}
	}
}

func TestCheckDigit(t *testing.T) {
	tests := []struct {
		in   string
		want byte
	}{
		{"L898902C3", '6'},
		{"740812", '2'},
		{"120415", '9'},
		{"ZE184226B<<<<<", '1'},
		{"L898902C3674081221204159ZE184226B<<<<<1", '0'},
		{"", '0'},
		{"<<<", '0'},
		{"D23145890", '7'},
	}
	for _, tt := range tests {
		got, err := CheckDigit(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("CheckDigit(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"abc", "12 3", "É"} {
		if _, err := CheckDigit(bad); err == nil {
			t.Errorf("CheckDigit(%q): no error", bad)
		}
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		s     string
		birth bool
		want  time.Time
	}{
		{"740812", true, date(1974, 8, 12)},
		{"261121", true, date(2026, 11, 21)}, // today
		{"261122", true, date(1926, 11, 22)}, // tomorrow: a century ago
		{"000101", true, date(2000, 1, 1)},
		{"120415", false, date(2012, 4, 15)},  // expired 14 years ago
		{"461231", false, date(2046, 12, 31)}, // now+20
		{"470101", false, date(1947, 1, 1)},   // beyond now+20: previous century
		{"310924", false, date(2031, 9, 24)},
		{"000229", false, date(2000, 2, 29)},
		{"010229", false, time.Time{}},
		{"741301", true, time.Time{}},
		{"7408<<", true, time.Time{}},
		{"740800", true, time.Time{}},
	}
	for _, tt := range tests {
		if got := parseDate(tt.s, now, tt.birth); !got.Equal(tt.want) {
			t.Errorf("parseDate(%q, birth=%v) = %v, want %v", tt.s, tt.birth, got, tt.want)
		}
	}
}

const page = `REPUBLIC OF UTOPIA  PASSPORT / PASSEPORT
Type P   Code UTO   Passport No. L898902C3
Surname / Nom
ERIKSSON
Given names / Prénoms
ANNA MARIA
Date of birth 12 AUG 1974     Sex F
Date of expiry 15 APR 2012
Signature: ~~~~

P<UTOERIKSS0N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<< .

L898902C36UT07408122F1204159ZE184226B<<<<<1O
`

func TestFind(t *testing.T) {
	r, err := Find(page, now)
	if err != nil {
		t.Fatal(err)
	}
	if got := project(r); got.Corrections == 0 || got.Valid != true {
		t.Errorf("got %+v", got)
	}
	if got := corrected(project(r), 0); got != wantTD3 {
		t.Errorf("got  %+v\nwant %+v", got, wantTD3)
	}

	// A TD1 card among other lines, with a noisy line that has fillers
	// but is not part of the zone.
	card := "BUNDESREPUBLIK\nsome text <<< here\n\n" + strings.Join(td1, "\n") + "\nprinted 2024\n"
	r, err = Find(card, now)
	if err != nil {
		t.Fatal(err)
	}
	if got := project(r); got != wantTD1 {
		t.Errorf("got  %+v\nwant %+v", got, wantTD1)
	}

	// A line of fillers just above the zone.
	r, err = Find("<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"+strings.Join(td1, "\n"), now)
	if err != nil {
		t.Fatal(err)
	}
	if got := project(r); got != wantTD1 {
		t.Errorf("got  %+v\nwant %+v", got, wantTD1)
	}

	// The best of two zones wins: a broken one and a good one.
	two := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C37UTO7408123F1204159ZE184226B<<<<<10\nnoise\n" +
		strings.Join(td2, "\n")
	r, err = Find(two, now)
	if err != nil {
		t.Fatal(err)
	}
	if got := project(r); got != wantTD2 {
		t.Errorf("got  %+v\nwant %+v", got, wantTD2)
	}

	// TD3 second line without fillers next to a first line.
	full := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B1234512\n"
	if r, err = Find(full, now); err != nil || r.OptionalData != "ZE184226B12345" {
		t.Errorf("Find(full optional data) = %+v, %v", r, err)
	}

	for _, text := range []string{"", "nothing here\nat all", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"} {
		if _, err := Find(text, now); !errors.Is(err, ErrNotFound) {
			t.Errorf("Find(%q) error = %v, want ErrNotFound", text, err)
		}
	}
}

func TestParseText(t *testing.T) {
	in := strings.Join(td3, "\n") + "\n\n\n" + strings.Join(td1, "\n") + "\n\nnot an mrz\n\n" + strings.Join(mrvb, "\r\n") + "\n"
	results, errs := ParseText(strings.NewReader(in), now)
	if len(results) != 4 || len(errs) != 4 {
		t.Fatalf("got %d results, %d errors; want 4, 4", len(results), len(errs))
	}
	for i, f := range []Format{TD3, TD1, "", MRVB} {
		if f == "" {
			if results[i] != nil || !errors.Is(errs[i], ErrFormat) || !strings.Contains(errs[i].Error(), "line 9") {
				t.Errorf("block %d: %v, %v; want ErrFormat at line 9", i, results[i], errs[i])
			}
			continue
		}
		if errs[i] != nil || results[i] == nil || results[i].Format != f || !results[i].Valid {
			t.Errorf("block %d: %+v, %v; want valid %s", i, results[i], errs[i], f)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, z := range [][]string{td3, td1, td2, mrva, mrvb, td1Long, td1German, td3Single} {
		f.Add(strings.Join(z, "\n"))
	}
	f.Add("P<UTOERIKSSON<<ANNA<MARIAKK<<<<<<<<<<<<<<<<<\nL8989O2C36UTO74O8122F1204159ZE184226B<<<<<1O")
	f.Add(page)
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		if len(lines) > 4 {
			lines = lines[:4]
		}
		for _, fn := range []func() (*Result, error){
			func() (*Result, error) { return Parse(lines, now) },
			func() (*Result, error) { return Find(s, now) },
		} {
			r, err := fn()
			if (r == nil) == (err == nil) {
				t.Fatalf("result %v with error %v", r, err)
			}
			if r == nil {
				continue
			}
			ok := len(r.Checks) > 0
			for _, c := range r.Checks {
				ok = ok && c.OK
			}
			if r.Valid != ok {
				t.Fatalf("Valid = %v with checks %+v", r.Valid, r.Checks)
			}
			if r.Corrections < 0 {
				t.Fatalf("Corrections = %d", r.Corrections)
			}
		}
	})
}
