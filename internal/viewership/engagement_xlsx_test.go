package viewership

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/model"
)

const sampleXLSX = "testdata/engagement-2024Jan-Jun-sample.xlsx"

// withSheet is the sample workbook with its one sheet's XML replaced.
func withSheet(t testing.TB, sheet func(w io.Writer)) []byte {
	t.Helper()
	b, err := os.ReadFile(sampleXLSX)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			sheet(w)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func sheetXML(rows string) func(io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
			`<row r="6"><c r="B6" t="inlineStr"><is><t>Title</t></is></c><c r="E6" t="inlineStr"><is><t>Hours Viewed</t></is></c></row>`+rows+`</sheetData></worksheet>`)
	}
}

// TestHostileWorkbooks: column references past any report's width, and
// parts that unpack past the bound, are refused with their reason, at
// once and in little memory (a column of ZZZZZZZ once took 24 GB; one
// of fourteen Zs crashed the parse).
func TestHostileWorkbooks(t *testing.T) {
	end, _ := model.ParsePartialDate("2024-06-30")
	for _, ref := range []string{"ZZZZZZZZZZZZZZ8", "ZZZZZZZ8", "ZZZZZ8", "IW8"} {
		b := withSheet(t, sheetXML(`<row r="8"><c r="`+ref+`" t="inlineStr"><is><t>x</t></is></c></row>`))
		_, err := ParseEngagementXLSX(t.Context(), b, end)
		if err == nil || !strings.Contains(err.Error(), "is not one of A to IV") {
			t.Errorf("a cell at %s: %v, want it refused", ref, err)
		}
	}
	if got, err := ParseEngagementXLSX(t.Context(), withSheet(t, sheetXML(`<row r="8"><c r="B8" t="inlineStr"><is><t>Bridgerton: Season 3</t></is></c><c r="E8"><v>5</v></c><c r="IV8"><v>1</v></c></row>`)), end); err != nil || len(got) != 1 {
		t.Errorf("a cell in column IV, the last allowed: %v, %v", got, err)
	}
	huge := withSheet(t, func(w io.Writer) {
		sheetXML("")(w)
		spaces := bytes.Repeat([]byte(" "), 1<<20)
		for range MaxXLSXUnpacked>>20 + 1 {
			w.Write(spaces)
		}
	})
	if _, err := ParseEngagementXLSX(t.Context(), huge, end); !errors.Is(err, ErrXLSXTooLarge) {
		t.Errorf("a sheet unpacking to %d MB (%d bytes packed): %v, want it refused as too large", MaxXLSXUnpacked>>20+1, len(huge), err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	sample, err := os.ReadFile(sampleXLSX)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseEngagementXLSX(ctx, sample, end); !errors.Is(err, context.Canceled) {
		t.Errorf("a canceled parse (as on SIGTERM): %v", err)
	}
}

// FuzzParseEngagementXLSX fuzzes whole workbooks from the real sample and
// small hostile ones; FuzzEngagementSheet fuzzes a sheet's XML inside a
// valid workbook, where a mutation is not lost to the zip's checksums.
func FuzzParseEngagementXLSX(f *testing.F) {
	b, err := os.ReadFile(sampleXLSX)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(withSheet(f, sheetXML(`<row r="8"><c r="ZZZZZZZZZZZZZZ8"><v>1</v></c></row>`)))
	f.Add([]byte("PK\x03\x04"))
	end, _ := model.ParsePartialDate("2024-06-30")
	f.Fuzz(func(t *testing.T, in []byte) { checkParsed(t, in, end) })
}

func FuzzEngagementSheet(f *testing.F) {
	f.Add(`<row r="8"><c r="B8" t="inlineStr"><is><t>Bridgerton: Season 3</t></is></c><c r="E8"><v>733800000</v></c></row>`)
	f.Add(`<row r="8"><c r="ZZZZZ8"><v>1</v></c></row>`)
	f.Add(`<row r="8"><c r="B8" t="s"><v>99</v></c></row>`)
	end, _ := model.ParsePartialDate("2024-06-30")
	f.Fuzz(func(t *testing.T, rows string) { checkParsed(t, withSheet(t, sheetXML(rows)), end) })
}

func checkParsed(t *testing.T, in []byte, end model.PartialDate) {
	got, err := ParseEngagementXLSX(t.Context(), in, end)
	if err != nil {
		return
	}
	seen := map[int]bool{}
	for _, v := range got {
		if seen[v.Rank] || v.HoursViewed < 0 {
			t.Fatalf("row %+v", v)
		}
		seen[v.Rank] = true
	}
}
