// Package web serves nextseason's pages: server-rendered HTML that needs
// no JavaScript. Each handler loads, builds a view, and renders it.
package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/metrics"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/recommend"
	"github.com/nextseason/nextseason/internal/store"
)

//go:embed templates static
var assets embed.FS

// Config is what the pages need.
type Config struct {
	Store   *store.Store
	Log     *slog.Logger
	Now     func() time.Time
	Archive fs.FS // source copies served at /archive/
	// EditorToken is a shared editors' password (HTTP basic auth), beside
	// editors' own sign-ins; empty turns it off.
	EditorToken string
	// BaseURL is where users reach this nextseason; empty takes the
	// request's host.
	BaseURL string
	// Mail says whether mail is set up.
	Mail bool
	// Recommender holds the recommendation models.
	Recommender *recommend.Service
	// Odds estimates renewal odds.
	Odds *odds.Service
	// Outlooks answers outlooks, for the pages and the API alike.
	Outlooks *answer.Outlooks
	// Logins limits sign-ins and guesses of the editors' token; nil
	// makes one over Store.
	Logins *auth.LoginLimiter
	// Metrics counts requests and serves /metrics; nil makes one over
	// Store. MetricsToken, when set, is the bearer token /metrics asks
	// for.
	Metrics      *metrics.Metrics
	MetricsToken string
}

// loginChecks bounds the password checks (64 MiB each) run at once.
const loginChecks = 4

// Web holds what the page handlers need and the parsed templates.
type Web struct {
	store   *store.Store
	log     *slog.Logger
	now     func() time.Time
	archive fs.FS
	editor  string // the shared editors' password; empty turns it off
	baseURL string
	mail    bool
	recs    *recommend.Service
	odds    *odds.Service
	answers *answer.Outlooks
	logins  *auth.LoginLimiter
	views   map[string]*template.Template
	bufs    sync.Pool // *bytes.Buffer, pages are rendered into
}

// New parses every template, so a broken template fails the start rather
// than a request.
func New(cfg Config) (*Web, error) {
	if cfg.Logins == nil {
		cfg.Logins = auth.NewLoginLimiter(cfg.Store, loginChecks)
	}
	if cfg.Outlooks == nil {
		cfg.Outlooks = &answer.Outlooks{Store: cfg.Store}
	}
	w := &Web{answers: cfg.Outlooks, store: cfg.Store, log: cfg.Log, now: cfg.Now, archive: cfg.Archive, editor: cfg.EditorToken, baseURL: cfg.BaseURL,
		mail: cfg.Mail, recs: cfg.Recommender, odds: cfg.Odds, logins: cfg.Logins, views: map[string]*template.Template{}}
	for _, name := range []string{"home", "search", "show", "outlook", "error", "review", "feeds", "unsubscribe", "login", "me"} {
		t, err := template.New(name).Funcs(templateFuncs()).ParseFS(assets, "templates/layout.html", "templates/partials/*.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		w.views[name] = t
	}
	return w, nil
}

// maxForm bounds a form's body: the largest form here holds a URL and a
// few choices.
const maxForm = 64 << 10

// readForm reads a posted form before h runs, so that a body past
// maxForm is answered 413 and a malformed one 400, rather than read as
// empty fields (which once answered a 10 MB follow with 404).
func (w *Web) readForm(h http.HandlerFunc) http.HandlerFunc {
	return func(rw http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(rw, r.Body, maxForm)
			if err := r.ParseForm(); err != nil {
				if tooLarge := new(http.MaxBytesError); errors.As(err, &tooLarge) {
					w.renderError(rw, r, http.StatusRequestEntityTooLarge, "Too large", fmt.Sprintf("A form here is at most %d KB.", maxForm>>10), nil)
					return
				}
				w.renderError(rw, r, http.StatusBadRequest, "Bad request", "The form could not be read: "+err.Error()+".", nil)
				return
			}
		}
		h(rw, r)
	}
}

