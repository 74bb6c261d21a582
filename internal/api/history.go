package api

import (
	"net/http"
	"time"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/tell"
)

// SentView is one delivery or mail in a user's history.
type SentView struct {
	Channel string `json:"channel"`
	To      string `json:"to"`
	// What is a headline: the event's, "digest of DAY", or "test".
	What     string `json:"what"`
	State    string `json:"state"`
	Attempts int    `json:"attempts"`
	// Sends counts the times it was sent; more than one marks duplicates.
	Sends     int       `json:"sends"`
	LastError string    `json:"last_error,omitempty"`
	At        time.Time `json:"at"`
}

// historyLength is how many deliveries and how many mails the history
// shows.
const historyLength = 50

// listSent shows the user's delivery history, newest first: failed ones
// with their last error.
func (a *API) listSent(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	all, err := a.Store.UserSent(r.Context(), u.ID, historyLength)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]SentView, 0, len(all))
	for _, x := range all {
		out = append(out, SentView{Channel: x.Channel, To: x.To, What: tell.SentHeadline(x), State: x.State,
			Attempts: x.Attempts, Sends: x.Sends, LastError: x.LastError, At: x.At})
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}

// testMail queues a test mail to the user.
func (a *API) testMail(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	if !a.Mail {
		httpx.WriteError(w, http.StatusConflict, "no_mail", "this nextseason sends no mail: its operator has set no SMTP server (NEXTSEASON_SMTP_URL)")
		return
	}
	if err := a.Store.QueueTestMail(r.Context(), u.ID); err != nil {
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusAccepted, Queued{Queued: true})
}
