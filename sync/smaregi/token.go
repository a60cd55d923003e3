package smaregi

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
)

// NewToken issues a receiver token (the IDコード pasted into Smaregi's header field
// x-access-token) and its hash. Show the token once and keep only the hash.
func NewToken() (token, hash string) {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken is the SHA-256 of a token in hex: what is stored and compared.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// tokenMatches compares the presented token's hash with every stored hash in constant
// time, looking at all of them whatever matched, so that timing tells nothing about
// which one did or how much of it.
func tokenMatches(presented string, hashes []string) bool {
	h := []byte(HashToken(presented))
	match := 0
	for _, s := range hashes {
		match |= subtle.ConstantTimeCompare(h, []byte(s))
	}
	return match == 1
}
