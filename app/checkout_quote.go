package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"salondesk/data"
)

// Discount is 値引き on a line or on the total: yen or percent, not both.
type Discount struct {
	Yen     int
	Percent int
}

func (d Discount) zero() bool { return d.Yen == 0 && d.Percent == 0 }

// of is the discount in yen on price, refused when negative, both kinds at once, or above
// the price.
func (d Discount) of(price int) (int, error) {
	if d.Yen < 0 || d.Percent < 0 {
		return 0, userErr("checkout.error.negative")
	}
	if d.Yen > 0 && d.Percent > 0 {
		return 0, userErr("checkout.error.discount_both")
	}
	yen := d.Yen
	if d.Percent > 0 {
		if d.Percent > 100 {
			return 0, userErr("checkout.error.discount_above")
		}
		yen = price * d.Percent / 100 // floor: a percent discount never takes more than it says
	}
	if yen > price {
		return 0, userErr("checkout.error.discount_above")
	}
	return yen, nil
}

// ProductLine is a 店販 product sold at the counter.
type ProductLine struct {
	ProductID int64
	Quantity  int
}

// LineKey names a line across quotes (the form keeps a line's discount by it).
func LineKey(it data.SaleItem) string {
	switch it.Kind {
	case data.LineMenu:
		return fmt.Sprintf("menu:%d", it.MenuID)
	case data.LineProduct:
		return fmt.Sprintf("product:%d", it.ProductID)
	}
	return it.Kind
}

// Quote is what a checkout would charge: the lines with their discounts and tax, and
// the total (the sum of the lines' amounts).
type Quote struct {
	Items        []data.SaleItem
	Subtotal     int // the lines' prices before the discount on the total
	Discount     int // the discount on the total, in yen
	Tax          int
	TaxRate      int
	TaxInclusive bool
	Amount       int
}

// CheckoutQuote computes in's lines, discounts and tax without recording anything: the
// 会計 form shows it as the staff edits.
func (a *App) CheckoutQuote(ctx context.Context, in CheckoutInput) (Quote, error) {
	q := a.store.Reader()
	r, err := a.checkoutReservation(ctx, q, in)
	if err != nil {
		return Quote{}, err
	}
	return a.quote(ctx, q, &r, in)
}

func (a *App) quote(ctx context.Context, q data.Querier, r *data.Reservation, in CheckoutInput) (Quote, error) {
	lines, err := checkoutLines(ctx, q, r, r.MenuIDs)
	if err != nil {
		return Quote{}, err
	}
	products, err := productLines(ctx, q, in.Products)
	if err != nil {
		return Quote{}, err
	}
	lines = append(lines, products...)
	out := Quote{}
	for i := range lines {
		l := &lines[i]
		if l.Quantity == 0 {
			l.Quantity = 1
		}
		if l.UnitPrice == 0 {
			l.UnitPrice = l.Price
		}
		gross := l.UnitPrice * l.Quantity
		if l.Discount, err = in.LineDiscounts[LineKey(*l)].of(gross); err != nil {
			return Quote{}, err
		}
		l.Price = gross - l.Discount
		out.Subtotal += l.Price
	}
	if out.Discount, err = in.TotalDiscount.of(out.Subtotal); err != nil {
		return Quote{}, err
	}
	if out.Discount > 0 {
		lines = append(lines, data.SaleItem{Kind: data.LineDiscount, Quantity: 1, UnitPrice: -out.Discount,
			Price: -out.Discount, Name: lang.X("checkout.line.discount", "値引き")})
	}
	tax := a.TaxSettings(ctx)
	out.TaxRate, out.TaxInclusive = tax.Rate, tax.Inclusive
	out.Tax = applyTax(lines, tax)
	for _, l := range lines {
		out.Amount += l.Amount
	}
	out.Items = lines
	return out, nil
}

// productLines prices the counter products at their list price.
func productLines(ctx context.Context, q data.Querier, in []ProductLine) ([]data.SaleItem, error) {
	if len(in) == 0 {
		return nil, nil
	}
	products, err := data.ListProducts(ctx, q, true)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]data.Product, len(products))
	for _, p := range products {
		byID[p.ID] = p
	}
	out := make([]data.SaleItem, 0, len(in))
	for _, pl := range in {
		p, ok := byID[pl.ProductID]
		if !ok {
			return nil, userErr("checkout.error.product_unknown")
		}
		if pl.Quantity <= 0 {
			return nil, userErr("checkout.error.quantity")
		}
		out = append(out, data.SaleItem{Kind: data.LineProduct, ProductID: p.ID, Name: p.Name, UnitPrice: p.Price,
			Quantity: pl.Quantity})
	}
	return out, nil
}
