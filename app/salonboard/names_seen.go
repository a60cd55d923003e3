package salonboard

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/salonboard/web"
)

// The coupon and menu names SALON BOARD used, recorded per reservation, so that names
// that map to nothing here are shown before the next mail fails on them (see
// unmatched.go). A reservation's own mail or detail page says exactly which name is its
// coupon; the reservation list's メニュー・クーポン cell mixes menus and coupon, so it is
// only used for reservations no mail told about.

// Where a name was seen (data.NameSeen sources).
const (
	seenInReservation = "reservation" // a mail, or a detail page read by the reconciliation
	seenInList        = data.SeenInList
)

// namesOf are the names matching looks at for an incoming reservation: its coupon when it
// has one, otherwise its menus.
func namesOf(coupon string, menus []string) []data.NameSeen {
	if strings.TrimSpace(coupon) != "" {
		return []data.NameSeen{{Kind: "coupon", Name: strings.TrimSpace(coupon), NameNorm: NormalizeName(coupon)}}
	}
	var out []data.NameSeen
	for _, m := range menus {
		if n := NormalizeName(m); n != "" && n != "-" {
			out = append(out, data.NameSeen{Kind: "menu", Name: strings.TrimSpace(m), NameNorm: n})
		}
	}
	return out
}

// recordIncomingNames records (or, for a cancellation, forgets) what an incoming
// reservation used, inside the transaction that applies it.
func recordIncomingNames(t *app.Tx, in Incoming) error {
	if in.Kind == IncomingCancel {
		return data.ForgetNamesSeen(t.Ctx(), t.Q(), in.Number)
	}
	names := namesOf(in.Coupon, in.Menus)
	if len(names) == 0 {
		return nil
	}
	return data.ReplaceNamesSeen(t.Ctx(), t.Q(), in.Number, in.Start, seenInReservation, names, t.Now())
}

// RecordListNames records the names the reservation list's rows show (and forgets them
// for a row now cancelled). Rows a mail or detail page already told about, and rows that
// say what they said last time, are left alone: the reconciliation reads the same rows every few minutes, so what
// is recorded is read first and only the rows that changed are written, in one
// transaction.
func (sb *Room) RecordListNames(ctx context.Context, rows []web.ListRow) error {
	if len(rows) == 0 {
		return nil
	}
	from, to := rows[0].Start, rows[0].Start
	for _, r := range rows {
		from, to = minTime(from, r.Start), maxTime(to, r.Start)
	}
	var recs map[string]data.SeenRecord
	if err := sb.a.View(ctx, func(t *app.Tx) error {
		var err error
		recs, err = data.NamesSeenBetween(t.Ctx(), t.Q(), from, to)
		return err
	}); err != nil {
		return err
	}
	var changed []web.ListRow
	for _, row := range rows {
		if row.ID != "" && listRowChanged(recs[row.ID], row) {
			changed = append(changed, row)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	return sb.a.Update(ctx, func(t *app.Tx) error {
		for _, row := range changed {
			rec, err := data.NamesSeenOf(t.Ctx(), t.Q(), row.ID) // a mail may have come meanwhile
			if err != nil {
				return err
			}
			if !listRowChanged(rec, row) {
				continue
			}
			if err := data.ReplaceNamesSeen(t.Ctx(), t.Q(), row.ID, row.Start, seenInList, rowNames(row),
				t.Now()); err != nil {
				return err
			}
		}
		return nil
	})
}

// rowNames are the names a list row stands for: none once it is cancelled (a cancelled
// reservation no longer needs its name to match).
func rowNames(row web.ListRow) []data.NameSeen {
	if web.IsCancelled(row.StatusCode) {
		return nil
	}
	return listNames(row.Menu)
}

// listRowChanged: the row says something other than what is recorded for it, and no mail
// or detail page (which say it exactly, and whose cancellation forgets it) told about it.
func listRowChanged(rec data.SeenRecord, row web.ListRow) bool {
	names := rowNames(row)
	switch {
	case rec.Source == seenInReservation, len(names) == 0 && len(rec.Names) == 0:
		return false
	}
	return !rec.Start.Equal(row.Start) || !slices.Equal(rec.Names, names)
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// noteListNames is RecordListNames for the reconciliation, which goes on without it: the
// names only feed the 未対応のクーポン名 list.
func (sb *Room) noteListNames(ctx context.Context, rows []web.ListRow) {
	if err := sb.RecordListNames(ctx, rows); err != nil && ctx.Err() == nil {
		slog.Default().Warn("salonboard: could not record the list's coupon names", "err", err)
	}
}

// listNames reads the メニュー・クーポン cell's lines: the lines that look like an HPB
// coupon (a [全員]-style mark or a price at the end) are the coupon, and the menus are
// then not what matching looks at; without one, every line is a menu.
func listNames(lines []string) []data.NameSeen {
	var coupons, menus []string
	for _, l := range lines {
		n := NormalizeName(l)
		switch {
		case n == "" || n == "-":
		case looksLikeCoupon(n):
			coupons = append(coupons, l)
		default:
			menus = append(menus, l)
		}
	}
	if len(coupons) > 0 {
		var out []data.NameSeen
		for _, c := range coupons {
			out = append(out, namesOf(c, nil)...)
		}
		return out
	}
	return namesOf("", menus)
}

// looksLikeCoupon: a normalised name with an HPB target mark or a trailing price.
func looksLikeCoupon(n string) bool {
	return targetPrefix.MatchString(n) || withoutPrice(n) != n
}
