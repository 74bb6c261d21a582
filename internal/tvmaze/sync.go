package tvmaze

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"time"

	"github.com/nextseason/nextseason/internal/store"
)

// The sync's keys in the store.
const (
	provider       = "tvmaze"
	fullSyncPage   = "tvmaze.full.next_page"
	fullSyncDoneAt = "tvmaze.full.completed_at"
)

// detailsEmbeds asks for everything a show page shows.
const detailsEmbeds = "?embed[]=cast&embed[]=seasons&embed[]=episodes&embed[]=crew&embed[]=akas"

// Syncer keeps the catalog in step with TVmaze.
type Syncer struct {
	Client *Client
	Store  *store.Store
	Log    *slog.Logger
	// Details fetches every show's cast, crew, seasons, episodes and
	// akas, one call per show, rather than the index record alone.
	Details bool
	// RetryAfter is how long a show that failed waits before it is tried
	// again, doubling with each failure; default one hour.
	RetryAfter time.Duration
}

// Progress is where a sync stands, for progress bars and logs.
type Progress struct {
	Page      int // the index page just done (full sync)
	LastPage  int // the last index page, when known; 0 otherwise
	Done      int // shows done (updates) or saved (full)
	Total     int // shows to do (updates), when known
	Failed    int // shows that failed and will be retried
	Report    Report
	StartedAt time.Time
}

// SyncReport sums a sync: what was saved and what failed.
type SyncReport struct {
	Report
	Pages, Failed, Retried int
}

func (r SyncReport) String() string {
	return fmt.Sprintf("%d pages; %s; %d failed (to be retried), %d retried", r.Pages, r.Report, r.Failed, r.Retried)
}

func (s *Syncer) retryBase() time.Duration {
	if s.RetryAfter > 0 {
		return s.RetryAfter
	}
	return time.Hour
}

// Full walks the show index, /shows?page=N, from the page after the last
// one done until TVmaze answers 404. Each page is saved with the resume
// point in one transaction, so an interrupted sync, started again, goes
// on where it stopped, with nothing lost or doubled. A page that cannot
// be read is logged and skipped. Then shows due for a retry are retried.
func (s *Syncer) Full(ctx context.Context, progress func(Progress)) (SyncReport, error) {
	var rep SyncReport
	saved, err := s.Store.SyncState(ctx, fullSyncPage)
	if err != nil {
		return rep, err
	}
	page, _ := strconv.Atoi(saved)
	p := Progress{StartedAt: time.Now()}
	if progress != nil {
		p.LastPage = s.lastPage(ctx, page)
	}
	for ; ; page++ {
		body, err := s.Client.Get(ctx, "/shows?page="+strconv.Itoa(page))
		switch {
		case errors.Is(err, ErrNotFound):
			s.Log.Info("TVmaze index done", "pages", rep.Pages, "next_full_sync_starts_at_page", 0)
			if err := s.Store.SetSyncState(ctx, fullSyncPage, "0"); err != nil {
				return rep, err
			}
			if err := s.Store.SetSyncState(ctx, fullSyncDoneAt, s.Store.Now().UTC().Format(time.RFC3339)); err != nil {
				return rep, err
			}
			n, err := s.RetryDue(ctx)
			rep.Retried += n
			return rep, err
		case errors.Is(err, ErrNotModified):
		case err != nil:
			return rep, fmt.Errorf("index page %d (resume point kept): %w", page, err)
		default:
			if err := s.savePage(ctx, page, body, &rep); err != nil {
				return rep, err
			}
		}
		if err := s.Store.SetSyncState(ctx, fullSyncPage, strconv.Itoa(page+1)); err != nil {
			return rep, err
		}
		rep.Pages++
		if progress != nil {
			p.Page, p.Done, p.Failed, p.Report = page, rep.Shows, rep.Failed, rep.Report
			if p.LastPage > 0 {
				p.LastPage = max(p.LastPage, page) // the estimate was short
			}
			progress(p)
		}
	}
}

// savePage saves one index page. Without details the whole page and the
// resume point land together; with details, each show is fetched and
// saved on its own, and a show that fails is left for a retry.
func (s *Syncer) savePage(ctx context.Context, page int, body []byte, rep *SyncReport) error {
	doc, err := Decode(bytes.NewReader(body))
	if err != nil {
		s.Log.Error("TVmaze index page unreadable; skipped", "page", page, "err", err)
		rep.Failed++
		return nil
	}
	if !s.Details {
		return s.Store.InTx(ctx, func(tx *store.Store) error {
			r, err := Import(ctx, tx, doc, 0)
			if err != nil {
				return fmt.Errorf("index page %d: %w", page, err)
			}
			rep.add(r)
			return tx.SetSyncState(ctx, fullSyncPage, strconv.Itoa(page+1))
		})
	}
	for _, sh := range doc.Shows {
		if err := s.refresh(ctx, sh.ID, true, rep); err != nil {
			return err
		}
	}
	return nil
}

// lastPage estimates the index's last page, for progress, without
// probing for it: from the catalog's highest TVmaze id, or, in an empty
// catalog, from the highest id TVmaze lists as ever updated (one call);
// pages hold 250 ids each. 0 when neither says.
func (s *Syncer) lastPage(ctx context.Context, from int) int {
	high, err := s.Store.MaxTVmazeID(ctx)
	if err != nil || high == 0 {
		high = s.highestUpdated(ctx)
	}
	if high == 0 {
		return 0
	}
	return max(from, int(high/indexPageSize))
}

