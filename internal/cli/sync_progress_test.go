package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/tvmaze"
)

func TestProgressBar(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := tvmaze.Progress{Page: 49, LastPage: 199, Done: 12500, Failed: 2, StartedAt: start}
	got := progressBar("full sync", p, start.Add(100*time.Second))
	for _, want := range []string{"[███████·······················]", "50/200 pages", "12500 shows", "125.0 shows/s", "2 failed", "ETA 5m0s"} {
		if !strings.Contains(got, want) {
			t.Errorf("progress bar %q lacks %q", got, want)
		}
	}
	unknown := progressBar("updates", tvmaze.Progress{Done: 3, StartedAt: start}, start.Add(time.Second))
	if !strings.Contains(unknown, "ETA ?") {
		t.Errorf("without a total: %q, want an unknown ETA", unknown)
	}
}
