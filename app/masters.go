package app

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"salondesk/data"
)

// Master data: staff, equipment, hours, capacity, categories, menus, coupons, plans and
// products. Each save checks its input, writes in one transaction and announces it.

// translateDBError turns constraint failures into messages the staff understand.
func translateDBError(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.ExtendedCode {
		case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
			return userErr("error.duplicate_name")
		case sqlite3.ErrConstraintForeignKey:
			return userErr("error.in_use")
		}
	}
	if errors.Is(err, data.ErrNotFound) {
		return userErr("error.not_found")
	}
	return err
}

func (a *App) saveMaster(ctx context.Context, fn func(tx *sql.Tx) error) error {
	err := a.store.Tx(ctx, fn)
	if err != nil {
		return translateDBError(err)
	}
	a.events.Publish(MastersChanged{})
	return nil
}

// saveProductMaster is saveMaster for 商品 and 定額プラン: the product hooks run in the
// change's transaction, so what they queue (Smaregi's upsert or delete) commits with it.
func (a *App) saveProductMaster(ctx context.Context, fn func(q data.Querier) error, c ProductChange) error {
	err := a.Update(ctx, func(t *Tx) error {
		if err := fn(t.Q()); err != nil {
			return err
		}
		return t.ProductChanging(c)
	})
	if err != nil {
		return translateDBError(err)
	}
	a.events.Publish(MastersChanged{})
	return nil
}

func validClock(s string) bool {
	var h, m int
	n, err := sscanClock(s, &h, &m)
	return err == nil && n == 2 && len(s) == 5 && h >= 0 && h <= 29 && m >= 0 && m <= 59
}

// Masters is every master list the forms need, read together.
type Masters struct {
	Staff      []data.Staff
	Equipment  []data.Equipment
	Categories []data.Category
	Menus      []data.Menu
	Coupons    []data.Coupon
	Plans      []data.Plan
	Products   []data.Product
	Hours      []data.Hours
}

// Masters reads the master data (active and inactive when all is set).
func (a *App) Masters(ctx context.Context, all bool) (Masters, error) {
	var m Masters
	q := a.store.Reader()
	var err error
	if m.Staff, err = data.ListStaff(ctx, q, all); err != nil {
		return m, err
	}
	if m.Equipment, err = data.ListEquipment(ctx, q, all); err != nil {
		return m, err
	}
	if m.Categories, err = data.ListCategories(ctx, q); err != nil {
		return m, err
	}
	if m.Menus, err = data.ListMenus(ctx, q, all); err != nil {
		return m, err
	}
	if m.Coupons, err = data.ListCoupons(ctx, q, all); err != nil {
		return m, err
	}
	if m.Plans, err = data.ListPlans(ctx, q, all); err != nil {
		return m, err
	}
	if m.Products, err = data.ListProducts(ctx, q, all); err != nil {
		return m, err
	}
	m.Hours, err = a.store.Hours(ctx)
	return m, err
}

// SaveStaff checks and writes a staff member.
func (a *App) SaveStaff(ctx context.Context, s *data.Staff) error {
	if err := checkStaff(s); err != nil {
		return err
	}
	return a.saveMaster(ctx, func(tx *sql.Tx) error { return data.SaveStaff(ctx, tx, s) })
}

// checkStaff is the staff rules, shared by the form and the CSV import; it normalises
// the name and kana in place.
func checkStaff(s *data.Staff) error {
	s.Name, s.Kana = trim(s.Name), NormalizeKana(s.Kana)
	switch {
	case s.Name == "":
		return userErr("error.name_required")
	case s.Kana != "" && !IsKana(s.Kana):
		return userErr("error.kana_only")
	case s.Capacity < 0 || s.Capacity > 99:
		return userErr("error.capacity_range")
	case s.DesignationFee < 0:
		return userErr("error.price_negative")
	case (s.WorkStart != "" && !validClock(s.WorkStart)) || (s.WorkEnd != "" && !validClock(s.WorkEnd)):
		return userErr("error.clock_invalid")
	}
	for _, r := range s.WorkDays {
		if r < '0' || r > '6' {
			return userErr("error.workdays_invalid")
		}
	}
	return nil
}

// SaveEquipment checks and writes equipment.
func (a *App) SaveEquipment(ctx context.Context, e *data.Equipment) error {
	if err := checkEquipment(e); err != nil {
		return err
	}
	return a.saveMaster(ctx, func(tx *sql.Tx) error { return data.SaveEquipment(ctx, tx, e) })
}

func checkEquipment(e *data.Equipment) error {
	e.Name, e.Kana = trim(e.Name), NormalizeKana(e.Kana)
	switch {
	case e.Name == "":
		return userErr("error.name_required")
	case e.Capacity < 0 || e.Capacity > 99:
		return userErr("error.capacity_range")
	}
	return nil
}

// SaveHours checks and writes the opening hours of one weekday.
func (a *App) SaveHours(ctx context.Context, h data.Hours) error {
	if err := checkHours(h); err != nil {
		return err
	}
	return a.saveMaster(ctx, func(tx *sql.Tx) error { return data.SaveHours(ctx, tx, h) })
}

