package smaregi

import (
	"context"
	"errors"
	"strconv"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/smaregi"
)

// ErrNoDepartment: products cannot be sent without the 部門ID of 設定 > スマレジ.
var ErrNoDepartment = errors.New("設定 > スマレジ の「部門ID」を入力してください（商品を登録するスマレジの部門）")

// ProductRow is a product as Smaregi's Product row in department (部門ID), under its own id.
func ProductRow(p data.Product, department string) smaregi.Product {
	code := p.Code
	if code == "" {
		code = "P" + strconv.FormatInt(p.ID, 10)
	}
	return smaregi.Product{ProductID: strconv.FormatInt(p.ID, 10), CategoryID: department, ProductCode: code,
		ProductName: p.Name, Price: strconv.Itoa(p.Price)}
}

// SendProducts sends the active products paid 一括支払 into the 部門ID, and maps them, so
// that a sale of one becomes a contract; 継続課金 ones are not sent (the seed's rule). It
// returns how many were sent; a refused one is listed in the error.
func (r *Room) SendProducts(ctx context.Context, cl Client, department string) (int, error) {
	if department == "" {
		return 0, ErrNoDepartment
	}
	list, err := app.Read(ctx, r.a, func(q data.Querier) ([]data.Product, error) { return data.ListProducts(ctx, q, false) })
	if err != nil {
		return 0, err
	}
	var rows []smaregi.Product
	for _, p := range list {
		if p.PaymentMethod == data.PaymentLump {
			rows = append(rows, ProductRow(p, department))
		}
	}
	return cl.UpsertProducts(ctx, rows, func(sent []smaregi.Product) error {
		return r.a.Update(ctx, func(t *app.Tx) error {
			for _, p := range sent {
				id, _ := strconv.ParseInt(p.ProductID, 10, 64)
				if err := data.SetExternalID(ctx, t.Q(), data.SystemSmaregi, data.KindProduct, id, p.ProductID); err != nil {
					return err
				}
			}
			return nil
		})
	})
}
