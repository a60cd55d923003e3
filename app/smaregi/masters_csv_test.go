package smaregi_test

import (
	"strings"
	"testing"

	"salondesk/app"
	"salondesk/app/settings"
)

// Products and plans imported from a CSV reach Smaregi as when saved on their screen:
// the 一括支払 ones are sent, the 継続課金 one is not.
func TestImportedProductsGoOutToSmaregi(t *testing.T) {
	f := newFixture(t)
	f.productJobs()
	if err := f.app.SetSetting(f.ctx, settings.SmaregiDepartmentID, "12"); err != nil {
		t.Fatal(err)
	}
	for kind, file := range map[string]string{
		app.MasterPlans:    "プラン名,料金,決済方法,月の回数\n年間プラン,90000,一括支払,4\n",
		app.MasterProducts: "商品名,商品コード,料金,決済方法\n回数券 5回,TICKET5,30000,一括支払\n月額会員,,8800,継続課金\n",
	} {
		p, err := f.app.PreviewMasterImport(f.ctx, kind, strings.NewReader(file))
		if err != nil || len(p.Errors) > 0 {
			t.Fatal(err, p.Errors)
		}
		if _, err := f.app.CommitMasterImport(f.ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	f.drain()
	names := map[string]bool{}
	for _, row := range f.double.Products() {
		names[row["productName"]] = true
	}
	if len(names) != 2 || !names["年間プラン"] || !names["回数券 5回"] {
		t.Fatalf("Smaregi holds %v", names)
	}
}
