package app

import (
	"context"
	"database/sql"
	"strconv"

	"salondesk/data"
)

// Setting keys of consumption tax (消費税).
const (
	KeyTaxRate      = "salon.tax_rate"      // percent, 10 by default
	KeyTaxInclusive = "salon.tax_inclusive" // "1": prices include tax (内税), "0": tax is added (外税)
	KeyTaxRounding  = "salon.tax_rounding"  // "sale" (default) or "line"
)

// Tax rounding: when the yen fraction of the tax is cut off (切り捨て).
const (
	// RoundPerSale cuts once, on the sale's total: what a 適格請求書 (invoice system, 2023)
	// requires — one rounding per receipt and rate — and what Japanese receipts show.
	RoundPerSale = "sale"
	// RoundPerLine cuts on every line, for a salon whose register does so; the sale's
	// tax is then the sum of its lines' taxes.
	RoundPerLine = "line"
)

// TaxSettings is how the salon's prices carry consumption tax.
type TaxSettings struct {
	Rate      int
	Inclusive bool
	Rounding  string
}

// TaxSettings reads the salon's tax settings: 10%, prices tax-inclusive, rounded per sale
// unless set otherwise.
func (a *App) TaxSettings(ctx context.Context) TaxSettings {
	t := TaxSettings{Rate: 10, Inclusive: true, Rounding: RoundPerSale}
	if v, _ := a.store.Setting(ctx, KeyTaxRate, ""); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= 100 {
			t.Rate = n
		}
	}
	if v, _ := a.store.Setting(ctx, KeyTaxInclusive, "1"); v == "0" {
		t.Inclusive = false
	}
	if v, _ := a.store.Setting(ctx, KeyTaxRounding, ""); v == RoundPerLine {
		t.Rounding = RoundPerLine
	}
	return t
}

// CheckTaxSettings refuses a rate outside 0–100 or an unknown rounding, so a screen that
// saves tax with other settings can check all of them before writing any.
func CheckTaxSettings(t TaxSettings) error {
	if t.Rate < 0 || t.Rate > 100 {
		return userErr("checkout.error.tax_rate")
	}
	if t.Rounding != RoundPerSale && t.Rounding != RoundPerLine {
		return userErr("checkout.error.tax_rounding")
	}
	return nil
}

// SaveTaxSettings writes the tax settings in one transaction after CheckTaxSettings.
func (a *App) SaveTaxSettings(ctx context.Context, t TaxSettings) error {
	if err := CheckTaxSettings(t); err != nil {
		return err
	}
	inclusive := "0"
	if t.Inclusive {
		inclusive = "1"
	}
	return a.store.Tx(ctx, func(tx *sql.Tx) error {
		for k, v := range map[string]string{KeyTaxRate: strconv.Itoa(t.Rate), KeyTaxInclusive: inclusive,
			KeyTaxRounding: t.Rounding} {
			if err := data.SetSetting(ctx, tx, k, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// floorDiv divides rounding toward minus infinity (a discount line's tax is negative).
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// applyTax sets every line's Tax and Amount and returns the sale's tax. The lines' taxes
// always add up to the sale's: per sale, the tax cut once on the total is shared out by
// the largest remainders.
func applyTax(lines []data.SaleItem, t TaxSettings) int {
	den := 100
	if t.Inclusive {
		den = 100 + t.Rate
	}
	total, sum := 0, 0
	for i := range lines {
		lines[i].Tax = floorDiv(lines[i].Price*t.Rate, den)
		sum += lines[i].Tax
		total += lines[i].Price
	}
	if t.Rounding == RoundPerSale {
		left := floorDiv(total*t.Rate, den) - sum // 0 … len(lines)-1
		for left > 0 {
			best, bestRem := -1, -1
			for i, l := range lines {
				if rem := l.Price*t.Rate - l.Tax*den; rem > bestRem {
					best, bestRem = i, rem
				}
			}
			lines[best].Tax++
			left--
			sum++
		}
	}
	for i := range lines {
		lines[i].Amount = lines[i].Price
		if !t.Inclusive {
			lines[i].Amount += lines[i].Tax
		}
	}
	return sum
}
