package export_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/export"
	"salondesk/app/labels"
	"salondesk/assets"
	"salondesk/data"
	"salondesk/data/datatest"
)

const day = "2026-11-23"

// newApp is the small test salon with two reservations on day: 山田 花子 by phone with
// a coupon and 炭酸泉, and 田中 一郎 walking in with a memo a spreadsheet would run.
func newApp(t *testing.T) *app.App {
	t.Helper()
	a, _ := newAppStore(t)
	return a
}

// newAppStore is newApp with its store, for a test that sets up a state no use case makes.
func newAppStore(t *testing.T) (*app.App, *data.Store) {
	t.Helper()
	if err := assets.UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
	s := datatest.NewStore(t)
	salon := datatest.Seed(t, s)
	a := app.New(s, app.WithClock(func() time.Time { return datatest.At(day, "09:00") }))
	ctx := context.Background()
	_, err := a.SaveReservation(ctx, app.ReservationInput{CustomerID: salon.Customers["ヤマダ　ハナコ"],
		Start: datatest.At(day, "10:00"), StaffID: salon.Staff["佐藤"], Designated: true,
		CouponID: salon.Coupons["カット＋ケアカラー ¥9,900"],
		MenuIDs:  []int64{salon.Menus["カット"], salon.Menus["ケアカラー"], salon.Menus["炭酸泉"]},
		Route:    data.RoutePhone, Memo: "前回と同じ色で"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.SaveReservation(ctx, app.ReservationInput{CustomerID: salon.Customers["タナカ　イチロウ"],
		Start: datatest.At(day, "13:00"), MenuIDs: []int64{salon.Menus["カット"]}, Route: data.RouteWalkIn,
		Memo: "=HYPERLINK(\"http://example.com\")"})
	if err != nil {
		t.Fatal(err)
	}
	return a, s
}

func dayRange() (time.Time, time.Time) {
	from := datatest.At(day, "00:00")
	return from, from.AddDate(0, 0, 1)
}

func TestReservationsJSON(t *testing.T) {
	a := newApp(t)
	from, to := dayRange()
	var buf bytes.Buffer
	if err := export.Reservations(context.Background(), a, from, to, export.FormatJSON, &buf); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, buf.String())
	}
	if len(got) != 2 {
		t.Fatalf("%d reservations, want 2", len(got))
	}
	first := got[0]
	for _, key := range []string{"number", "sb_number", "start", "end", "customer_name", "customer_kana", "staff",
		"designated", "equipment", "coupon", "menus", "route", "status", "sync_state", "memo"} {
		if _, ok := first[key]; !ok {
			t.Errorf("key %q missing in %v", key, first)
		}
	}
	want := map[string]any{"customer_name": "山田 花子", "customer_kana": "ヤマダ　ハナコ", "staff": "佐藤",
		"designated": true, "coupon": "カット＋ケアカラー ¥9,900", "route": "phone", "status": "waiting",
		"sync_state": "", "memo": "前回と同じ色で",
		"start": datatest.At(day, "10:00").Format(time.RFC3339), "end": datatest.At(day, "12:30").Format(time.RFC3339)}
	for k, v := range want {
		if first[k] != v {
			t.Errorf("%s = %v, want %v", k, first[k], v)
		}
	}
	menus, _ := first["menus"].([]any)
	if len(menus) != 3 || menus[0] != "カット" || menus[2] != "炭酸泉" {
		t.Errorf("menus = %v", first["menus"])
	}
	if got[1]["route"] != "walkin" || got[1]["designated"] != false {
		t.Errorf("second = %v", got[1])
	}
}

