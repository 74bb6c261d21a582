package viewership

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Report counts an import and names the titles that matched no show.
type Report struct {
	Rows, Linked, Changed int
	Unlinked              []string
}

func (r Report) String() string {
	return fmt.Sprintf("%d chart weeks (%d linked to catalog seasons, %d new or changed); %d titles not in the catalog",
		r.Rows, r.Linked, r.Changed, len(r.Unlinked))
}

// Import links chart weeks to catalog shows by title and saves them in
// one transaction.
func Import(ctx context.Context, st *store.Store, weeks []model.Viewership) (Report, error) {
	var rep Report
	err := st.InTx(ctx, func(tx *store.Store) error {
		showIDs := map[string]int64{}
		linked := make([]model.Viewership, len(weeks))
		for i, v := range weeks {
			id, looked := showIDs[v.ShowTitle]
			if !looked {
				sh, err := tx.FindShow(ctx, v.ShowTitle)
				switch {
				case errors.Is(err, store.ErrNotFound):
					rep.Unlinked = append(rep.Unlinked, v.ShowTitle)
				case err != nil:
					return err
				}
				id, showIDs[v.ShowTitle] = sh.ID, sh.ID
			}
			if id != 0 && v.Season > 0 {
				v.ShowID = id
				rep.Linked++
			}
			linked[i] = v
		}
		var err error
		rep.Rows = len(linked)
		rep.Changed, err = tx.SaveViewership(ctx, linked)
		return err
	})
	slices.Sort(rep.Unlinked)
	return rep, err
}
