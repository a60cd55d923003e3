package smaregi

import (
	"context"
	"errors"
	"strings"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/smaregi"
)

// The IDコード Smaregi sends in x-access-token: issued here, shown once, kept only as
// its SHA-256 hash; revoking one stops the receiver accepting it at once.

// IssueToken makes a new IDコード and keeps its hash; the code is returned once and is
// nowhere else afterwards.
func (r *Room) IssueToken(ctx context.Context, label string) (string, data.ReceiverToken, error) {
	token, hash := smaregi.NewToken()
	tok := data.ReceiverToken{Hash: hash, Label: strings.TrimSpace(label), CreatedAt: r.a.Now()}
	err := r.a.Update(ctx, func(t *app.Tx) error { return data.InsertReceiverToken(ctx, t.Q(), &tok) })
	if err != nil {
		return "", tok, err
	}
	return token, tok, nil
}

// Tokens lists the IDコード issued (their hashes, never the codes), revoked ones too.
func (r *Room) Tokens(ctx context.Context) ([]data.ReceiverToken, error) {
	return app.Read(ctx, r.a, func(q data.Querier) ([]data.ReceiverToken, error) { return data.ListReceiverTokens(ctx, q) })
}

// RevokeToken stops accepting an IDコード (無効にする); an unknown or already revoked id
// is a Japanese *app.UserError.
func (r *Room) RevokeToken(ctx context.Context, id int64) error {
	err := r.a.Update(ctx, func(t *app.Tx) error { return data.RevokeReceiverToken(ctx, t.Q(), id, t.Now()) })
	if errors.Is(err, data.ErrNotFound) {
		return &app.UserError{Key: "smaregi.error.token_unknown"}
	}
	return err
}
