package store_test

import (
	"errors"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

func date(s string) model.PartialDate {
	d, err := model.ParsePartialDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestSaveShow(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	sh := model.Show{Title: "Grey's Anatomy", TVmazeID: 67, Network: "ABC", Genres: []string{"Drama", "Romance"},
		Premiered: date("2005-03-27"), ProviderStatus: "Running",
		Aliases: []model.Alias{{Name: "Greys", Country: "US"}, {Name: "Anatomía de Grey", Country: "ES"}}}
	change, err := st.SaveShow(ctx, &sh)
	if err != nil || change != store.Created {
		t.Fatalf("first save: %v, %v; want Created", change, err)
	}
	if sh.Slug != "greys-anatomy" {
		t.Errorf("slug %q, want greys-anatomy", sh.Slug)
	}
	again := sh
	again.ID, again.Slug = 0, ""
	if change, err := st.SaveShow(ctx, &again); err != nil || change != store.Unchanged || again.ID != sh.ID {
		t.Errorf("same values saved again: %v, %v, id %d; want Unchanged with id %d", change, err, again.ID, sh.ID)
	}
	again.ProviderStatus = "Ended"
	if change, err := st.SaveShow(ctx, &again); err != nil || change != store.Updated {
		t.Errorf("status changed: %v, %v; want Updated", change, err)
	}
	got, err := st.ShowBySlug(ctx, "greys-anatomy")
	if err != nil {
		t.Fatal(err)
	}
	if got.ProviderStatus != "Ended" || len(got.Aliases) != 2 || got.Premiered.String() != "2005-03-27" {
		t.Errorf("read back %+v", got)
	}
	for _, ref := range []string{"greys-anatomy", "GREY'S ANATOMY", "Anatomía de Grey"} {
		if found, err := st.FindShow(ctx, ref); err != nil || found.ID != sh.ID {
			t.Errorf("FindShow(%q) = %d, %v; want show %d", ref, found.ID, err, sh.ID)
		}
	}
	if _, err := st.FindShow(ctx, "House"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("FindShow of a missing show: %v, want ErrNotFound", err)
	}

	// A second show of the same title gets a slug of its own.
	other := model.Show{Title: "Grey's Anatomy", TVmazeID: 9999}
	if _, err := st.SaveShow(ctx, &other); err != nil {
		t.Fatal(err)
	}
	if other.Slug != "greys-anatomy-9999" {
		t.Errorf("second show's slug %q, want greys-anatomy-9999", other.Slug)
	}
	for _, want := range []string{"greys-anatomy-2", "greys-anatomy-3"} {
		third := model.Show{Title: "Grey's Anatomy", Network: want}
		if _, err := st.SaveShow(ctx, &third); err != nil || third.Slug != want {
			t.Errorf("another show of the title, without a TVmaze id: slug %q, %v; want %s", third.Slug, err, want)
		}
	}
}

func TestClaimsAreKeptNotEdited(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	sh := model.Show{Title: "Partner Track", Slug: "partner-track"}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	src := model.Source{URL: "https://example.com/pt", Publisher: "Example", Published: date("2022-09-01"), Tier: model.TierReport}
	c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindRenewal, Status: model.StatusAwaitingDecision,
		Quote: "hasn't been renewed or canceled", Source: src, StatedAt: date("2022-09-01"), Confidence: 1,
		Origin: model.OriginEditor, State: model.StateAccepted, Reviewer: "ed"}
	if change, err := st.AddClaim(ctx, &c); err != nil || change != store.Created {
		t.Fatalf("AddClaim: %v, %v", change, err)
	}
	dup := c
	dup.ID = 0
	if change, err := st.AddClaim(ctx, &dup); err != nil || change != store.Unchanged || dup.ID != c.ID {
		t.Errorf("same claim again: %v, %v, id %d; want Unchanged, id %d", change, err, dup.ID, c.ID)
	}

	// A correction supersedes the original, which stays on record.
	fix := c
	fix.ID, fix.Status, fix.Supersedes, fix.Quote = 0, model.StatusCanceled, c.ID, "canceled after one season"
	if _, err := st.AddClaim(ctx, &fix); err != nil {
		t.Fatal(err)
	}
	claims, err := st.Claims(ctx, sh.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) != 2 {
		t.Fatalf("%d claims, want the original and its correction", len(claims))
	}
	states := map[int64]model.ClaimState{}
	for _, cl := range claims {
		states[cl.ID] = cl.State
	}
	if states[c.ID] != model.StateSuperseded || states[fix.ID] != model.StateAccepted {
		t.Errorf("states %v: want the original superseded and the fix accepted", states)
	}
	if claims[0].Quote != "hasn't been renewed or canceled" || claims[0].Source.Tier != model.TierReport {
		t.Errorf("the original claim changed: %+v", claims[0])
	}

	if err := st.Review(ctx, fix.ID, model.StateRejected, model.Reviewer{Name: "chief"}); err != nil {
		t.Fatal(err)
	}
	claims, _ = st.Claims(ctx, sh.ID)
	if claims[1].State != model.StateRejected || claims[1].Reviewer != "chief" {
		t.Errorf("after review: %s by %q, want rejected by chief", claims[1].State, claims[1].Reviewer)
	}
}

func TestSourceTierCannotChangeUnderClaims(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	src := model.Source{URL: "https://example.com/a", Publisher: "Example", Published: date("2023-01-01"), Tier: model.TierRumor}
	if _, err := st.SaveSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	src.Tier = model.TierOfficial
	if _, err := st.SaveSource(ctx, src); !errors.Is(err, store.ErrConflict) {
		t.Errorf("re-tiering a source: %v, want ErrConflict", err)
	}
}

func TestInTxRollsBack(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	boom := errors.New("boom")
	err := st.InTx(ctx, func(tx *store.Store) error {
		if _, err := tx.SaveShow(ctx, &model.Show{Title: "Ghost"}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("InTx returned %v", err)
	}
	if n, _ := st.CountShows(ctx); n != 0 {
		t.Errorf("%d shows after a rolled-back transaction, want 0", n)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Grey's Anatomy": "greys-anatomy", "Pokémon": "pokemon", "  The  A-Team! ": "the-a-team", "9-1-1: Lone Star": "9-1-1-lone-star",
	} {
		if got := store.Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}
