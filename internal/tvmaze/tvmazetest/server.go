package tvmazetest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// pageSize is how many ids one /shows?page=N spans, as on TVmaze.
const pageSize = 250

// The limit TVmaze enforces, per client address.
const (
	limitCalls  = 20
	limitWindow = 10 * time.Second
)

// Fault is what a show's next requests get instead of its details.
type Fault int

// The faults.
const (
	FaultServerError Fault = iota + 1 // 503
	FaultTruncated                    // half the JSON
	FaultWrongType                    // "id" as a string
	FaultSlow                         // no answer until the client gives up
)

// Server is a fake TVmaze.
type Server struct {
	*httptest.Server

	mu        sync.Mutex
	shows     map[int64]*show
	limited   bool
	calls     []time.Time // arrival times within the current window
	faults    map[int64]faultState
	pageDelay time.Duration

	// Requests counts every request; Throttled those answered 429.
	Requests, Throttled atomic.Int64
	// UserAgent is the User-Agent of the latest request.
	UserAgent atomic.Value
}

type show struct {
	raw     json.RawMessage // the show object, as TVmaze sends it
	embeds  map[string]json.RawMessage
	updated int64
}

type faultState struct {
	fault Fault
	left  int
}

// New starts an empty fake TVmaze with the rate limit on. Close it when done.
func New() *Server {
	s := &Server{shows: map[int64]*show{}, limited: true, faults: map[int64]faultState{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /shows", s.index)
	mux.HandleFunc("GET /shows/{id}", s.details)
	mux.HandleFunc("GET /updates/shows", s.updates)
	s.Server = httptest.NewServer(s.limit(mux))
	return s
}

// SetRateLimit turns the 20-calls-per-10-seconds limit on or off.
func (s *Server) SetRateLimit(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limited = on
}

// SetPageDelay makes every index page take d to answer, so that a sync
// can be interrupted part-way in tests.
func (s *Server) SetPageDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pageDelay = d
}

// Fail makes the next times requests for a show's details fail with f.
func (s *Server) Fail(id int64, f Fault, times int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[id] = faultState{fault: f, left: times}
}

// Len is how many shows the server holds.
func (s *Server) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.shows)
}

// IDs lists the shows' ids in order.
func (s *Server) IDs() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, 0, len(s.shows))
	for id := range s.shows {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// LoadRecorded adds the recorded shows: the 245 shows of /shows?page=1,
// Silicon Valley with its seasons, episodes, cast, crew and akas, and The
// A-Team with its cast. Details of the others have empty embeds: nothing
// is invented for real shows.
func (s *Server) LoadRecorded() error {
	rec := Recordings()
	var page []json.RawMessage
	if err := readJSON(rec, "academy-tv-shows-2023/shows.json", &page); err != nil {
		return err
	}
	for _, raw := range page {
		if err := s.AddShow(raw, nil); err != nil {
			return err
		}
	}
	silicon := map[string]string{
		"seasons": "tvmaze4j-2017/seasons.json", "episodes": "tvmaze4j-2017/episodes.json", "cast": "tvmaze4j-2017/cast.json",
		"crew": "tvmaze4j-2017/crew.json", "akas": "tvmaze4j-2017/akas.json",
	}
	embeds := map[string]json.RawMessage{}
	for k, name := range silicon {
		b, err := fs.ReadFile(rec, name)
		if err != nil {
			return err
		}
		embeds[k] = b
	}
	lookup, err := fs.ReadFile(rec, "tvmaze4j-2017/show_lookup.json")
	if err != nil {
		return err
	}
	if err := s.AddShow(lookup, embeds); err != nil {
		return err
	}
	ateam, err := fs.ReadFile(rec, "rtl-scraper-hdkesting/TvMazeATeamWithCast.json")
	if err != nil {
		return err
	}
	var withCast struct {
		Embedded struct {
			Cast json.RawMessage `json:"cast"`
		} `json:"_embedded"`
	}
	ateam = bytes.TrimPrefix(ateam, []byte("\xef\xbb\xbf"))
	if err := json.Unmarshal(ateam, &withCast); err != nil {
		return err
	}
	return s.AddShow(ateam, map[string]json.RawMessage{"cast": withCast.Embedded.Cast})
}

func readJSON(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	return json.Unmarshal(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), v)
}

// AddShow adds (or replaces) a show from its JSON object; embeds maps
// "cast", "crew", "seasons", "episodes" and "akas" to their JSON arrays.
// An "_embedded" member of the object itself is dropped: embeds are
// served only when asked for.
func (s *Server) AddShow(raw json.RawMessage, embeds map[string]json.RawMessage) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return fmt.Errorf("show object: %w", err)
	}
	delete(obj, "_embedded")
	var head struct {
		ID      int64 `json:"id"`
		Updated int64 `json:"updated"`
	}
	if err := json.Unmarshal(raw, &head); err != nil || head.ID <= 0 {
		return fmt.Errorf("show object without an id: %v", err)
	}
	clean, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shows[head.ID] = &show{raw: clean, embeds: embeds, updated: head.Updated}
	return nil
}

// SetStatus changes a show's status, as TVmaze would when a show ends,
// and marks it updated now.
func (s *Server) SetStatus(id int64, status string) error {
	return s.edit(id, func(obj map[string]any) { obj["status"] = status })
}

