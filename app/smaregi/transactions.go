package smaregi

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/app/settings"
	"salondesk/data"
	"salondesk/sync/smaregi"
)

// Transactions come in by push (the receiver) and by pull; both end here, in one
// idempotent handler keyed by transactionHeadId: a transaction is kept and applied once;
// the same one with cancelDivision 1 undoes what it did.

// ReceiveTransactions is the receiver's sink (smaregi.TransactionSink): the transactions
// are kept and applied in one database transaction before the receiver answers 200.
func (r *Room) ReceiveTransactions(ctx context.Context, txs []smaregi.Transaction) error {
	return r.take(ctx, txs, data.ViaPush)
}

// ReceiverTokenHashes is the receiver's token source (smaregi.TokenHashes).
func (r *Room) ReceiverTokenHashes(ctx context.Context) ([]string, error) {
	return app.Read(ctx, r.a, func(q data.Querier) ([]string, error) { return data.ActiveReceiverTokenHashes(ctx, q) })
}

// take keeps and applies transactions in one write transaction.
func (r *Room) take(ctx context.Context, txs []smaregi.Transaction, via string) error {
	if len(txs) == 0 {
		return nil
	}
	return r.a.Update(ctx, func(t *app.Tx) error {
		code, err := t.Setting(settings.SmaregiProductCode, "")
		if err != nil {
			return err
		}
		for _, tr := range txs {
			if err := r.takeOne(t, tr, via, code); err != nil {
				return err
			}
		}
		return nil
	})
}

func (r *Room) takeOne(t *app.Tx, tr smaregi.Transaction, via, payCode string) error {
	ctx, q := t.Ctx(), t.Q()
	kept, err := data.GetSmaregiTransaction(ctx, q, tr.Head.ID)
	switch {
	case errors.Is(err, data.ErrNotFound):
		body, _ := json.Marshal(tr)
		st := data.SmaregiTransaction{HeadID: tr.Head.ID, At: tr.Head.DateTime, CustomerRef: tr.Head.CustomerID,
			Cancelled: tr.Head.Cancelled, Body: string(body), Via: via, ReceivedAt: t.Now()}
		if _, err := data.InsertSmaregiTransaction(ctx, q, st); err != nil {
			return err
		}
		if tr.Head.Cancelled {
			return data.SetSmaregiTransactionState(ctx, q, tr.Head.ID, true, "cancelled before it was seen")
		}
		outcome, err := r.apply(t, tr, payCode)
		if err != nil {
			return err
		}
		return data.SetSmaregiTransactionState(ctx, q, tr.Head.ID, false, outcome)
	case err != nil:
		return err
	case tr.Head.Cancelled && !kept.Cancelled:
		if err := r.reverse(t, tr.Head.ID); err != nil {
			return err
		}
		return data.SetSmaregiTransactionState(ctx, q, tr.Head.ID, true, "cancelled: reversed")
	}
	return nil // seen already: nothing more to do
}

// apply adds what a sale means to the salon: a contract per synced product sold to a
// synced member, and for the 都度決済 product the member's unpaid 都度 visit that day paid.
func (r *Room) apply(t *app.Tx, tr smaregi.Transaction, payCode string) (string, error) {
	ctx, q := t.Ctx(), t.Q()
	if tr.Head.CustomerID == "" {
		return "no member", nil
	}
	custID, ok, err := data.LocalID(ctx, q, data.SystemSmaregi, data.KindCustomer, tr.Head.CustomerID)
	if err != nil {
		return "", err
	}
	if !ok {
		return "unknown member", r.tell(t, ReasonUnknownMember, lang.X("smaregi.notice.unknown_member",
			"スマレジの取引 {{.Head}} の会員（会員ID {{.Member}}）はSalonDeskから連携したお客様ではありません。契約・入金は記録していません。お客様をSalonDeskで登録し、スマレジではその会員を選んで取引してください。",
			map[string]any{"Head": tr.Head.ID, "Member": tr.Head.CustomerID}))
	}
	var contracts int
	var visitFee int64
	for _, d := range tr.Details {
		if payCode != "" && d.ProductCode == payCode {
			visitFee += d.SalesPrice * max(d.Quantity, 1)
			continue
		}
		made, err := r.contractFor(t, tr, d, custID)
		if err != nil {
			return "", err
		}
		contracts += made
	}
	outcome := strconv.Itoa(contracts) + " contract(s)"
	if visitFee > 0 || hasCode(tr, payCode) {
		paid, err := r.payVisit(t, tr, custID, visitFee)
		if err != nil {
			return "", err
		}
		outcome += ", " + paid
	}
	return outcome, nil
}

func hasCode(tr smaregi.Transaction, code string) bool {
	for _, d := range tr.Details {
		if code != "" && d.ProductCode == code {
			return true
		}
	}
	return false
}

