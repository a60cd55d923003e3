package smaregi

import (
	"encoding/json"
	"fmt"
	"time"
)

// Customer is a Customer row. The named fields are the columns SalonDesk manages; on
// an upsert every one without omitempty is sent even when empty, so that a phone
// number removed in SalonDesk is removed in Smaregi too, while the columns Smaregi
// owns (point, rank, status…) are never sent and never overwritten. Fields holds every
// column of a row read with CustomerRef.
type Customer struct {
	CustomerID      string `json:"customerId"`
	CustomerCode    string `json:"customerCode"`
	CustomerNo      string `json:"customerNo,omitempty"`
	LastName        string `json:"lastName"`
	FirstName       string `json:"firstName"`
	LastKana        string `json:"lastKana"`
	FirstKana       string `json:"firstKana"`
	PostCode        string `json:"postCode"`
	Address         string `json:"address"`
	PhoneNumber     string `json:"phoneNumber"`
	MobileNumber    string `json:"mobileNumber"`
	MailAddress     string `json:"mailAddress"`
	Sex             string `json:"sex,omitempty"`       // "0" unknown, "1" male, "2" female
	BirthDate       string `json:"birthDate,omitempty"` // YYYY-MM-DD
	MailReceiveFlag string `json:"mailReceiveFlag,omitempty"`
	StoreID         string `json:"storeId,omitempty"`
	Fields          Row    `json:"-"`
}

// Product is a Product row (a plan or ticket of SalonDesk, sent into the 部門ID set in
// the settings). Fields holds every column of a row read with ProductRef.
type Product struct {
	ProductID     string `json:"productId"`
	CategoryID    string `json:"categoryId"` // 部門ID
	ProductCode   string `json:"productCode"`
	ProductName   string `json:"productName"`
	ProductKana   string `json:"productKana,omitempty"`
	TaxDivision   string `json:"taxDivision,omitempty"` // "0" 税込, "1" 税抜, "2" 非課税
	Price         string `json:"price"`
	DisplayFlag   string `json:"displayFlag,omitempty"`
	Division      string `json:"division,omitempty"`
	SalesDivision string `json:"salesDivision,omitempty"`
	Fields        Row    `json:"-"`
}

// Category is a Category row (部門).
type Category struct {
	CategoryID       string `json:"categoryId"`
	CategoryCode     string `json:"categoryCode"`
	CategoryName     string `json:"categoryName"`
	ParentCategoryID string `json:"parentCategoryId"`
	Fields           Row    `json:"-"`
}

// Store is a Store row (店舗).
type Store struct {
	StoreID   string `json:"storeId"`
	StoreCode string `json:"storeCode"`
	StoreName string `json:"storeName"`
	Fields    Row    `json:"-"`
}

// TransactionHead is a TransactionHead row (取引), with the columns the salon's rules
// read parsed; Fields holds every column as it came.
type TransactionHead struct {
	ID           int64     // transactionHeadId
	DateTime     time.Time // transactionDateTime, in Japan time
	Division     string    // transactionHeadDivision ("1" 通常, …)
	Cancelled    bool      // cancelDivision "1": the sale was cancelled (取消)
	CustomerID   string    // "" when no member was chosen
	CustomerCode string
	StoreID      string
	Subtotal     int64 // yen
	Total        int64 // yen
	Fields       Row
}

// TransactionDetail is a TransactionDetail row (取引明細).
type TransactionDetail struct {
	HeadID      int64 // transactionHeadId
	ID          int64 // transactionDetailId, unique within its head
	ProductID   string
	ProductCode string
	ProductName string
	CategoryID  string
	Price       int64 // yen, list price
	SalesPrice  int64 // yen, price sold at
	Quantity    int64
	Fields      Row
}

// Transaction is one sale: its head and its details.
type Transaction struct {
	Head    TransactionHead
	Details []TransactionDetail
}

// japan is Smaregi's time zone: its datetimes carry none. A fixed zone needs no
// tzdata on the salon's PC.
var japan = time.FixedZone("JST", 9*60*60)

