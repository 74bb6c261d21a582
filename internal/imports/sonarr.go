package imports

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// sonarrSeries is what Sonarr's API v3 says of a series
// (GET /api/v3/series); only what matching needs.
type sonarrSeries struct {
	Title    string `json:"title"`
	Year     int    `json:"year"`
	TVDBID   int64  `json:"tvdbId"`
	IMDbID   string `json:"imdbId"`
	TVmazeID int64  `json:"tvMazeId"`
}

// maxSonarrAnswer bounds Sonarr's list of series.
const maxSonarrAnswer = 64 << 20

// FetchSonarr lists the series a Sonarr instance tracks, through its API
// v3 at baseURL with apiKey.
func FetchSonarr(ctx context.Context, hc *http.Client, baseURL, apiKey string) ([]Wanted, error) {
	u, err := url.Parse(strings.TrimRight(baseURL, "/") + "/api/v3/series")
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("Sonarr URL %q: want http(s)://host[:port][/path]", baseURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Api-Key", apiKey)
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("Sonarr: %w", err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusUnauthorized:
		return nil, fmt.Errorf("Sonarr refused the API key (401): it is under Settings → General → Security")
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("Sonarr answered %s to GET %s", resp.Status, u.Path)
	}
	var series []sonarrSeries
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxSonarrAnswer)).Decode(&series); err != nil {
		return nil, fmt.Errorf("Sonarr's list of series is not what its API v3 gives: %w", err)
	}
	wanted := make([]Wanted, 0, len(series))
	for _, s := range series {
		wanted = append(wanted, Wanted{Title: s.Title, Year: s.Year, TVmazeID: s.TVmazeID, IMDbID: s.IMDbID, TheTVDBID: s.TVDBID})
	}
	return wanted, nil
}
