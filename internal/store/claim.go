package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// Fingerprint identifies a claim by its content, so that recording the
// same statement twice keeps one claim.
func Fingerprint(c model.Claim) string {
	b, _ := json.Marshal([]any{
		c.ShowID, c.Season, c.PersonID, c.Kind, c.Status, c.Date.String(), c.Episodes, c.Actor, c.Character, c.CastChange, c.Text,
		c.Quote, c.Speaker, c.Source.URL, c.StatedAt.String(), c.Confidence, c.Origin, c.Rule, c.Supersedes,
	})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// AddClaim records a claim with its source and its first review state
// (c.State, proposed when empty). Recording a claim already held is
// Unchanged. A claim that supersedes another marks that one superseded.
// c.ID is set.
func (s *Store) AddClaim(ctx context.Context, c *model.Claim) (Change, error) {
	if c.State == "" {
		c.State = model.StateProposed
	}
	var change Change
	err := s.InTx(ctx, func(tx *Store) error {
		srcID, err := tx.SaveSource(ctx, c.Source)
		if err != nil {
			return err
		}
		c.Source.ID = srcID
		fp := Fingerprint(*c)
		change = Created
		if c.Kind == model.KindCast && c.PersonID == 0 && c.Actor != "" {
			// Cast news names a person people can find and follow, once
			// the claim is known to be new. The fingerprint is of the
			// claim as given, so recording it again finds this one.
			err = tx.queryRow(ctx, `SELECT id FROM claims WHERE fingerprint = $1`, fp).Scan(&c.ID)
			if err == nil || !errors.Is(err, ErrNotFound) {
				change = Unchanged
				return err
			}
			if c.PersonID, err = tx.castPerson(ctx, c.Actor, c.State == model.StateAccepted); err != nil {
				return err
			}
		}
		now := tx.now().UTC()
		c.RecordedAt = now
		err = tx.queryRow(ctx, `
			INSERT INTO claims (fingerprint, show_id, season, person_id, kind, status, date_value, episodes, actor, character,
				cast_change, text_value, quote, speaker, source_id, stated_at, recorded_at, confidence, origin, supersedes, rule)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
			ON CONFLICT (fingerprint) DO NOTHING RETURNING id`,
			fp, c.ShowID, c.Season, nullInt(c.PersonID), string(c.Kind), string(c.Status), c.Date.String(), c.Episodes, c.Actor, c.Character,
			string(c.CastChange), c.Text, c.Quote, c.Speaker, srcID, c.StatedAt.String(), now, c.Confidence, string(c.Origin),
			nullInt(c.Supersedes), c.Rule).Scan(&c.ID)
		if errors.Is(err, ErrNotFound) {
			// The claim is on record (a re-import, or two feeds carrying
			// one article): it stands.
			change = Unchanged
			err = tx.queryRow(ctx, `SELECT id FROM claims WHERE fingerprint = $1`, fp).Scan(&c.ID)
			return err
		}
		if err != nil {
			return fmt.Errorf("insert claim: %w", err)
		}
		if err := tx.Review(ctx, c.ID, c.State, c.DecidedBy()); err != nil {
			return err
		}
		if c.Supersedes != 0 {
			return tx.Review(ctx, c.Supersedes, model.StateSuperseded, c.DecidedBy())
		}
		return nil
	})
	return change, err
}

// castPerson is the person cast news names: the catalog's person of that
// name (any case; TVmaze's first), else, when create is set (the claim is
// accepted), a new person; else 0. Proposed claims create no one, so an
// extraction's mistakes put no names in the catalog.
func (s *Store) castPerson(ctx context.Context, actor string, create bool) (int64, error) {
	var id int64
	err := s.queryRow(ctx, `SELECT id FROM people WHERE lower(name) = lower($1) ORDER BY tvmaze_id IS NULL, id LIMIT 1`, actor).Scan(&id)
	switch {
	case err == nil:
		return id, nil
	case !errors.Is(err, ErrNotFound):
		return 0, err
	case !create:
		return 0, nil
	}
	return s.SavePerson(ctx, model.Person{Name: actor})
}

// Review records a decision on a claim. The claim itself is not touched:
// its state is its latest review.
func (s *Store) Review(ctx context.Context, claimID int64, state model.ClaimState, by model.Reviewer) error {
	_, err := s.exec(ctx, `INSERT INTO claim_reviews (claim_id, state, reviewer, reviewer_id, decided_at) VALUES ($1, $2, $3, $4, $5)`,
		claimID, string(state), by.Name, nullInt(by.UserID), s.now().UTC())
	if err != nil {
		return fmt.Errorf("review claim %d: %w", claimID, err)
	}
	return nil
}

const claimQuery = `
	SELECT c.id, c.show_id, c.season, COALESCE(c.person_id, 0), c.kind, c.status, c.date_value, c.episodes, c.actor, c.character,
		c.cast_change, c.text_value, c.quote, c.speaker, c.stated_at, c.recorded_at, c.confidence, c.origin,
		COALESCE(c.supersedes, 0), c.rule, r.state, r.reviewer, COALESCE(r.reviewer_id, 0), r.decided_at,
		src.id, src.url, src.publisher, src.title, src.published, src.tier, sh.slug, sh.title, sh.proposed
	FROM claims c
	JOIN shows sh ON sh.id = c.show_id
	JOIN sources src ON src.id = c.source_id
	JOIN claim_reviews r ON r.id = (SELECT MAX(id) FROM claim_reviews WHERE claim_id = c.id)`

// ShowClaim is a claim with the slug and title of its show, and whether
// the show is only proposed, for lists that span shows.
type ShowClaim struct {
	model.Claim
	ShowSlug     string
	ShowTitle    string
	ShowProposed bool
}

// Claims lists every claim about a show, in any state, oldest first.
func (s *Store) Claims(ctx context.Context, showID int64) ([]model.Claim, error) {
	scs, err := s.queryClaims(ctx, claimQuery+` WHERE c.show_id = $1 ORDER BY c.stated_at, c.id`, showID)
	out := make([]model.Claim, len(scs))
	for i, sc := range scs {
		out[i] = sc.Claim
	}
	return out, err
}

// LatestClaims lists the newest accepted claims of one kind across all
// shows, newest statement first.
func (s *Store) LatestClaims(ctx context.Context, kind model.ClaimKind, limit int) ([]ShowClaim, error) {
	return s.queryClaims(ctx, claimQuery+` WHERE c.kind = $1 AND r.state = 'accepted' ORDER BY c.stated_at DESC, c.id DESC LIMIT $2`,
		string(kind), limit)
}

func (s *Store) queryClaims(ctx context.Context, query string, args ...any) ([]ShowClaim, error) {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ShowClaim
	for rows.Next() {
		c, err := scanClaim(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func scanClaim(rows *mappedRows) (ShowClaim, error) {
	var (
		sc                                                ShowClaim
		c                                                 model.Claim
		kind, status, date, change, stated, origin, state string
		published, tier                                   string
		recorded, reviewed                                time.Time
	)
	err := rows.Scan(&c.ID, &c.ShowID, &c.Season, &c.PersonID, &kind, &status, &date, &c.Episodes, &c.Actor, &c.Character,
		&change, &c.Text, &c.Quote, &c.Speaker, &stated, &recorded, &c.Confidence, &origin,
		&c.Supersedes, &c.Rule, &state, &c.Reviewer, &c.ReviewerID, &reviewed,
		&c.Source.ID, &c.Source.URL, &c.Source.Publisher, &c.Source.Title, &published, &tier, &sc.ShowSlug, &sc.ShowTitle, &sc.ShowProposed)
	if err != nil {
		return ShowClaim{}, err
	}
	c.Kind, c.Status, c.CastChange = model.ClaimKind(kind), model.RenewalStatus(status), model.CastChange(change)
	c.Origin, c.State, c.Source.Tier = model.Origin(origin), model.ClaimState(state), model.Tier(tier)
	c.RecordedAt, c.ReviewedAt = recorded.UTC(), reviewed.UTC()
	if c.Date, err = scanDate(date); err != nil {
		return ShowClaim{}, err
	}
	if c.StatedAt, err = scanDate(stated); err != nil {
		return ShowClaim{}, err
	}
	if c.Source.Published, err = scanDate(published); err != nil {
		return ShowClaim{}, err
	}
	sc.Claim = c
	return sc, nil
}

// ClaimsInState lists claims across shows whose latest review left them
// in state, oldest first: the review queue, for proposed.
func (s *Store) ClaimsInState(ctx context.Context, state model.ClaimState, limit int) ([]ShowClaim, error) {
	return s.queryClaims(ctx, claimQuery+` WHERE r.state = $1 ORDER BY c.recorded_at, c.id LIMIT $2`, string(state), limit)
}

// ClaimByID loads one claim with its show.
func (s *Store) ClaimByID(ctx context.Context, id int64) (ShowClaim, error) {
	scs, err := s.queryClaims(ctx, claimQuery+` WHERE c.id = $1`, id)
	if err != nil {
		return ShowClaim{}, err
	}
	if len(scs) == 0 {
		return ShowClaim{}, fmt.Errorf("claim %d: %w", id, ErrNotFound)
	}
	return scs[0], nil
}

// ClaimState is a claim's id and state: what tells whether what was read
// of a show's claims still holds.
type ClaimState struct {
	ID    int64
	State model.ClaimState
}

// ClaimStates lists a show's claims' ids and states, by id.
func (s *Store) ClaimStates(ctx context.Context, showID int64) ([]ClaimState, error) {
	rows, err := s.query(ctx, `
		SELECT c.id, r.state FROM claims c
		JOIN claim_reviews r ON r.id = (SELECT MAX(id) FROM claim_reviews WHERE claim_id = c.id)
		WHERE c.show_id = $1 ORDER BY c.id`, showID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ClaimState
	for rows.Next() {
		var c ClaimState
		var state string
		if err := rows.Scan(&c.ID, &state); err != nil {
			return nil, err
		}
		c.State = model.ClaimState(state)
		out = append(out, c)
	}
	return out, rows.Err()
}
