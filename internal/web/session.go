package web

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// sessionCookie names the cookie of a signed-in browser.
const sessionCookie = "nextseason_session"

// sessionLength is how long a sign-in lasts.
const sessionLength = 30 * 24 * time.Hour

// layoutView is what every page's layout gets: who is signed in, and the
// page's own data.
type layoutView struct {
	User *model.User // nil for a visitor
	Data any
}

type viewerKey struct{}

// viewer is the signed-in user of a page request, if any.
func viewer(ctx context.Context) (model.User, bool) {
	u, ok := ctx.Value(viewerKey{}).(model.User)
	return u, ok
}

// withUser finds who is signed in from the session cookie. A cookie that
// is unknown or expired is as none.
func (w *Web) withUser(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err == nil && c.Value != "" {
			u, err := w.store.UserBySession(r.Context(), auth.HashToken(c.Value))
			switch {
			case err == nil:
				r = r.WithContext(context.WithValue(r.Context(), viewerKey{}, u))
			case !errors.Is(err, store.ErrNotFound):
				w.fail(rw, r, err)
				return
			}
		}
		next(rw, r)
	})
}

// signedIn sends visitors who are not signed in to the sign-in page, and
// back here after.
func (w *Web) signedIn(next http.HandlerFunc) http.HandlerFunc {
	return func(rw http.ResponseWriter, r *http.Request) {
		if _, ok := viewer(r.Context()); !ok {
			back := r.URL.RequestURI()
			if r.Method != http.MethodGet {
				back = "/me"
			}
			http.Redirect(rw, r, "/login?next="+url.QueryEscape(back), http.StatusSeeOther)
			return
		}
		next(rw, r)
	}
}

// editorOnly lets in editors and admins who are signed in, and, while it
// is set, anyone with the shared editors' password (HTTP basic auth, any
// user name).
func (w *Web) editorOnly(next http.HandlerFunc) http.HandlerFunc {
	return func(rw http.ResponseWriter, r *http.Request) {
		u, signedIn := viewer(r.Context())
		if signedIn && u.Role.CanEdit() {
			next(rw, r)
			return
		}
		if _, pass, ok := r.BasicAuth(); ok && w.editor != "" {
			switch err := w.logins.CheckToken(r.Context(), httpx.ClientAddr(r), w.editor, pass); {
			case err == nil:
				next(rw, r)
				return
			case errors.Is(err, auth.ErrTooMany):
				w.renderError(rw, r, http.StatusTooManyRequests, "Too many attempts", "Too many wrong passwords from here. Wait a minute, then try again.", nil)
				return
			case !errors.Is(err, auth.ErrMismatch):
				w.fail(rw, r, err)
				return
			}
		}
		if signedIn {
			w.renderError(rw, r, http.StatusForbidden, "Editors only", u.Email+" is a "+string(u.Role)+"; this page needs the editor role.", nil)
			return
		}
		if w.editor != "" {
			rw.Header().Set("WWW-Authenticate", `Basic realm="nextseason editors", charset="UTF-8"`)
		}
		w.renderError(rw, r, http.StatusUnauthorized, "Editors only", "Sign in with an editor's account to review claims and manage feeds.", nil)
	}
}

type loginView struct {
	Email, Next, Problem string
}

func (w *Web) loginPage(rw http.ResponseWriter, r *http.Request) {
	w.render(rw, r, http.StatusOK, "login", loginView{Next: localPath(r.URL.Query().Get("next"))})
}

// login checks a password, slowly and a few times a minute at most, and
// starts a session in a Secure, HttpOnly, SameSite cookie.
func (w *Web) login(rw http.ResponseWriter, r *http.Request) {
	email, password := strings.ToLower(strings.TrimSpace(r.PostFormValue("email"))), r.PostFormValue("password")
	v := loginView{Email: email, Next: localPath(r.PostFormValue("next"))}
	ok, err := w.logins.Allow(r.Context(), httpx.ClientAddr(r), email)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	if !ok {
		v.Problem = "Too many sign-in attempts. Wait a minute, then try again."
		w.render(rw, r, http.StatusTooManyRequests, "login", v)
		return
	}
	u, hash, err := w.store.UserForLogin(r.Context(), email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		w.fail(rw, r, err)
		return
	}
	if len(password) > auth.MaxPassword {
		password = password[:auth.MaxPassword]
	}
	if err := w.logins.Check(hash, password); err != nil {
		v.Problem = "Wrong email or password."
		w.render(rw, r, http.StatusUnauthorized, "login", v)
		return
	}
	token := auth.Random("nss_")
	expires := w.now().Add(sessionLength)
	if err := w.store.AddSession(r.Context(), u.ID, auth.HashToken(token), expires); err != nil {
		w.fail(rw, r, err)
		return
	}
	http.SetCookie(rw, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", Expires: expires,
		Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(rw, r, cmp.Or(v.Next, "/me"), http.StatusSeeOther)
}

// logout ends the session.
func (w *Web) logout(rw http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := w.store.DeleteSession(r.Context(), auth.HashToken(c.Value)); err != nil {
			w.fail(rw, r, err)
			return
		}
	}
	http.SetCookie(rw, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(rw, r, "/", http.StatusSeeOther)
}

// localPath keeps a "next" page only if it is a path on this site, so a
// sign-in link cannot send anyone elsewhere.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return ""
	}
	return p
}