// Register adds the pages' routes to mux.
func (w *Web) Register(mux *http.ServeMux) {
	static, _ := fs.Sub(assets, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	if w.archive != nil {
		mux.Handle("GET /archive/", http.StripPrefix("/archive/", http.FileServerFS(w.archive)))
	}
	page := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, w.withUser(w.readForm(h))) }
	page("GET /{$}", w.home)
	page("GET /search", w.search)
	page("GET /shows/{slug}", w.show)
	page("GET /shows/{slug}/seasons/{n}", w.outlook)
	page("GET /review", w.editorOnly(w.review))
	page("POST /review/{id}", w.editorOnly(w.decide))
	page("GET /feeds", w.editorOnly(w.feedsPage))
	page("POST /feeds", w.editorOnly(w.subscribe))
	page("GET /unsubscribe", w.unsubscribe)
	page("POST /unsubscribe", w.stopMails)
	page("GET /login", w.loginPage)
	page("POST /login", w.login)
	page("POST /logout", w.logout)
	page("GET /me", w.signedIn(w.mePage))
	page("POST /me/follows", w.signedIn(w.followShow))
	page("POST /me/unfollow", w.signedIn(w.unfollowShow))
	page("POST /me/follow-person", w.signedIn(w.followPerson))
	page("POST /me/unfollow-person", w.signedIn(w.unfollowPerson))
	page("POST /me/mail", w.signedIn(w.setMail))
	page("POST /me/test-mail", w.signedIn(w.testMail))
	page("POST /me/webhooks", w.signedIn(w.addWebhook))
	page("POST /me/webhooks/{id}/test", w.signedIn(w.testWebhook))
	page("POST /me/webhooks/{id}/delete", w.signedIn(w.deleteWebhook))
	page("/", func(rw http.ResponseWriter, r *http.Request) {
		w.renderError(rw, r, http.StatusNotFound, "Page not found", "There is no page at "+r.URL.Path+".", nil)
	})
}

// templateFuncs are the helpers templates may call.
func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"displayValue": model.DisplayValue,
		"inc":          func(i int) int { return i + 1 },
		"plural":       model.Plural,
		"hours": func(h int64) string {
			if h >= 1_000_000 {
				return strconv.FormatFloat(float64(h)/1e6, 'f', 1, 64) + "M"
			}
			return strconv.FormatInt(h, 10)
		},
		"castState":  func(s string) string { return model.CastChange(s).Label() },
		"footnotes":  footnotes,
		"decided":    answer.Decided,
		"showStatus": model.ShowStatusLabel,
		"percent":    func(p float64) string { return strconv.Itoa(int(p*100+0.5)) + "%" },
		"day":        func(t time.Time) string { return t.Format("2 January 2006") },
		// The chart holds only numbers and fixed words (odds.Estimate.Chart).
		"chart": func(e odds.Estimate) template.HTML { return template.HTML(e.Chart()) },
	}
}

// footnotes numbers the sources of one piece of evidence or of several.
func footnotes(v any) []int {
	switch x := v.(type) {
	case facts.Evidence:
		return facts.Footnotes(x)
	case []facts.Evidence:
		return facts.Footnotes(x...)
	}
	return nil
}

// render executes a view into a buffer first, so a failing template
// yields a clean 500 rather than half a page.
func (w *Web) render(rw http.ResponseWriter, r *http.Request, status int, name string, data any) {
	buf, _ := w.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		if buf.Cap() <= maxPooledPage {
			buf.Reset()
			w.bufs.Put(buf)
		}
	}()
	lv := layoutView{Data: data}
	if u, ok := viewer(r.Context()); ok {
		lv.User = &u
	}
	if err := w.views[name].ExecuteTemplate(buf, "layout", lv); err != nil {
		w.log.Error("render page", slog.Group("request", "path", r.URL.Path), "view", name, "err", err)
		http.Error(rw, "internal server error", http.StatusInternalServerError)
		return
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(status)
	rw.Write(buf.Bytes())
}

// maxPooledPage bounds the buffers kept for rendering: a rare huge page
// is not held on to.
const maxPooledPage = 1 << 20

type errorView struct {
	Title, Message string
	Nearest        []model.Show
}

func (w *Web) renderError(rw http.ResponseWriter, r *http.Request, status int, title, message string, nearest []model.Show) {
	w.render(rw, r, status, "error", errorView{Title: title, Message: message, Nearest: nearest})
}

// fail shows an error page with the status it deserves; internal errors
// are logged and not shown.
func (w *Web) fail(rw http.ResponseWriter, r *http.Request, err error) {
	var noShow *answer.NoShowError
	switch failure := answer.FailureOf(err); {
	case errors.As(err, &noShow):
		w.renderError(rw, r, http.StatusNotFound, "Show not found", err.Error()+".", noShow.Nearest)
	case failure == answer.NotFound:
		w.renderError(rw, r, http.StatusNotFound, "Not found", err.Error()+".", nil)
	case failure == answer.Invalid:
		w.renderError(rw, r, http.StatusBadRequest, "Bad request", err.Error()+".", nil)
	default:
		w.log.Error("page failed", slog.Group("request", "method", r.Method, "path", r.URL.Path), "err", err)
		w.renderError(rw, r, http.StatusInternalServerError, "Something went wrong", "The error has been logged.", nil)
	}
}
