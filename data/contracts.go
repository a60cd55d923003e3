package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Kinds of contract.
const (
	ContractPlan   = "plan"   // 定額プラン
	ContractTicket = "ticket" // 回数券
)

// InsertContract records a customer's 定額プラン or 回数券.
func InsertContract(ctx context.Context, q Querier, c *Contract, now time.Time) error {
	if c.Status == "" {
		c.Status = "active"
	}
	if c.Kind == "" {
		c.Kind = ContractPlan
	}
	if c.Source == "" {
		c.Source = "desk"
	}
	res, err := q.ExecContext(ctx, `INSERT INTO contracts (customer_id, plan_id, product_id, started_on, ended_on,
		status, source, created_at, kind, remaining) VALUES (?,?,?,?,?,?,?,?,?,?)`, c.CustomerID, nullID(c.PlanID),
		nullID(c.ProductID), c.StartedOn, c.EndedOn, c.Status, c.Source, stamp(now), c.Kind, c.Remaining)
	if err != nil {
		return err
	}
	c.ID, err = res.LastInsertId()
	return err
}

const contractColumns = `c.id, c.customer_id, COALESCE(c.plan_id, 0), COALESCE(c.product_id, 0),
	COALESCE(pl.name, pr.name, ''), c.started_on, c.ended_on, c.status, c.source, c.kind, c.remaining
	FROM contracts c LEFT JOIN plans pl ON pl.id = c.plan_id LEFT JOIN products pr ON pr.id = c.product_id`

func scanContract(sc scanner) (Contract, error) {
	var c Contract
	var rem sql.NullInt64
	err := sc.Scan(&c.ID, &c.CustomerID, &c.PlanID, &c.ProductID, &c.PlanName, &c.StartedOn, &c.EndedOn, &c.Status,
		&c.Source, &c.Kind, &rem)
	if rem.Valid {
		n := int(rem.Int64)
		c.Remaining = &n
	}
	return c, err
}

// GetContract reads one contract.
func GetContract(ctx context.Context, q Querier, id int64) (Contract, error) {
	c, err := scanContract(q.QueryRowContext(ctx, `SELECT `+contractColumns+` WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// ActiveContracts lists a customer's active contracts, oldest first.
func ActiveContracts(ctx context.Context, q Querier, customerID int64) ([]Contract, error) {
	return queryAll(ctx, q, scanContract, `SELECT `+contractColumns+` WHERE c.customer_id = ? AND c.status = 'active'
		ORDER BY c.id`, customerID)
}

// AddRemaining changes a limited contract's remaining visits by delta (−1 to use one,
// +1 to give it back); unlimited contracts are left as they are.
func AddRemaining(ctx context.Context, q Querier, id int64, delta int) error {
	_, err := q.ExecContext(ctx, `UPDATE contracts SET remaining = remaining + ? WHERE id = ? AND remaining IS NOT NULL`,
		delta, id)
	return err
}
