package export

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"

	"salondesk/app"
	"salondesk/app/labels"
	"salondesk/data"
)

// Encodings of the sales CSV: UTF-8 (with a BOM) or Shift_JIS, which older Excel opens
// without asking.
const (
	EncodingUTF8     = "utf-8"
	EncodingShiftJIS = "shift_jis"
)

// Sales writes the sales of [from, to) as CSV, one row per line, 取消 sales marked, in
// the encoding asked for. Names are the salon's: their staff and menu names.
func Sales(ctx context.Context, a *app.App, from, to time.Time, enc string, w io.Writer) error {
	if enc != EncodingUTF8 && enc != EncodingShiftJIS {
		return &app.UserError{Key: "export.error.format", Args: map[string]any{"Format": enc}}
	}
	sales, err := a.Sales(ctx, from, to)
	if err != nil {
		return err
	}
	m, err := a.Masters(ctx, true)
	if err != nil {
		return err
	}
	staff := map[int64]string{}
	for _, s := range m.Staff {
		staff[s.ID] = s.Name
	}
	rows := make([][]string, 0, len(sales)*3)
	for _, s := range sales {
		for _, it := range s.Items {
			rows = append(rows, saleRow(s, it, staff[s.StaffID]))
		}
	}
	if enc == EncodingUTF8 {
		return writeCSV(w, saleHeader(), rows)
	}
	// Shift_JIS has no BOM. Its own forms replace the signs it lacks (¥ in coupon names);
	// any other character it lacks (a rare kanji, an emoji) becomes a substitute
	// instead of failing the whole export.
	for _, row := range rows {
		for i := range row {
			row[i] = sjisForms.Replace(row[i])
		}
	}
	sjis := encoding.ReplaceUnsupported(japanese.ShiftJIS.NewEncoder()).Writer(w)
	return writeCSVWithout(sjis, saleHeader(), rows)
}

// sjisForms maps the signs Shift_JIS lacks to the full-width ones it has.
var sjisForms = strings.NewReplacer("¥", "￥", "～", "〜", "−", "－")

func saleHeader() []string {
	return []string{
		lang.X("sales.csv.sold_at", "会計日時"),
		lang.X("sales.csv.sale", "会計番号"),
		lang.X("sales.csv.reservation", "予約ID"),
		lang.X("sales.csv.staff", "スタッフ"),
		lang.X("sales.csv.designated", "指名"),
		lang.X("sales.csv.route", "予約経路"),
		lang.X("sales.csv.kind", "区分"),
		lang.X("sales.csv.item", "明細"),
		lang.X("sales.csv.unit_price", "単価"),
		lang.X("sales.csv.quantity", "数量"),
		lang.X("sales.csv.discount", "値引き"),
		lang.X("sales.csv.amount", "金額"),
		lang.X("sales.csv.tax", "消費税"),
		lang.X("sales.csv.method", "支払方法"),
		lang.X("sales.csv.reversed", "取消"),
	}
}

func saleRow(s data.Sale, it data.SaleItem, staff string) []string {
	reservation := ""
	if s.ReservationID != 0 {
		reservation = strconv.FormatInt(s.ReservationID, 10)
	}
	return []string{csvTime(s.SoldAt), strconv.FormatInt(s.ID, 10), reservation, staff, mark(s.Designated),
		labels.Route(s.Route), app.LineKindLabel(it.Kind), it.Name, strconv.Itoa(it.UnitPrice), strconv.Itoa(it.Quantity),
		strconv.Itoa(it.Discount), strconv.Itoa(it.Amount), strconv.Itoa(it.Tax), app.MethodLabel(s.Method), reversedCell(s)}
}

func reversedCell(s data.Sale) string {
	if !s.Reversed() {
		return ""
	}
	return fmt.Sprintf("%s %s", s.ReversedAt, s.ReversalNote)
}
