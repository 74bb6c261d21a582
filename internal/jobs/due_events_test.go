package jobs_test

import (
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/events"
	"github.com/nextseason/nextseason/internal/jobs"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// TestDueEventsJob: the hourly job tells followers that a season has
// finished airing, and that a season is at risk 60 days after the last
// finale with no decision; each once.
func TestDueEventsJob(t *testing.T) {
	url, st, _, sy := setup(t)
	ctx := t.Context()
	today := time.Now().UTC().Truncate(24 * time.Hour)
	u, err := st.AddUser(ctx, "fan@example.com", model.RoleViewer, "")
	if err != nil {
		t.Fatal(err)
	}
	// A show whose two-episode season 1 ended finaleAgo days ago.
	show := func(title string, id int64, finaleAgo int) model.Show {
		t.Helper()
		first := today.AddDate(0, 0, -finaleAgo-7)
		sh := model.Show{Title: title, Network: "Netflix", TVmazeID: id, Premiered: model.DayDate(first)}
		if _, err := st.SaveShow(ctx, &sh); err != nil {
			t.Fatal(err)
		}
		if _, err := st.SaveSeason(ctx, model.Season{ShowID: sh.ID, Number: 1, EpisodeOrder: 2, Premiere: model.DayDate(first)}); err != nil {
			t.Fatal(err)
		}
		for i, aired := range []time.Time{first, today.AddDate(0, 0, -finaleAgo)} {
			if _, err := st.SaveEpisode(ctx, model.Episode{ShowID: sh.ID, Season: 1, Number: i + 1, Airdate: model.DayDate(aired), TVmazeID: id*10 + int64(i)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.SaveFollow(ctx, &model.Follow{UserID: u.ID, ShowID: sh.ID, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
			t.Fatal(err)
		}
		return sh
	}
	released, atRisk := show("Harbor Lights", 990101, 3), show("Quiet Valley", 990102, 61)
	show("Old Mill", 990103, 400) // long over: no news

	j, err := jobs.New(ctx, jobs.Config{DBURL: url, Syncer: sy, Poller: poller(st), Store: st, Log: slog.New(slog.DiscardHandler),
		Work: true, UpdatesEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	done, cancel := j.Subscribe()
	defer cancel()
	if err := j.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer j.Stop(ctx)
	for ran := false; !ran; {
		select {
		case ev := <-done:
			if ev.Kind == river.EventKindJobFailed {
				t.Fatalf("job %s failed: %v", ev.Job.Kind, ev.Job.Errors)
			}
			ran = ev.Job.Kind == "due_events"
		case <-ctx.Done():
			t.Fatal("the job did not run")
		}
	}
	got, err := st.UserEvents(ctx, u.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, e := range got {
		seen = append(seen, fmt.Sprintf("%s %d %s", e.Title, e.Season, e.Kind))
	}
	want := fmt.Sprint([]string{"Quiet Valley 2 at_risk", "Harbor Lights 1 season_released"})
	if fmt.Sprint(seen) != want {
		t.Errorf("events %v, want %s", seen, want)
	}
	for _, sh := range []model.Show{released, atRisk} {
		err := st.InTx(ctx, func(tx *store.Store) error {
			again, err := events.RecordDue(ctx, tx, sh.ID, 60)
			if len(again) != 0 {
				t.Errorf("%s: a second look stored %+v", sh.Title, again)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