// SetSlotCapacity is 予約 停止・再開: capacity 0 stops bookings in a slot, -1 restores the salon's.
func (a *App) SetSlotCapacity(ctx context.Context, slot time.Time, capacity int) error {
	if capacity > 999 {
		return userErr("error.capacity_range")
	}
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		return data.SetCapacityOverride(ctx, tx, data.FormatDay(slot), slot.Format("15:04"), capacity)
	})
	if err == nil {
		a.events.Publish(ReservationsChanged{Days: []time.Time{slot}})
	}
	return err
}

// SaveCategory checks and writes a menu category.
func (a *App) SaveCategory(ctx context.Context, c *data.Category) error {
	if err := checkCategory(c); err != nil {
		return err
	}
	return a.saveMaster(ctx, func(tx *sql.Tx) error { return data.SaveCategory(ctx, tx, c) })
}

func checkCategory(c *data.Category) error {
	if c.Name = trim(c.Name); c.Name == "" {
		return userErr("error.name_required")
	}
	return nil
}

// SaveMenu checks and writes a menu. Zero-minute menus are allowed.
func (a *App) SaveMenu(ctx context.Context, m *data.Menu) error {
	if err := checkMenu(m); err != nil {
		return err
	}
	return a.saveMaster(ctx, func(tx *sql.Tx) error { return data.SaveMenu(ctx, tx, m) })
}

func checkMenu(m *data.Menu) error {
	m.Name = trim(m.Name)
	switch {
	case m.Name == "":
		return userErr("error.name_required")
	case m.CategoryID == 0:
		return userErr("error.category_required")
	case m.Price < 0:
		return userErr("error.price_negative")
	case m.DurationMin < 0 || m.DurationMin > 24*60:
		return userErr("error.duration_range")
	case m.DurationMin%5 != 0:
		return userErr("error.duration_step")
	}
	return nil
}

// SaveCoupon checks and writes a coupon: its name must be exactly as published on HPB.
func (a *App) SaveCoupon(ctx context.Context, c *data.Coupon) error {
	if err := checkCoupon(c); err != nil {
		return err
	}
	return a.saveMaster(ctx, func(tx *sql.Tx) error { return data.SaveCoupon(ctx, tx, c) })
}

func checkCoupon(c *data.Coupon) error {
	c.Name, c.Content = strings.TrimSpace(c.Name), strings.TrimSpace(c.Content)
	switch {
	case c.Name == "":
		return userErr("error.name_required")
	case c.Price < 0:
		return userErr("error.price_negative")
	case c.DurationMin < 0 || c.DurationMin > 24*60:
		return userErr("error.duration_range")
	}
	if c.Target == "" {
		c.Target = "全員"
	}
	return nil
}

// SavePlan checks and writes a 定額プラン.
func (a *App) SavePlan(ctx context.Context, p *data.Plan) error {
	if err := checkPlan(p); err != nil {
		return err
	}
	return a.saveProductMaster(ctx, func(q data.Querier) error { return data.SavePlan(ctx, q, p) },
		ProductChange{Kind: ProductSaved, Plan: p})
}

func checkPlan(p *data.Plan) error {
	p.Name = trim(p.Name)
	switch {
	case p.Name == "":
		return userErr("error.name_required")
	case p.Price < 0:
		return userErr("error.price_negative")
	case p.PaymentMethod != data.PaymentLump && p.PaymentMethod != data.PaymentRecurring:
		return userErr("error.payment_method")
	case p.VisitsPerMonth < 0:
		return userErr("error.visits_negative")
	}
	return nil
}

// SaveProduct checks and writes a 商品.
func (a *App) SaveProduct(ctx context.Context, p *data.Product) error {
	if err := checkProduct(p); err != nil {
		return err
	}
	return a.saveProductMaster(ctx, func(q data.Querier) error { return data.SaveProduct(ctx, q, p) },
		ProductChange{Kind: ProductSaved, Product: p})
}

func checkProduct(p *data.Product) error {
	p.Name, p.Code = trim(p.Name), trim(p.Code)
	switch {
	case p.Name == "":
		return userErr("error.name_required")
	case p.Price < 0:
		return userErr("error.price_negative")
	case p.PaymentMethod != data.PaymentLump && p.PaymentMethod != data.PaymentRecurring:
		return userErr("error.payment_method")
	}
	return nil
}

// Master tables that DeleteMaster accepts.
const (
	TableStaff      = "staff"
	TableEquipment  = "equipment"
	TableCategories = "menu_categories"
	TableMenus      = "menus"
	TableCoupons    = "coupons"
	TablePlans      = "plans"
	TableProducts   = "products"
)

// DeleteMaster deletes a master row; one still in use is refused (deactivate it instead).
// A deleted 商品 or 定額プラン is told to the product hooks (Smaregi deletes its copy).
func (a *App) DeleteMaster(ctx context.Context, table string, id int64) error {
	del := func(q data.Querier) error { return data.DeleteRow(ctx, q, table, id) }
	switch table {
	case TableProducts:
		return a.saveProductMaster(ctx, del, ProductChange{Kind: ProductDeleted, Product: &data.Product{ID: id}})
	case TablePlans:
		return a.saveProductMaster(ctx, del, ProductChange{Kind: ProductDeleted, Plan: &data.Plan{ID: id}})
	}
	return a.saveMaster(ctx, func(tx *sql.Tx) error { return del(tx) })
}
