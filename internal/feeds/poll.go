package feeds

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/nextseason/nextseason/internal/events"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/feeds/extract"
	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Polling intervals: they shrink while a feed keeps publishing, grow
// while it is quiet, and back off after errors.
const (
	minInterval = 5 * time.Minute
	maxInterval = 6 * time.Hour
	maxBackoff  = 24 * time.Hour
)

// Poller reads feeds, keeps their new items, and turns them into
// proposed claims about linked shows.
type Poller struct {
	Store     *store.Store
	Client    *http.Client // httpx.SafeClient for feeds users add
	Log       *slog.Logger
	UserAgent string
	MaxSize   int64 // default MaxFeedSize
	// AutoAccept holds, per tier, the confidence from which a claim is
	// accepted without review; a tier without an entry never is.
	AutoAccept map[model.Tier]float64
	// Model decides which claims an item makes (default: the one built
	// in); the catalog it reads titles from is the database's.
	Model *extract.Model
	// MaxNew bounds the entries one poll reads that were not stored
	// before (default DefaultMaxNew); the rest wait for the next poll,
	// soon after.
	MaxNew int

	extract extractors
}

// DefaultMaxNew is how many new entries one poll reads at most. Reading
// an entry (its extraction, its transaction) takes milliseconds, and a
// feed may hold tens of thousands of them; a poll that does not end
// would hold its job, and a feed, for good.
const DefaultMaxNew = 500

// PollReport counts what a poll found. Waiting counts the entries left
// for the next poll (past MaxNew).
type PollReport struct {
	NotModified      bool
	Entries, New     int
	Claims, Accepted int
	ProposedShows    int
	Waiting          int
}

func (r PollReport) String() string {
	if r.NotModified {
		return "not modified"
	}
	s := fmt.Sprintf("%d entries, %d new; %d claims (%d accepted automatically); %d new shows proposed",
		r.Entries, r.New, r.Claims, r.Accepted, r.ProposedShows)
	if r.Waiting > 0 {
		s += fmt.Sprintf("; %d entries wait for the next poll", r.Waiting)
	}
	return s
}

// soon is when a poll that left entries waiting polls again.
const soon = time.Minute

// Poll fetches a feed once and records the outcome, good or bad, with
// when to poll it next.
func (p *Poller) Poll(ctx context.Context, f store.Feed) (PollReport, error) {
	now := p.Store.Now().UTC()
	rep, err := p.poll(ctx, &f)
	f.LastPolledAt = now
	if f.Interval <= 0 {
		f.Interval = time.Hour
	}
	switch {
	case err != nil && ctx.Err() != nil:
		return rep, err
	case err != nil:
		f.Failures++
		f.LastError = err.Error()
		f.NextPollAt = now.Add(min(f.Interval<<min(f.Failures, 8), maxBackoff))
		p.Log.Warn("feed poll failed", "feed", f.URL, "failures", f.Failures, "err", err)
	case rep.Waiting > 0:
		f.Failures, f.LastError = 0, ""
		f.NextPollAt = now.Add(soon)
	case rep.New > 0:
		f.Failures, f.LastError = 0, ""
		f.Interval = max(f.Interval/2, minInterval)
		f.NextPollAt = now.Add(f.Interval)
	default:
		f.Failures, f.LastError = 0, ""
		f.Interval = min(f.Interval*3/2, maxInterval)
		f.NextPollAt = now.Add(f.Interval)
	}
	if rerr := p.Store.RecordPoll(context.WithoutCancel(ctx), f); rerr != nil {
		return rep, errors.Join(err, rerr)
	}
	return rep, err
}

