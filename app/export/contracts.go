package export

import (
	"bufio"
	"context"
	"io"
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/app/csvio"
	"salondesk/data"
)

// Contracts (定額プラン・回数券 of each customer) and payments (入金) for support and the
// salon's accountant: JSON with the stored codes, or a CSV with Japanese headers.

// contract is one contract as JSON.
type contract struct {
	ID             int64  `json:"id"`
	CustomerNumber int64  `json:"customer_number"`
	CustomerName   string `json:"customer_name"`
	PlanID         int64  `json:"plan_id,omitempty"`
	ProductID      int64  `json:"product_id,omitempty"`
	Name           string `json:"name"`
	StartedOn      string `json:"started_on"`
	EndedOn        string `json:"ended_on"`
	Status         string `json:"status"`
	Source         string `json:"source"`
}

// payment is one 入金 as JSON.
type payment struct {
	ID             int64  `json:"id"`
	ReceivedAt     string `json:"received_at"`
	Amount         int    `json:"amount"`
	Method         string `json:"method"`
	Kind           string `json:"kind"`
	CustomerNumber int64  `json:"customer_number,omitempty"`
	CustomerName   string `json:"customer_name"`
	PayerName      string `json:"payer_name"`
	ReservationID  int64  `json:"reservation_id,omitempty"`
	ContractID     int64  `json:"contract_id,omitempty"`
	Matched        string `json:"matched"`
	Source         string `json:"source"`
	ExternalID     string `json:"external_id"`
	Memo           string `json:"memo"`
}

// who is a customer as the exports name one: number and name.
type who struct {
	Number int64
	Name   string
}

// customersByID is every customer's number and name, read once for an export.
func customersByID(ctx context.Context, a *app.App) (map[int64]who, error) {
	m := map[int64]who{}
	err := a.EachCustomer(ctx, func(c data.Customer) error {
		m[c.ID] = who{Number: c.Number, Name: c.Name}
		return nil
	})
	return m, err
}

// Contracts writes every customer's contract, oldest first.
func Contracts(ctx context.Context, a *app.App, format string, enc csvio.Encoding, w io.Writer) error {
	if err := checkFormat(format); err != nil {
		return err
	}
	list, err := app.Read(ctx, a, func(q data.Querier) ([]data.Contract, error) { return data.ListContracts(ctx, q, 0) })
	if err != nil {
		return err
	}
	people, err := customersByID(ctx, a)
	if err != nil {
		return err
	}
	if format == FormatJSON {
		out := make([]contract, 0, len(list))
		for _, c := range list {
			p := people[c.CustomerID]
			out = append(out, contract{ID: c.ID, CustomerNumber: p.Number, CustomerName: p.Name, PlanID: c.PlanID,
				ProductID: c.ProductID, Name: c.PlanName, StartedOn: c.StartedOn, EndedOn: c.EndedOn, Status: c.Status,
				Source: c.Source})
		}
		return writeJSON(w, out)
	}
	rows := make([][]string, 0, len(list))
	for _, c := range list {
		p := people[c.CustomerID]
		rows = append(rows, []string{strconv.FormatInt(c.ID, 10), number(p.Number), p.Name, c.PlanName,
			c.StartedOn, c.EndedOn, contractStatus(c.Status), sourceLabel(c.Source)})
	}
	return writeEncoded(w, enc, contractHeader(), rows)
}

func contractHeader() []string {
	return []string{
		lang.X("export.contracts.id", "契約ID"),
		lang.X("export.col.customer_number", "お客様番号"),
		lang.X("export.contracts.customer", "お客様名"),
		lang.X("export.contracts.name", "定額プラン・回数券"),
		lang.X("export.contracts.started_on", "開始日"),
		lang.X("export.contracts.ended_on", "終了日"),
		lang.X("export.contracts.status", "状態"),
		lang.X("export.contracts.source", "登録元"),
	}
}

func contractStatus(s string) string {
	return label("export.contracts.status.", map[string]string{"active": "契約中", "ended": "終了"}, s)
}

