package tvmazetest

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

func get(t *testing.T, url string, header ...string) (int, []byte, http.Header) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp.Header
}

func TestServerServesRecordedShapes(t *testing.T) {
	s := New()
	defer s.Close()
	s.SetRateLimit(false)
	if err := s.LoadRecorded(); err != nil {
		t.Fatal(err)
	}
	if err := s.Generate(300, 1); err != nil {
		t.Fatal(err)
	}
	code, body, hdr := get(t, s.URL+"/shows?page=1")
	var page []map[string]any
	if err := json.Unmarshal(body, &page); err != nil || code != 200 || len(page) != 245 {
		t.Fatalf("page 1: %d, %d shows, %v", code, len(page), err)
	}
	if code, _, _ := get(t, s.URL+"/shows?page=1", "If-None-Match", hdr.Get("ETag")); code != http.StatusNotModified {
		t.Errorf("a conditional request for an unchanged page got %d, want 304", code)
	}
	last := s.IDs()[s.Len()-1]
	if code, _, _ := get(t, s.URL+"/shows?page="+itoa(last/pageSize+1)); code != 404 {
		t.Errorf("past the last page: %d, want 404", code)
	}
	_, body, _ = get(t, s.URL+"/shows/143?embed[]=cast&embed[]=seasons&embed[]=episodes&embed[]=crew&embed[]=akas")
	var sv struct {
		Name     string
		Embedded map[string][]json.RawMessage `json:"_embedded"`
	}
	json.Unmarshal(body, &sv)
	if sv.Name != "Silicon Valley" || len(sv.Embedded["seasons"]) != 4 || len(sv.Embedded["cast"]) != 13 || len(sv.Embedded["episodes"]) != 38 {
		t.Errorf("Silicon Valley details: %s with %d seasons, %d cast, %d episodes", sv.Name, len(sv.Embedded["seasons"]), len(sv.Embedded["cast"]), len(sv.Embedded["episodes"]))
	}
	if err := s.SetStatus(143, "Ended"); err != nil {
		t.Fatal(err)
	}
	_, body, _ = get(t, s.URL+"/updates/shows?since=day")
	var updates map[string]int64
	if json.Unmarshal(body, &updates); len(updates) != 1 || updates["143"] == 0 {
		t.Errorf("updates since a day: %v, want only 143", updates)
	}
}

func TestServerEnforcesTheRateLimit(t *testing.T) {
	s := New()
	defer s.Close()
	s.LoadRecorded()
	for range 20 {
		if code, _, _ := get(t, s.URL+"/shows/143"); code != 200 {
			t.Fatalf("call within the limit: %d", code)
		}
	}
	code, _, hdr := get(t, s.URL+"/shows/143")
	if code != http.StatusTooManyRequests || hdr.Get("Retry-After") == "" {
		t.Errorf("21st call in 10 s: %d, Retry-After %q; want 429 with Retry-After", code, hdr.Get("Retry-After"))
	}
}

func TestServerFaults(t *testing.T) {
	s := New()
	defer s.Close()
	s.SetRateLimit(false)
	s.LoadRecorded()
	s.Fail(143, FaultServerError, 1)
	if code, _, _ := get(t, s.URL+"/shows/143"); code != 503 {
		t.Errorf("with a server error fault: %d", code)
	}
	if code, _, _ := get(t, s.URL+"/shows/143"); code != 200 {
		t.Errorf("after the fault: %d", code)
	}
	s.Fail(143, FaultWrongType, 1)
	_, body, _ := get(t, s.URL+"/shows/143")
	var v struct{ ID int64 }
	if err := json.Unmarshal(body, &v); err == nil {
		t.Error("a wrong-type fault should give an id that is not a number")
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }
