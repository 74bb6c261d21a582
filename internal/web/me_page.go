package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/syndicate"
	"github.com/nextseason/nextseason/internal/tell"
)

// meView is "My shows": the followed shows' answers, the channels and
// the delivery history.
type meView struct {
	Email                string
	Shows                []myShow
	MailOn, MailSetUp    bool
	People               []model.Person
	Webhooks             []store.Webhook
	CalendarURL, FeedURL string
	History              []sentRow
	// Done says what the last action did; NewSecret is a new webhook's
	// secret, shown this once; Problem what was wrong with a form.
	Done, NewSecret, Problem string
}

type myShow struct {
	Slug, Title string
	Image       string
	Season      int
	Status      string
	Premiere    string
	// Events are every kind, with whether the follow asks for it.
	Events []eventChoice
	Digest bool
}

type eventChoice struct {
	Kind   model.EventKind
	Chosen bool
}

type sentRow struct {
	Channel, To, What, State, LastError string
	Attempts, Sends                     int
	At                                  time.Time
}

// done are the messages an action may leave, by name: only these are
// shown, whatever the query says.
var done = map[string]string{
	"followed": "Saved.", "unfollowed": "Unfollowed.", "mail-on": "Mail is on.", "mail-off": "Mail is off.",
	"test-mail": "A test mail is on its way.", "test-webhook": "A test delivery is on its way; reload to see how it went.",
	"webhook-deleted": "Webhook deleted.",
}

func (w *Web) mePage(rw http.ResponseWriter, r *http.Request) {
	w.renderMe(rw, r, http.StatusOK, meView{Done: done[r.URL.Query().Get("done")]})
}

// renderMe loads the signed-in user's page around v.
func (w *Web) renderMe(rw http.ResponseWriter, r *http.Request, status int, v meView) {
	u, _ := viewer(r.Context())
	ctx := r.Context()
	shows, err := answer.FollowedShows(ctx, w.store, u.ID, w.now())
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	for _, f := range shows {
		o := f.Next()
		s := myShow{Slug: f.Slug, Title: f.Title, Image: o.Show.Image, Season: o.Season, Status: o.Renewal.Status.Label(), Digest: f.Delivery == model.DeliveryDigest}
		if o.Renewal.Disputed {
			s.Status = model.DisplayValue(model.AnswerDisputed)
		}
		for _, k := range model.EventKinds {
			s.Events = append(s.Events, eventChoice{Kind: k, Chosen: slices.Contains(f.Events, k)})
		}
		if o.Premiere != nil {
			s.Premiere = o.Premiere.Date.Display()
		}
		v.Shows = append(v.Shows, s)
	}
	if v.People, err = w.store.FollowedPeople(ctx, u.ID); err != nil {
		w.fail(rw, r, err)
		return
	}
	if v.Webhooks, err = w.store.UserWebhooks(ctx, u.ID); err != nil {
		w.fail(rw, r, err)
		return
	}
	sent, err := w.store.UserSent(ctx, u.ID, 50)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	for _, x := range sent {
		v.History = append(v.History, sentRow{Channel: x.Channel, To: x.To, What: tell.SentHeadline(x), State: x.State,
			LastError: x.LastError, Attempts: x.Attempts, Sends: x.Sends, At: x.At})
	}
	v.Email, v.MailOn, v.MailSetUp = u.Email, u.EmailAlerts, w.mail
	v.CalendarURL, v.FeedURL = syndicate.PrivateURLs(httpx.BaseURL(w.baseURL, r), u.FeedToken)
	w.render(rw, r, status, "me", v)
}

// after sends the browser back to a page once an action is done.
func after(rw http.ResponseWriter, r *http.Request, page, what string) {
	http.Redirect(rw, r, page+"?done="+what, http.StatusSeeOther)
}

// followShow follows a show, or changes a follow: the events checked
// (none: all of them) and the delivery ("immediate" or "digest").
func (w *Web) followShow(rw http.ResponseWriter, r *http.Request) {
	u, _ := viewer(r.Context())
	sh, err := answer.FindShow(r.Context(), w.store, r.PostFormValue("show"))
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	events, err := model.ParseEventKinds(r.PostForm["events"]) // read by readForm
	if err != nil {
		w.renderError(rw, r, http.StatusBadRequest, "Bad request", err.Error()+".", nil)
		return
	}
	delivery, err := model.ParseDelivery(r.PostFormValue("delivery"))
	if err != nil {
		w.renderError(rw, r, http.StatusBadRequest, "Bad request", err.Error()+".", nil)
		return
	}
	if err := w.store.SaveFollow(r.Context(), &model.Follow{UserID: u.ID, ShowID: sh.ID, Events: events, Delivery: delivery}); err != nil {
		w.fail(rw, r, err)
		return
	}
	after(rw, r, cmpPage(r.PostFormValue("from"), "/shows/"+sh.Slug), "followed")
}

