// Package secrets keeps SalonDesk's passwords and tokens in the OS keychain (Windows
// Credential Manager, macOS Keychain, the Secret Service on Linux) through go-keyring,
// under the service "SalonDesk". Nothing here writes a secret anywhere else. When the
// keychain cannot be reached the calls fail with an *Error that explains it in Japanese,
// and the rest of the app keeps working offline.
package secrets

import (
	"errors"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
)

// Service is the keychain service every SalonDesk secret is stored under.
const Service = "SalonDesk"

// The secrets SalonDesk keeps. The names are the keychain's "user" field and the KEY of
// `salondesk secret set KEY`.
const (
	SalonBoardPassword = "salonboard.password"
	MailboxPassword    = "mailbox.password"
	SmaregiToken       = "smaregi.access_token"
)

// Keys lists every secret key, in the order the CLI shows them.
var Keys = []string{SalonBoardPassword, MailboxPassword, SmaregiToken}

// IsKey reports whether key names a secret (and so must never go to the database).
func IsKey(key string) bool {
	for _, k := range Keys {
		if k == key {
			return true
		}
	}
	return false
}

// ErrNotFound: nothing is stored under the key.
var ErrNotFound = keyring.ErrNotFound

// DefaultTimeout bounds one keychain call: a Secret Service waiting for an unlock
// prompt nobody answers must not hang the app.
const DefaultTimeout = 10 * time.Second

// Store reads and writes the keychain. Every value it stores or reads is handed to the
// observer (the log's redactor), so the log can hide it.
type Store struct {
	mu       sync.Mutex // go-keyring's providers (and its mock) are not all safe in parallel
	timeout  time.Duration
	observer func(value string)
}

// Option changes New's defaults.
type Option func(*Store)

// WithObserver registers fn to see every secret value (applog.Log.AddSecret).
func WithObserver(fn func(value string)) Option { return func(s *Store) { s.observer = fn } }

// WithTimeout changes DefaultTimeout.
func WithTimeout(d time.Duration) Option { return func(s *Store) { s.timeout = d } }

// New makes a Store over the OS keychain (or keyring.MockInit's in tests).
func New(opts ...Option) *Store {
	s := &Store{timeout: DefaultTimeout}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Set stores value under key; an empty value deletes it.
func (s *Store) Set(key, value string) error {
	if !IsKey(key) {
		return &Error{Kind: KindUnknownKey, Key: key}
	}
	if value == "" {
		err := s.Delete(key)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		return err
	}
	s.observe(value)
	return s.call("set", key, func() error { return keyring.Set(Service, key, value) })
}

// Get reads the value under key; ErrNotFound when none is stored.
func (s *Store) Get(key string) (string, error) {
	var v string
	err := s.call("get", key, func() error {
		var err error
		v, err = keyring.Get(Service, key)
		return err
	})
	if err == nil {
		s.observe(v)
	}
	return v, err
}

// Has reports whether a value is stored under key.
func (s *Store) Has(key string) (bool, error) {
	_, err := s.Get(key)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Delete removes key's value; ErrNotFound when there was none.
func (s *Store) Delete(key string) error {
	return s.call("delete", key, func() error { return keyring.Delete(Service, key) })
}

// probeKey is read (never written) to learn whether the keychain answers.
const probeKey = "availability-probe"

// Available returns nil when the keychain answers, or the *Error to show.
func (s *Store) Available() error {
	err := s.call("probe", probeKey, func() error {
		_, err := keyring.Get(Service, probeKey)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// LoadAll reads every stored secret once so that the log's redactor knows them from
// the start; it returns how many were found. Errors other than "not stored" stop it.
func (s *Store) LoadAll() (int, error) {
	n := 0
	for _, k := range Keys {
		ok, err := s.Has(k)
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

func (s *Store) observe(v string) {
	if s.observer != nil && v != "" {
		s.observer(v)
	}
}

// call runs fn with the timeout and maps keychain failures to *Error; ErrNotFound
// passes through unchanged.
func (s *Store) call(op, key string, fn func() error) error {
	done := make(chan error, 1)
	go func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		done <- fn()
	}()
	select {
	case err := <-done:
		switch {
		case err == nil, errors.Is(err, keyring.ErrNotFound):
			return err
		case errors.Is(err, keyring.ErrSetDataTooBig):
			return &Error{Kind: KindTooBig, Key: key, Op: op, Err: err}
		}
		return &Error{Kind: KindUnavailable, Key: key, Op: op, Err: err}
	case <-time.After(s.timeout):
		return &Error{Kind: KindUnavailable, Key: key, Op: op, Err: errTimeout}
	}
}

var errTimeout = errors.New("keychain did not answer in time")
