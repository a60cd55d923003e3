package salonboard

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"salondesk/app"
	"salondesk/data"
)

// 未対応のクーポン名: coupon and menu names SALON BOARD used lately that map to nothing
// here (no coupon or menu of that name after normalisation, no alias). Each is shown with
// how many reservations used it and the next one's date, and is mapped with one click, the
// same alias 転記 records, so that the next mail applies by itself.

// UnmatchedWindow is how far back a name counts as used lately.
const UnmatchedWindow = 60 * 24 * time.Hour

// UnmatchedName is a name SALON BOARD used that maps to nothing here.
type UnmatchedName struct {
	Kind     string // coupon, menu
	Name     string // as SALON BOARD wrote it
	NameNorm string
	Count    int       // reservations that used it
	Next     time.Time // the next of them to come; zero when all are past
	Waiting  int       // provisional reservations held because of it
}

// UnmatchedNames lists the names used by reservations starting in the last
// UnmatchedWindow (or later) that match no coupon, menu or alias, next date first.
func (sb *Room) UnmatchedNames(ctx context.Context) ([]UnmatchedName, error) {
	var out []UnmatchedName
	err := sb.a.View(ctx, func(t *app.Tx) error {
		var err error
		out, err = unmatchedNames(t)
		return err
	})
	return out, err
}

// UnmatchedCount is how many names UnmatchedNames lists (the Home page's line).
func (sb *Room) UnmatchedCount(ctx context.Context) (int, error) {
	list, err := sb.UnmatchedNames(ctx)
	return len(list), err
}

func unmatchedNames(t *app.Tx) ([]UnmatchedName, error) {
	now := t.Now()
	uses, err := data.NameUses(t.Ctx(), t.Q(), now.Add(-UnmatchedWindow), now, data.StatusProvisional,
		data.ReasonMismatch)
	if err != nil {
		return nil, err
	}
	x, err := newNameIndex(t)
	if err != nil {
		return nil, err
	}
	var out []UnmatchedName
	for _, u := range uses {
		ok, err := x.matches(u.Kind, u.Name)
		if err != nil {
			return nil, err
		}
		if !ok {
			out = append(out, UnmatchedName{Kind: u.Kind, Name: u.Name, NameNorm: u.NameNorm, Count: u.Count,
				Next: u.Next, Waiting: u.Waiting})
		}
	}
	sortUnmatched(out)
	return out, nil
}

// sortUnmatched: names with a reservation to come first, soonest first; then the rest by
// how many used them.
func sortUnmatched(list []UnmatchedName) {
	slices.SortStableFunc(list, func(a, b UnmatchedName) int {
		switch {
		case a.Next.IsZero() != b.Next.IsZero():
			if a.Next.IsZero() {
				return 1
			}
			return -1
		case !a.Next.Equal(b.Next):
			return a.Next.Compare(b.Next)
		}
		return b.Count - a.Count
	})
}

// waitingOn are the provisional reservations held because a name matched nothing that
// used nameNorm (still provisional: one transcribed or re-read meanwhile is not).
func waitingOn(t *app.Tx, nameNorm string) ([]data.Reservation, error) {
	numbers, err := data.NumbersUsing(t.Ctx(), t.Q(), nameNorm)
	if err != nil {
		return nil, err
	}
	var out []data.Reservation
	for _, n := range numbers {
		r, err := bySBNumber(t, n)
		if err != nil {
			return nil, err
		}
		if r != nil && r.Status == data.StatusProvisional && r.SyncReason == data.ReasonMismatch {
			out = append(out, *r)
		}
	}
	return out, nil
}

// MapNameInput maps one unmatched name.
type MapNameInput struct {
	Kind     string // coupon, menu (UnmatchedName.Kind)
	Name     string // as SALON BOARD wrote it
	CouponID int64  // for a coupon name
	MenuID   int64  // for a menu name
	// ConfirmWaiting also completes the provisional reservations held because of this name
	// (「この名前で仮登録中の予約も確定する」). Off, they stay for staff to transcribe: they may
	// have been transcribed on paper or in SALON BOARD already.
	ConfirmWaiting bool
}

