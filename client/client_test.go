package client_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/client"
)

// TestAnswersOtherThanSuccess: an API error comes back with its status,
// code and message; a proxy's page or a broken answer says what it was,
// never a zero value passed off as an answer.
func TestAnswersOtherThanSuccess(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v1/shows/gone":
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"error": {"code": "not_found", "message": "no show \"gone\""}}`))
		case "/api/v1/shows/proxy":
			w.WriteHeader(http.StatusBadGateway)
			w.Write([]byte(`<html>bad gateway</html>`))
		default:
			w.Write([]byte(`{"title": 42}`))
		}
	}))
	defer srv.Close()
	c := client.New(srv.URL+"/", "", nil)
	_, err := c.Show(t.Context(), "gone")
	if e, ok := err.(*client.Error); !ok || e.Status != 404 || e.Code != "not_found" || !strings.Contains(e.Message, "gone") {
		t.Errorf("a 404: %#v", err)
	}
	if _, err := c.Show(t.Context(), "proxy"); !client.IsStatus(err, http.StatusBadGateway) || !strings.Contains(err.Error(), "Bad Gateway") {
		t.Errorf("a proxy's 502: %v", err)
	}
	if _, err := c.Show(t.Context(), "broken"); err == nil || !strings.Contains(err.Error(), "not what was expected") {
		t.Errorf("an answer of the wrong shape: %v", err)
	}
}
