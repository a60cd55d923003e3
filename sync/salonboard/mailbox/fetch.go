package mailbox

import (
	"context"
	"slices"
	"strings"

	"github.com/emersion/go-imap/v2"
)

// catchUp delivers every mail after the cursor, oldest first, one at a time so
// that a failing handler stops exactly at the mail it could not apply.
func (r *Reader) catchUp(ctx context.Context, cn *conn) error {
	cur := r.Cursor()
	uids, err := cn.newUIDs(cur.LastUID)
	if err != nil {
		return err
	}
	r.log.Debug("mailbox: new mails", "after_uid", cur.LastUID, "count", len(uids))
	for _, uid := range uids {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		raw, id, found, err := cn.fetch(uid)
		if err != nil {
			return err
		}
		if found {
			meta := Meta{UIDValidity: cn.uidValidity, UID: uid, MessageID: id}
			if err := r.handle(withMeta(ctx, meta), uid, raw); err != nil {
				return classify("handle", err)
			}
		}
		r.setCursor(Cursor{UIDValidity: cn.uidValidity, LastUID: uid})
	}
	return nil
}

// newUIDs lists the UIDs above last. "last+1:*" always matches the newest mail
// even when its UID is lower, hence the filter.
func (cn *conn) newUIDs(last uint32) ([]uint32, error) {
	set := imap.UIDSet{imap.UIDRange{Start: imap.UID(last + 1), Stop: 0}}
	data, err := cn.c.UIDSearch(&imap.SearchCriteria{UID: []imap.UIDSet{set}}, nil).Wait()
	if err != nil {
		return nil, classify("search", err)
	}
	var uids []uint32
	for _, u := range data.AllUIDs() {
		if uint32(u) > last {
			uids = append(uids, uint32(u))
		}
	}
	slices.Sort(uids)
	return uids, nil
}

// fetch reads one whole message without setting \Seen (the salon may read the
// mailbox too). found is false when it was expunged meanwhile.
func (cn *conn) fetch(uid uint32) (raw []byte, messageID string, found bool, err error) {
	section := &imap.FetchItemBodySection{Peek: true}
	opts := &imap.FetchOptions{UID: true, Envelope: true, BodySection: []*imap.FetchItemBodySection{section}}
	msgs, err := cn.c.Fetch(imap.UIDSetNum(imap.UID(uid)), opts).Collect()
	if err != nil {
		return nil, "", false, classify("fetch", err)
	}
	for _, m := range msgs {
		if uint32(m.UID) != uid {
			continue
		}
		if m.Envelope != nil {
			messageID = strings.Trim(m.Envelope.MessageID, "<> ")
		}
		return m.FindBodySection(section), messageID, true, nil
	}
	return nil, "", false, nil
}
