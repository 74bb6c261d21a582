package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/api"
	"github.com/nextseason/nextseason/internal/apitest"
)

// TestOpenAPIDocument: the document is valid OpenAPI 3.1 to an
// independent validator; every operation it describes is a route the
// API serves under that very pattern, and a path it does not describe
// reaches no handler but the API's 404; the copy in api/openapi.json is
// the document as served (go run ./cmd/nextseason openapi >
// api/openapi.json refreshes it).
func TestOpenAPIDocument(t *testing.T) {
	if _, err := apitest.New(); err != nil {
		t.Fatal(err)
	}
	doc := (&api.API{}).OpenAPI()
	mux := http.NewServeMux()
	(&api.API{}).Register(mux)
	operations := 0
	for path, item := range doc["paths"].(map[string]any) {
		for method := range item.(map[string]any) {
			operations++
			concrete := strings.NewReplacer("{slug}", "partner-track", "{n}", "2", "{id}", "7").Replace(path)
			req := httptest.NewRequest(strings.ToUpper(method), concrete, nil)
			if _, pattern := mux.Handler(req); pattern != strings.ToUpper(method)+" "+path {
				t.Errorf("%s %s is described, but the API serves it as %q", strings.ToUpper(method), path, pattern)
			}
		}
	}
	if operations < 27 {
		t.Errorf("the document describes %d operations; the API has 27", operations)
	}
	for _, undescribed := range []string{"GET /api/v1/people", "PUT /api/v1/me", "DELETE /api/v1/shows/partner-track"} {
		method, path, _ := strings.Cut(undescribed, " ")
		if _, pattern := mux.Handler(httptest.NewRequest(method, path, nil)); pattern != "/api/" {
			t.Errorf("%s, described nowhere, is served by %q", undescribed, pattern)
		}
	}
	served, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	kept, err := os.ReadFile("../../api/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.TrimSpace(kept), served) {
		t.Error("api/openapi.json is not the document the API serves: refresh it with go run ./cmd/nextseason openapi > api/openapi.json")
	}
}
