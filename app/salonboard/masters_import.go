package salonboard

import (
	"context"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/salonboard/web"
)

// 設定 > SALON BOARD 「SALON BOARDから取り込む」: the staff, menus and coupons SALON BOARD's
// registration form offers, and the coupon names its reservations used lately, shown as
// 新規 / 登録済み / 表記ゆれ, then added (or mapped) in one transaction. Copying the names
// from SALON BOARD instead of typing them is what keeps mails from failing on a name that
// differs by one character. See import_classify.go for how an item is judged.

// MastersSource is what the import reads of SALON BOARD (*web.Client has it).
type MastersSource interface {
	ReadMasters(ctx context.Context) (web.Masters, error)
	ListReservations(ctx context.Context, from, to time.Time) ([]web.ListRow, error)
}

// Kinds of import item.
const (
	ItemStaff  = "staff"
	ItemCoupon = "coupon"
	ItemMenu   = "menu"
)

// ImportStatus is how an item compares with the salon's masters.
type ImportStatus string

const (
	ImportNew        ImportStatus = "new"        // 新規: nothing here has that name
	ImportRegistered ImportStatus = "registered" // 登録済み: the same name, its mapping or an alias
	ImportVariant    ImportStatus = "variant"    // 表記ゆれ: differs only in spacing or width
)

// ImportItem is one staff member, coupon or menu of the preview. Include, DurationMin,
// Price and CategoryID are what staff may change before OK.
type ImportItem struct {
	Kind      string
	SBID      string // staff id (W…), or the form option's value; "" for a name only seen in reservations
	Name      string // exactly as SALON BOARD writes it
	Status    ImportStatus
	LocalID   int64  // the registered or variant one here
	LocalName string // its name here
	Seen      bool   // a name reservations used, not offered by the form

	Include     bool // new: add it; variant: map it
	DurationMin int  // coupon, menu: prefilled from a local menu of the same name
	Price       int  // coupon, menu: prefilled from the name's price tail, else that menu
	CategoryID  int64
	MenuIDs     []int64 // coupon: the local menu of the same name, when there is one
}

// ImportPreview is what 「SALON BOARDから取り込む」 shows.
type ImportPreview struct {
	Items []ImportItem
}

// Count is how many items have status s.
func (p ImportPreview) Count(s ImportStatus) int {
	n := 0
	for _, it := range p.Items {
		if it.Status == s {
			n++
		}
	}
	return n
}

// ImportWindow is how far back (and ahead) the reservation list is read for the names
// the salon's reservations use.
const ImportWindow = UnmatchedWindow

// PreviewMastersImport reads SALON BOARD (the registration form, then the reservation
// list of ImportWindow around today, whose names it records) and judges every item
// against the salon's masters. It goes over the network: call it off the UI goroutine.
func (sb *Room) PreviewMastersImport(ctx context.Context, src MastersSource) (ImportPreview, error) {
	m, err := src.ReadMasters(ctx)
	if err != nil {
		return ImportPreview{}, err
	}
	today := data.DayStart(sb.a.Now())
	rows, err := src.ListReservations(ctx, today.Add(-ImportWindow), today.Add(ImportWindow))
	if err != nil {
		return ImportPreview{}, err
	}
	if err := sb.RecordListNames(ctx, rows); err != nil {
		return ImportPreview{}, err
	}
	var p ImportPreview
	err = sb.a.View(ctx, func(t *app.Tx) error {
		items, err := candidates(t, m)
		if err != nil {
			return err
		}
		x, err := newNameIndex(t)
		if err != nil {
			return err
		}
		for i := range items {
			if err := judge(t, x, &items[i]); err != nil {
				return err
			}
			if err := prefill(t, &items[i]); err != nil {
				return err
			}
			items[i].Include = items[i].Status != ImportRegistered
		}
		p.Items = items
		return nil
	})
	return p, err
}

// ImportResult counts what ImportMasters wrote.
type ImportResult struct {
	Staff, Coupons, Menus int // added
	Mapped                int // 表記ゆれ mapped
}

// ImportMasters adds the included new items and maps the included variants, in one
// transaction. Each item is judged again inside it, so an item added since (a second
// import) adds nothing. A new coupon without a length, or any bad number, is a
// *app.UserError and writes nothing.
func (sb *Room) ImportMasters(ctx context.Context, items []ImportItem) (ImportResult, error) {
	var res ImportResult
	for _, it := range items {
		if err := checkImportItem(it); err != nil {
			return res, err
		}
	}
	err := sb.a.Update(ctx, func(t *app.Tx) error {
		res = ImportResult{}
		order, err := nextStaffOrder(t)
		if err != nil {
			return err
		}
		x, err := newNameIndex(t)
		if err != nil {
			return err
		}
		added := map[string]bool{} // the transaction's master lists are read once: no twins
		for _, it := range items {
			key := it.Kind + "\x00" + it.SBID + "\x00" + NormalizeName(it.Name)
			if !it.Include || added[key] {
				continue
			}
			added[key] = true
			want := it.Status
			if err := judge(t, x, &it); err != nil {
				return err
			}
			switch {
			case it.Status == ImportNew && want == ImportNew:
				if err := addItem(t, it, &order, &res); err != nil {
					return err
				}
			case it.Status == ImportVariant:
				if err := mapVariant(t, it); err != nil {
					return err
				}
				res.Mapped++
			}
		}
		t.Publish(app.MastersChanged{})
		return nil
	})
	return res, err
}

// MapVariant maps one 表記ゆれ item (the preview's one click).
func (sb *Room) MapVariant(ctx context.Context, it ImportItem) error {
	if it.Status != ImportVariant {
		return &app.UserError{Key: "sbimport.error.not_variant"}
	}
	it.Include = true
	_, err := sb.ImportMasters(ctx, []ImportItem{it})
	return err
}

func checkImportItem(it ImportItem) error {
	if !it.Include || it.Status != ImportNew || it.Kind == ItemStaff {
		return nil
	}
	args := map[string]any{"Name": it.Name}
	switch {
	case it.Price < 0:
		return &app.UserError{Key: "sbimport.error.price_negative", Args: args}
	case it.DurationMin < 0 || it.DurationMin > 24*60 || it.DurationMin%5 != 0:
		return &app.UserError{Key: "sbimport.error.duration_invalid", Args: args}
	case it.Kind == ItemCoupon && it.DurationMin == 0 && len(it.MenuIDs) == 0:
		return &app.UserError{Key: "sbimport.error.duration_required", Args: args}
	}
	return nil
}
