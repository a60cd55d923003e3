package app

import (
	"context"
	"time"

	"salondesk/data"
)

// SalesSummary is 売上管理's totals of [from, to): by payment method, staff (指名 or not),
// menu category and route, and by day. Home's 本日の売上 is the same query over today.
func (a *App) SalesSummary(ctx context.Context, from, to time.Time) (data.SalesTotals, error) {
	return data.SalesSummary(ctx, a.store.Reader(), from, to)
}

// Sales lists the sales of [from, to) with their lines and payments, reversed ones
// included (the list shows them struck through).
func (a *App) Sales(ctx context.Context, from, to time.Time) ([]data.Sale, error) {
	return data.ListSales(ctx, a.store.Reader(), from, to)
}

// Sale reads one sale, for its receipt.
func (a *App) Sale(ctx context.Context, id int64) (data.Sale, error) {
	return data.GetSale(ctx, a.store.Reader(), id)
}

// SaleOfReservation is the standing sale of a 会計済み reservation.
func (a *App) SaleOfReservation(ctx context.Context, reservationID int64) (data.Sale, error) {
	return data.SaleOfReservation(ctx, a.store.Reader(), reservationID)
}