func (p *Poller) poll(ctx context.Context, f *store.Feed) (PollReport, error) {
	var rep PollReport
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.URL, nil)
	if err != nil {
		return rep, err
	}
	req.Header.Set("User-Agent", p.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5")
	if f.ETag != "" {
		req.Header.Set("If-None-Match", f.ETag)
	}
	if f.LastModified != "" {
		req.Header.Set("If-Modified-Since", f.LastModified)
	}
	resp, err := p.Client.Do(req)
	if err != nil {
		return rep, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		rep.NotModified = true
		return rep, nil
	case resp.StatusCode != http.StatusOK:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return rep, fmt.Errorf("GET %s: %s", f.URL, resp.Status)
	}
	limit := p.MaxSize
	if limit <= 0 {
		limit = MaxFeedSize
	}
	feed, err := Parse(resp.Body, limit)
	if err != nil {
		return rep, fmt.Errorf("%s: %w", f.URL, err)
	}
	if feed.Title != "" {
		f.Title = feed.Title
	}
	rep.Entries = len(feed.Entries)
	// An entry that fails does not hold back the others; the poll fails,
	// and the validators are kept only when every entry is stored, so
	// the next poll reads the feed again (stored entries are skipped).
	// At most MaxNew new entries are read; the validators are then not
	// kept either, so the next poll reads on where this one stopped.
	var errs []error
	maxNew, read := cmp.Or(p.MaxNew, DefaultMaxNew), 0
	known := &pollKnows{links: map[string]Link{}, data: map[int64]facts.ShowData{}}
	for i, e := range feed.Entries {
		if read == maxNew {
			rep.Waiting = len(feed.Entries) - i
			break
		}
		fresh, err := p.entry(ctx, *f, e, known, &rep)
		if fresh {
			read++
		}
		if err != nil {
			if ctx.Err() != nil {
				return rep, err
			}
			errs = append(errs, fmt.Errorf("entry %q: %w", e.GUID, err))
		}
	}
	if len(errs) > 0 {
		return rep, fmt.Errorf("%d of %d entries not stored: %w", len(errs), len(feed.Entries), errors.Join(errs...))
	}
	if rep.Waiting == 0 {
		f.ETag, f.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	}
	return rep, nil
}

// entry saves an entry and, if it is new, its claims, in one
// transaction. The extraction, the links to shows and the shows' data
// come before it, so that the write lock (SQLite has one) is held only
// for the writes. fresh says the entry was not stored before, so reading
// it was work.
func (p *Poller) entry(ctx context.Context, f store.Feed, e Entry, known *pollKnows, rep *PollReport) (fresh bool, err error) {
	item := store.FeedItem{FeedID: f.ID, GUID: e.GUID, Link: e.Link, Hash: e.Hash, Title: e.Title, Summary: e.Summary, Published: e.Published}
	if seen, err := p.Store.HasFeedItem(ctx, item); err != nil || seen {
		return false, err
	}
	return true, p.newEntry(ctx, f, e, item, known, rep)
}

// pollKnows is what a poll has found out that its later entries use:
// the catalog shows names were linked to, and each show's data as it
// stood after the poll's last write about it (events.Plan), so that
// stories about one show read it once.
type pollKnows struct {
	links map[string]Link          // by name and network
	data  map[int64]facts.ShowData // by show
}

func (p *Poller) newEntry(ctx context.Context, f store.Feed, e Entry, item store.FeedItem, known *pollKnows, rep *PollReport) error {
	published := e.Published
	if published.IsZero() {
		published = p.Store.Now()
	}
	x, err := p.extractor(ctx)
	if err != nil {
		return err
	}
	claims := x.Extract(extract.Item{Headline: e.Title, Text: e.Summary, Published: published.Format("2006-01-02"), URL: e.Link, Site: f.Title})
	stated := model.DayDate(published)
	// Two workers (or instances) polling feeds that carry the same news
	// may propose the same show at once: the later transaction fails on
	// the show's unique slug and, run again, links to the show the other
	// one added.
	for range maxEntryAttempts {
		var found []linked
		if found, err = p.link(ctx, claims, known); err != nil {
			return err
		}
		var got PollReport
		var plans map[int64]*events.Plan // by show, for this entry's transaction
		err = p.Store.InTx(ctx, func(tx *store.Store) error {
			plans = map[int64]*events.Plan{}
			isNew, err := tx.AddFeedItem(ctx, item)
			if err != nil || !isNew {
				return err
			}
			got.New++
			for _, l := range found {
				if err := p.claim(ctx, tx, plans, f, e, l, stated, &got); err != nil {
					return err
				}
			}
			return nil
		})
		if err == nil {
			for id, plan := range plans {
				if plan.Stale() {
					delete(known.data, id)
				} else {
					known.data[id] = plan.Data()
				}
			}
			rep.New += got.New
			rep.Claims += got.Claims
			rep.Accepted += got.Accepted
			rep.ProposedShows += got.ProposedShows
			return nil
		}
		if !errors.Is(err, store.ErrConflict) && !errors.Is(err, store.ErrBusy) {
			return err
		}
	}
	return err
}

