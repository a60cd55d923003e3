package smaregidouble

import (
	"fmt"
	"strconv"
	"time"
)

const timeLayout = "2006-01-02 15:04:05"

// japan is Smaregi's zone: its datetimes carry none.
var japan = time.FixedZone("JST", 9*60*60)

// Sale is a transaction to hold, in the salon's words; AddSale writes it as the
// fixture-shaped TransactionHead and TransactionDetail rows.
type Sale struct {
	ID           int64 // transactionHeadId; 0 is the next one
	At           time.Time
	CustomerID   string // "" for no member
	CustomerCode string
	StoreID      string // "" is "1"
	Cancelled    bool
	Lines        []Line
}

// Line is one product sold.
type Line struct {
	ProductID, ProductCode, ProductName, CategoryID string
	Price, Quantity                                 int64
}

// AddSale holds a sale for transaction_ref and Push, and returns its id.
func (d *Double) AddSale(s Sale) int64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	if s.ID == 0 {
		s.ID = d.maxID() + 1
	}
	if s.At.IsZero() {
		s.At = d.now()
	}
	if s.StoreID == "" {
		s.StoreID = "1"
	}
	at := s.At.In(japan).Format(timeLayout)
	var total, amount int64
	details := make([]Row, 0, len(s.Lines))
	for i, l := range s.Lines {
		q := max(l.Quantity, 1)
		total += l.Price * q
		amount += q
		details = append(details, Row{"transactionHeadId": id(s.ID), "transactionDateTime": at,
			"transactionDetailId": strconv.Itoa(i + 1), "transactionDetailDivision": "1",
			"productId": l.ProductID, "productCode": l.ProductCode, "productName": l.ProductName,
			"categoryId": l.CategoryID, "taxDivision": "0", "price": id(l.Price), "salesPrice": id(l.Price),
			"unitDiscountPrice": "0", "quantity": id(q), "unitNonDiscountSum": id(l.Price * q),
			"unitDiscountSum": "0", "unitDiscountedSum": id(l.Price * q), "costSum": "0.00000",
			"salesDivision": "0", "productDivision": "0"})
	}
	cancel := "0"
	if s.Cancelled {
		cancel = "1"
	}
	stamp := d.now().In(japan).Format(timeLayout)
	d.heads[s.ID] = Row{"transactionHeadId": id(s.ID), "transactionDateTime": at,
		"transactionHeadDivision": "1", "cancelDivision": cancel, "unitNonDiscountsubtotal": id(total),
		"unitDiscountsubtotal": "0", "subtotal": id(total), "subtotalDiscountPrice": "0", "pointDiscount": "0",
		"total": id(total), "taxExclude": "0", "taxInclude": id(total * 10 / 110), "cashTotal": id(total),
		"creditTotal": "0", "deposit": id(total), "depositCash": id(total), "charge": "0", "amount": id(amount),
		"returnAmount": "0", "costTotal": "0.00000", "storeId": s.StoreID, "terminalId": "1",
		"customerId": s.CustomerID, "customerCode": s.CustomerCode, "terminalTranId": id(s.ID),
		"terminalTranDateTime": at, "sumDivision": "2", "sumDateTime": s.At.In(japan).Format("2006-01-02") + " 00:00:00",
		"updDateTime": stamp}
	d.details[s.ID] = details
	return s.ID
}

// CancelSale marks a held sale cancelled (cancelDivision "1"), as a later 取消 does.
func (d *Double) CancelSale(headID int64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if h, ok := d.heads[headID]; ok {
		h["cancelDivision"] = "1"
		h["updDateTime"] = d.now().In(japan).Format(timeLayout)
	}
}

// AddTransactionRows holds raw rows (for payloads no Sale describes).
func (d *Double) AddTransactionRows(head Row, details []Row) {
	n, _ := strconv.ParseInt(head["transactionHeadId"], 10, 64)
	d.mu.Lock()
	defer d.mu.Unlock()
	d.heads[n], d.details[n] = head, details
}

// MaxTransactionID is the highest transactionHeadId held (0 when none).
func (d *Double) MaxTransactionID() int64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.maxID()
}

func (d *Double) maxID() int64 {
	var m int64
	for n := range d.heads {
		m = max(m, n)
	}
	return m
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

// transactionRef plays transaction_ref: TransactionHead or TransactionDetail rows,
// each condition object bounded (an id range of at most 100,000 with both bounds, or
// a transactionDateTime/updDateTime range of at most 31 days), else error 41.
func (d *Double) transactionRef(params map[string]any) (any, *apiErr) {
	q, e := parseRef(params)
	if e != nil {
		return nil, e
	}
	if q.table != "TransactionHead" && q.table != "TransactionDetail" {
		return nil, fail(codeInvalidTable, fmt.Sprintf("table_name %q", q.table))
	}
	if len(q.conditions) == 0 {
		return nil, fail(codeInvalidInput, "transaction_ref needs a bounded id or date range")
	}
	for _, c := range q.conditions {
		if why := unbounded(c); why != "" {
			return nil, fail(codeInvalidInput, why)
		}
	}
	d.mu.Lock()
	var rows []Row
	key := "transactionHeadId"
	if q.table == "TransactionHead" {
		for _, h := range d.heads {
			rows = append(rows, h)
		}
	} else {
		byUpd := mentions(q.conditions, "updDateTime")
		for hid, ds := range d.details {
			for _, r := range ds {
				if byUpd {
					// A detail answers to its head's updDateTime.
					v := Row{"updDateTime": d.heads[hid]["updDateTime"]}
					for k, x := range r {
						v[k] = x
					}
					r = v
				}
				rows = append(rows, r)
			}
		}
		if len(q.order) == 0 {
			q.order = []string{"transactionHeadId", "transactionDetailId"}
		}
	}
	d.mu.Unlock()
	return answerRef(q, rows, key), nil
}

// unbounded says why a condition object is not a range transaction_ref accepts.
func unbounded(c map[string]string) string {
	lo, hi := map[string]string{}, map[string]string{}
	for k, v := range c {
		col, op := splitKey(k)
		switch op {
		case ">", ">=":
			lo[col] = v
		case "<", "<=":
			hi[col] = v
		case "=":
			if col == "transactionHeadId" {
				return "" // one transaction
			}
		}
	}
	if l, ok := lo["transactionHeadId"]; ok {
		if h, ok := hi["transactionHeadId"]; ok {
			a, errA := strconv.ParseInt(l, 10, 64)
			b, errB := strconv.ParseInt(h, 10, 64)
			if errA != nil || errB != nil || b-a > 100_000 {
				return fmt.Sprintf("transactionHeadId range %s..%s is wider than 100000", l, h)
			}
			return ""
		}
	}
	for _, col := range []string{"transactionDateTime", "updDateTime"} {
		l, okL := lo[col]
		h, okH := hi[col]
		if !okL || !okH {
			continue
		}
		a, errA := time.Parse(timeLayout, l)
		b, errB := time.Parse(timeLayout, h)
		if errA != nil || errB != nil || b.Sub(a) > 31*24*time.Hour {
			return fmt.Sprintf("%s range %s..%s is longer than 31 days", col, l, h)
		}
		return ""
	}
	return "transaction_ref needs a bounded id or date range"
}

// mentions reports whether any condition is on col.
func mentions(conds []map[string]string, col string) bool {
	for _, c := range conds {
		for k := range c {
			if name, _ := splitKey(k); name == col {
				return true
			}
		}
	}
	return false
}