// MapNameResult says what mapping a name did.
type MapNameResult struct {
	Confirmed int // provisional reservations completed
	Left      int // provisional ones that still did not apply (over capacity, other names)
}

// MapUnmatchedName records the name as an alias of a local coupon or menu, in one
// transaction with, when asked, completing the provisional reservations held because of
// it. Bad input is a *app.UserError and writes nothing.
func (sb *Room) MapUnmatchedName(ctx context.Context, in MapNameInput) (MapNameResult, error) {
	var res MapNameResult
	if NormalizeName(in.Name) == "" {
		return res, &app.UserError{Key: "sync.alias.name_required"}
	}
	err := sb.a.Update(ctx, func(t *app.Tx) error {
		if err := saveNameAlias(t, in); err != nil {
			return err
		}
		if !in.ConfirmWaiting {
			return nil
		}
		waiting, err := waitingOn(t, NormalizeName(in.Name))
		if err != nil {
			return err
		}
		for _, r := range waiting {
			done, err := rematch(t, r)
			if err != nil {
				return err
			}
			if done {
				res.Confirmed++
			} else {
				res.Left++
			}
		}
		return nil
	})
	return res, err
}

// saveNameAlias writes the alias: a coupon name under the keys 転記 records, a menu name
// under its normalised form.
func saveNameAlias(t *app.Tx, in MapNameInput) error {
	switch in.Kind {
	case "coupon":
		if c, err := t.CouponByID(in.CouponID); err != nil || c == nil || in.CouponID == 0 {
			return &app.UserError{Key: "sync.alias.target_unknown"}
		}
		return recordCouponAlias(t, in.Name, in.CouponID)
	case "menu":
		menus, err := t.Menus()
		if err != nil {
			return err
		}
		for _, m := range menus {
			if m.ID == in.MenuID && in.MenuID != 0 {
				return t.SaveAlias(&data.Alias{Kind: "menu", NameNorm: NormalizeName(in.Name), MenuID: m.ID})
			}
		}
	}
	return &app.UserError{Key: "sync.alias.target_unknown"}
}

// rematch applies a provisional reservation's recorded names again now that one more of
// them maps: with its coupon and menus, the length they give and no staff (the mail's
// staff name is not kept), when that fits the salon. false: it stays provisional.
func rematch(t *app.Tx, r data.Reservation) (bool, error) {
	rec, err := data.NamesSeenOf(t.Ctx(), t.Q(), r.SBNumber)
	if err != nil {
		return false, err
	}
	var coupon string
	var menus []string
	for _, n := range rec.Names {
		if n.Kind == "coupon" && coupon == "" {
			coupon = n.Name
		} else if n.Kind == "menu" {
			menus = append(menus, n.Name)
		}
	}
	match, err := matchNames(t, coupon, menus)
	if errors.Is(err, errNoMatch) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	before := r
	r.CouponID, r.MenuIDs = match.CouponID, match.MenuIDs
	d, err := t.Duration(match.MenuIDs, match.CouponID)
	if err != nil {
		if app.ErrorKey(err) != "" {
			return false, nil
		}
		return false, err
	}
	r.End = r.Start.Add(d)
	if err := t.CheckFits(&r); err != nil {
		if app.ErrorKey(err) != "" {
			return false, nil
		}
		return false, err
	}
	r.Status, r.SyncState, r.SyncReason, r.UpdatedAt = data.StatusWaiting, data.SyncOK, "", t.Now()
	if strings.TrimSpace(r.CouponName) == "" {
		r.CouponName = coupon
	}
	if err := t.SaveReservation(&r, &before); err != nil {
		return false, err
	}
	return true, t.ResolveNotifications(r.ID)
}