// maxEntryAttempts bounds how often an entry's transaction runs when it
// conflicts with another's, or loses a lock to one (on PostgreSQL, two
// entries about the same two shows, written in opposite orders).
const maxEntryAttempts = 5

// linked is an extracted claim with the show it is about and that show's
// data (none for a show to propose: the show is all there is).
type linked struct {
	claim extract.Claim
	link  *Link // shared by the claims of an entry about one new show
	data  facts.ShowData
}

// link finds each claim's show and loads its data: the reads and the
// search, done before the transaction that writes, so that it holds the
// write lock (SQLite has one) only for the writes.
func (p *Poller) link(ctx context.Context, claims []extract.Claim, known *pollKnows) ([]linked, error) {
	out := make([]linked, len(claims))
	proposed := map[string]*Link{}       // by normal title
	loaded := map[int64]facts.ShowData{} // by show
	for i, c := range claims {
		key := c.Show + "\x00" + c.Network
		l, ok := known.links[key]
		if !ok {
			var err error
			if l, err = FindLink(ctx, p.Store, c.Show, c.Network); err != nil {
				return nil, err
			}
			if !l.Proposed {
				known.links[key] = l // a show to propose may be in the catalog by the next entry
			}
		}
		if l.Proposed {
			key := match.Key(l.Show.Title)
			if proposed[key] == nil {
				proposed[key] = &l
			}
			out[i] = linked{claim: c, link: proposed[key]}
			continue
		}
		d, ok := loaded[l.Show.ID]
		if !ok {
			d, ok = known.data[l.Show.ID]
		}
		if !ok {
			var err error
			if d, err = p.Store.ShowData(ctx, l.Show); err != nil {
				return nil, err
			}
			loaded[l.Show.ID] = d
		}
		out[i] = linked{claim: c, link: &l, data: d}
	}
	return out, nil
}

// claim records what a linked claim says, in tx: the show it proposes,
// if any, then its claims, each with the events it causes, told from the
// show's data read before tx (plans, by show, see events.Plan).
func (p *Poller) claim(ctx context.Context, tx *store.Store, plans map[int64]*events.Plan, f store.Feed, e Entry, l linked, stated model.PartialDate, rep *PollReport) error {
	added, err := l.link.Save(ctx, tx)
	if err != nil {
		return err
	}
	if added {
		rep.ProposedShows++
	}
	if l.link.Proposed {
		l.data = facts.ShowData{Show: l.link.Show} // a new show: nothing else known
	}
	plan := plans[l.link.Show.ID]
	if plan == nil {
		// l.data is what link found: the show as read, or as this poll
		// left it (pollKnows); the plan copies it, so a rollback leaves
		// that as it was.
		plan = events.NewPlan(l.data)
		plans[l.link.Show.ID] = plan
	}
	src := model.Source{URL: e.Link, Publisher: publisher(f), Title: e.Title, Published: stated, Tier: f.Tier}
	if src.URL == "" {
		src.URL = f.URL + "#" + url.QueryEscape(e.GUID)
	}
	for _, cl := range Claims(l.claim, l.data, src, stated, l.link.Confidence) {
		if threshold, ok := p.AutoAccept[f.Tier]; ok && cl.Confidence >= threshold && !l.link.Proposed {
			cl.State, cl.Reviewer = model.StateAccepted, fmt.Sprintf("auto-accept (%s, confidence ≥ %.2f)", f.Tier, threshold)
		}
		_, err = plan.AddClaim(ctx, tx, &cl)
		if errors.Is(err, store.ErrConflict) {
			// The article is on record from another feed, with another
			// tier: the first record stands.
			p.Log.Info("article already recorded from another source", "url", src.URL, "err", err)
			continue
		}
		if err != nil {
			return err
		}
		rep.Claims++
		if cl.State == model.StateAccepted {
			rep.Accepted++
		}
	}
	return nil
}

func publisher(f store.Feed) string {
	if f.Title != "" {
		return f.Title
	}
	if u, err := url.Parse(f.URL); err == nil && u.Host != "" {
		return u.Host
	}
	return f.URL
}
