package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

const customerCols = `id, number, name, kana, phone, email, birthday, sex, memo, caution, no_show,
	first_visit, last_visit, visit_count, origin, created_at, updated_at, erased_on`

func scanCustomer(sc interface{ Scan(...any) error }) (Customer, error) {
	var c Customer
	var created, updated string
	err := sc.Scan(&c.ID, &c.Number, &c.Name, &c.Kana, &c.Phone, &c.Email, &c.Birthday, &c.Sex, &c.Memo,
		&c.Caution, &c.NoShow, &c.FirstVisit, &c.LastVisit, &c.VisitCount, &c.Origin, &created, &updated, &c.ErasedOn)
	c.CreatedAt, c.UpdatedAt = ParseTime(created), ParseTime(updated)
	return c, err
}

// InsertCustomer adds a customer with the next customer number.
func InsertCustomer(ctx context.Context, q Querier, c *Customer, now time.Time) error {
	if c.Number == 0 {
		if err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0) + 1 FROM customers`).Scan(&c.Number); err != nil {
			return err
		}
	}
	if c.Origin == "" {
		c.Origin = "entered"
	}
	c.CreatedAt, c.UpdatedAt = now, now
	res, err := q.ExecContext(ctx, `INSERT INTO customers (number, name, kana, phone, email, birthday, sex, memo,
		caution, no_show, first_visit, last_visit, visit_count, origin, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, c.Number, c.Name, c.Kana, c.Phone, c.Email, c.Birthday, c.Sex,
		c.Memo, c.Caution, c.NoShow, c.FirstVisit, c.LastVisit, c.VisitCount, c.Origin, stamp(now), stamp(now))
	if err != nil {
		return err
	}
	c.ID, err = res.LastInsertId()
	return err
}

// UpdateCustomer writes a customer's profile.
func UpdateCustomer(ctx context.Context, q Querier, c *Customer, now time.Time) error {
	c.UpdatedAt = now
	return execOne(ctx, q, `UPDATE customers SET name=?, kana=?, phone=?, email=?, birthday=?, sex=?, memo=?,
		caution=?, no_show=?, first_visit=?, last_visit=?, visit_count=?, updated_at=? WHERE id=?`,
		c.Name, c.Kana, c.Phone, c.Email, c.Birthday, c.Sex, c.Memo, c.Caution, c.NoShow, c.FirstVisit,
		c.LastVisit, c.VisitCount, stamp(now), c.ID)
}

// GetCustomer reads one customer by id.
func GetCustomer(ctx context.Context, q Querier, id int64) (Customer, error) {
	c, err := scanCustomer(q.QueryRowContext(ctx, `SELECT `+customerCols+` FROM customers WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// CustomerFilter is the customer search of お客様管理.
type CustomerFilter struct {
	KanaPrefix    string // kana prefix: uses the kana index
	Name          string // substring of the name (漢字)
	Phone         string
	Number        int64
	LastVisitFrom string
	LastVisitTo   string
	MinVisits     int
	HasFuture     bool // has a future active reservation
	HasPlan       bool // has an active contract
	Now           time.Time
}

func (f CustomerFilter) where() (string, []any) {
	conds := []string{`erased_on = ''`} // a deleted customer is found by nobody
	var args []any
	if k := strings.TrimSpace(f.KanaPrefix); k != "" {
		// A range, not LIKE: SQLite's LIKE cannot use a BINARY index.
		conds = append(conds, `kana >= ? AND kana < ?`)
		args = append(args, k, k+"\U0010FFFF")
	}
	if t := strings.TrimSpace(f.Name); t != "" {
		conds = append(conds, `name LIKE ? ESCAPE '\'`)
		args = append(args, "%"+escapeLike(t)+"%")
	}
	if p := strings.TrimSpace(f.Phone); p != "" {
		conds = append(conds, `phone LIKE ? ESCAPE '\'`)
		args = append(args, likePrefix(p))
	}
	if f.Number > 0 {
		conds = append(conds, `number = ?`)
		args = append(args, f.Number)
	}
	if f.LastVisitFrom != "" {
		conds = append(conds, `last_visit >= ?`)
		args = append(args, f.LastVisitFrom)
	}
	if f.LastVisitTo != "" {
		conds = append(conds, `last_visit <> '' AND last_visit <= ?`)
		args = append(args, f.LastVisitTo)
	}
	if f.MinVisits > 0 {
		conds = append(conds, `visit_count >= ?`)
		args = append(args, f.MinVisits)
	}
	if f.HasFuture {
		conds = append(conds, `EXISTS (SELECT 1 FROM reservations r WHERE r.customer_id = customers.id
			AND r.start_at >= ? AND r.status IN `+bookedStatuses+`)`)
		args = append(args, FormatTime(f.Now))
	}
	if f.HasPlan {
		conds = append(conds, `EXISTS (SELECT 1 FROM contracts k WHERE k.customer_id = customers.id AND k.status = 'active')`)
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// SearchCustomers returns one page of customers ordered by kana.
func SearchCustomers(ctx context.Context, q Querier, f CustomerFilter, limit, offset int) ([]Customer, error) {
	where, args := f.where()
	rows, err := q.QueryContext(ctx, `SELECT `+customerCols+` FROM customers`+where+
		` ORDER BY kana, id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Customer
	for rows.Next() {
		c, err := scanCustomer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CountCustomers counts the customers matching f.
func CountCustomers(ctx context.Context, q Querier, f CustomerFilter) (int, error) {
	where, args := f.where()
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM customers`+where, args...).Scan(&n)
	return n, err
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func likePrefix(s string) string { return escapeLike(s) + "%" }
