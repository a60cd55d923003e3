// Package applog is SalonDesk's log: a file in the data directory that rotates by size
// and keeps a few old files, behind a writer that blanks out every secret it was told
// about and anything that looks like a credential, so that a log attached to a support
// mail never carries a password or a token.
package applog

import (
	"encoding/json"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Mask replaces whatever was redacted.
const Mask = "***"

// minSecretLen: shorter values are not replaced where they stand alone (a one-letter
// "password" would blank every such letter of the log); the patterns below still hide
// them after password=, token= and the like.
const minSecretLen = 3

// patterns catch credentials the redactor was not told about: key=value pairs, JSON
// fields, Authorization headers and passwords inside URLs.
var patterns = []struct {
	re   *regexp.Regexp
	repl string
}{
	// Authorization: Bearer xxx / Basic xxx / any single token.
	{regexp.MustCompile(`(?i)((?:proxy-)?authorization\s*[:=]\s*)(?:(?:bearer|basic|digest|token)\s+)?[^\s,;"]+`), "${1}" + Mask},
	// "password": "…" in JSON.
	{regexp.MustCompile(`(?i)("[a-z0-9_\-]*(?:password|passwd|pwd|secret|token|api_?key)[a-z0-9_\-]*"\s*:\s*)"(?:[^"\\]|\\.)*"`), `${1}"` + Mask + `"`},
	// password=…, x-access-token: …, api_key=… (form bodies, query strings, headers, flags).
	{regexp.MustCompile(`(?i)([a-z0-9_\-]*(?:password|passwd|pwd|secret|token|api_?key)[a-z0-9_\-]*\s*[=:]\s*)[^\s&,;"']+`), "${1}" + Mask},
	// scheme://user:password@host
	{regexp.MustCompile(`([a-zA-Z][a-zA-Z0-9+.\-]*://[^/\s:@]+:)[^/\s@]+@`), "${1}" + Mask + "@"},
}

// Redactor replaces registered secret values and credential patterns with Mask. It is
// safe for concurrent use.
type Redactor struct {
	mu      sync.RWMutex
	secrets []string // longest first, so that a secret containing another is hidden whole
}

// NewRedactor makes a redactor that knows no secret values yet.
func NewRedactor() *Redactor { return &Redactor{} }

// AddSecret registers a value to hide wherever it appears, also in the forms it takes
// inside URLs and JSON.
func (r *Redactor) AddSecret(v string) {
	if len(v) < minSecretLen {
		return
	}
	forms := []string{v, url.QueryEscape(v), url.PathEscape(v)}
	if b, err := json.Marshal(v); err == nil {
		forms = append(forms, strings.Trim(string(b), `"`))
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, f := range forms {
		if !contains(r.secrets, f) {
			r.secrets = append(r.secrets, f)
		}
	}
	sort.Slice(r.secrets, func(i, j int) bool { return len(r.secrets[i]) > len(r.secrets[j]) })
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Redact returns s with every registered secret and credential pattern masked.
func (r *Redactor) Redact(s string) string {
	r.mu.RLock()
	for _, v := range r.secrets {
		s = strings.ReplaceAll(s, v, Mask)
	}
	r.mu.RUnlock()
	for _, p := range patterns {
		s = p.re.ReplaceAllString(s, p.repl)
	}
	return s
}