// indexPageSize is how many TVmaze ids one index page spans.
const indexPageSize = 250

// highestUpdated is the highest show id in TVmaze's list of updates of
// all time, 0 when it cannot be read.
func (s *Syncer) highestUpdated(ctx context.Context) int64 {
	body, err := s.Client.get(ctx, "/updates/shows", false) // not conditional: a 304 would say nothing
	if err != nil {
		return 0
	}
	var updated map[string]int64
	if json.Unmarshal(body, &updated) != nil {
		return 0
	}
	var high int64
	for key := range updated {
		if id, err := strconv.ParseInt(key, 10, 64); err == nil {
			high = max(high, id)
		}
	}
	return high
}

// Updates refreshes the shows TVmaze lists as changed within since (day,
// week or month) that the catalog lacks or holds an older version of;
// then the shows due for a retry.
func (s *Syncer) Updates(ctx context.Context, since string, progress func(Progress)) (SyncReport, error) {
	var rep SyncReport
	due, err := s.Changed(ctx, since)
	if err != nil {
		return rep, err
	}
	p := Progress{Total: len(due), StartedAt: time.Now()}
	for i, id := range due {
		if err := s.refresh(ctx, id, s.Details, &rep); err != nil {
			return rep, err
		}
		if progress != nil {
			p.Done, p.Failed, p.Report = i+1, rep.Failed, rep.Report
			progress(p)
		}
	}
	n, err := s.RetryDue(ctx)
	rep.Retried += n
	return rep, err
}

// Changed lists, in id order, the shows TVmaze changed within since (day,
// week or month) that the catalog lacks or holds an older version of.
func (s *Syncer) Changed(ctx context.Context, since string) ([]int64, error) {
	switch since {
	case "day", "week", "month":
	default:
		return nil, fmt.Errorf("updates since %q: want day, week or month", since)
	}
	body, err := s.Client.Get(ctx, "/updates/shows?since="+since)
	if errors.Is(err, ErrNotModified) {
		return nil, nil // nothing changed since we last asked
	}
	if err != nil {
		return nil, fmt.Errorf("TVmaze updates: %w", err)
	}
	var updated map[string]int64
	if err := json.Unmarshal(body, &updated); err != nil {
		return nil, fmt.Errorf("TVmaze updates: %v", err)
	}
	var due []int64
	for key, at := range updated {
		id, err := strconv.ParseInt(key, 10, 64)
		if err != nil || id <= 0 {
			continue
		}
		sh, err := s.Store.ShowByTVmazeID(ctx, id)
		if err == nil && sh.ProviderSeenAt.Unix() >= at {
			continue // we have this version
		}
		due = append(due, id)
	}
	slices.Sort(due)
	return due, nil
}

// Show refreshes one show by its TVmaze id, with its cast, crew,
// seasons, episodes and akas.
func (s *Syncer) Show(ctx context.Context, id int64) (SyncReport, error) {
	var rep SyncReport
	err := s.refresh(ctx, id, true, &rep)
	if err == nil && rep.Failed > 0 {
		err = fmt.Errorf("show %d could not be synced; it will be retried", id)
	}
	return rep, err
}

// RetryDue tries again the shows whose retry time has come, and returns
// how many it tried.
func (s *Syncer) RetryDue(ctx context.Context) (int, error) {
	due, err := s.Store.Retries(ctx, provider, true)
	if err != nil {
		return 0, err
	}
	var rep SyncReport
	for _, r := range due {
		if err := s.refresh(ctx, r.ExternalID, s.Details, &rep); err != nil {
			return 0, err
		}
	}
	return len(due), nil
}

// refresh fetches and saves one show. A show TVmaze cannot serve or that
// does not decode is logged and left for a retry, and the sync goes on;
// only a cancelled context stops it.
func (s *Syncer) refresh(ctx context.Context, id int64, details bool, rep *SyncReport) error {
	path := "/shows/" + strconv.FormatInt(id, 10)
	if details {
		path += detailsEmbeds
	}
	body, err := s.Client.Get(ctx, path)
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(err, ErrNotModified):
		return s.Store.ClearRetry(ctx, provider, id)
	case errors.Is(err, ErrNotFound):
		s.Log.Warn("TVmaze no longer has this show", "tvmaze_id", id)
		return s.Store.ClearRetry(ctx, provider, id)
	case err != nil:
		return s.failed(ctx, id, err, rep)
	}
	doc, err := Decode(bytes.NewReader(body))
	if err == nil && len(doc.Shows) != 1 {
		err = fmt.Errorf("want one show, got %d", len(doc.Shows))
	}
	if err != nil {
		return s.failed(ctx, id, err, rep)
	}
	return s.Store.InTx(ctx, func(tx *store.Store) error {
		r, err := Import(ctx, tx, doc, 0)
		if err != nil {
			return err
		}
		rep.add(r)
		return tx.ClearRetry(ctx, provider, id)
	})
}

func (s *Syncer) failed(ctx context.Context, id int64, cause error, rep *SyncReport) error {
	s.Log.Warn("TVmaze show failed; it will be retried", "tvmaze_id", id, "err", cause)
	rep.Failed++
	return s.Store.AddRetry(ctx, provider, id, cause, s.retryBase())
}
