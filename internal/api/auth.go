package api

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// userKey carries the signed-in user in a request's context.
type userKey struct{}

// currentUser is the user a handler behind signedIn serves.
func currentUser(ctx context.Context) (model.User, bool) {
	u, ok := ctx.Value(userKey{}).(model.User)
	return u, ok
}

// signedIn lets through requests with a user's API token
// (Authorization: Bearer nst_…) whose role allows; with the shared
// editors' token (NEXTSEASON_EDITOR_TOKEN) when editing is asked for.
func (a *API) signedIn(needEditor bool, next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, ok := httpx.Bearer(r)
		switch {
		case ok && strings.HasPrefix(got, auth.TokenPrefix):
			u, err := a.Store.UserByToken(r.Context(), auth.HashToken(got))
			switch {
			case errors.Is(err, store.ErrNotFound):
				unauthorized(w)
			case err != nil:
				a.fail(w, r, err)
			case needEditor && !u.Role.CanEdit():
				httpx.WriteError(w, http.StatusForbidden, "forbidden", "this needs the editor role; "+u.Email+" is a "+string(u.Role))
			default:
				next(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
			}
		case ok && needEditor && a.EditorToken != "":
			switch err := a.Logins.CheckToken(r.Context(), httpx.ClientAddr(r), a.EditorToken, got); {
			case err == nil:
				next(w, r)
			case errors.Is(err, auth.ErrTooMany):
				httpx.WriteError(w, http.StatusTooManyRequests, "too_many_attempts", "too many wrong tokens from here; wait a minute")
			case errors.Is(err, auth.ErrMismatch):
				unauthorized(w)
			default:
				a.fail(w, r, err)
			}
		default:
			unauthorized(w)
		}
	})
}

func unauthorized(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="nextseason"`)
	httpx.WriteError(w, http.StatusUnauthorized, "unauthorized", "send an API token (nextseason tokens add EMAIL) as Authorization: Bearer TOKEN")
}

// editor guards the editors' endpoints.
func (a *API) editor(next http.HandlerFunc) http.Handler { return a.signedIn(true, next) }
