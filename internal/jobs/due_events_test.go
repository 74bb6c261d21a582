package jobs_test

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/events"
	"github.com/nextseason/nextseason/internal/jobs"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tvmaze"
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
	show := func(title string, id int64, finaleAgo int) model.Show {
		return followedShow(t, st, u.ID, title, id, today.AddDate(0, 0, -finaleAgo))
	}
	released, atRisk := show("Harbor Lights", 990101, 3), show("Quiet Valley", 990102, 61)
	show("Old Mill", 990103, 400) // long over: no news

	done := startDueEvents(t, url, st, sy)
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
		again, err := events.RecordDue(ctx, st, sh.ID, 60, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != 0 {
			t.Errorf("%s: a second look stored %+v", sh.Title, again)
		}
	}
}

// followedShow saves a show whose two-episode season 1 ended on finale,
// followed by the user.
func followedShow(t *testing.T, st *store.Store, userID int64, title string, id int64, finale time.Time) model.Show {
	t.Helper()
	ctx := t.Context()
	first := finale.AddDate(0, 0, -7)
	sh := model.Show{Title: title, Network: "Netflix", TVmazeID: id, Premiered: model.DayDate(first)}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveSeason(ctx, model.Season{ShowID: sh.ID, Number: 1, EpisodeOrder: 2, Premiere: model.DayDate(first)}); err != nil {
		t.Fatal(err)
	}
	for i, aired := range []time.Time{first, finale} {
		if _, err := st.SaveEpisode(ctx, model.Episode{ShowID: sh.ID, Season: 1, Number: i + 1, Airdate: model.DayDate(aired), TVmazeID: id*10 + int64(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveFollow(ctx, &model.Follow{UserID: userID, ShowID: sh.ID, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
		t.Fatal(err)
	}
	return sh
}

// TestDueEventsGoOnPastAFailingShow: a show whose events cannot be stored
// (the database refuses them) holds back no other: the job stores the
// others' and fails naming how many shows failed.
func TestDueEventsGoOnPastAFailingShow(t *testing.T) {
	url, st, _, sy := setup(t)
	ctx := t.Context()
	today := time.Now().UTC().Truncate(24 * time.Hour)
	u, err := st.AddUser(ctx, "fan@example.com", model.RoleViewer, "")
	if err != nil {
		t.Fatal(err)
	}
	failing := followedShow(t, st, u.ID, "Quiet Valley", 990102, today.AddDate(0, 0, -61))
	fine := followedShow(t, st, u.ID, "Harbor Lights", 990101, today.AddDate(0, 0, -3))
	trigger := map[db.Dialect][]string{
		db.SQLite: {fmt.Sprintf(`CREATE TRIGGER fail_event BEFORE INSERT ON events WHEN NEW.show_id = %d
			BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END`, failing.ID)},
		db.Postgres: {fmt.Sprintf(`CREATE FUNCTION fail_event() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF NEW.show_id = %d THEN RAISE EXCEPTION 'disk I/O error (test)'; END IF; RETURN NEW; END $$`, failing.ID),
			`CREATE TRIGGER fail_event BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION fail_event()`},
	}[st.Dialect()]
	for _, q := range trigger {
		if _, err := st.DB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	done := startDueEvents(t, url, st, sy)
	var failure string
	for failure == "" {
		select {
		case ev := <-done:
			if ev.Job.Kind == "due_events" && ev.Kind == river.EventKindJobFailed && len(ev.Job.Errors) > 0 {
				failure = ev.Job.Errors[len(ev.Job.Errors)-1].Error
			}
		case <-ctx.Done():
			t.Fatal("the job did not run")
		}
	}
	if !strings.Contains(failure, "1 of 2 shows failed") || !strings.Contains(failure, "disk I/O error (test)") {
		t.Errorf("the job's error: %q; want it to say one of two shows failed, and why", failure)
	}
	got, err := st.UserEvents(ctx, u.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ShowID != fine.ID || got[0].Kind != model.EventSeasonReleased {
		t.Errorf("events stored: %+v; want Harbor Lights' season released, despite Quiet Valley failing", got)
	}
}

// startDueEvents starts the jobs, as serve does, and gives what they
// report; they stop when the test ends.
func startDueEvents(t *testing.T, url string, st *store.Store, sy *tvmaze.Syncer) <-chan *river.Event {
	t.Helper()
	j, err := jobs.New(t.Context(), jobs.Config{DBURL: url, Syncer: sy, Poller: poller(st), Store: st, Log: slog.New(slog.DiscardHandler),
		Work: true, UpdatesEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	done, cancel := j.Subscribe()
	t.Cleanup(cancel)
	if err := j.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Stop(context.Background()) })
	return done
}
