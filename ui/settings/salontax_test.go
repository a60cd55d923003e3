package settings

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"salondesk/app"
	asettings "salondesk/app/settings"
	"salondesk/ui/internal/uitest"
)

// サロン's 消費税: the defaults (10%, 内税, 会計ごと) are shown; a rate that is no number is
// refused with the rate's message and nothing on the tab is saved; a full-width rate typed
// through the IME, 外税 and 明細ごと are saved and shown again when 設定 opens next time.
func TestSalonTabTax(t *testing.T) {
	f := newFixture(t)
	f.open()
	tax := f.s.salon.tax
	if tax.rate.Text != "10" || tax.inclusive.Selected != "内税（メニューの価格に消費税を含む）" ||
		tax.rounding.Selected != "切り捨て（会計ごと）" {
		t.Fatalf("defaults %q %q %q", tax.rate.Text, tax.inclusive.Selected, tax.rounding.Selected)
	}
	uitest.Retype(f.s.salon.name, "サロン・ド・ミナミ")
	uitest.Retype(tax.rate, "十")
	test.Tap(f.s.salon.saveBtn)
	f.wantDialog(msg("checkout.error.tax_rate"))
	if f.setting(asettings.SalonName) != "テストサロン" || f.setting(asettings.TaxRate) != "" {
		t.Fatal("a refused form saved something")
	}

	uitest.Retype(tax.rate, "８")
	tax.inclusive.SetSelected("外税（会計時に消費税を加える）")
	tax.rounding.SetSelected("切り捨て（明細ごと）")
	test.Tap(f.s.salon.saveBtn)
	f.wantDialog("保存しました。")
	want := app.TaxSettings{Rate: 8, Inclusive: false, Rounding: app.RoundPerLine}
	if got := f.a.TaxSettings(context.Background()); got != want {
		t.Fatalf("saved %+v, want %+v", got, want)
	}

	f.open() // 設定 opened again
	tax = f.s.salon.tax
	if tax.rate.Text != "8" || tax.inclusive.Selected != "外税（会計時に消費税を加える）" ||
		tax.rounding.Selected != "切り捨て（明細ごと）" {
		t.Fatalf("reloaded %q %q %q", tax.rate.Text, tax.inclusive.Selected, tax.rounding.Selected)
	}
}
