package web

import "fmt"

// LoginReason says why the client is about to log in. SALON BOARD keeps one
// session per account: every login ends the session of anyone else using
// the same ID, and someone else's login ends ours. The reason lets the app
// notice a tug of war and stop.
type LoginReason int

const (
	// LoginFirst: no session yet (the first call, or after a failed login).
	LoginFirst LoginReason = iota + 1
	// LoginSessionLost: the previous page showed that our session ended
	// (an expiry page, the login form, or no 予約管理 navigation).
	LoginSessionLost
)

func (r LoginReason) String() string {
	switch r {
	case LoginFirst:
		return "first"
	case LoginSessionLost:
		return "session lost"
	}
	return fmt.Sprintf("LoginReason(%d)", int(r))
}

// LoginHeldError is a login that Config.BeforeLogin refused: no request was
// made. It is permanent (IsTransient is false) and unwraps to the refusal.
type LoginHeldError struct {
	Reason LoginReason
	Err    error
}

func (e *LoginHeldError) Error() string {
	return fmt.Sprintf("salonboard: login held (%s): %v", e.Reason, e.Err)
}

func (e *LoginHeldError) Unwrap() error { return e.Err }

// Permanent tells IsTransient not to retry a held login.
func (e *LoginHeldError) Permanent() bool { return true }

// askBeforeLogin asks Config.BeforeLogin whether to log in now.
func (c *Client) askBeforeLogin() error {
	if c.cfg.BeforeLogin == nil {
		return nil
	}
	reason := LoginFirst
	if c.lost {
		reason = LoginSessionLost
	}
	if err := c.cfg.BeforeLogin(reason); err != nil {
		c.log.Info("salonboard: login held by the app", "reason", reason.String())
		return &LoginHeldError{Reason: reason, Err: err}
	}
	return nil
}
