package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"salondesk/app"
	"salondesk/app/export"
	"salondesk/data"
	"salondesk/data/datatest"
)

// checkedOut is newApp's day with 山田's reservation checked out in cash.
func checkedOut(t *testing.T) *app.App {
	t.Helper()
	a := newApp(t)
	ctx := context.Background()
	from := datatest.At(day, "00:00")
	list, err := a.Reservations(ctx, data.ReservationFilter{From: from, To: from.AddDate(0, 0, 1)})
	if err != nil || len(list) == 0 {
		t.Fatalf("%v: %d reservations", err, len(list))
	}
	if _, err := a.Checkout(ctx, app.CheckoutInput{ReservationID: list[0].ID, Method: app.MethodCash}); err != nil {
		t.Fatal(err)
	}
	return a
}

func salesCSV(t *testing.T, a *app.App, enc string) []byte {
	t.Helper()
	var buf bytes.Buffer
	from := datatest.At(day, "00:00")
	if err := export.Sales(context.Background(), a, from, from.AddDate(0, 0, 1), enc, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The sales CSV has one row per line in the salon's words, in UTF-8 with a BOM or in
// Shift_JIS, and both say the same.
func TestSalesCSVBothEncodings(t *testing.T) {
	a := checkedOut(t)
	utf8 := salesCSV(t, a, export.EncodingUTF8)
	if !bytes.HasPrefix(utf8, []byte("\uFEFF")) {
		t.Fatal("UTF-8 CSV without BOM")
	}
	rows, err := csv.NewReader(bytes.NewReader(utf8[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][0] != "会計日時" || rows[1][7] != "カット＋ケアカラー ¥9,900" || rows[1][6] != "クーポン" ||
		rows[2][7] != "炭酸泉" || rows[2][11] != "1500" || rows[1][13] != "現金" || rows[1][5] != "電話" || rows[1][4] != "○" {
		t.Fatalf("rows %q", rows)
	}
	sjis := salesCSV(t, a, export.EncodingShiftJIS)
	decoded, err := io.ReadAll(japanese.ShiftJIS.NewDecoder().Reader(bytes.NewReader(sjis)))
	if err != nil {
		t.Fatal(err)
	}
	// Shift_JIS has no half-width ¥ (0x5C decodes as a backslash): the full-width ￥ stands in.
	if string(decoded) != strings.ReplaceAll(string(utf8[3:]), "¥", "￥") {
		a, b := []rune(string(decoded)), []rune(strings.ReplaceAll(string(utf8[3:]), "¥", "￥"))
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("Shift_JIS says %q where UTF-8 says %q (at %d)", a[i], b[i], i)
			}
		}
		t.Fatalf("Shift_JIS has %d runes, UTF-8 %d", len(a), len(b))
	}
	var buf bytes.Buffer
	if err := export.Sales(context.Background(), a, time.Time{}, time.Now(), "latin1", &buf); app.ErrorKey(err) == "" {
		t.Fatalf("unknown encoding: %v", err)
	}
}

// The CSV of a year of a busy salon (about 33,000 sales, 44,000 lines). Run with
//
//	go test -tags migrated_fynedo -run '^$' -bench SalesCSV ./app/export/
func BenchmarkSalesCSVYear(b *testing.B) {
	s := datatest.NewStore(b)
	first := time.Date(2025, 1, 1, 10, 0, 0, 0, time.Local)
	datatest.ManySales(b, s, 33_000, first, 365)
	a := app.New(s)
	for _, enc := range []string{export.EncodingUTF8, export.EncodingShiftJIS} {
		b.Run(enc, func(b *testing.B) {
			var n int
			for b.Loop() {
				var buf bytes.Buffer
				if err := export.Sales(context.Background(), a, first, first.AddDate(1, 0, 0), enc, &buf); err != nil {
					b.Fatal(err)
				}
				n = buf.Len()
			}
			b.ReportMetric(float64(n)/1e6, "MB")
		})
	}
}
