package store_test

import (
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// TestTokenUseIsNotedToTheMinute: a token's last use is kept, but using
// it again within the minute writes nothing.
func TestTokenUseIsNotedToTheMinute(t *testing.T) {
	now := dbtest.Clock()
	d := dbtest.Open(t)
	st := store.New(d, func() time.Time { return now })
	ctx := t.Context()
	u, err := st.AddUser(ctx, "ann@example.com", model.RoleViewer, "")
	if err != nil {
		t.Fatal(err)
	}
	token, hash := auth.NewToken()
	if err := st.AddToken(ctx, u.ID, hash); err != nil {
		t.Fatal(err)
	}
	lastUse := func() time.Time {
		var at time.Time
		if err := d.QueryRowContext(ctx, `SELECT last_used_at FROM api_tokens WHERE token_hash = $1`, hash).Scan(&at); err != nil {
			t.Fatal(err)
		}
		return at.UTC()
	}
	use := func() {
		if got, err := st.UserByToken(ctx, auth.HashToken(token)); err != nil || got.ID != u.ID {
			t.Fatalf("the token's user: %+v, %v", got, err)
		}
	}
	use()
	first := now
	if got := lastUse(); !got.Equal(first) {
		t.Errorf("last use %v, want %v", got, first)
	}
	now = now.Add(30 * time.Second)
	use()
	if got := lastUse(); !got.Equal(first) {
		t.Errorf("used again within the minute: last use %v, want it left at %v", got, first)
	}
	now = now.Add(time.Minute)
	use()
	if got := lastUse(); !got.Equal(now) {
		t.Errorf("used a minute later: last use %v, want %v", got, now)
	}
}
