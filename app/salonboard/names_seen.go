package salonboard

import (
	"context"
	"log/slog"
	"slices"
	"strings"

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

// RecordListNames records the names the reservation list's rows show, in one
// transaction: rows a mail or detail page already told about, and cancelled rows, are
// left alone.
func (sb *Room) RecordListNames(ctx context.Context, rows []web.ListRow) error {
	return sb.a.Update(ctx, func(t *app.Tx) error {
		for _, row := range rows {
			if row.ID == "" || web.IsCancelled(row.StatusCode) {
				continue
			}
			rec, err := data.NamesSeenOf(t.Ctx(), t.Q(), row.ID)
			if err != nil {
				return err
			}
			names := listNames(row.Menu)
			// A mail said it exactly; or the row says what it said last time (the
			// reconciliation reads the same rows every few minutes: no rewrite then).
			if rec.Source == seenInReservation || (len(names) == 0 && len(rec.Names) == 0) ||
				(rec.Start.Equal(row.Start) && slices.Equal(rec.Names, names)) {
				continue
			}
			if err := data.ReplaceNamesSeen(t.Ctx(), t.Q(), row.ID, row.Start, seenInList, names, t.Now()); err != nil {
				return err
			}
		}
		return nil
	})
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
