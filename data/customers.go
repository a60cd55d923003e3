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

func scanCustomer(sc scanner) (Customer, error) {
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

// plain reports whether the filter is at most a kana prefix: the list then pages in kana
// order straight from the customers_live index.
func (f CustomerFilter) plain() bool {
	return strings.TrimSpace(f.Name) == "" && strings.TrimSpace(f.Phone) == "" && f.Number == 0 &&
		f.LastVisitFrom == "" && f.LastVisitTo == "" && f.MinVisits == 0 && !f.HasFuture && !f.HasPlan
}

// where is the filter's WHERE clause and the ORDER BY that goes with it. With other
// conditions, the unary + keeps SQLite from walking the whole kana index (a row lookup
// per customer): it finds the matches by their own index or one scan, then sorts them.
func (f CustomerFilter) where() (string, []any, string) {
	plain := f.plain()
	conds := []string{`+erased_on = ''`} // a deleted customer is found by nobody
	order := ` ORDER BY +kana, id`
	if plain {
		conds[0], order = `erased_on = ''`, ` ORDER BY kana, id`
	}
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
		conds = append(conds, `phone >= ? AND phone < ?`)
		args = append(args, p, p+"\U0010FFFF")
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
		conds = append(conds, `id IN (SELECT customer_id FROM reservations WHERE start_at >= ? AND status IN `+bookedStatuses+`)`)
		args = append(args, FormatTime(f.Now))
	}
	if f.HasPlan {
		conds = append(conds, `id IN (SELECT customer_id FROM contracts WHERE status = 'active')`)
	}
	return " WHERE " + strings.Join(conds, " AND "), args, order
}

// SearchCustomers returns one page of customers ordered by kana.
func SearchCustomers(ctx context.Context, q Querier, f CustomerFilter, limit, offset int) ([]Customer, error) {
	where, args, order := f.where()
	return queryAll(ctx, q, scanCustomer, `SELECT `+customerCols+` FROM customers`+where+order+
		` LIMIT ? OFFSET ?`, append(args, limit, offset)...)
}

// CountCustomers counts the customers matching f.
func CountCustomers(ctx context.Context, q Querier, f CustomerFilter) (int, error) {
	where, args, _ := f.where()
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM customers`+where, args...).Scan(&n)
	return n, err
}

// SearchCustomersCounted is one page of customers and how many match in all. A name
// substring (LIKE '%…%') can only be found by scanning every customer, so its page and
// total come from that one scan (COUNT(*) OVER ()) instead of two. Other filters find
// their matches through an index, where a window count would only add work (measured:
// phone prefix 5 → 27 ms), so they page and count with two indexed queries.
func SearchCustomersCounted(ctx context.Context, q Querier, f CustomerFilter, limit, offset int) ([]Customer, int, error) {
	if strings.TrimSpace(f.Name) == "" {
		list, err := SearchCustomers(ctx, q, f, limit, offset)
		if err != nil {
			return nil, 0, err
		}
		n, err := CountCustomers(ctx, q, f)
		return list, n, err
	}
	where, args, order := f.where()
	total := 0
	list, err := queryAll(ctx, q, func(sc scanner) (Customer, error) { return scanCustomer(withTotal{sc, &total}) },
		`SELECT `+customerCols+`, COUNT(*) OVER () FROM customers`+where+order+` LIMIT ? OFFSET ?`,
		append(args, limit, offset)...)
	if err != nil || len(list) > 0 || offset == 0 {
		return list, total, err
	}
	n, err := CountCustomers(ctx, q, f) // a page past the end carries no total
	return list, n, err
}

// withTotal scans one more column, the window count, after the customer's.
type withTotal struct {
	sc    scanner
	total *int
}

func (w withTotal) Scan(dest ...any) error { return w.sc.Scan(append(dest, w.total)...) }

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
