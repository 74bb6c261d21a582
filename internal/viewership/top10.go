// Package viewership reads published viewing charts, such as Netflix's
// weekly global Top 10, and links their rows to catalog seasons.
package viewership

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/nextseason/nextseason/internal/model"
)

// ChartNetflixTop10 names Netflix's weekly global Top 10.
const ChartNetflixTop10 = "netflix-top10"

// top10Columns are the columns Netflix's all-weeks-global.tsv has, in order.
var top10Columns = []string{"week", "category", "weekly_rank", "show_title", "season_title",
	"weekly_hours_viewed", "runtime", "weekly_views", "cumulative_weeks_in_top_10"}

// ParseTop10 reads Netflix's weekly global Top 10 TSV. Films and rows
// without a season ("N/A") are kept with season 0. A malformed row stops
// the parse with its line number.
func ParseTop10(r io.Reader) ([]model.Viewership, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return nil, err
		}
		return nil, errors.New("empty file: want Netflix's Top 10 TSV")
	}
	header := strings.Split(strings.TrimPrefix(strings.TrimRight(sc.Text(), "\r"), "\xef\xbb\xbf"), "\t")
	if len(header) < 6 || strings.Join(header[:6], ",") != strings.Join(top10Columns[:6], ",") {
		return nil, fmt.Errorf("line 1: header %q: want the columns %s", strings.Join(header, " "), strings.Join(top10Columns, ", "))
	}
	index := map[string]int{}
	for i, h := range header {
		index[h] = i
	}
	var out []model.Viewership
	line := 1
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			continue
		}
		v, err := parseTop10Row(strings.Split(text, "\t"), index, len(header))
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

func parseTop10Row(f []string, index map[string]int, columns int) (model.Viewership, error) {
	var v model.Viewership
	if len(f) != columns {
		return v, fmt.Errorf("%d fields, want %d", len(f), columns)
	}
	col := func(name string) string {
		if i, ok := index[name]; ok {
			return strings.TrimSpace(f[i])
		}
		return ""
	}
	var err error
	if v.WeekEnding, err = model.ParsePartialDate(col("week")); err != nil || v.WeekEnding.Precision != model.PrecisionDay {
		return v, fmt.Errorf("week %q: want YYYY-MM-DD", col("week"))
	}
	v.Chart, v.Category, v.ShowTitle = ChartNetflixTop10, col("category"), col("show_title")
	if v.Category == "" || v.ShowTitle == "" {
		return v, errors.New("category and show_title are required")
	}
	if v.Rank, err = strconv.Atoi(col("weekly_rank")); err != nil || v.Rank < 1 || v.Rank > 10 {
		return v, fmt.Errorf("weekly_rank %q: want 1 to 10", col("weekly_rank"))
	}
	if v.HoursViewed, err = optionalInt(col("weekly_hours_viewed")); err != nil {
		return v, fmt.Errorf("weekly_hours_viewed: %w", err)
	}
	if v.Views, err = optionalInt(col("weekly_views")); err != nil {
		return v, fmt.Errorf("weekly_views: %w", err)
	}
	weeks, err := optionalInt(col("cumulative_weeks_in_top_10"))
	if err != nil {
		return v, fmt.Errorf("cumulative_weeks_in_top_10: %w", err)
	}
	v.CumulativeWeeks = int(weeks)
	v.SeasonTitle = col("season_title")
	if v.SeasonTitle == "N/A" {
		v.SeasonTitle = ""
	}
	v.Season = SeasonNumber(v.SeasonTitle)
	return v, nil
}

func optionalInt(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q: want a whole number", s)
	}
	return n, nil
}

var seasonSuffix = regexp.MustCompile(`(?i):\s*(?:season|series|part|volume)\s+(\d{1,2})$`)

// SeasonNumber reads the season from a Netflix season title: "Partner
// Track: Season 1" is 1, a "Limited Series" is 1, anything else 0.
func SeasonNumber(seasonTitle string) int {
	if m := seasonSuffix.FindStringSubmatch(seasonTitle); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	if strings.HasSuffix(strings.ToLower(seasonTitle), ": limited series") {
		return 1
	}
	return 0
}
