package app_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"salondesk/app"
	"salondesk/data/datatest"
)

// The setup the issue describes: 120 HOT PEPPER coupons, each naming two of 200 menus,
// previewed and imported into a salon that has the menus but no coupons yet.
func BenchmarkMasterImport120Coupons(b *testing.B) {
	var menus, coupons strings.Builder
	menus.WriteString("メニュー名,カテゴリ,所要時間(分),料金\n")
	for i := range 200 {
		fmt.Fprintf(&menus, "メニュー%03d,カット,%d,%d\n", i, 30+5*(i%10), 1000+10*i)
	}
	coupons.WriteString("クーポン名,クーポン内容,対象,料金,所要時間(分),対象メニュー\n")
	for i := range 120 {
		fmt.Fprintf(&coupons, "【新規】クーポン%03d ￥%d,内容,新規,%d,90,メニュー%03d｜メニュー%03d\n", i, 5000+i, 5000+i, i, i+1)
	}
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := datatest.NewStore(b)
		datatest.Seed(b, s)
		a := app.New(s)
		p, err := a.PreviewMasterImport(ctx, app.MasterMenus, strings.NewReader(menus.String()))
		if err != nil || len(p.Errors) > 0 {
			b.Fatal(err, p.Errors)
		}
		if _, err := a.CommitMasterImport(ctx, p); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		p, err = a.PreviewMasterImport(ctx, app.MasterCoupons, bytes.NewReader([]byte(coupons.String())))
		if err != nil || len(p.Errors) > 0 || p.New != 120 {
			b.Fatal(err, p.Errors)
		}
		if res, err := a.CommitMasterImport(ctx, p); err != nil || res.New != 120 {
			b.Fatal(res, err)
		}
	}
}
