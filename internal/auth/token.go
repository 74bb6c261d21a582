package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// TokenPrefix starts every API token, so a leaked one is easy to spot
// (secret scanners look for such prefixes).
const TokenPrefix = "nst_"

// NewToken returns a new random API token (256 bits) and the hash to
// store. The token itself is shown once and never stored.
func NewToken() (token, hash string) {
	token = Random(TokenPrefix)
	return token, HashToken(token)
}

// Random is prefix followed by 256 random bits, URL-safe: API tokens,
// feed tokens, unsubscribe tokens.
func Random(prefix string) string {
	b := make([]byte, 32)
	rand.Read(b)
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is how a token is stored and looked up. The token carries 256
// random bits, so a fast hash suffices: there is nothing to guess.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
