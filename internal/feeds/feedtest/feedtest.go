// Package feedtest makes news feeds for tests and benchmarks.
package feedtest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Renewals is an RSS feed of n renewal stories, story i about
// shows[i%len(shows)] (season 2 first, then 3 …), each a new item.
func Renewals(shows []string, n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Trade</title>`)
	for i := range n {
		title, season := shows[i%len(shows)], 2+i/len(shows)
		fmt.Fprintf(&b, `<item><guid>story-%d</guid><title>Netflix renews '%s' for season %d</title><link>https://trade.example/story-%d</link>
<description>Netflix has renewed %s for season %d, the streamer announced on Monday.</description><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>`,
			i, title, season, i, title, season)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// Serve serves body as a feed on loopback until the test ends.
func Serve(t testing.TB, body string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}
