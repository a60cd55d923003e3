package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"salondesk/app"
	"salondesk/app/csvio"
	"salondesk/app/export"
	"salondesk/data"
	"salondesk/data/datatest"
)

func importFixture(t *testing.T) (*app.App, *data.Store) {
	t.Helper()
	s := datatest.NewStore(t)
	datatest.Seed(t, s)
	return app.New(s, app.WithClock(func() time.Time { return datatest.At("2026-11-20", "09:00") })), s
}

func allCustomers(t *testing.T, a *app.App) []data.Customer {
	t.Helper()
	var out []data.Customer
	if err := a.EachCustomer(context.Background(), func(c data.Customer) error { out = append(out, c); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// Excel's Shift_JIS with half-width kana, hiragana, full-width digits and hyphenated phones.
func TestImportShiftJISNormalises(t *testing.T) {
	a, _ := importFixture(t)
	ctx := context.Background()
	file := "お客様番号,お客様名,お客様名（カナ）,電話番号,生年月日,性別,要注意\r\n" +
		",髙橋 ①子,ﾀｶﾊｼ ｲﾁｺ,０９０－１２３４－５６７８,1990/4/1,女性,○\r\n" +
		",佐々木 ～,ささき　じろう,03‐1111‐2222,,男性,\r\n"
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.PreviewCustomerImport(ctx, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if p.Encoding != csvio.ShiftJIS || p.Rows != 2 || p.New != 2 || len(p.Errors) != 0 || len(p.Sample) != 2 {
		t.Fatalf("preview %+v", p)
	}
	if n := len(allCustomers(t, a)); n != 3 {
		t.Fatalf("the preview wrote: %d customers", n)
	}
	res, err := a.CommitCustomerImport(ctx, p, false)
	if err != nil || res.New != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	got := allCustomers(t, a)
	c, d := got[3], got[4]
	if c.Name != "髙橋 ①子" || c.Kana != "タカハシ　イチコ" || c.Phone != "090-1234-5678" || c.Birthday != "1990-04-01" ||
		c.Sex != "female" || !c.Caution || c.Origin != "imported" || c.Number != 4 {
		t.Fatalf("imported %+v", c)
	}
	if d.Name != "佐々木 ～" || d.Kana != "ササキ　ジロウ" || d.Phone != "03-1111-2222" || d.Sex != "male" || d.Number != 5 {
		t.Fatalf("imported %+v", d)
	}
}

// Bad rows are listed with line and column; one bad row writes nothing unless the
// person asks for the good rows only.
func TestImportBadRows(t *testing.T) {
	a, _ := importFixture(t)
	ctx := context.Background()
	file := "お客様名,お客様名（カナ）,電話番号,メールアドレス,生年月日\n" +
		"良い 一,ヨイ　イチ,090-0000-0001,a@example.jp,\n" +
		"悪い 二,,090-0000-0002,,\n" +
		"\"悪い\n三\",ワルイ　サン,電話なし,mail,1990/2/30\n" +
		"良い 四,ヨイ　ヨン,,,\n"
	p, err := a.PreviewCustomerImport(ctx, strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"3: お客様名（カナ）:", "4: 電話番号:", "4: メールアドレス:", "4: 生年月日:"}
	if len(p.Errors) != len(want) || p.Good != 2 {
		t.Fatalf("errors %v, good %d", p.Errors, p.Good)
	}
	for i, w := range want {
		if !strings.HasPrefix(p.Errors[i].Error(), w) || p.Errors[i].Message == "" {
			t.Errorf("error %d = %q, want %q…", i, p.Errors[i].Error(), w)
		}
	}
	if _, err := a.CommitCustomerImport(ctx, p, false); app.ErrorKey(err) != "customers.import.has_errors" {
		t.Fatalf("commit with errors: %v", err)
	}
	if n := len(allCustomers(t, a)); n != 3 {
		t.Fatalf("a file with bad rows wrote %d customers", n-3)
	}
	res, err := a.CommitCustomerImport(ctx, p, true)
	if err != nil || res.New != 2 || len(allCustomers(t, a)) != 5 {
		t.Fatalf("good rows only: %+v %v", res, err)
	}
	if _, err := a.PreviewCustomerImport(ctx, strings.NewReader("名前,電話\n山田,1\n")); app.ErrorKey(err) != "customers.import.no_kana_column" {
		t.Fatalf("no kana column: %v", err)
	}
}

// Export → import loses nothing and creates no duplicates, in UTF-8 and in Shift_JIS;
// into an empty database it brings every customer back.
func TestExportImportRoundTrip(t *testing.T) {
	a, _ := importFixture(t)
	ctx := context.Background()
	if _, err := a.SaveCustomer(ctx, app.CustomerInput{Name: "髙橋 〜", Kana: "タカハシ", Phone: "+81-90-1111-0000",
		Email: "t@example.jp", Birthday: "1990-04-01", Sex: "female", Memo: "=危険, \"引用\"\n改行", Caution: true}); err != nil {
		t.Fatal(err)
	}
	before := allCustomers(t, a)
	for _, enc := range []csvio.Encoding{csvio.UTF8, csvio.ShiftJIS} {
		var buf bytes.Buffer
		if err := export.CustomersEncoded(ctx, a, export.FormatCSV, enc, &buf); err != nil {
			t.Fatal(err)
		}
		file := buf.Bytes()
		p, err := a.PreviewCustomerImport(ctx, bytes.NewReader(file))
		if err != nil || len(p.Errors) != 0 || p.New != 0 || p.Updated != len(before) {
			t.Fatalf("%s: preview %+v %v", enc, p, err)
		}
		if _, err := a.CommitCustomerImport(ctx, p, false); err != nil {
			t.Fatal(err)
		}
		after := allCustomers(t, a)
		if len(after) != len(before) {
			t.Fatalf("%s: %d customers after re-import, want %d", enc, len(after), len(before))
		}
		fresh := app.New(datatest.NewStore(t))
		p, err = fresh.PreviewCustomerImport(ctx, bytes.NewReader(file))
		if err != nil || len(p.Errors) != 0 {
			t.Fatalf("%v %v", p.Errors, err)
		}
		if _, err := fresh.CommitCustomerImport(ctx, p, false); err != nil {
			t.Fatal(err)
		}
		for i, c := range allCustomers(t, fresh) {
			b := before[i]
			want := b
			if enc == csvio.ShiftJIS {
				want.Name = strings.ReplaceAll(want.Name, "〜", "～")
			}
			if c.Number != want.Number || c.Name != want.Name || c.Kana != want.Kana || c.Phone != want.Phone ||
				c.Email != want.Email || c.Birthday != want.Birthday || c.Sex != want.Sex || c.Memo != want.Memo ||
				c.Caution != want.Caution || c.VisitCount != want.VisitCount || c.LastVisit != want.LastVisit {
				t.Errorf("%s: round trip %+v, want %+v", enc, c, want)
			}
		}
	}
}