// sourceLabel says where a contract or payment came from (the desk or Smaregi).
func sourceLabel(s string) string {
	return label("export.source.", map[string]string{"desk": "SalonDesk", data.SourceSmaregi: "スマレジ"}, s)
}

func number(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// writeEncoded writes a CSV in enc (UTF-8 with a byte order mark, or Shift_JIS), with
// formula-like cells quoted away (csvio's rules, as the customers export).
func writeEncoded(w io.Writer, enc csvio.Encoding, header []string, rows [][]string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw, err := csvio.NewWriter(bw, enc)
	if err != nil {
		return err
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	return bw.Flush()
}

// Payments writes the payments received in [from, to), oldest first.
func Payments(ctx context.Context, a *app.App, from, to time.Time, format string, enc csvio.Encoding, w io.Writer) error {
	if err := checkFormat(format); err != nil {
		return err
	}
	list, err := app.Read(ctx, a, func(q data.Querier) ([]data.Payment, error) {
		return data.ListPayments(ctx, q, from, to, false)
	})
	if err != nil {
		return err
	}
	people, err := customersByID(ctx, a)
	if err != nil {
		return err
	}
	if format == FormatJSON {
		out := make([]payment, 0, len(list))
		for _, p := range list {
			c := people[p.CustomerID]
			out = append(out, payment{ID: p.ID, ReceivedAt: isoTime(p.ReceivedAt), Amount: p.Amount, Method: p.Method,
				Kind: p.Kind, CustomerNumber: c.Number, CustomerName: c.Name, PayerName: p.PayerName,
				ReservationID: p.ReservationID, ContractID: p.ContractID, Matched: p.Matched, Source: p.Source,
				ExternalID: p.ExternalID, Memo: p.Memo})
		}
		return writeJSON(w, out)
	}
	rows := make([][]string, 0, len(list))
	for _, p := range list {
		c := people[p.CustomerID]
		rows = append(rows, []string{csvTime(p.ReceivedAt), strconv.Itoa(p.Amount), paymentMethod(p.Method),
			paymentKind(p.Kind), number(c.Number), c.Name, p.PayerName, idCell(p.ReservationID), idCell(p.ContractID),
			matchedLabel(p.Matched), sourceLabel(p.Source), p.ExternalID, p.Memo})
	}
	return writeEncoded(w, enc, paymentHeader(), rows)
}

func paymentHeader() []string {
	return []string{
		lang.X("export.payments.received_at", "入金日時"),
		lang.X("export.payments.amount", "金額"),
		lang.X("export.payments.method", "支払方法"),
		lang.X("export.payments.kind", "種類"),
		lang.X("export.col.customer_number", "お客様番号"),
		lang.X("export.contracts.customer", "お客様名"),
		lang.X("export.payments.payer", "支払者名"),
		lang.X("export.payments.reservation", "予約ID"),
		lang.X("export.contracts.id", "契約ID"),
		lang.X("export.payments.matched", "照合"),
		lang.X("export.contracts.source", "登録元"),
		lang.X("export.payments.external_id", "外部ID"),
		lang.X("export.payments.memo", "メモ"),
	}
}

func idCell(id int64) string { return number(id) }

// paymentMethod is a 入金's method: the desk's names, スマレジ for the register's.
func paymentMethod(m string) string {
	if m == data.PaymentSmaregi {
		return sourceLabel(data.SourceSmaregi)
	}
	return app.MethodLabel(m)
}

// paymentKind and matchedLabel say it as 入金管理 does.
func paymentKind(k string) string {
	if k == data.PaymentPlanFee {
		return lang.X("sales.payments.kind_plan", "定額プラン")
	}
	return lang.X("sales.payments.kind_visit", "都度")
}

func matchedLabel(m string) string {
	switch m {
	case "auto":
		return lang.X("sales.payments.matched_auto", "照合済み（自動）")
	case "manual":
		return lang.X("sales.payments.matched_manual", "照合済み（手動）")
	}
	return lang.X("sales.payments.unmatched", "未照合")
}