func TestReservationsCSV(t *testing.T) {
	a := newApp(t)
	from, to := dayRange()
	var buf bytes.Buffer
	if err := export.Reservations(context.Background(), a, from, to, export.FormatCSV, &buf); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes())
	if len(rows) != 3 {
		t.Fatalf("%d rows, want header + 2", len(rows))
	}
	col := columns(rows[0])
	for _, name := range []string{"予約番号", "来店日時", "お客様名", "お客様名（カナ）", "スタッフ", "指名", "クーポン",
		"メニュー", "予約経路", "ステータス", "連携状況", "予約時メモ"} {
		if _, ok := col[name]; !ok {
			t.Errorf("column %q missing in %v", name, rows[0])
		}
	}
	r := rows[1]
	checks := map[string]string{"来店日時": "2026/11/23 10:00", "お客様名": "山田 花子", "スタッフ": "佐藤", "指名": "○",
		"メニュー": "カット、ケアカラー、炭酸泉", "予約経路": "電話", "ステータス": "受付待ち", "連携状況": "—"}
	for name, want := range checks {
		if got := r[col[name]]; got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if got := rows[2][col["予約経路"]]; got != "店頭" {
		t.Errorf("walk-in route = %q", got)
	}
	if got := rows[2][col["予約時メモ"]]; !strings.HasPrefix(got, "'=") {
		t.Errorf("a formula-like memo must not run in a spreadsheet: %q", got)
	}
}

// 連携状況 in the CSV is the screens' words (app/labels) for every reason:
// 予約受付可能数を超えています, not a wording of the export's own.
func TestSyncStateLabels(t *testing.T) {
	a, store := newAppStore(t)
	ctx := context.Background()
	from, to := dayRange()
	list, err := a.Reservations(ctx, data.ReservationFilter{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	r := list[0].Reservation
	for reason, want := range map[string]string{
		data.ReasonTimeout:  "失敗(例外またはタイムアウトが発生しました)",
		data.ReasonCapacity: "失敗(予約受付可能数を超えています)",
		data.ReasonMismatch: "失敗(予約されたクーポン・メニュー名が一致しませんでした)",
		data.ReasonCaptcha:  labels.Sync(data.SyncFailed, data.ReasonCaptcha),
		"":                  "失敗",
		"HTTP 503":          "失敗(HTTP 503)",
	} {
		r.SyncState, r.SyncReason = data.SyncFailed, reason
		if err := store.Tx(ctx, func(tx *sql.Tx) error { return data.UpdateReservation(ctx, tx, &r) }); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := export.Reservations(ctx, a, from, to, export.FormatCSV, &buf); err != nil {
			t.Fatal(err)
		}
		rows := readCSV(t, buf.Bytes())
		got := rows[1][columns(rows[0])["連携状況"]]
		if got != want || got != labels.Sync(data.SyncFailed, reason) {
			t.Errorf("連携状況 for %q = %q, want %q", reason, got, want)
		}
	}
}

func TestCustomers(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	var js bytes.Buffer
	if err := export.Customers(ctx, a, export.FormatJSON, &js); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0]["number"] != float64(1) || got[0]["name"] != "山田 花子" ||
		got[0]["kana"] != "ヤマダ　ハナコ" || got[0]["phone"] != "090-1111-2222" || got[0]["visit_count"] != float64(3) {
		t.Fatalf("customers JSON = %v", got)
	}
	var cs bytes.Buffer
	if err := export.Customers(ctx, a, export.FormatCSV, &cs); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, cs.Bytes())
	col := columns(rows[0])
	if len(rows) != 4 || rows[1][col["お客様名"]] != "山田 花子" || rows[3][col["お客様名（カナ）"]] != "コギト　テスト" ||
		rows[2][col["電話番号"]] != "03-3333-4444" || rows[1][col["来店回数"]] != "3" {
		t.Fatalf("customers CSV = %v", rows)
	}
}

func TestUnknownFormat(t *testing.T) {
	a := newApp(t)
	from, to := dayRange()
	var buf bytes.Buffer
	errs := []error{
		export.Reservations(context.Background(), a, from, to, "xlsx", &buf),
		export.Customers(context.Background(), a, "xml", &buf),
	}
	for _, err := range errs {
		if app.ErrorKey(err) != "export.error.format" {
			t.Fatalf("err = %v, want the format error", err)
		}
		if !strings.Contains(err.Error(), "CSVまたはJSONを選んでください") {
			t.Errorf("message not in Japanese: %q", err.Error())
		}
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q for an unknown format", buf.String())
	}
}

// readCSV checks the byte order mark Excel needs and parses the rest.
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(b, []byte("\uFEFF"))
	if !ok {
		t.Fatalf("CSV does not start with a UTF-8 BOM: %q", b[:min(len(b), 16)])
	}
	rows, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func columns(header []string) map[string]int {
	m := map[string]int{}
	for i, h := range header {
		m[h] = i
	}
	return m
}
