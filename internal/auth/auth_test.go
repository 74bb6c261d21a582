package auth_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/auth"
)

func TestPasswordHash(t *testing.T) {
	h1, err := auth.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := auth.HashPassword("correct horse battery")
	if !strings.HasPrefix(h1, "$argon2id$v=19$m=65536,t=3,p=1$") || h1 == h2 {
		t.Errorf("hashes %q and %q: want argon2id, salted afresh each time", h1, h2)
	}
	if strings.Contains(h1, "horse") {
		t.Error("the hash holds the password")
	}
	if err := auth.CheckPassword(h1, "correct horse battery"); err != nil {
		t.Errorf("the right password: %v", err)
	}
	for _, wrong := range []string{"correct horse batterY", "", strings.Repeat("x", auth.MaxPassword+1)} {
		if err := auth.CheckPassword(h1, wrong); !errors.Is(err, auth.ErrMismatch) {
			t.Errorf("password %.20q: %v, want a mismatch", wrong, err)
		}
	}
	for _, bad := range []string{"", "$2a$10$bcrypt", "$argon2id$v=19$m=x$salt$key", "$argon2id$v=19$m=65536,t=3,p=1$!!!$key"} {
		if err := auth.CheckPassword(bad, "correct horse battery"); err == nil || errors.Is(err, auth.ErrMismatch) {
			t.Errorf("hash %q: %v, want a malformed-hash error", bad, err)
		}
	}
	if _, err := auth.HashPassword("short"); err == nil {
		t.Error("a 5-character password was accepted")
	}
}

func TestTokens(t *testing.T) {
	a, ha := auth.NewToken()
	b, _ := auth.NewToken()
	if !strings.HasPrefix(a, auth.TokenPrefix) || len(a) < 40 || a == b {
		t.Errorf("tokens %q, %q: want long, prefixed, different", a, b)
	}
	if ha != auth.HashToken(a) || ha == a || strings.Contains(ha, a[len(auth.TokenPrefix):]) {
		t.Errorf("hash %q of %q", ha, a)
	}
}
