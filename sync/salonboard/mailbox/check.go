package mailbox

import "context"

// Check is the 接続テスト: connect, log in, select the mailbox, log out. The
// error is an *Error matching ErrUnreachable, ErrTLS, ErrAuthFailed,
// ErrNoMailbox or ErrProtocol.
func Check(ctx context.Context, cfg Config) error {
	cn, err := dial(ctx, cfg.withDefaults())
	if err != nil {
		return err
	}
	cn.close()
	return nil
}
