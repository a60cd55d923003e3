package mailbox

import (
	"context"
	"crypto/tls"
	"net"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// conn is one logged-in connection with its mailbox selected.
type conn struct {
	c           *imapclient.Client
	uidValidity uint32
	uidNext     uint32
	idle        bool          // the server offers IDLE
	changed     chan struct{} // a mailbox update (EXISTS) arrived; capacity 1
}

// dial connects, secures, logs in and selects. The returned conn is closed
// when ctx ends, which unblocks any command in flight.
func dial(ctx context.Context, cfg Config) (*conn, error) {
	changed := make(chan struct{}, 1)
	opts := &imapclient.Options{
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(data *imapclient.UnilateralDataMailbox) {
				if data.NumMessages != nil {
					select {
					case changed <- struct{}{}:
					default:
					}
				}
			},
		},
	}
	c, err := open(ctx, cfg, opts)
	if err != nil {
		return nil, err
	}
	cn := &conn{c: c, changed: changed}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	go func() { <-c.Closed(); stop() }()
	if err := cn.login(cfg); err != nil {
		c.Close()
		return nil, err
	}
	return cn, nil
}

// open makes the TCP (and TLS) connection and waits for the greeting.
func open(ctx context.Context, cfg Config, opts *imapclient.Options) (*imapclient.Client, error) {
	dialCtx, cancel := context.WithTimeout(ctx, cfg.DialTimeout)
	defer cancel()
	d := net.Dialer{}
	raw, err := d.DialContext(dialCtx, "tcp", cfg.address())
	if err != nil {
		return nil, classify("dial", err)
	}
	tlsConfig := cfg.TLSConfig
	if tlsConfig == nil {
		tlsConfig = &tls.Config{}
	}
	tlsConfig = tlsConfig.Clone()
	if tlsConfig.ServerName == "" {
		tlsConfig.ServerName = cfg.Host
	}
	opts.TLSConfig = tlsConfig
	var c *imapclient.Client
	switch cfg.TLS {
	case TLS:
		tc := tls.Client(raw, tlsConfig)
		if err := tc.HandshakeContext(dialCtx); err != nil {
			raw.Close()
			return nil, classify("tls", err)
		}
		c = imapclient.New(tc, opts)
	case StartTLS:
		stop := context.AfterFunc(dialCtx, func() { raw.Close() })
		c, err = imapclient.NewStartTLS(raw, opts)
		stop()
		if err != nil {
			return nil, classify("tls", err)
		}
	default:
		c = imapclient.New(raw, opts)
	}
	stop := context.AfterFunc(dialCtx, func() { c.Close() })
	err = c.WaitGreeting()
	stop()
	if err != nil {
		c.Close()
		return nil, classify("greeting", err)
	}
	return c, nil
}

func (cn *conn) login(cfg Config) error {
	if err := cn.c.Login(cfg.User, cfg.Password).Wait(); err != nil {
		return classify("login", err)
	}
	sel, err := cn.c.Select(cfg.mailbox(), nil).Wait()
	if err != nil {
		return classify("select", err)
	}
	cn.uidValidity, cn.uidNext = sel.UIDValidity, uint32(sel.UIDNext)
	cn.idle = cn.c.Caps().Has(imap.CapIdle)
	return nil
}

// close logs out politely when the connection still works.
func (cn *conn) close() {
	select {
	case <-cn.c.Closed():
	default:
		cn.c.Logout().Wait()
	}
	cn.c.Close()
}
