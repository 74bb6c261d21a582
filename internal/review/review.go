// Package review records editors' decisions on proposed claims: accept
// (optionally linking the claim to another show) or reject. The CLI and
// the API both decide through it.
package review

import (
	"context"
	"errors"
	"fmt"

	"github.com/nextseason/nextseason/internal/events"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// ErrDecided is returned for a claim that is no longer waiting.
var ErrDecided = errors.New("already decided")

// Accept accepts a proposed claim. With showRef, the claim is about
// another show than the one it was linked to: a corrected copy linked to
// that show is accepted and the original is superseded, so the record of
// the mistake stays. Accepting a claim about a proposed show confirms the
// show.
func Accept(ctx context.Context, st *store.Store, id int64, showRef string, by model.Reviewer) (model.Claim, error) {
	var out model.Claim
	err := st.InTx(ctx, func(tx *store.Store) error {
		c, err := waiting(ctx, tx, id)
		if err != nil {
			return err
		}
		showID := c.ShowID
		if showRef != "" {
			sh, err := tx.FindShow(ctx, showRef)
			if err != nil {
				return fmt.Errorf("link claim #%d to %q: %w", id, showRef, err)
			}
			showID = sh.ID
		}
		// What the acceptance changes in the season's answer is recorded
		// as events, in the same transaction.
		_, err = events.Record(ctx, tx, showID, c.Season, func() error {
			if showID != c.ShowID {
				fixed := c.Claim
				fixed.ID, fixed.ShowID, fixed.Supersedes = 0, showID, c.ID
				fixed.Decide(model.StateAccepted, by)
				if _, err := tx.AddClaim(ctx, &fixed); err != nil {
					return err
				}
				out = fixed
			} else {
				if err := tx.Review(ctx, id, model.StateAccepted, by); err != nil {
					return err
				}
				out = c.Claim
				out.Decide(model.StateAccepted, by)
			}
			return tx.ConfirmShow(ctx, out.ShowID)
		})
		return err
	})
	return out, err
}

// Reject rejects a proposed claim.
func Reject(ctx context.Context, st *store.Store, id int64, by model.Reviewer) (model.Claim, error) {
	var out model.Claim
	err := st.InTx(ctx, func(tx *store.Store) error {
		c, err := waiting(ctx, tx, id)
		if err != nil {
			return err
		}
		out = c.Claim
		out.Decide(model.StateRejected, by)
		if err := tx.Review(ctx, id, model.StateRejected, by); err != nil {
			return err
		}
		// A show news proposed goes with the last of its claims.
		_, err = tx.DropProposedShow(ctx, c.ShowID)
		return err
	})
	return out, err
}

func waiting(ctx context.Context, tx *store.Store, id int64) (store.ShowClaim, error) {
	c, err := tx.ClaimByID(ctx, id)
	if err != nil {
		return c, err
	}
	if c.State != model.StateProposed {
		return c, fmt.Errorf("claim #%d is %s: %w", id, c.State, ErrDecided)
	}
	return c, nil
}