// personID is the person a form names by id; when it names none it
// answers 400 and reports false.
func (w *Web) personID(rw http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PostFormValue("person"), 10, 64)
	if err != nil {
		w.renderError(rw, r, http.StatusBadRequest, "Bad request", "No such person.", nil)
		return 0, false
	}
	return id, true
}

// followPerson follows a person, by id, for their cast news.
func (w *Web) followPerson(rw http.ResponseWriter, r *http.Request) {
	u, _ := viewer(r.Context())
	id, ok := w.personID(rw, r)
	if !ok {
		return
	}
	if _, err := w.store.Person(r.Context(), id); err != nil {
		w.fail(rw, r, err)
		return
	}
	if err := w.store.FollowPerson(r.Context(), u.ID, id); err != nil {
		w.fail(rw, r, err)
		return
	}
	after(rw, r, "/me", "followed")
}

// unfollowPerson ends a follow of a person, by id; another user's
// follows are not theirs to end.
func (w *Web) unfollowPerson(rw http.ResponseWriter, r *http.Request) {
	u, _ := viewer(r.Context())
	id, ok := w.personID(rw, r)
	if !ok {
		return
	}
	if _, err := w.store.UnfollowPerson(r.Context(), u.ID, id); err != nil {
		w.fail(rw, r, err)
		return
	}
	after(rw, r, "/me", "unfollowed")
}

func (w *Web) unfollowShow(rw http.ResponseWriter, r *http.Request) {
	u, _ := viewer(r.Context())
	sh, err := answer.FindShow(r.Context(), w.store, r.PostFormValue("show"))
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	if _, err := w.store.Unfollow(r.Context(), u.ID, sh.ID); err != nil {
		w.fail(rw, r, err)
		return
	}
	after(rw, r, cmpPage(r.PostFormValue("from"), "/shows/"+sh.Slug), "unfollowed")
}

// cmpPage is the page an action came from, if it is "me", else fallback.
func cmpPage(from, fallback string) string {
	if from == "me" {
		return "/me"
	}
	return fallback
}

func (w *Web) setMail(rw http.ResponseWriter, r *http.Request) {
	u, _ := viewer(r.Context())
	on := r.PostFormValue("on") == "1"
	if err := w.store.SetEmailAlerts(r.Context(), u.ID, on); err != nil {
		w.fail(rw, r, err)
		return
	}
	after(rw, r, "/me", map[bool]string{true: "mail-on", false: "mail-off"}[on])
}

func (w *Web) testMail(rw http.ResponseWriter, r *http.Request) {
	u, _ := viewer(r.Context())
	if !w.mail {
		w.renderMe(rw, r, http.StatusConflict, meView{Problem: "This nextseason sends no mail: its operator has set no SMTP server."})
		return
	}
	if err := w.store.QueueTestMail(r.Context(), u.ID); err != nil {
		w.fail(rw, r, err)
		return
	}
	after(rw, r, "/me", "test-mail")
}

// addWebhook registers an endpoint and shows its secret, this once.
func (w *Web) addWebhook(rw http.ResponseWriter, r *http.Request) {
	u, _ := viewer(r.Context())
	h, err := notify.AddWebhook(r.Context(), w.store, u.ID, r.PostFormValue("url"))
	switch {
	case errors.Is(err, notify.ErrBadURL), errors.Is(err, store.ErrConflict):
		w.renderMe(rw, r, http.StatusBadRequest, meView{Problem: err.Error()})
	case err != nil:
		w.fail(rw, r, err)
	default:
		w.renderMe(rw, r, http.StatusCreated, meView{Done: "Webhook added.", NewSecret: h.Secret})
	}
}

// webhookAction runs act on one of the user's webhooks, by the path's id;
// another user's id is "not found".
func (w *Web) webhookAction(act func(*store.Store, *http.Request, int64, int64) error, what string) http.HandlerFunc {
	return func(rw http.ResponseWriter, r *http.Request) {
		u, _ := viewer(r.Context())
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			w.renderError(rw, r, http.StatusNotFound, "Not found", "No such webhook.", nil)
			return
		}
		if err := act(w.store, r, u.ID, id); err != nil {
			w.fail(rw, r, err)
			return
		}
		after(rw, r, "/me", what)
	}
}

func (w *Web) testWebhook(rw http.ResponseWriter, r *http.Request) {
	w.webhookAction(func(st *store.Store, r *http.Request, userID, id int64) error {
		return st.RequestWebhookTest(r.Context(), userID, id)
	}, "test-webhook")(rw, r)
}

func (w *Web) deleteWebhook(rw http.ResponseWriter, r *http.Request) {
	w.webhookAction(func(st *store.Store, r *http.Request, userID, id int64) error {
		return st.DeleteWebhook(r.Context(), userID, id)
	}, "webhook-deleted")(rw, r)
}
