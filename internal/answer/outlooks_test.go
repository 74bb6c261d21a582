package answer_test

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// TestOutlooksShareAnswersInFlight: many identical requests at once all
// get the answer a request of its own gets, a request whose client has
// gone is not answered, and a bad request fails for every one asking.
func TestOutlooksShareAnswersInFlight(t *testing.T) {
	st := demoStore(t)
	ctx := t.Context()
	req := answer.Request{Show: "partner-track", Season: "2", AsOf: "2022-09-20"}
	want, err := answer.Outlook(ctx, st, req, dbtest.Clock())
	if err != nil {
		t.Fatal(err)
	}
	s := &answer.Outlooks{Store: st}
	gone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Outlook(gone, req, dbtest.Clock()); !errors.Is(err, context.Canceled) {
		t.Errorf("a request whose client went away: %v, want context.Canceled", err)
	}
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			got, err := s.Outlook(ctx, req, dbtest.Clock())
			if err != nil || !reflect.DeepEqual(got.Outlook, want) {
				t.Errorf("request %d: %v; want the answer a request of its own gets", i, err)
			}
			bad := req
			bad.Season = "x"
			if _, err := s.Outlook(ctx, bad, dbtest.Clock()); answer.FailureOf(err) != answer.Invalid {
				t.Errorf("request %d for season x: %v, want invalid", i, err)
			}
		})
	}
	wg.Wait()
}

// TestOutlooksSeeEveryChange: an instance keeps a show's data between
// requests, and another instance's change to anything an answer rests
// on (a claim accepted or reviewed, the show's record, a season, a
// credit, a chart week, a person's name) is in its very next answer, which is the
// answer composed from scratch.
func TestOutlooksSeeEveryChange(t *testing.T) {
	ctx := t.Context()
	dbURL := dbtest.URL(t)
	one := store.New(dbtest.OpenURL(t, dbURL), dbtest.Clock)
	other := store.New(dbtest.OpenURL(t, dbURL), dbtest.Clock)
	if _, err := demo.Load(ctx, one, "test"); err != nil {
		t.Fatal(err)
	}
	s := &answer.Outlooks{Store: one}
	req := answer.Request{Show: "partner-track", Season: "2"}
	sh, err := other.FindShow(ctx, "partner-track")
	if err != nil {
		t.Fatal(err)
	}
	last, err := s.Outlook(ctx, req, dbtest.Clock())
	if err != nil {
		t.Fatal(err)
	}
	day := model.DayDate(dbtest.Clock())
	renewal := func(status model.RenewalStatus, url string, state model.ClaimState) *model.Claim {
		return &model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindRenewal, Status: status, State: state, Quote: "Partner Track: " + string(status) + ".",
			Origin: model.OriginEditor, StatedAt: day, Source: model.Source{URL: url, Publisher: "Netflix", Published: day, Tier: model.TierOfficial}}
	}
	var proposed *model.Claim
	for _, change := range []struct {
		name  string
		write func() error
		shows bool // the season 2 outlook shows the change
	}{
		{"a claim accepted", func() error {
			_, err := other.AddClaim(ctx, renewal(model.StatusRenewed, "https://netflix.example/renewed", model.StateAccepted))
			return err
		}, true},
		{"a claim proposed, then accepted", func() error {
			proposed = renewal(model.StatusCanceled, "https://netflix.example/canceled", model.StateProposed)
			if _, err := other.AddClaim(ctx, proposed); err != nil {
				return err
			}
			return other.InTx(ctx, func(tx *store.Store) error {
				return tx.Review(ctx, proposed.ID, model.StateAccepted, model.Reviewer{Name: "editor"})
			})
		}, true},
		{"the show's record", func() error {
			changed := sh
			changed.Network = "Netflix (US)"
			_, err := other.SaveShow(ctx, &changed)
			return err
		}, true},
		{"a season", func() error {
			_, err := other.SaveSeason(ctx, model.Season{ShowID: sh.ID, Number: 2, Premiere: model.MustDate("2027-03-05")})
			return err
		}, false},
		{"a credit", func() error {
			_, _, err := other.SaveCredit(ctx, model.Credit{ShowID: sh.ID, Season: 1, Person: model.Person{Name: "Ada Testperson"}, Character: "Ingrid", Role: model.RoleMain})
			return err
		}, false},
		{"a chart week", func() error {
			_, err := other.SaveViewership(ctx, []model.Viewership{{ShowID: sh.ID, Season: 1, Chart: "netflix-top10", Category: "TV (English)",
				WeekEnding: model.MustDate("2022-09-04"), Rank: 3, ShowTitle: "Partner Track", SeasonTitle: "Partner Track: Season 1", HoursViewed: 1_000_000}})
			return err
		}, true},
		{"a person's name", func() error {
			_, err := other.DB().ExecContext(ctx, `UPDATE people SET name = 'Ada Testperson Jr.' WHERE name = 'Ada Testperson'`)
			return err
		}, false},
	} {
		if err := change.write(); err != nil {
			t.Fatalf("%s: %v", change.name, err)
		}
		got, err := s.Outlook(ctx, req, dbtest.Clock())
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := answer.Outlook(ctx, other, req, dbtest.Clock())
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Outlook, fresh) {
			t.Errorf("after %s, the kept answer differs from the answer composed afresh", change.name)
		}
		if got.Show.DataVersion <= last.Show.DataVersion {
			t.Errorf("after %s, the show's data version is %d, was %d", change.name, got.Show.DataVersion, last.Show.DataVersion)
		}
		if change.shows && reflect.DeepEqual(got.Outlook, last.Outlook) {
			t.Errorf("after %s, the answer did not change", change.name)
		}
		last = got
	}
}
