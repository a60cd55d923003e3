package data

import (
	"context"
	"database/sql"
	"errors"
)

// ListStaff returns staff in display order; inactive ones only when asked.
func ListStaff(ctx context.Context, q Querier, withInactive bool) ([]Staff, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, kana, sb_name, sb_id, designation_fee, capacity,
		work_days, work_start, work_end, sort_order, active FROM staff
		WHERE active = 1 OR ? ORDER BY sort_order, id`, withInactive)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Staff
	for rows.Next() {
		var x Staff
		if err := rows.Scan(&x.ID, &x.Name, &x.Kana, &x.SBName, &x.SBID, &x.DesignationFee, &x.Capacity,
			&x.WorkDays, &x.WorkStart, &x.WorkEnd, &x.SortOrder, &x.Active); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SaveStaff inserts (ID 0) or updates a staff member.
func SaveStaff(ctx context.Context, q Querier, x *Staff) error {
	if x.ID == 0 {
		res, err := q.ExecContext(ctx, `INSERT INTO staff (name, kana, sb_name, sb_id, designation_fee, capacity,
			work_days, work_start, work_end, sort_order, active) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
			x.Name, x.Kana, x.SBName, x.SBID, x.DesignationFee, x.Capacity, x.WorkDays, x.WorkStart, x.WorkEnd,
			x.SortOrder, x.Active)
		if err != nil {
			return err
		}
		x.ID, err = res.LastInsertId()
		return err
	}
	return execOne(ctx, q, `UPDATE staff SET name=?, kana=?, sb_name=?, sb_id=?, designation_fee=?, capacity=?,
		work_days=?, work_start=?, work_end=?, sort_order=?, active=? WHERE id=?`,
		x.Name, x.Kana, x.SBName, x.SBID, x.DesignationFee, x.Capacity, x.WorkDays, x.WorkStart, x.WorkEnd,
		x.SortOrder, x.Active, x.ID)
}

