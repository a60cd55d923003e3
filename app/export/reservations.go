package export

import (
	"context"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/app/labels"
	"salondesk/data"
)

// reservation is one reservation as JSON.
type reservation struct {
	Number           int64    `json:"number"`
	SBNumber         string   `json:"sb_number"`
	ReceivedAt       string   `json:"received_at"`
	Start            string   `json:"start"`
	End              string   `json:"end"`
	CustomerNumber   int64    `json:"customer_number"`
	CustomerName     string   `json:"customer_name"`
	CustomerKana     string   `json:"customer_kana"`
	Staff            string   `json:"staff"`
	Designated       bool     `json:"designated"`
	Equipment        string   `json:"equipment"`
	Coupon           string   `json:"coupon"`
	Menus            []string `json:"menus"`
	Route            string   `json:"route"`
	Status           string   `json:"status"`
	PaymentType      string   `json:"payment_type"`
	SyncState        string   `json:"sync_state"`
	SyncReason       string   `json:"sync_reason"`
	TranscribedCheck bool     `json:"transcribed_check"`
	FirstVisit       bool     `json:"first_visit"`
	Memo             string   `json:"memo"`
}

// Reservations writes the reservations starting in [from, to), cancelled ones too, by start.
func Reservations(ctx context.Context, a *app.App, from, to time.Time, format string, w io.Writer) error {
	if err := checkFormat(format); err != nil {
		return err
	}
	list, err := a.Reservations(ctx, data.ReservationFilter{From: from, To: to})
	if err != nil {
		return err
	}
	if format == FormatJSON {
		out := make([]reservation, 0, len(list))
		for i := range list {
			out = append(out, reservationJSON(&list[i]))
		}
		return writeJSON(w, out)
	}
	rows := make([][]string, 0, len(list))
	for i := range list {
		rows = append(rows, reservationRow(&list[i]))
	}
	return writeCSV(w, reservationHeader(), rows)
}

func reservationJSON(v *data.ReservationView) reservation {
	menus := v.MenuNames
	if menus == nil {
		menus = []string{}
	}
	return reservation{Number: v.Number, SBNumber: v.SBNumber, ReceivedAt: isoTime(v.ReceivedAt),
		Start: isoTime(v.Start), End: isoTime(v.End), CustomerNumber: v.CustomerNumber,
		CustomerName: v.DisplayName(), CustomerKana: v.DisplayKana(), Staff: v.StaffName,
		Designated: v.Designated, Equipment: v.EquipmentName, Coupon: v.CouponTitle, Menus: menus,
		Route: string(v.Route), Status: string(v.Status), PaymentType: string(v.PaymentType),
		SyncState: string(v.SyncState), SyncReason: v.SyncReason, TranscribedCheck: v.TranscribedCheck,
		FirstVisit: v.FirstVisit, Memo: v.Memo}
}

// isoTime is RFC 3339 with the local offset; "" for no time.
func isoTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// csvTime is the layout Excel reads as a date and time.
func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006/01/02 15:04")
}

func reservationHeader() []string {
	return []string{
		lang.X("export.col.number", "予約番号"),
		lang.X("export.col.sb_number", "SALON BOARD予約番号"),
		lang.X("export.col.received_at", "予約受信日時"),
		lang.X("export.col.start", "来店日時"),
		lang.X("export.col.end", "終了日時"),
		lang.X("export.col.customer_number", "お客様番号"),
		lang.X("export.col.customer_name", "お客様名"),
		lang.X("export.col.customer_kana", "お客様名（カナ）"),
		lang.X("export.col.staff", "スタッフ"),
		lang.X("export.col.designated", "指名"),
		lang.X("export.col.equipment", "マシン・設備"),
		lang.X("export.col.coupon", "クーポン"),
		lang.X("export.col.menus", "メニュー"),
		lang.X("export.col.route", "予約経路"),
		lang.X("export.col.status", "ステータス"),
		lang.X("export.col.payment_type", "支払区分"),
		lang.X("export.col.sync_state", "連携状況"),
		lang.X("export.col.transcribed_check", "予約転記済みチェック"),
		lang.X("export.col.first_visit", "初回来店"),
		lang.X("export.col.memo", "予約時メモ"),
	}
}

func reservationRow(v *data.ReservationView) []string {
	return []string{
		strconv.FormatInt(v.Number, 10),
		v.SBNumber,
		csvTime(v.ReceivedAt),
		csvTime(v.Start),
		csvTime(v.End),
		customerNumber(v.CustomerNumber),
		v.DisplayName(),
		v.DisplayKana(),
		v.StaffName,
		mark(v.Designated),
		v.EquipmentName,
		v.CouponTitle,
		strings.Join(v.MenuNames, "、"),
		labels.Route(v.Route),
		labels.Status(v.Status),
		label("export.payment.", paymentNames, string(v.PaymentType)),
		labels.Sync(v.SyncState, v.SyncReason),
		mark(v.TranscribedCheck),
		mark(v.FirstVisit),
		v.Memo,
	}
}

func customerNumber(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

var paymentNames = map[string]string{string(data.PayPerVisit): "都度", string(data.PayPlan): "定額プラン"}
