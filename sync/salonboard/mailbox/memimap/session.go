package memimap

import (
	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
)

// session is imapmemserver's session with a sound IDLE. The in-memory
// tracker only wakes an IDLE for changes made while it runs: a mail appended
// between a client's last command and its IDLE would wait for the next
// change (in the demo, the next mail a minute later). Here IDLE takes the
// wake-up channel first, then sends what is queued, then waits, so no change
// is missed. Every change wakes it: Server.Append and the changing commands
// of any session.
type session struct {
	imapserver.Session
	srv *Server
}

func (s *session) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	for {
		kicked := s.srv.kicked()
		if err := s.Session.Poll(w, true); err != nil {
			return err
		}
		select {
		case <-stop:
			return nil
		case <-kicked:
		}
	}
}

func (s *session) Append(mailbox string, r imap.LiteralReader, o *imap.AppendOptions) (*imap.AppendData, error) {
	defer s.srv.kick()
	return s.Session.Append(mailbox, r, o)
}

func (s *session) Copy(numSet imap.NumSet, dest string) (*imap.CopyData, error) {
	defer s.srv.kick()
	return s.Session.Copy(numSet, dest)
}

func (s *session) Expunge(w *imapserver.ExpungeWriter, uids *imap.UIDSet) error {
	defer s.srv.kick()
	return s.Session.Expunge(w, uids)
}

func (s *session) Store(w *imapserver.FetchWriter, numSet imap.NumSet, flags *imap.StoreFlags, o *imap.StoreOptions) error {
	defer s.srv.kick()
	return s.Session.Store(w, numSet, flags, o)
}
