package viewership

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/nextseason/nextseason/internal/model"
)

// ChartNetflixEngagement names Netflix's semi-annual "What We Watched"
// engagement reports.
const ChartNetflixEngagement = "netflix-engagement"

// seasonPart is what follows a show's title in a season's title.
var seasonPart = regexp.MustCompile(`(?i):\s*(?:season|series|part|volume|limited series)\b.*$`)

// ParseEngagement reads a "What We Watched" engagement report saved as
// CSV (columns Title, Available Globally?, Release Date, Hours Viewed,
// and, from 2024, Runtime and Views), for the half-year ending on
// periodEnd. Rows keep the report's order as their rank. A title given in
// two scripts ("The Glory: Season 1 // 더 글로리: 시즌 1") keeps the first.
// A malformed row stops the parse with its line number.
func ParseEngagement(r io.Reader, periodEnd model.PartialDate) ([]model.Viewership, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	var records [][]string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", len(records)+1, err)
		}
		records = append(records, rec)
	}
	return engagementRows(records, 1, periodEnd)
}

// engagementRows reads a report's table: a header, then rows; first is
// the header's line (or row) number, for errors.
func engagementRows(records [][]string, first int, periodEnd model.PartialDate) ([]model.Viewership, error) {
	if len(records) == 0 {
		return nil, errors.New("empty: want a Netflix engagement report")
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"title", "hours viewed"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("line %d: no %q column: want a Netflix engagement report", first, need)
		}
	}
	var out []model.Viewership
	for n, rec := range records[1:] {
		line := first + 1 + n
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		title, _, _ := strings.Cut(get("title"), " // ")
		title = strings.TrimSpace(title)
		if title == "" {
			continue
		}
		hours, err := strconv.ParseInt(strings.ReplaceAll(get("hours viewed"), ",", ""), 10, 64)
		if err != nil || hours < 0 {
			return nil, fmt.Errorf("line %d: hours viewed %q: want a whole number", line, get("hours viewed"))
		}
		views, err := optionalInt(strings.ReplaceAll(get("views"), ",", ""))
		if err != nil {
			return nil, fmt.Errorf("line %d: views %w", line, err)
		}
		v := model.Viewership{Chart: ChartNetflixEngagement, WeekEnding: periodEnd, Rank: len(out) + 1,
			ShowTitle: strings.TrimSpace(seasonPart.ReplaceAllString(title, "")), SeasonTitle: title, HoursViewed: hours, Views: views,
			Season: SeasonNumber(title)}
		v.Category = "Film"
		if v.Season > 0 {
			v.Category = "TV"
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, errors.New("no rows")
	}
	return out, nil
}

// reportPeriod finds the half-year in a report's file name:
// "…2024Jan-Jun…", "…2023H2…".
var reportPeriod = regexp.MustCompile(`(20\d\d)\s*(?:_|-)?\s*(Jan-Jun|Jul-Dec|H1|H2)`)

// PeriodEnd is the last day of the half-year a report's file name names.
func PeriodEnd(fileName string) (model.PartialDate, error) {
	m := reportPeriod.FindStringSubmatch(fileName)
	if m == nil {
		return model.PartialDate{}, fmt.Errorf("%s: no half-year in the name (such as 2024Jan-Jun or 2024H1): give --period-end YYYY-MM-DD", fileName)
	}
	end := "06-30"
	if m[2] == "Jul-Dec" || m[2] == "H2" {
		end = "12-31"
	}
	return model.ParsePartialDate(m[1] + "-" + end)
}
