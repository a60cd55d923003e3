package sbdemo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"salondesk/sync/salonboard/sbdouble"
)

// loop steps the feed on a timer until ctx ends. Between steps it only waits
// on the timer, so the idle demo costs no CPU.
func (d *Demo) loop(ctx context.Context) {
	defer close(d.loopDone)
	if d.cfg.Interval < 0 {
		<-ctx.Done()
		return
	}
	// The waits have their own generator, so that timing never changes what
	// is booked.
	jitter := rand.New(rand.NewPCG(uint64(d.cfg.Seed), 0x7177e5))
	t := time.NewTimer(d.cfg.First)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		_, _ = d.Next() // a failed append is retried by nothing: the next step goes on
		span := int64(d.cfg.Interval) * 2 / 5
		wait := d.cfg.Interval - time.Duration(span/2)
		if span > 0 {
			wait += time.Duration(jitter.Int64N(span))
		}
		t.Reset(wait)
	}
}

// Next books the next turn now: usually one reservation, a few in a row for
// a capacity failure, none when no opening hours are left to book into. Each
// goes into the web double, then its mail into the mailbox.
func (d *Demo) Next() ([]FeedEvent, error) {
	d.stepMu.Lock()
	defer d.stepMu.Unlock()
	now := d.cfg.Now().In(d.cfg.Location)
	var out []FeedEvent
	for _, o := range d.plan.next(now) {
		ev, err := d.deliver(o, now)
		if err != nil {
			return out, err
		}
		out = append(out, ev)
		d.histMu.Lock()
		d.fed = append(d.fed, ev)
		d.histMu.Unlock()
		if d.cfg.OnEvent != nil {
			d.cfg.OnEvent(ev)
		}
	}
	return out, nil
}

// deliver applies one outcome to the double and mails it.
func (d *Demo) deliver(o outcome, now time.Time) (FeedEvent, error) {
	if err := d.applyToDouble(o, now); err != nil {
		return FeedEvent{}, err
	}
	d.mails++
	l, err := d.writeMail(d.mails-1, o, now)
	if err != nil {
		return FeedEvent{}, fmt.Errorf("sbdemo: mail for %s: %w", o.b.number, err)
	}
	uid, err := d.box.Append(l.raw, now)
	if err != nil {
		return FeedEvent{}, fmt.Errorf("sbdemo: deliver %s: %w", o.b.number, err)
	}
	b := o.b
	ev := FeedEvent{
		Seq: d.mails, At: now, Number: b.number, Kind: o.kind, Failure: o.failure,
		Recovers: o.recovers, Filler: o.filler,
		Subject: l.subject, Charset: l.charset, MessageID: l.messageID, UID: uid,
		Start: b.start, End: b.end, StaffID: b.rowStaffID, Coupon: b.coupon,
		Menus: append([]string(nil), b.menus...), Customer: b.person.kanji(), Kana: b.person.kana(),
	}
	if b.staff != nil {
		ev.Staff = b.staff.Name
	}
	return ev, nil
}

// applyToDouble makes SALON BOARD's web state say what the mail will say.
func (d *Demo) applyToDouble(o outcome, now time.Time) error {
	b := o.b
	switch o.kind {
	case KindChange:
		return d.double.ChangeReservation(b.number, func(r *sbdouble.Reservation) {
			r.Start, r.End, r.StaffID = b.start, b.end, b.rowStaffID
		})
	case KindCancel:
		return d.double.CancelReservation(b.number, sbdouble.StatusCustomerCancel)
	}
	r := sbdouble.Reservation{
		ID: b.number, Start: b.start, End: b.end, Status: sbdouble.StatusWaiting,
		RouteID:  sbdouble.RouteHPB,
		KanjiSei: b.person.kanjiSei, KanjiMei: b.person.kanjiMei,
		KanaSei: b.person.kanaSei, KanaMei: b.person.kanaMei, Phone: b.person.phone,
		StaffID: b.rowStaffID, Designated: b.staff != nil,
		Menu: b.menus, Coupon: b.coupon, Memo: b.request,
		Total: b.price, Points: b.points, Received: now,
		NewCustomer: strings.Contains(b.coupon, "新規"),
		// Only the one mismatch meant to recover can be re-read; the others stay for
		// transcription by hand, as when SALON BOARD times out (the seed's case).
		DetailBroken: o.failure == FailMismatch && !o.recovers,
	}
	d.double.AddReservation(r)
	return nil
}
