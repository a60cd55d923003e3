package settings

import (
	"context"
	"strings"
	"testing"

	"salondesk/app"
)

// 消費税 through `salondesk config`: the defaults read back as words a person can set,
// a good value reaches what 会計 reads, and a bad one is refused in Japanese and changes nothing.
func TestTaxKeys(t *testing.T) {
	conf, a := newSettings(t)
	ctx := context.Background()
	for key, want := range map[string]string{TaxRate: "10", TaxInclusive: "1", TaxRounding: "sale"} {
		if got, err := conf.Get(ctx, key); err != nil || got != want {
			t.Fatalf("default %s = %q %v, want %q", key, got, err, want)
		}
	}
	for _, kv := range [][2]string{{TaxRate, "8"}, {TaxInclusive, "0"}, {TaxRounding, " LINE "}} {
		if err := conf.Set(ctx, kv[0], kv[1]); err != nil {
			t.Fatalf("set %s: %v", kv[0], err)
		}
	}
	want := app.TaxSettings{Rate: 8, Inclusive: false, Rounding: app.RoundPerLine}
	if got := a.TaxSettings(ctx); got != want {
		t.Fatalf("会計 reads %+v, want %+v", got, want)
	}
	if got, _ := conf.Get(ctx, TaxRounding); got != "line" {
		t.Fatalf("rounding reads back %q", got)
	}
	for _, c := range []struct{ key, value, errKey, says string }{
		{TaxRate, "abc", "settings.error.number", "半角数字"},
		{TaxRate, "101", "checkout.error.tax_rate", "消費税率は0〜100%"},
		{TaxRate, "-1", "checkout.error.tax_rate", "消費税率は0〜100%"},
		{TaxInclusive, "内税", "settings.error.boolean", "1（する）か 0（しない）"},
		{TaxRounding, "round", "settings.error.tax_rounding", "sale（会計ごとに切り捨て）か line"},
	} {
		err := conf.Set(ctx, c.key, c.value)
		if app.ErrorKey(err) != c.errKey || !strings.Contains(err.Error(), c.says) {
			t.Errorf("set %s=%s: %v, want %s", c.key, c.value, err, c.errKey)
		}
	}
	if got := a.TaxSettings(ctx); got != want {
		t.Fatalf("a refused set changed the tax to %+v", got)
	}
	keys := strings.Join(Keys(), " ")
	for _, k := range []string{TaxRate, TaxInclusive, TaxRounding} {
		if !strings.Contains(keys, k) {
			t.Fatalf("config list misses %s", k)
		}
	}
}
