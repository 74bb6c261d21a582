package recommend_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/recommend"
	"github.com/nextseason/nextseason/internal/store"
)

// demoFans loads the demo and has fans follow shows: many who follow
// Silicon Valley also follow Partner Track and The A-Team; ann follows
// only Silicon Valley.
func demoFans(t *testing.T) (*store.Store, map[string]model.User) {
	t.Helper()
	st := dbtest.Store(t)
	if _, err := demo.Load(t.Context(), st, "test"); err != nil {
		t.Fatal(err)
	}
	users := map[string]model.User{}
	follow := func(email string, slugs ...string) {
		u, err := st.AddUser(t.Context(), email, model.RoleViewer, "")
		if err != nil {
			t.Fatal(err)
		}
		users[email] = u
		for _, slug := range slugs {
			sh, err := st.FindShow(t.Context(), slug)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.SaveFollow(t.Context(), &model.Follow{UserID: u.ID, ShowID: sh.ID, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
				t.Fatal(err)
			}
		}
	}
	follow("ann@example.com", "silicon-valley")
	follow("bob@example.com", "silicon-valley", "partner-track", "the-a-team")
	follow("cat@example.com", "silicon-valley", "partner-track")
	follow("dan@example.com", "partner-track", "the-a-team")
	return st, users
}

// TestRecommendationsInTheDemo: in the demo with a few fans, a fan gets
// recommendations with reasons, never what she follows; "complete
// stories only" keeps only shows that ended as planned, so Partner Track,
// canceled after one season, goes, as it does with "no one-season
// cancellations"; "more like this" works for anyone.
func TestRecommendationsInTheDemo(t *testing.T) {
	st, users := demoFans(t)
	// The A-Team ended as planned, an official source says.
	ateam, err := st.FindShow(t.Context(), "the-a-team")
	if err != nil {
		t.Fatal(err)
	}
	day := model.DayDate(dbtest.Clock())
	c := model.Claim{ShowID: ateam.ID, Season: 2, Kind: model.KindRenewal, Status: model.StatusEndedFinalSeason, Quote: "The A-Team has ended its run.",
		Source:   model.Source{URL: "https://network.example/a-team", Publisher: "NBC", Published: day, Tier: model.TierOfficial},
		StatedAt: day, Confidence: 1, Origin: model.OriginEditor, State: model.StateAccepted}
	if _, err := st.AddClaim(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	e, err := recommend.Build(t.Context(), st, dbtest.Clock())
	if err != nil {
		t.Fatal(err)
	}
	ann := users["ann@example.com"].ID
	sv, _ := st.FindShow(t.Context(), "silicon-valley")
	slugs := func(recs []recommend.Recommendation) []string {
		var out []string
		for _, r := range recs {
			out = append(out, r.Slug)
		}
		return out
	}
	all := e.ForUser(ann, []int64{sv.ID}, recommend.Options{Limit: 10})
	if len(all) != 10 || !slices.Contains(slugs(all), "partner-track") || !slices.Contains(slugs(all), "the-a-team") || slices.Contains(slugs(all), "silicon-valley") {
		t.Fatalf("ann's recommendations: %v", slugs(all))
	}
	for _, r := range all {
		if len(r.Reasons) == 0 || !strings.HasPrefix(r.Reasons[0], "because you follow Silicon Valley: ") {
			t.Errorf("%s: reasons %q", r.Slug, r.Reasons)
		}
	}
	if r := all[slices.Index(slugs(all), "partner-track")]; r.Fate != recommend.FateCanceled || !slices.Contains(r.Reasons, "viewers who follow Silicon Valley also follow this") {
		t.Errorf("partner-track: %+v", r)
	}
	complete := e.ForUser(ann, []int64{sv.ID}, recommend.Options{Limit: 10, CompleteOnly: true})
	if got := slugs(complete); len(got) != 1 || got[0] != "the-a-team" || complete[0].Fate != recommend.FateComplete {
		t.Errorf("complete stories only: %v", got)
	}
	if got := slugs(e.ForUser(ann, []int64{sv.ID}, recommend.Options{Limit: 10, NoOneSeasonCancels: true})); slices.Contains(got, "partner-track") || len(got) != 10 {
		t.Errorf("no one-season cancellations: %v", got)
	}
	// A fan the models have not seen yet gets shows like hers.
	newFan := e.ForUser(99999, []int64{sv.ID}, recommend.Options{Limit: 3})
	if len(newFan) != 3 || !strings.HasPrefix(newFan[0].Reasons[0], "because you follow Silicon Valley") {
		t.Errorf("a new fan: %+v", newFan)
	}
	pt, _ := st.FindShow(t.Context(), "partner-track")
	like := e.MoreLikeThis(pt.ID, 5)
	if len(like) != 5 || slices.Contains(slugs(like), "partner-track") || like[0].Reasons[0] == "" {
		t.Errorf("more like Partner Track: %+v", like)
	}
	t.Logf("ann: %v; blend %v", slugs(all), e.Weights())
}

// TestStoredModelsServeAnotherInstance: the models one instance fits and
// stores answer the same on another that only loads them.
func TestStoredModelsServeAnotherInstance(t *testing.T) {
	st, users := demoFans(t)
	worker := &recommend.Service{Store: st, Now: dbtest.Clock}
	if _, err := worker.Refit(t.Context()); err != nil {
		t.Fatal(err)
	}
	fitted, err := st.RecommendModelTime(t.Context())
	if err != nil || !fitted.Equal(dbtest.Clock()) {
		t.Fatalf("stored model fitted at %v, %v", fitted, err)
	}
	web := &recommend.Service{Store: st, Now: dbtest.Clock}
	ann := users["ann@example.com"].ID
	want, err := recommend.ForUser(t.Context(), worker, st, ann, recommend.Options{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	got, err := recommend.ForUser(t.Context(), web, st, ann, recommend.Options{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("loaded model answers\n%v\nfitting one answered\n%v", got, want)
	}
	// A refit the worker stores serves the web instance from its next
	// request on, however soon after.
	later := dbtest.Clock().Add(30 * time.Second)
	refitter := &recommend.Service{Store: st, Now: func() time.Time { return later }}
	if _, err := refitter.Refit(t.Context()); err != nil {
		t.Fatal(err)
	}
	e, err := web.Engine(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !e.BuiltAt.Equal(later) {
		t.Errorf("the web instance, after a refit stored 30 s later: models built at %v, want %v", e.BuiltAt, later)
	}
	if _, err := recommend.Decode([]byte("not a model")); err == nil {
		t.Error("garbage decoded as a model")
	}
}
