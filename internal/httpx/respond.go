// Package httpx holds nextseason's HTTP plumbing: JSON responses and
// errors, and the middleware every request passes through.
package httpx

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"time"
)

// WriteJSON sends v as JSON with the given status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// APIError is the body of every API error: {"error": {"code", "message"}}.
type APIError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// WriteError sends an API error. code is a stable, machine-readable word
// such as "not_found"; message is for people.
func WriteError(w http.ResponseWriter, status int, code, message string) {
	var e APIError
	e.Error.Code, e.Error.Message = code, message
	WriteJSON(w, status, e)
}

// Observer is told of each request answered: its status and how long it
// took (for metrics).
type Observer func(r *http.Request, status int, took time.Duration)

// Middleware wraps every handler: it sets safe headers, turns a panic
// into a 500, logs each request and tells observe (when not nil).
func Middleware(log *slog.Logger, observe Observer, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h := rec.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' https:; style-src 'self'; script-src 'none'; frame-ancestors 'none'")
		defer func() {
			if p := recover(); p != nil {
				log.Error("panic serving request", slog.Group("request", "method", r.Method, "path", r.URL.Path), "panic", p)
				if !rec.wrote {
					http.Error(rec, "internal server error", http.StatusInternalServerError)
				}
			}
			log.Debug("request", slog.Group("request", "method", r.Method, "path", r.URL.Path, "status", rec.status))
			if observe != nil {
				observe(r, rec.status, time.Since(start))
			}
		}()
		next.ServeHTTP(rec, r)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *statusRecorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}
