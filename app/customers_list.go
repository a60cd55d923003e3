package app

import (
	"context"

	"salondesk/data"
)

// EachCustomer calls fn for every (live) customer by customer number: exports.
func (a *App) EachCustomer(ctx context.Context, fn func(data.Customer) error) error {
	return data.EachCustomer(ctx, a.store.Reader(), false, fn)
}

// CustomerRecord is what the customer detail page shows besides the profile.
type CustomerRecord struct {
	Contracts  []data.Contract
	Payments   []data.Payment
	SalesTotal int // 会計 total, yen
	SalesCount int
}

// CustomerRecords reads a customer's contracts, payments and sales total.
func (a *App) CustomerRecords(ctx context.Context, id int64) (CustomerRecord, error) {
	var out CustomerRecord
	var err error
	q := a.store.Reader()
	if out.Contracts, err = data.CustomerContracts(ctx, q, id); err != nil {
		return out, err
	}
	if out.Payments, err = data.CustomerPayments(ctx, q, id); err != nil {
		return out, err
	}
	out.SalesTotal, out.SalesCount, err = data.CustomerSalesTotal(ctx, q, id)
	return out, err
}
