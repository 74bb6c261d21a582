package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/nextseason/nextseason/internal/httpx"
)

// maxBody bounds a request's JSON body.
const maxBody = 64 << 10

// readBody reads a JSON body, if any, into v, refusing unknown fields and
// trailing data (400) and bodies over maxBody (413). When it refuses, it
// has answered, and reports false.
func readBody(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if tooLarge := new(http.MaxBytesError); errors.As(err, &tooLarge) {
		httpx.WriteError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("body: larger than %d KB", maxBody>>10))
		return false
	}
	if err != nil && !errors.Is(err, io.EOF) {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", "body: "+err.Error())
		return false
	}
	if dec.More() {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", "body: one JSON object, please")
		return false
	}
	return true
}
