package imports

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/store"
)

// ExportFormat names nextseason's export, of ExportVersion.
const (
	ExportFormat  = "nextseason-export"
	ExportVersion = 1
)

// Export is an account's follows, people followed, webhook endpoints
// (their URLs: secrets are never exported) and mail setting, as
// `nextseason export` and GET /api/v1/me/export write it and import reads
// it back.
type Export struct {
	Format      string     `json:"format"`
	Version     int        `json:"version"`
	ExportedAt  time.Time  `json:"exported_at"`
	Email       string     `json:"email"`
	EmailAlerts bool       `json:"email_alerts"`
	Follows     []Wanted   `json:"follows"`
	People      []Person   `json:"people"`
	Webhooks    []Endpoint `json:"webhooks"`
}

// Person is a person followed.
type Person struct {
	Name     string `json:"name"`
	TVmazeID int64  `json:"tvmaze_id,omitempty"`
}

// Endpoint is a webhook endpoint, without its secret.
type Endpoint struct {
	URL string `json:"url"`
}

// Build writes userID's export.
func Build(ctx context.Context, st *store.Store, userID int64) (Export, error) {
	u, err := st.User(ctx, userID)
	if err != nil {
		return Export{}, err
	}
	e := Export{Format: ExportFormat, Version: ExportVersion, ExportedAt: st.Now().UTC(), Email: u.Email, EmailAlerts: u.EmailAlerts,
		Follows: []Wanted{}, People: []Person{}, Webhooks: []Endpoint{}}
	follows, err := st.Follows(ctx, userID)
	if err != nil {
		return Export{}, err
	}
	ids := make([]int64, len(follows))
	for i, f := range follows {
		ids[i] = f.ShowID
	}
	shows, err := st.Shows(ctx, ids)
	if err != nil {
		return Export{}, err
	}
	byID := map[int64]store.FollowedShow{}
	for _, f := range follows {
		byID[f.ShowID] = f
	}
	for _, sh := range shows { // in the order of the follows
		f := byID[sh.ID]
		e.Follows = append(e.Follows, Wanted{Title: sh.Title, Year: sh.Premiered.Year, TVmazeID: sh.TVmazeID, IMDbID: sh.IMDbID, TheTVDBID: sh.TheTVDBID,
			Watched: f.Watched, Rating: f.Rating, Events: f.Events, Delivery: f.Delivery})
	}
	people, err := st.FollowedPeople(ctx, userID)
	if err != nil {
		return Export{}, err
	}
	for _, p := range people {
		e.People = append(e.People, Person{Name: p.Name, TVmazeID: p.TVmazeID})
	}
	hooks, err := st.UserWebhooks(ctx, userID)
	if err != nil {
		return Export{}, err
	}
	for _, h := range hooks {
		e.Webhooks = append(e.Webhooks, Endpoint{URL: h.URL})
	}
	return e, nil
}

// File is an import file read: nextseason's export, or a file of Trakt's
// export.
type File struct {
	Export  *Export // nextseason's export, else nil
	Wanted  []Wanted
	Skipped int
}

// MaxFile bounds an import file, from the CLI or the API: a Trakt export
// of watched shows runs to megabytes.
const MaxFile = 32 << 20

// Read reads an import file: nextseason's export (a JSON object naming
// its format) or a file of Trakt's export (a JSON list).
func Read(data []byte) (File, error) {
	if len(data) > MaxFile {
		return File{}, fmt.Errorf("an import file of %d MB: at most %d", len(data)>>20, MaxFile>>20)
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if bytes.HasPrefix(trimmed, []byte("[")) {
		wanted, skipped, err := ParseTrakt(bytes.NewReader(trimmed))
		return File{Wanted: wanted, Skipped: skipped}, err
	}
	var e Export
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return File{}, fmt.Errorf("not an import file (nextseason's export, or a JSON list from Trakt's export): %w", err)
	}
	if e.Format != ExportFormat || e.Version != ExportVersion {
		return File{}, fmt.Errorf("an export of format %q version %d: this nextseason reads %q version %d", e.Format, e.Version, ExportFormat, ExportVersion)
	}
	for i, w := range e.Follows {
		if strings.TrimSpace(w.Title) == "" && w.TVmazeID == 0 && w.IMDbID == "" && w.TheTVDBID == 0 {
			return File{}, fmt.Errorf("follow %d: neither a title nor an id", i+1)
		}
		if w.Rating < 0 || w.Rating > 5 {
			return File{}, fmt.Errorf("follow %d: rating %d, want 1 to 5 (0: none)", i+1, w.Rating)
		}
	}
	return File{Export: &e, Wanted: e.Follows}, nil
}

// Apply imports a file for userID: its shows as follows, and, from
// nextseason's export, its people, webhook endpoints not already there
// (with new secrets) and mail setting.
func Apply(ctx context.Context, st *store.Store, userID int64, f File, dryRun bool) (Report, error) {
	rep, err := Follow(ctx, st, userID, f.Wanted, dryRun)
	rep.Skipped += f.Skipped
	if err != nil || f.Export == nil {
		return rep, err
	}
	rep.People, rep.Webhooks, rep.UnmatchedPeople = []string{}, []string{}, []string{}
	followed, err := st.FollowedPeople(ctx, userID)
	if err != nil {
		return rep, err
	}
	for _, p := range f.Export.People {
		found, err := st.PeopleNamed(ctx, p.Name)
		if err != nil {
			return rep, err
		}
		if len(found) > 1 && p.TVmazeID != 0 {
			found = slices.DeleteFunc(found, func(x model.Person) bool { return x.TVmazeID != p.TVmazeID })
		}
		if len(found) != 1 {
			rep.UnmatchedPeople = append(rep.UnmatchedPeople, p.Name)
			continue
		}
		if slices.ContainsFunc(followed, func(x model.Person) bool { return x.ID == found[0].ID }) {
			continue
		}
		rep.People = append(rep.People, p.Name)
		if !dryRun {
			if err := st.FollowPerson(ctx, userID, found[0].ID); err != nil {
				return rep, err
			}
		}
	}
	hooks, err := st.UserWebhooks(ctx, userID)
	if err != nil {
		return rep, err
	}
	for _, h := range f.Export.Webhooks {
		if slices.ContainsFunc(hooks, func(x store.Webhook) bool { return x.URL == h.URL }) {
			continue
		}
		rep.Webhooks = append(rep.Webhooks, h.URL)
		if dryRun {
			continue
		}
		if _, err := notify.AddWebhook(ctx, st, userID, h.URL); errors.Is(err, notify.ErrBadURL) {
			return rep, fmt.Errorf("webhook %q: %w", h.URL, err)
		} else if err != nil {
			return rep, err
		}
	}
	if !dryRun {
		err = st.SetEmailAlerts(ctx, userID, f.Export.EmailAlerts)
	}
	return rep, err
}
