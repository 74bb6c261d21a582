package imports_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/imports"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

func setup(t *testing.T) (*store.Store, model.User) {
	t.Helper()
	st := dbtest.Store(t)
	if _, err := demo.Load(t.Context(), st, "test"); err != nil {
		t.Fatal(err)
	}
	u, err := st.AddUser(t.Context(), "fan@example.com", model.RoleViewer, "")
	if err != nil {
		t.Fatal(err)
	}
	return st, u
}

// sonarr serves the recorded series list to requests with the key.
func sonarr(t *testing.T) *httptest.Server {
	body, err := os.ReadFile("testdata/sonarr-series.json")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v3/series" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("X-Api-Key") != "sonarr-key" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func slugs(follows []store.FollowedShow) []string {
	var out []string
	for _, f := range follows {
		out = append(out, f.Slug)
	}
	slices.Sort(out)
	return out
}

// TestSonarrSeriesBecomeFollows: each series Sonarr tracks is matched by
// its TVmaze id, its IMDb id, its TheTVDB id or its title and year; a
// dry run changes nothing; the one the catalog lacks is listed with why;
// importing again changes nothing.
func TestSonarrSeriesBecomeFollows(t *testing.T) {
	st, u := setup(t)
	srv := sonarr(t)
	if _, err := imports.FetchSonarr(t.Context(), srv.Client(), srv.URL, "wrong"); err == nil || !strings.Contains(err.Error(), "API key") {
		t.Errorf("a wrong API key: %v", err)
	}
	wanted, err := imports.FetchSonarr(t.Context(), srv.Client(), srv.URL+"/", "sonarr-key")
	if err != nil || len(wanted) != 5 {
		t.Fatalf("Sonarr's series: %d, %v", len(wanted), err)
	}
	want := []string{"downton-abbey", "key-peele", "lovesick", "peaky-blinders"}
	dry, err := imports.Follow(t.Context(), st, u.ID, wanted, true)
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(slices.Values(dry.Followed)); !slices.Equal(got, want) || len(dry.Unmatched) != 1 ||
		dry.Unmatched[0].Title != "Severance" || !strings.Contains(dry.Unmatched[0].Why, "Severance") {
		t.Errorf("the dry run: %+v", dry)
	}
	if follows, _ := st.Follows(t.Context(), u.ID); len(follows) != 0 {
		t.Fatalf("a dry run followed %v", slugs(follows))
	}
	rep, err := imports.Follow(t.Context(), st, u.ID, wanted, false)
	if err != nil || len(rep.Followed) != 4 || len(rep.Unmatched) != 1 {
		t.Fatalf("the import: %+v, %v", rep, err)
	}
	follows, err := st.Follows(t.Context(), u.ID)
	if err != nil || !slices.Equal(slugs(follows), want) {
		t.Errorf("follows after the import: %v, %v; want %v", slugs(follows), err, want)
	}
	for _, f := range follows {
		if len(f.Events) != len(model.EventKinds) || f.Delivery != model.DeliveryImmediate {
			t.Errorf("%s is followed for %v, %s; want every event at once", f.Slug, f.Events, f.Delivery)
		}
	}
	again, err := imports.Follow(t.Context(), st, u.ID, wanted, false)
	if err != nil || len(again.Followed)+len(again.Updated) != 0 || len(again.Unchanged) != 4 || len(again.Unmatched) != 1 {
		t.Errorf("importing again: %+v, %v; want 4 unchanged and Severance unmatched", again, err)
	}
}