// smaregiTime is the layout of Smaregi's datetimes.
const smaregiTime = "2006-01-02 15:04:05"

// fill copies a Row's columns into one of the string-field row types above.
func fill(r Row, into any) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, into)
}

// CustomerFromRow reads a Customer row.
func CustomerFromRow(r Row) (Customer, error) {
	var c Customer
	err := fill(r, &c)
	c.Fields = r
	return c, err
}

// ProductFromRow reads a Product row.
func ProductFromRow(r Row) (Product, error) {
	var p Product
	err := fill(r, &p)
	p.Fields = r
	return p, err
}

// HeadFromRow reads a TransactionHead row: transactionHeadId must be a positive
// integer, and the datetime and amounts must read, since the salon's money depends
// on them.
func HeadFromRow(r Row) (TransactionHead, error) {
	h := TransactionHead{Fields: r, Division: r["transactionHeadDivision"], CustomerID: r["customerId"],
		CustomerCode: r["customerCode"], StoreID: r["storeId"], Cancelled: r["cancelDivision"] == "1"}
	var err error
	if h.ID, err = positiveID(r, "transactionHeadId"); err != nil {
		return h, err
	}
	if h.DateTime, err = parseDateTime(r["transactionDateTime"]); err != nil {
		return h, fmt.Errorf("transaction %d: transactionDateTime: %w", h.ID, err)
	}
	if h.Subtotal, err = lenientInt64(r["subtotal"]); err != nil {
		return h, fmt.Errorf("transaction %d: subtotal: %w", h.ID, err)
	}
	if h.Total, err = lenientInt64(r["total"]); err != nil {
		return h, fmt.Errorf("transaction %d: total: %w", h.ID, err)
	}
	return h, nil
}

// DetailFromRow reads a TransactionDetail row.
func DetailFromRow(r Row) (TransactionDetail, error) {
	d := TransactionDetail{Fields: r, ProductID: r["productId"], ProductCode: r["productCode"],
		ProductName: r["productName"], CategoryID: r["categoryId"]}
	var err error
	if d.HeadID, err = positiveID(r, "transactionHeadId"); err != nil {
		return d, err
	}
	if d.ID, err = lenientInt64(r["transactionDetailId"]); err != nil {
		return d, fmt.Errorf("transaction %d: transactionDetailId: %w", d.HeadID, err)
	}
	for _, f := range []struct {
		col string
		to  *int64
	}{{"price", &d.Price}, {"salesPrice", &d.SalesPrice}, {"quantity", &d.Quantity}} {
		if *f.to, err = lenientInt64(r[f.col]); err != nil {
			return d, fmt.Errorf("transaction %d/%d: %s: %w", d.HeadID, d.ID, f.col, err)
		}
	}
	return d, nil
}

func positiveID(r Row, col string) (int64, error) {
	n, err := lenientInt64(r[col])
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%s %q is not an id", col, r[col])
	}
	return n, nil
}

// parseDateTime reads "2018-09-02 13:34:34" (Japan time); "" is the zero time.
func parseDateTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.ParseInLocation(smaregiTime, s, japan); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

// group joins heads and details into transactions in the heads' order. Details whose
// head is not among heads are returned apart.
func group(heads []TransactionHead, details []TransactionDetail) ([]Transaction, []TransactionDetail) {
	at := make(map[int64]int, len(heads))
	txs := make([]Transaction, 0, len(heads))
	for _, h := range heads {
		if i, dup := at[h.ID]; dup {
			txs[i].Head = h // the later copy of a head sent twice wins
			continue
		}
		at[h.ID] = len(txs)
		txs = append(txs, Transaction{Head: h})
	}
	var orphans []TransactionDetail
	for _, d := range details {
		i, ok := at[d.HeadID]
		if !ok {
			orphans = append(orphans, d)
			continue
		}
		txs[i].Details = append(txs[i].Details, d)
	}
	return txs, orphans
}
