package app

import (
	"context"
	"database/sql"
	"errors"

	"salondesk/app/csvio"
	"salondesk/data"
)

// Payment methods of a checkout (会計).
const (
	MethodCash    = "cash"    // 現金
	MethodCard    = "card"    // クレジットカード
	MethodEMoney  = "emoney"  // 電子マネー / QR
	MethodTicket  = "ticket"  // 回数券: one visit of the customer's contract
	MethodPlan    = "plan"    // 定額プラン: one visit of the customer's contract
	MethodOther   = "other"   // その他 (sales before 0004, the demo)
	MethodPartial = "partial" // never chosen; a sale's Method when it was split
)

// Methods lists the methods the 会計 form offers, in its order.
var Methods = []string{MethodCash, MethodCard, MethodEMoney, MethodTicket, MethodPlan}

// PaymentInput is one method's part of a payment. ContractID names the 回数券 / 定額プラン
// a ticket or plan payment uses.
type PaymentInput struct {
	Method     string
	Amount     int
	ContractID int64
}

func knownMethod(m string) bool {
	for _, k := range Methods {
		if k == m {
			return true
		}
	}
	return m == MethodOther
}

// takePayments checks in's payments against the sale's total and fills the sale's
// payments, 預り金 and おつり; a ticket or plan payment uses one visit of its contract.
func (a *App) takePayments(ctx context.Context, tx *sql.Tx, r *data.Reservation, in CheckoutInput, s *data.Sale) error {
	pays := in.Payments
	if len(pays) == 0 && in.Method != "" {
		pays = []PaymentInput{{Method: in.Method, Amount: s.Amount}}
	}
	if len(pays) == 0 {
		return userErr("checkout.error.method")
	}
	if in.Tendered < 0 {
		return userErr("checkout.error.negative")
	}
	sum, cash := 0, 0
	for _, p := range pays {
		if !knownMethod(p.Method) {
			return userErr("checkout.error.method")
		}
		if p.Amount < 0 {
			return userErr("checkout.error.negative")
		}
		sum += p.Amount
		if p.Method == MethodCash {
			cash += p.Amount
		}
		if p.Method == MethodTicket || p.Method == MethodPlan {
			if err := useContract(ctx, tx, r, p); err != nil {
				return err
			}
		}
		s.Payments = append(s.Payments, data.SalePayment{Method: p.Method, Amount: p.Amount, ContractID: p.ContractID})
	}
	if sum != s.Amount {
		return userErr("checkout.error.payments_sum", "Paid", sum, "Total", s.Amount)
	}
	s.Method = pays[0].Method
	if len(pays) > 1 {
		s.Method = MethodPartial
	}
	s.Tendered = in.Tendered
	if s.Tendered == 0 {
		s.Tendered = cash
	}
	if s.Tendered < cash {
		return userErr("checkout.error.tendered_short", "Tendered", s.Tendered, "Cash", cash)
	}
	s.Change = s.Tendered - cash
	return nil
}

// useContract lowers the customer's 回数券 / 定額プラン by one visit, refusing a contract
// that is not theirs, ended, of the other kind or used up.
func useContract(ctx context.Context, tx *sql.Tx, r *data.Reservation, p PaymentInput) error {
	if p.ContractID == 0 {
		return userErr("checkout.error.contract_required")
	}
	c, err := data.GetContract(ctx, tx, p.ContractID)
	if errors.Is(err, data.ErrNotFound) {
		return userErr("checkout.error.contract_required")
	} else if err != nil {
		return err
	}
	kind := data.ContractPlan
	if p.Method == MethodTicket {
		kind = data.ContractTicket
	}
	if c.CustomerID != r.CustomerID || c.Status != "active" || c.Kind != kind {
		return userErr("checkout.error.contract_invalid")
	}
	if c.Remaining != nil && *c.Remaining <= 0 {
		return userErr("checkout.error.contract_used_up")
	}
	return data.AddRemaining(ctx, tx, c.ID, -1)
}

// Contracts lists a customer's active 定額プラン and 回数券, for the 会計 form.
func (a *App) Contracts(ctx context.Context, customerID int64) ([]data.Contract, error) {
	if customerID == 0 {
		return nil, nil
	}
	return data.ActiveContracts(ctx, a.store.Reader(), customerID)
}

// AddContract records a customer's 定額プラン or 回数券 (remaining nil = unlimited). A 回数券
// needs its visits (at least one); the start day is read as people write it (2026/4/1 too).
func (a *App) AddContract(ctx context.Context, c *data.Contract) error {
	if c.Remaining != nil && *c.Remaining < 0 {
		return userErr("checkout.error.negative")
	}
	if c.Kind == data.ContractTicket && (c.Remaining == nil || *c.Remaining < 1) {
		return userErr("checkout.error.contract_visits")
	}
	day, ok := csvio.Day(c.StartedOn)
	if !ok {
		return userErr("checkout.error.contract_start")
	}
	c.StartedOn = day
	if c.StartedOn == "" {
		c.StartedOn = data.FormatDay(a.now())
	}
	return a.store.Tx(ctx, func(tx *sql.Tx) error { return data.InsertContract(ctx, tx, c, a.now()) })
}
