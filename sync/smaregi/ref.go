package smaregi

import (
	"context"
	"fmt"
)

// MaxLimit is the most rows one *_ref answer holds.
const MaxLimit = 1000

// Cond is one condition object: the operator lives in the key ("customerId >",
// "transactionHeadId <=", "productCode like"; a bare column is equality) and the
// keys of one Cond are ANDed.
type Cond map[string]string

// Query is a *_ref request.
type Query struct {
	Table      string   // table_name, set by the typed calls
	Fields     []string // columns to return; nil: all
	Conditions []Cond
	Order      []string // e.g. "transactionHeadId", "transactionHeadId desc"
	Limit      int      // 1..MaxLimit; 0 is MaxLimit
	Page       int      // from 1; 0 is 1
}

// refParams is the wire form of a Query.
type refParams struct {
	Table      string   `json:"table_name"`
	Fields     []string `json:"fields,omitempty"`
	Conditions []Cond   `json:"conditions,omitempty"`
	Order      []string `json:"order,omitempty"`
	Limit      int      `json:"limit"`
	Page       int      `json:"page"`
}

// Page is one answer of a *_ref call: its rows and total_count (all matching rows,
// over every page).
type Page struct {
	Rows  []Row
	Total int
}

// Ref sends a *_ref call (proc "customer_ref", "transaction_ref"…) and reads its
// answer leniently.
func (c *Client) Ref(ctx context.Context, proc string, q Query) (Page, error) {
	if q.Limit <= 0 || q.Limit > MaxLimit {
		q.Limit = MaxLimit
	}
	if q.Page <= 0 {
		q.Page = 1
	}
	body, err := c.call(ctx, proc, refParams{Table: q.Table, Fields: q.Fields,
		Conditions: q.Conditions, Order: q.Order, Limit: q.Limit, Page: q.Page})
	if err != nil {
		return Page{}, err
	}
	a, err := parseRefAnswer(body)
	if err != nil {
		// A 200 we cannot read (a proxy's page, a cut body): maybe better later.
		return Page{}, &Error{Proc: proc, Status: 200, Err: fmt.Errorf("unreadable answer: %w", err), kind: KindTransient}
	}
	return Page{Rows: a.Rows, Total: a.Total}, nil
}

// CustomerRef reads one page of customers.
func (c *Client) CustomerRef(ctx context.Context, q Query) ([]Customer, int, error) {
	q.Table = "Customer"
	p, err := c.Ref(ctx, "customer_ref", q)
	if err != nil {
		return nil, 0, err
	}
	out := make([]Customer, 0, len(p.Rows))
	for _, r := range p.Rows {
		cu, err := CustomerFromRow(r)
		if err != nil {
			return nil, 0, dataError("customer_ref", err)
		}
		out = append(out, cu)
	}
	return out, p.Total, nil
}

// ProductRef reads one page of products.
func (c *Client) ProductRef(ctx context.Context, q Query) ([]Product, int, error) {
	q.Table = "Product"
	p, err := c.Ref(ctx, "product_ref", q)
	if err != nil {
		return nil, 0, err
	}
	out := make([]Product, 0, len(p.Rows))
	for _, r := range p.Rows {
		pr, err := ProductFromRow(r)
		if err != nil {
			return nil, 0, dataError("product_ref", err)
		}
		out = append(out, pr)
	}
	return out, p.Total, nil
}

// CategoryRef reads one page of categories (部門).
func (c *Client) CategoryRef(ctx context.Context, q Query) ([]Category, int, error) {
	q.Table = "Category"
	p, err := c.Ref(ctx, "category_ref", q)
	if err != nil {
		return nil, 0, err
	}
	out := make([]Category, 0, len(p.Rows))
	for _, r := range p.Rows {
		var ca Category
		if err := fill(r, &ca); err != nil {
			return nil, 0, dataError("category_ref", err)
		}
		ca.Fields = r
		out = append(out, ca)
	}
	return out, p.Total, nil
}

// StoreRef reads one page of stores (店舗).
func (c *Client) StoreRef(ctx context.Context, q Query) ([]Store, int, error) {
	q.Table = "Store"
	p, err := c.Ref(ctx, "store_ref", q)
	if err != nil {
		return nil, 0, err
	}
	out := make([]Store, 0, len(p.Rows))
	for _, r := range p.Rows {
		var st Store
		if err := fill(r, &st); err != nil {
			return nil, 0, dataError("store_ref", err)
		}
		st.Fields = r
		out = append(out, st)
	}
	return out, p.Total, nil
}

// Ping is 接続テスト: the cheapest call that proves the URL, contract id and token
// (store_ref, one row, one column). Its error is an *Error whose Message is the
// Japanese text Smaregi returned (e.g. 契約IDが無効です。), or whose Err says why no
// answer came.
func (c *Client) Ping(ctx context.Context) error {
	_, _, err := c.StoreRef(ctx, Query{Fields: []string{"storeId"}, Limit: 1})
	return err
}

// FunctionCheck is one proc_name tried by CheckFunctions: Err nil when Smaregi
// answered, else its *Error (code 23 when 機能設定 has it switched off).
type FunctionCheck struct {
	Proc string
	Err  error
}

// CheckFunctions tries the reference procs SalonDesk relies on, one cheap request
// each, so that 接続テスト can say which function is switched off rather than only
// that one is. The *_upd procs cannot be tried without writing; a switched-off one
// shows up as error 23 on the first send.
func (c *Client) CheckFunctions(ctx context.Context) []FunctionCheck {
	checks := []struct {
		proc string
		q    Query
	}{
		{"store_ref", Query{Table: "Store", Fields: []string{"storeId"}, Limit: 1}},
		{"customer_ref", Query{Table: "Customer", Fields: []string{"customerId"}, Limit: 1}},
		{"product_ref", Query{Table: "Product", Fields: []string{"productId"}, Limit: 1}},
		{"transaction_ref", Query{Table: "TransactionHead", Fields: []string{"transactionHeadId"},
			Conditions: idRange(0, 1), Limit: 1}},
	}
	out := make([]FunctionCheck, 0, len(checks))
	for _, ch := range checks {
		_, err := c.Ref(ctx, ch.proc, ch.q)
		out = append(out, FunctionCheck{Proc: ch.proc, Err: err})
	}
	return out
}