// SetSeasons replaces a show's seasons, marking it updated now.
func (s *Server) SetSeasons(id int64, seasons json.RawMessage) error {
	s.mu.Lock()
	sh, ok := s.shows[id]
	if ok {
		if sh.embeds == nil {
			sh.embeds = map[string]json.RawMessage{}
		}
		sh.embeds["seasons"] = seasons
	}
	s.mu.Unlock()
	if !ok {
		return fmt.Errorf("no show %d", id)
	}
	return s.edit(id, func(map[string]any) {})
}

func (s *Server) edit(id int64, change func(map[string]any)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sh, ok := s.shows[id]
	if !ok {
		return fmt.Errorf("no show %d", id)
	}
	var obj map[string]any
	if err := json.Unmarshal(sh.raw, &obj); err != nil {
		return err
	}
	change(obj)
	sh.updated = time.Now().Unix()
	obj["updated"] = sh.updated
	raw, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	sh.raw = raw
	return nil
}

// limit answers 429 when a client exceeds 20 calls in 10 seconds, with
// Retry-After saying when it may call again.
func (s *Server) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Requests.Add(1)
		s.UserAgent.Store(r.UserAgent())
		s.mu.Lock()
		if s.limited {
			now := time.Now()
			cut := 0
			for cut < len(s.calls) && now.Sub(s.calls[cut]) >= limitWindow {
				cut++
			}
			s.calls = s.calls[cut:]
			if len(s.calls) >= limitCalls {
				wait := limitWindow - now.Sub(s.calls[0])
				s.mu.Unlock()
				s.Throttled.Add(1)
				w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
				http.Error(w, `{"name":"Too Many Requests","message":"API rate limit exceeded.","code":0,"status":429}`, http.StatusTooManyRequests)
				return
			}
			s.calls = append(s.calls, now)
		}
		s.mu.Unlock()
		next.ServeHTTP(w, r)
	})
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 0 {
		page = 0
	}
	s.mu.Lock()
	delay := s.pageDelay
	var maxID int64
	var ids []int64
	lo, hi := int64(page)*pageSize, int64(page+1)*pageSize
	for id := range s.shows {
		maxID = max(maxID, id)
		if id >= lo && id < hi {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	var buf bytes.Buffer
	buf.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(s.shows[id].raw)
	}
	buf.WriteByte(']')
	s.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	if lo > maxID {
		notFound(w)
		return
	}
	writeJSON(w, r, buf.Bytes())
}

func (s *Server) details(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		notFound(w)
		return
	}
	s.mu.Lock()
	sh, ok := s.shows[id]
	f := s.faults[id]
	faulty := f.left > 0
	if faulty {
		f.left--
		s.faults[id] = f
	}
	var obj map[string]json.RawMessage
	if ok {
		json.Unmarshal(sh.raw, &obj)
		embedded := map[string]json.RawMessage{}
		for _, e := range r.URL.Query()["embed[]"] {
			if v, has := sh.embeds[e]; has {
				embedded[e] = v
			} else {
				embedded[e] = json.RawMessage("[]")
			}
		}
		if len(embedded) > 0 {
			obj["_embedded"], _ = json.Marshal(embedded)
		}
	}
	s.mu.Unlock()
	if !ok {
		notFound(w)
		return
	}
	body, _ := json.Marshal(obj)
	if faulty {
		switch f.fault {
		case FaultServerError:
			http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
			return
		case FaultTruncated:
			body = body[:len(body)/2]
		case FaultWrongType:
			body = bytes.Replace(body, []byte(fmt.Sprintf(`"id":%d`, id)), []byte(fmt.Sprintf(`"id":"%d"`, id)), 1)
		case FaultSlow:
			<-r.Context().Done()
			return
		}
	}
	writeJSON(w, r, body)
}

func (s *Server) updates(w http.ResponseWriter, r *http.Request) {
	var since time.Duration
	switch r.URL.Query().Get("since") {
	case "day":
		since = 24 * time.Hour
	case "week":
		since = 7 * 24 * time.Hour
	case "month":
		since = 30 * 24 * time.Hour
	case "":
		since = 100 * 365 * 24 * time.Hour
	default:
		http.Error(w, `{"name":"Bad Request","status":400}`, http.StatusBadRequest)
		return
	}
	cutoff := time.Now().Add(-since).Unix()
	s.mu.Lock()
	out := map[string]int64{}
	for id, sh := range s.shows {
		if sh.updated >= cutoff {
			out[strconv.FormatInt(id, 10)] = sh.updated
		}
	}
	s.mu.Unlock()
	body, _ := json.Marshal(out)
	writeJSON(w, r, body)
}

// writeJSON answers with an ETag, and 304 when the client has it already.
func writeJSON(w http.ResponseWriter, r *http.Request, body []byte) {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	if strings.Contains(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(body)
}

func notFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write([]byte(`{"name":"Not Found","message":"Page not found.","code":0,"status":404}`))
}

// Transport serves requests from the fake server's handler in memory,
// without a network: time-driven tests can run it inside a
// testing/synctest bubble, where waiting out the rate limit is instant.
func (s *Server) Transport() http.RoundTripper {
	return roundTripper{s.Server.Config.Handler}
}

type roundTripper struct{ h http.Handler }

func (rt roundTripper) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	rt.h.ServeHTTP(rec, r)
	if err := r.Context().Err(); err != nil {
		return nil, err
	}
	return rec.Result(), nil
}