// contractFor adds the contract a synced product makes; an unknown product is told.
func (r *Room) contractFor(t *app.Tx, tr smaregi.Transaction, d smaregi.TransactionDetail, custID int64) (int, error) {
	ctx, q := t.Ctx(), t.Q()
	prodID, ok, err := data.LocalID(ctx, q, data.SystemSmaregi, data.KindProduct, d.ProductID)
	if err != nil {
		return 0, err
	}
	var planID int64
	if !ok { // a 定額プラン sent as a product of its own
		if planID, ok, err = data.LocalID(ctx, q, data.SystemSmaregi, KindPlan, d.ProductID); err != nil {
			return 0, err
		}
	}
	if !ok {
		return 0, r.tell(t, ReasonUnknownProduct, lang.X("smaregi.notice.unknown_product",
			"スマレジの取引 {{.Head}} の商品「{{.Name}}」（商品ID {{.Product}}）はSalonDeskから連携した商品ではないため、契約を追加していません。商品はSalonDeskの商品マスタで登録してスマレジへ送ってください。",
			map[string]any{"Head": tr.Head.ID, "Name": d.ProductName, "Product": d.ProductID}))
	}
	for _, p := range mustProducts(ctx, q) {
		if prodID != 0 && p.ID == prodID {
			planID = p.PlanID
		}
	}
	c := data.Contract{CustomerID: custID, PlanID: planID, ProductID: prodID,
		StartedOn: data.FormatDay(tr.Head.DateTime), Source: data.SourceSmaregi}
	if err := data.InsertContract(ctx, q, &c, t.Now()); err != nil {
		return 0, err
	}
	t.Publish(app.CustomersChanged{})
	return 1, data.LinkSmaregiContract(ctx, q, tr.Head.ID, d.ID, c.ID)
}

func mustProducts(ctx context.Context, q data.Querier) []data.Product {
	list, _ := data.ListProducts(ctx, q, true)
	return list
}

// payVisit records the visit fee of the member's first unpaid 都度 reservation on the
// sale's date as paid (入金), keyed by the transactionHeadId.
func (r *Room) payVisit(t *app.Tx, tr smaregi.Transaction, custID, fee int64) (string, error) {
	ctx, q := t.Ctx(), t.Q()
	ids, err := data.UnpaidPerVisitReservations(ctx, q, custID, tr.Head.DateTime)
	if err != nil {
		return "", err
	}
	if len(ids) == 0 {
		return "no reservation", r.tell(t, ReasonNoReservation, lang.X("smaregi.notice.no_reservation",
			"スマレジの取引 {{.Head}}（{{.Day}}）の都度決済に当たる、このお客様のその日の未入金の都度払い予約がありません。入金は記録していません。予約を確認してください。",
			map[string]any{"Head": tr.Head.ID, "Day": data.FormatDay(tr.Head.DateTime)}))
	}
	p := data.Payment{CustomerID: custID, ReservationID: ids[0], ReceivedAt: tr.Head.DateTime, Amount: int(fee),
		Method: data.PaymentSmaregi, Source: data.SourceSmaregi, ExternalID: strconv.FormatInt(tr.Head.ID, 10),
		Kind: data.PaymentPerVisit, Matched: data.MatchAuto}
	if _, err := data.InsertPayment(ctx, q, &p); err != nil {
		return "", err
	}
	if v, err := t.Reservation(ids[0]); err == nil {
		t.Publish(app.ReservationsChanged{Days: []time.Time{v.Start}})
	}
	return "visit paid", nil
}

// reverse undoes what a sale did: its contracts and its payment.
func (r *Room) reverse(t *app.Tx, headID int64) error {
	ctx, q := t.Ctx(), t.Q()
	ids, err := data.SmaregiContracts(ctx, q, headID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := data.DeleteContract(ctx, q, id); err != nil {
			return err
		}
	}
	if len(ids) > 0 {
		t.Publish(app.CustomersChanged{})
	}
	p, err := data.PaymentByExternalID(ctx, q, data.SourceSmaregi, strconv.FormatInt(headID, 10))
	if errors.Is(err, data.ErrNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	if v, err := t.Reservation(p.ReservationID); err == nil {
		t.Publish(app.ReservationsChanged{Days: []time.Time{v.Start}})
	}
	return data.DeletePayment(ctx, q, p.ID)
}

// tell raises an inbound お知らせ.
func (r *Room) tell(t *app.Tx, reason, detail string) error {
	return t.RaiseNotification(&data.Notification{Direction: data.DirSmaregiToApp, Reason: reason, Detail: detail})
}

// Pull reads the transactions after the last one pulled (transaction_ref, in bounded
// id ranges, paged) and takes them like pushed ones; the cursor moves after each page is
// kept, so an interrupted pull goes on where it stopped.
func (r *Room) Pull(ctx context.Context, cl Client) (int, error) {
	after, err := app.Read(ctx, r.a, func(q data.Querier) (int64, error) { return data.PullCursor(ctx, q) })
	if err != nil {
		return 0, err
	}
	n := 0
	_, err = cl.PullTransactions(ctx, after, smaregi.PullOptions{Now: r.a.Now}, func(txs []smaregi.Transaction) error {
		if err := r.take(ctx, txs, data.ViaPull); err != nil {
			return err
		}
		n += len(txs)
		var last int64
		for _, tr := range txs {
			last = max(last, tr.Head.ID)
		}
		return r.a.Update(ctx, func(t *app.Tx) error { return data.SetPullCursor(ctx, t.Q(), last, t.Now()) })
	})
	return n, err
}