// TestTraktExportFiles: the watchlist follows, watched shows are marked
// watched, ratings (1–10) become 1–5 (6 is 3, 9 is 5); movies and
// episodes are counted as skipped; a show the catalog lacks is listed; each file imported again
// changes nothing; broken files change nothing.
func TestTraktExportFiles(t *testing.T) {
	st, u := setup(t)
	for _, name := range []string{"watchlist-shows", "watched-shows", "ratings-shows"} {
		data, err := os.ReadFile("testdata/trakt-" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		f, err := imports.Read(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := imports.Apply(t.Context(), st, u.ID, f, false); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		again, err := imports.Apply(t.Context(), st, u.ID, f, false)
		if err != nil || len(again.Followed)+len(again.Updated) != 0 {
			t.Errorf("%s imported again: %+v, %v", name, again, err)
		}
		switch name {
		case "watchlist-shows":
			if len(again.Unmatched) != 1 || again.Unmatched[0].Title != "The Bear" {
				t.Errorf("the watchlist's unmatched: %+v", again.Unmatched)
			}
		case "ratings-shows":
			if again.Skipped != 2 { // the movie, and the episode (a rating of one episode is not the show's)
				t.Errorf("ratings skipped %d entries, want the movie and the episode", again.Skipped)
			}
		}
	}
	follows, err := st.Follows(t.Context(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range follows {
		got[f.Slug] = strings.TrimSpace(strings.Join([]string{map[bool]string{true: "watched"}[f.Watched], map[int]string{0: "", 3: "3", 4: "4", 5: "5"}[f.Rating]}, " "))
	}
	want := map[string]string{"peaky-blinders": "watched 3", "mount-pleasant": "", "downton-abbey": "watched 5"}
	if len(got) != len(want) {
		t.Errorf("follows: %v, want %v", got, want)
	}
	for slug, w := range want {
		if got[slug] != w {
			t.Errorf("%s: %q, want %q (all: %v)", slug, got[slug], w, got)
		}
	}
	for _, bad := range []string{`[{"show": {"title": "Peaky Blinders"}, "rating": 11}]`, `[{"show": {}}]`, `[`, `{"format": "trakt"}`, `[]`, `"a string"`} {
		f, err := imports.Read([]byte(bad))
		if err == nil {
			_, err = imports.Apply(t.Context(), st, u.ID, f, false)
		}
		if err == nil {
			t.Errorf("%s was imported", bad)
		}
	}
	if after, _ := st.Follows(t.Context(), u.ID); len(after) != len(follows) {
		t.Errorf("broken files changed the follows: %d, were %d", len(after), len(follows))
	}
}

// TestExportReadsBack: an account's export, imported for another
// account, gives it the same follows (events, delivery, watched, rating),
// people and webhook endpoints (with secrets of its own); importing it
// again changes nothing.
func TestExportReadsBack(t *testing.T) {
	st, ann := setup(t)
	ctx := t.Context()
	peaky, err := st.FindShow(ctx, "peaky-blinders")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveFollow(ctx, &model.Follow{UserID: ann.ID, ShowID: peaky.ID, Events: []model.EventKind{model.EventRenewed, model.EventCanceled}, Delivery: model.DeliveryDigest}); err != nil {
		t.Fatal(err)
	}
	watched, rating := true, 4
	if err := st.SetWatched(ctx, ann.ID, peaky.ID, &watched, &rating); err != nil {
		t.Fatal(err)
	}
	people, err := st.PeopleNamed(ctx, "Mr. T")
	if err != nil || len(people) != 1 {
		t.Fatalf("Mr. T: %v, %v", people, err)
	}
	if err := st.FollowPerson(ctx, ann.ID, people[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddWebhook(ctx, ann.ID, "https://hooks.example.com/ann", "whsec_dGVzdA=="); err != nil {
		t.Fatal(err)
	}
	e, err := imports.Build(ctx, st, ann.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Follows) != 1 || e.Follows[0].TVmazeID != peaky.TVmazeID || len(e.People) != 1 || len(e.Webhooks) != 1 {
		t.Fatalf("the export: %+v", e)
	}
	data, err := jsonOf(e)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "whsec_") {
		t.Error("the export holds a webhook secret")
	}
	bob, err := st.AddUser(ctx, "bob@example.com", model.RoleViewer, "")
	if err != nil {
		t.Fatal(err)
	}
	f, err := imports.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := imports.Apply(ctx, st, bob.ID, f, false)
	if err != nil || len(rep.Followed) != 1 || len(rep.People) != 1 || len(rep.Webhooks) != 1 {
		t.Fatalf("importing ann's export for bob: %+v, %v", rep, err)
	}
	back, err := imports.Build(ctx, st, bob.ID)
	if err != nil {
		t.Fatal(err)
	}
	back.Email, back.ExportedAt = e.Email, e.ExportedAt
	if a, b := mustJSON(t, e), mustJSON(t, back); a != b {
		t.Errorf("bob's export differs from ann's:\n%s\n%s", a, b)
	}
	again, err := imports.Apply(ctx, st, bob.ID, f, false)
	if err != nil || len(again.Followed)+len(again.Updated)+len(again.People)+len(again.Webhooks) != 0 {
		t.Errorf("importing it again: %+v, %v; want nothing new", again, err)
	}
	for _, bad := range []string{`{"format": "nextseason-export", "version": 2}`, `{"format": "nextseason-export", "version": 1, "follows": [{"rating": 3}]}`,
		`{"format": "nextseason-export", "version": 1, "follows": [{"title": "Peaky Blinders", "rating": 9}]}`, `{"format": "nextseason-export", "version": 1, "extra": 1}`} {
		if _, err := imports.Read([]byte(bad)); err == nil {
			t.Errorf("%s was read", bad)
		}
	}
}
