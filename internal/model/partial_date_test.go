package model

import (
	"slices"
	"testing"
)

func TestParsePartialDate(t *testing.T) {
	tests := []struct {
		in, canonical, display string
		precision              DatePrecision
		start, end             string
	}{
		{"2023-08-26", "2023-08-26", "August 26, 2023", PrecisionDay, "2023-08-26", "2023-08-26"},
		{"August 26, 2022", "2022-08-26", "August 26, 2022", PrecisionDay, "2022-08-26", "2022-08-26"},
		{"Aug 26th 2022", "2022-08-26", "August 26, 2022", PrecisionDay, "2022-08-26", "2022-08-26"},
		{"2024-02", "2024-02", "February 2024", PrecisionMonth, "2024-02-01", "2024-02-29"},
		{"March 2024", "2024-03", "March 2024", PrecisionMonth, "2024-03-01", "2024-03-31"},
		{"2023-Q3", "2023-Q3", "Q3 2023", PrecisionQuarter, "2023-07-01", "2023-09-30"},
		{"q4 2023", "2023-Q4", "Q4 2023", PrecisionQuarter, "2023-10-01", "2023-12-31"},
		{"2023-summer", "2023-summer", "summer 2023", PrecisionSeason, "2023-06-01", "2023-08-31"},
		{"Fall 2023", "2023-fall", "fall 2023", PrecisionSeason, "2023-09-01", "2023-11-30"},
		{"autumn 2023", "2023-fall", "fall 2023", PrecisionSeason, "2023-09-01", "2023-11-30"},
		{"2024-winter", "2024-winter", "winter 2024", PrecisionSeason, "2023-12-01", "2024-02-29"},
		{"late 2023", "2023-late", "late 2023", PrecisionPart, "2023-09-01", "2023-12-31"},
		{"2023-early", "2023-early", "early 2023", PrecisionPart, "2023-01-01", "2023-04-30"},
		{"mid 2023", "2023-mid", "mid 2023", PrecisionPart, "2023-05-01", "2023-08-31"},
		{"2023", "2023", "2023", PrecisionYear, "2023-01-01", "2023-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParsePartialDate(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != tt.canonical || d.Display() != tt.display || d.Precision != tt.precision {
				t.Errorf("got %q / %q / %s, want %q / %q / %s", d, d.Display(), d.Precision, tt.canonical, tt.display, tt.precision)
			}
			if got := d.Start().Format("2006-01-02"); got != tt.start {
				t.Errorf("start %s, want %s", got, tt.start)
			}
			if got := d.End().Format("2006-01-02"); got != tt.end {
				t.Errorf("end %s, want %s", got, tt.end)
			}
			again, err := ParsePartialDate(d.String())
			if err != nil || again != d {
				t.Errorf("canonical form %q reads back as %v, %v", d, again, err)
			}
		})
	}
}

func TestParsePartialDateRejects(t *testing.T) {
	for _, in := range []string{"", "2023-02-30", "2023-13", "2023-Q5", "2023-13-01", "23-08-26", "someday", "spring", "2023-08-26T10:00", "1850", "late late 2023", "2023-8-1"} {
		if d, err := ParsePartialDate(in); err == nil {
			t.Errorf("ParsePartialDate(%q) = %v, want an error", in, d)
		}
	}
}

func TestPartialDateOrder(t *testing.T) {
	in := []string{"2024", "2023-late", "2023-08", "2023-summer", "2023-08-26", "2023-Q3", "2023-winter", "2023"}
	var dates []PartialDate
	for _, s := range in {
		d, err := ParsePartialDate(s)
		if err != nil {
			t.Fatal(err)
		}
		dates = append(dates, d)
	}
	slices.SortStableFunc(dates, PartialDate.Compare)
	var got []string
	for _, d := range dates {
		got = append(got, d.String())
	}
	want := []string{"2023-winter", "2023", "2023-summer", "2023-Q3", "2023-08", "2023-08-26", "2023-late", "2024"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted %v, want %v", got, want)
	}
}

func TestPartialDateContains(t *testing.T) {
	summer, _ := ParsePartialDate("2023-summer")
	day, _ := ParsePartialDate("2023-08-26")
	fall, _ := ParsePartialDate("2023-fall")
	if !summer.Contains(day) || day.Contains(summer) || summer.Contains(fall) {
		t.Error("summer 2023 should contain 2023-08-26 and not fall 2023")
	}
	if !PrecisionDay.Narrower(PrecisionMonth) || PrecisionYear.Narrower(PrecisionSeason) {
		t.Error("day is narrower than month; year is not narrower than season")
	}
}

func FuzzParsePartialDate(f *testing.F) {
	for _, s := range []string{"2023-08-26", "late 2023", "2023-Q3", "Aug 2023", "2024-winter", "", "9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParsePartialDate(s)
		if err != nil {
			return
		}
		again, err := ParsePartialDate(d.String())
		if err != nil || again != d {
			t.Fatalf("%q parsed as %v, whose canonical form reads back as %v, %v", s, d, again, err)
		}
		if d.End().Before(d.Start()) {
			t.Fatalf("%q: end %v before start %v", s, d.End(), d.Start())
		}
	})
}