// ListEquipment returns equipment in display order.
func ListEquipment(ctx context.Context, q Querier, withInactive bool) ([]Equipment, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, kana, sb_id, capacity, sort_order, active FROM equipment
		WHERE active = 1 OR ? ORDER BY sort_order, id`, withInactive)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Equipment
	for rows.Next() {
		var x Equipment
		if err := rows.Scan(&x.ID, &x.Name, &x.Kana, &x.SBID, &x.Capacity, &x.SortOrder, &x.Active); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SaveEquipment inserts (ID 0) or updates equipment.
func SaveEquipment(ctx context.Context, q Querier, x *Equipment) error {
	if x.ID == 0 {
		res, err := q.ExecContext(ctx, `INSERT INTO equipment (name, kana, sb_id, capacity, sort_order, active)
			VALUES (?,?,?,?,?,?)`, x.Name, x.Kana, x.SBID, x.Capacity, x.SortOrder, x.Active)
		if err != nil {
			return err
		}
		x.ID, err = res.LastInsertId()
		return err
	}
	return execOne(ctx, q, `UPDATE equipment SET name=?, kana=?, sb_id=?, capacity=?, sort_order=?, active=?
		WHERE id=?`, x.Name, x.Kana, x.SBID, x.Capacity, x.SortOrder, x.Active, x.ID)
}

// ListCategories returns menu categories in display order.
func ListCategories(ctx context.Context, q Querier) ([]Category, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, sort_order FROM menu_categories ORDER BY sort_order, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Category
	for rows.Next() {
		var x Category
		if err := rows.Scan(&x.ID, &x.Name, &x.SortOrder); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SaveCategory inserts (ID 0) or updates a category.
func SaveCategory(ctx context.Context, q Querier, x *Category) error {
	if x.ID == 0 {
		res, err := q.ExecContext(ctx, `INSERT INTO menu_categories (name, sort_order) VALUES (?, ?)`, x.Name, x.SortOrder)
		if err != nil {
			return err
		}
		x.ID, err = res.LastInsertId()
		return err
	}
	return execOne(ctx, q, `UPDATE menu_categories SET name=?, sort_order=? WHERE id=?`, x.Name, x.SortOrder, x.ID)
}

// ListMenus returns menus by category and order.
func ListMenus(ctx context.Context, q Querier, withInactive bool) ([]Menu, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.id, m.category_id, c.name, m.name, m.duration_min, m.price,
		m.sort_order, m.active FROM menus m JOIN menu_categories c ON c.id = m.category_id
		WHERE m.active = 1 OR ? ORDER BY c.sort_order, c.id, m.sort_order, m.id`, withInactive)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Menu
	for rows.Next() {
		var x Menu
		if err := rows.Scan(&x.ID, &x.CategoryID, &x.CategoryName, &x.Name, &x.DurationMin, &x.Price,
			&x.SortOrder, &x.Active); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SaveMenu inserts (ID 0) or updates a menu.
func SaveMenu(ctx context.Context, q Querier, x *Menu) error {
	if x.ID == 0 {
		res, err := q.ExecContext(ctx, `INSERT INTO menus (category_id, name, duration_min, price, sort_order, active)
			VALUES (?,?,?,?,?,?)`, x.CategoryID, x.Name, x.DurationMin, x.Price, x.SortOrder, x.Active)
		if err != nil {
			return err
		}
		x.ID, err = res.LastInsertId()
		return err
	}
	return execOne(ctx, q, `UPDATE menus SET category_id=?, name=?, duration_min=?, price=?, sort_order=?, active=?
		WHERE id=?`, x.CategoryID, x.Name, x.DurationMin, x.Price, x.SortOrder, x.Active, x.ID)
}

// ListCoupons returns coupons with the menus they stand for.
func ListCoupons(ctx context.Context, q Querier, withInactive bool) ([]Coupon, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, content, target, price, duration_min, active FROM coupons
		WHERE active = 1 OR ? ORDER BY id`, withInactive)
	if err != nil {
		return nil, err
	}
	var out []Coupon
	for rows.Next() {
		var x Coupon
		if err := rows.Scan(&x.ID, &x.Name, &x.Content, &x.Target, &x.Price, &x.DurationMin, &x.Active); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	menus, err := couponMenus(ctx, q)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].MenuIDs = menus[out[i].ID]
	}
	return out, nil
}

func couponMenus(ctx context.Context, q Querier) (map[int64][]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT coupon_id, menu_id FROM coupon_menus ORDER BY coupon_id, rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[int64][]int64{}
	for rows.Next() {
		var c, id int64
		if err := rows.Scan(&c, &id); err != nil {
			return nil, err
		}
		m[c] = append(m[c], id)
	}
	return m, rows.Err()
}

// SaveCoupon inserts (ID 0) or updates a coupon and replaces its menus; call inside a transaction.
func SaveCoupon(ctx context.Context, q Querier, x *Coupon) error {
	if x.ID == 0 {
		res, err := q.ExecContext(ctx, `INSERT INTO coupons (name, content, target, price, duration_min, active)
			VALUES (?,?,?,?,?,?)`, x.Name, x.Content, x.Target, x.Price, x.DurationMin, x.Active)
		if err != nil {
			return err
		}
		if x.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	} else if err := execOne(ctx, q, `UPDATE coupons SET name=?, content=?, target=?, price=?, duration_min=?,
		active=? WHERE id=?`, x.Name, x.Content, x.Target, x.Price, x.DurationMin, x.Active, x.ID); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctx, `DELETE FROM coupon_menus WHERE coupon_id = ?`, x.ID); err != nil {
		return err
	}
	for _, m := range x.MenuIDs {
		if _, err := q.ExecContext(ctx, `INSERT OR IGNORE INTO coupon_menus (coupon_id, menu_id) VALUES (?, ?)`,
			x.ID, m); err != nil {
			return err
		}
	}
	return nil
}

// ListPlans returns 定額プラン.
func ListPlans(ctx context.Context, q Querier, withInactive bool) ([]Plan, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, price, payment_method, visits_per_month, active FROM plans
		WHERE active = 1 OR ? ORDER BY id`, withInactive)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Plan
	for rows.Next() {
		var x Plan
		if err := rows.Scan(&x.ID, &x.Name, &x.Price, &x.PaymentMethod, &x.VisitsPerMonth, &x.Active); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SavePlan inserts (ID 0) or updates a plan.
func SavePlan(ctx context.Context, q Querier, x *Plan) error {
	if x.ID == 0 {
		res, err := q.ExecContext(ctx, `INSERT INTO plans (name, price, payment_method, visits_per_month, active)
			VALUES (?,?,?,?,?)`, x.Name, x.Price, x.PaymentMethod, x.VisitsPerMonth, x.Active)
		if err != nil {
			return err
		}
		x.ID, err = res.LastInsertId()
		return err
	}
	return execOne(ctx, q, `UPDATE plans SET name=?, price=?, payment_method=?, visits_per_month=?, active=?
		WHERE id=?`, x.Name, x.Price, x.PaymentMethod, x.VisitsPerMonth, x.Active, x.ID)
}

// ListProducts returns 商品.
func ListProducts(ctx context.Context, q Querier, withInactive bool) ([]Product, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, code, price, payment_method, plan_id, active FROM products
		WHERE active = 1 OR ? ORDER BY id`, withInactive)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Product
	for rows.Next() {
		var x Product
		var plan sql.NullInt64
		if err := rows.Scan(&x.ID, &x.Name, &x.Code, &x.Price, &x.PaymentMethod, &plan, &x.Active); err != nil {
			return nil, err
		}
		x.PlanID = idOf(plan)
		out = append(out, x)
	}
	return out, rows.Err()
}

// SaveProduct inserts (ID 0) or updates a product.
func SaveProduct(ctx context.Context, q Querier, x *Product) error {
	if x.ID == 0 {
		res, err := q.ExecContext(ctx, `INSERT INTO products (name, code, price, payment_method, plan_id, active)
			VALUES (?,?,?,?,?,?)`, x.Name, x.Code, x.Price, x.PaymentMethod, nullID(x.PlanID), x.Active)
		if err != nil {
			return err
		}
		x.ID, err = res.LastInsertId()
		return err
	}
	return execOne(ctx, q, `UPDATE products SET name=?, code=?, price=?, payment_method=?, plan_id=?, active=?
		WHERE id=?`, x.Name, x.Code, x.Price, x.PaymentMethod, nullID(x.PlanID), x.Active, x.ID)
}

// DeleteRow deletes one row of a master table; foreign keys refuse it while it is in use.
func DeleteRow(ctx context.Context, q Querier, table string, id int64) error {
	switch table {
	case "staff", "equipment", "menu_categories", "menus", "coupons", "plans", "products":
	default:
		return errors.New("data: no such master table " + table)
	}
	return execOne(ctx, q, `DELETE FROM `+table+` WHERE id = ?`, id)
}

// execOne runs an UPDATE/DELETE that must touch exactly one row.
func execOne(ctx context.Context, q Querier, query string, args ...any) error {
	res, err := q.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}
