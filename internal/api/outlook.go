package api

import (
	"net/http"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/httpx"
)

func (a *API) getOutlook(w http.ResponseWriter, r *http.Request) {
	ans, err := a.Outlooks.Outlook(r.Context(), answer.Request{
		Show: r.PathValue("slug"), Season: r.PathValue("n"), AsOf: r.URL.Query().Get("as_of"),
	}, a.Now())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, ans.Outlook.WithBase(a.base(r)))
}
