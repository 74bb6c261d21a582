package server_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/events"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// TestFollowingAPerson: a fan follows an actor, not their shows; cast
// news naming the actor and a new credit in the catalog both reach the
// fan; someone else sees none of it; an ambiguous name is refused.
func TestFollowingAPerson(t *testing.T) {
	srv, st := setup(t)
	cat, bob := userToken(t, st, "cat@example.com", model.RoleViewer), userToken(t, st, "bob@example.com", model.RoleViewer)
	editor := userToken(t, st, "ed@example.com", model.RoleEditor)
	ctx := t.Context()
	if _, err := st.SavePerson(ctx, model.Person{Name: "Arden Cho", TVmazeID: 990501}); err != nil {
		t.Fatal(err)
	}
	if code, body := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"person": "arden cho"}`), cat); code != 200 || !strings.Contains(body, `"person": "Arden Cho"`) {
		t.Fatalf("follow a person: %d %s", code, body)
	}
	if code, body := do(t, "GET", srv.URL+"/api/v1/me/follows", nil, cat); code != 200 || !strings.Contains(body, `"person": "Arden Cho"`) {
		t.Errorf("cat's follows: %d %s", code, body)
	}

	// Cast news naming her, on a show cat does not follow.
	sh, err := st.FindShow(ctx, "partner-track")
	if err != nil {
		t.Fatal(err)
	}
	day := model.DayDate(dbtest.Clock())
	c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindCast, Actor: "Arden Cho", Character: "Ingrid Yun", CastChange: model.CastDeparting,
		Quote: "Arden Cho will not return.", Source: model.Source{URL: "https://trade.example/arden-cho", Publisher: "Example Trade", Published: day, Tier: model.TierTrade},
		StatedAt: day, Confidence: 0.9, Origin: model.OriginFeed, Rule: "cast", State: model.StateProposed}
	if _, err := st.AddClaim(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if code, body := do(t, "POST", srv.URL+"/api/v1/claims/"+strconv.FormatInt(c.ID, 10)+"/accept", nil, editor); code != 200 {
		t.Fatalf("accept: %d %s", code, body)
	}
	// A new role in the catalog, as a TVmaze sync would save it.
	harbor := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990502}
	if _, err := st.SaveShow(ctx, &harbor); err != nil {
		t.Fatal(err)
	}
	err = st.InTx(ctx, func(tx *store.Store) error {
		credit := model.Credit{ShowID: harbor.ID, Person: model.Person{Name: "Arden Cho", TVmazeID: 990501}, Character: "Mara", Role: model.RoleMain}
		_, personID, err := tx.SaveCredit(ctx, credit)
		if err != nil {
			return err
		}
		return events.NewRole(ctx, tx, credit, personID)
	})
	if err != nil {
		t.Fatal(err)
	}
	eventsOf := func(who map[string]string) []map[string]any { return listJSON(t, srv.URL+"/api/v1/me/events", who) }
	got := eventsOf(cat)
	// Newest first; after these two come the demo's own cast news of her.
	if len(got) < 2 || got[0]["new"] != "Arden Cho as Mara: new role" || got[0]["outlook"] != "/shows/harbor-lights" ||
		got[1]["kind"] != "cast_news" || !strings.HasPrefix(got[1]["new"].(string), "Arden Cho as Ingrid Yun") || got[1]["show"] != "partner-track" {
		t.Errorf("cat's events: %v", got)
	}
	if got := eventsOf(bob); len(got) != 0 {
		t.Errorf("bob follows no one and sees %v", got)
	}

	// Two people of one name: the name alone is refused, the id is not.
	other, err := st.SavePerson(ctx, model.Person{Name: "Arden Cho", TVmazeID: 990503})
	if err != nil {
		t.Fatal(err)
	}
	if code, body := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"person": "Arden Cho"}`), bob); code != http.StatusBadRequest || !strings.Contains(body, "person_id") {
		t.Errorf("an ambiguous name: %d %s", code, body)
	}
	if code, body := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"person_id": `+strconv.FormatInt(other, 10)+`}`), bob); code != 200 {
		t.Errorf("by id: %d %s", code, body)
	}
	if code, _ := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"person": "Nobody Atall"}`), bob); code != http.StatusNotFound {
		t.Errorf("an unknown person: %d, want 404", code)
	}
	if code, _ := do(t, "DELETE", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"person_id": `+strconv.FormatInt(other, 10)+`}`), cat); code != http.StatusNotFound {
		t.Errorf("cat unfollowing a person only bob follows: %d, want 404", code)
	}
	if code, _ := do(t, "DELETE", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"person_id": `+strconv.FormatInt(other, 10)+`}`), bob); code != http.StatusNoContent {
		t.Errorf("bob unfollows: %d, want 204", code)
	}
}

// TestFindingAPersonOnTheOutlook: Arden Cho, named by Partner Track's
// cast news, is found by search with the show she is in, and the
// README's {"person": "Arden Cho"} follow works on the demo's data.
func TestFindingAPersonOnTheOutlook(t *testing.T) {
	srv, st := setup(t)
	_, page, _ := get(t, srv, "/search?q=Arden+Cho")
	people := between(page, `id="people"`, "</section>")
	if !strings.Contains(people, "<strong>Arden Cho</strong>") || !strings.Contains(people, `<a href="/shows/partner-track">Partner Track</a>`) {
		t.Errorf("searching for Arden Cho: %q", people)
	}
	cat := userToken(t, st, "cat@example.com", model.RoleViewer)
	if code, body := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"person": "Arden Cho"}`), cat); code != 200 {
		t.Errorf(`the README's {"person": "Arden Cho"}: %d %s`, code, body)
	}
}
