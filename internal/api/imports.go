package api

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/imports"
)

// importFollows follows what a file lists: nextseason's export, or a
// file of Trakt's export; ?dry_run=true only says what it would do.
func (a *API) importFollows(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	dry := false
	if s := r.URL.Query().Get("dry_run"); s != "" {
		var err error
		if dry, err = strconv.ParseBool(s); err != nil {
			httpx.WriteError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("dry_run %q: want true or false", s))
			return
		}
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, imports.MaxFile))
	if tooLarge := new(http.MaxBytesError); errors.As(err, &tooLarge) {
		httpx.WriteError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("body: larger than %d MB", imports.MaxFile>>20))
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	file, err := imports.Read(data)
	if err != nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	rep, err := imports.Apply(r.Context(), a.Store, u.ID, file, dry)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, rep)
}

// exportFollows answers the account's export, which import reads back.
func (a *API) exportFollows(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	e, err := imports.Build(r.Context(), a.Store, u.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, e)
}
