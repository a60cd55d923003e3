package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"salondesk/app/export"
	"salondesk/app/salonboard"
	"salondesk/data/datatest"
)

func TestNotifications(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	// A SALON BOARD reservation whose coupon matches nothing raises a notification.
	if _, err := salonboard.New(a).ApplyIncoming(ctx, salonboard.Incoming{Number: "BC97459537", Kind: salonboard.IncomingNew,
		Start: datatest.At(day, "15:00"), NameKana: "コギト テスト", Coupon: "知らないクーポン",
		Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := export.Notifications(ctx, a, "json", &out); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0]["direction"] != "sb_to_app" || rows[0]["reason"] != "mismatch" ||
		rows[0]["reservation_no"] != "BC97459537" || rows[0]["resolved"] != false {
		t.Fatalf("rows %v", rows)
	}
	out.Reset()
	if err := export.Notifications(ctx, a, "csv", &out); err != nil {
		t.Fatal(err)
	}
	// The reason in the screens' words, not its code.
	if s := out.String(); !strings.Contains(s, "SALON BOARD→SalonDesk") || !strings.Contains(s, "予約番号") ||
		!strings.Contains(s, "予約されたクーポン・メニュー名が一致しませんでした") {
		t.Fatalf("csv %q", s)
	}
}
