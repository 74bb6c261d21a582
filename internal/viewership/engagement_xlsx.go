package viewership

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/thedatashed/xlsxreader"

	"github.com/nextseason/nextseason/internal/model"
)

// Bounds on a workbook, far above any report Netflix has published (a
// few sheets of six to eight columns and under 20,000 rows), so that a
// hostile file is refused with its reason instead of taking the machine.
const (
	// MaxXLSXUnpacked bounds the bytes a workbook's parts unpack to.
	MaxXLSXUnpacked = 256 << 20
	// MaxXLSXColumns bounds a cell's column (A is 1, IV is 256).
	MaxXLSXColumns = 256
	// MaxXLSXRows bounds the rows read from all sheets.
	MaxXLSXRows = 1_000_000
	// MaxXLSXCells bounds the cells read from all sheets.
	MaxXLSXCells = 10_000_000
)

// ErrXLSXTooLarge marks a workbook past one of the bounds above.
var ErrXLSXTooLarge = errors.New("workbook too large")

// ParseEngagementXLSX reads a report as Netflix publishes it: a workbook
// whose sheets (TV, Film) each have a few lines of title, then the table
// (Title, Available Globally?, Release Date, Hours Viewed, …). It stops
// when ctx is done.
func ParseEngagementXLSX(ctx context.Context, b []byte, periodEnd model.PartialDate) ([]model.Viewership, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("not an xlsx workbook: %w", err)
	}
	// archive/zip refuses a part that unpacks past its declared size, so
	// the declared sizes bound what is read.
	var unpacked uint64
	for _, f := range zr.File {
		unpacked += f.UncompressedSize64
		if unpacked > MaxXLSXUnpacked {
			return nil, fmt.Errorf("%w: its parts unpack to more than %d MB", ErrXLSXTooLarge, MaxXLSXUnpacked>>20)
		}
	}
	x, err := xlsxreader.NewReaderZip(zr)
	if err != nil {
		return nil, fmt.Errorf("not an xlsx workbook: %w", err)
	}
	var out []model.Viewership
	rows, cells := 0, 0
	for _, sheet := range x.Sheets {
		records, first, err := readSheet(ctx, x, sheet, &rows, &cells)
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %w", sheet, err)
		}
		if len(records) == 0 {
			continue // a sheet without the table
		}
		got, err := engagementRows(records, first, periodEnd)
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %w", sheet, err)
		}
		for i := range got {
			got[i].Rank += len(out) // ranks run on across sheets, so rows stay distinct
		}
		out = append(out, got...)
	}
	if len(out) == 0 {
		return nil, errors.New("no sheet with a Title and Hours Viewed table")
	}
	return out, nil
}

// readSheet reads a sheet's table, from its header row on, counting rows
// and cells against the workbook's bounds. first is the header's row.
func readSheet(ctx context.Context, x *xlsxreader.XlsxFile, sheet string, rows, cells *int) (records [][]string, first int, err error) {
	ch := x.ReadRows(sheet)
	defer func() {
		// The reader sends every row; let it finish (the unpacked size
		// bounds its work) rather than leave it blocked.
		go func() {
			for range ch {
			}
		}()
	}()
	for row := range ch {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		if row.Error != nil {
			return nil, 0, row.Error
		}
		if *rows++; *rows > MaxXLSXRows {
			return nil, 0, fmt.Errorf("%w: more than %d rows", ErrXLSXTooLarge, MaxXLSXRows)
		}
		if *cells += len(row.Cells); *cells > MaxXLSXCells {
			return nil, 0, fmt.Errorf("%w: more than %d cells", ErrXLSXTooLarge, MaxXLSXCells)
		}
		var rec []string
		for _, c := range row.Cells {
			i, ok := columnIndex(c.Column)
			if !ok {
				return nil, 0, fmt.Errorf("row %d: cell column %.12q is not one of A to IV (at most %d columns)", row.Index, c.Column, MaxXLSXColumns)
			}
			for len(rec) <= i {
				rec = append(rec, "")
			}
			rec[i] = c.Value
		}
		if len(records) == 0 { // the table starts at its header
			if !slices.ContainsFunc(rec, func(v string) bool { return strings.EqualFold(strings.TrimSpace(v), "hours viewed") }) {
				continue
			}
			first = row.Index
		}
		records = append(records, rec)
	}
	return records, first, ctx.Err()
}

// columnIndex is a column's index from its letters (A is 0), within
// MaxXLSXColumns; ok is false for no letters or a column past the bound.
func columnIndex(letters string) (int, bool) {
	if letters == "" || len(letters) > 2 {
		return 0, false
	}
	n := 0
	for _, r := range letters {
		if r < 'A' || r > 'Z' {
			return 0, false
		}
		n = n*26 + int(r-'A') + 1
	}
	return n - 1, n <= MaxXLSXColumns
}
