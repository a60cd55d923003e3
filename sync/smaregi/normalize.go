package smaregi

import (
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// Field limits of the legacy API (spec §1, Customer and Product columns).
const (
	MaxCustomerCode = 20
	MaxName         = 85
	MaxPhone        = 20
	MaxPostCode     = 10
	MaxID           = 15 // productId; customerId is held to the same
	MaxCategoryID   = 9
	MaxProductCode  = 20
	MaxPriceDigits  = 8
)

// NormalizeCustomer returns the row as Smaregi accepts it: spaces trimmed, codes and
// numbers made half-width, kana in full-width katakana (hiragana and half-width kana
// converted, spaces dropped), phone numbers and the post code without hyphens, a
// birth date written YYYY/MM/DD turned into YYYY-MM-DD, and an empty customerCode
// taken from customerId. What still breaks a rule is returned as FieldErrors (all of
// them, not only the first), and the row must not be sent.
func NormalizeCustomer(c Customer) (Customer, []FieldError) {
	c.CustomerID = half(c.CustomerID)
	c.CustomerCode = half(c.CustomerCode)
	if c.CustomerCode == "" {
		c.CustomerCode = c.CustomerID
	}
	c.CustomerNo = half(c.CustomerNo)
	c.LastName, c.FirstName = strings.TrimSpace(c.LastName), strings.TrimSpace(c.FirstName)
	c.LastKana, c.FirstKana = Katakana(c.LastKana), Katakana(c.FirstKana)
	c.PhoneNumber, c.MobileNumber = phone(c.PhoneNumber), phone(c.MobileNumber)
	c.PostCode = strings.TrimPrefix(phone(c.PostCode), "〒")
	c.Address = strings.TrimSpace(c.Address)
	c.MailAddress = half(c.MailAddress)
	c.Sex = half(c.Sex)
	c.BirthDate = strings.ReplaceAll(half(c.BirthDate), "/", "-")

	var ck fieldCheck
	ck.digits(c.CustomerID, "customerId", "会員ID", true, MaxID)
	ck.ascii(c.CustomerCode, "customerCode", "会員コード", true, MaxCustomerCode)
	ck.text(c.LastName, "lastName", "姓", true, MaxName)
	ck.text(c.FirstName, "firstName", "名", true, MaxName)
	kana(&ck, c.LastKana, "lastKana", "姓（フリガナ）")
	kana(&ck, c.FirstKana, "firstKana", "名（フリガナ）")
	ck.digits(c.PhoneNumber, "phoneNumber", "電話番号", false, MaxPhone)
	ck.digits(c.MobileNumber, "mobileNumber", "携帯電話番号", false, MaxPhone)
	ck.ascii(c.PostCode, "postCode", "郵便番号", false, MaxPostCode)
	ck.ascii(c.MailAddress, "mailAddress", "メールアドレス", false, 0)
	switch c.Sex {
	case "", "0", "1", "2":
	default:
		ck.fail("sex", "性別", RuleChoice, 0)
	}
	if c.BirthDate != "" {
		if _, err := time.Parse("2006-01-02", c.BirthDate); err != nil {
			ck.fail("birthDate", "誕生日", RuleDate, 0)
		}
	}
	return c, ck.errs
}

// NormalizeProduct returns the product as Smaregi accepts it (ids, code and price
// half-width, the price without thousands separators, kana in katakana) or the
// FieldErrors of what it would refuse.
func NormalizeProduct(p Product) (Product, []FieldError) {
	p.ProductID, p.CategoryID = half(p.ProductID), half(p.CategoryID)
	p.ProductCode = half(p.ProductCode)
	p.ProductName = strings.TrimSpace(p.ProductName)
	p.ProductKana = Katakana(p.ProductKana)
	p.Price = strings.ReplaceAll(half(p.Price), ",", "")

	var ck fieldCheck
	ck.digits(p.ProductID, "productId", "商品ID", true, MaxID)
	ck.digits(p.CategoryID, "categoryId", "部門ID", true, MaxCategoryID)
	ck.ascii(p.ProductCode, "productCode", "商品コード", true, MaxProductCode)
	ck.text(p.ProductName, "productName", "商品名", true, MaxName)
	kana(&ck, p.ProductKana, "productKana", "商品カナ")
	ck.digits(p.Price, "price", "商品単価", true, MaxPriceDigits)
	return p, ck.errs
}

// Katakana turns s into full-width katakana as Smaregi's kana columns want it: NFKC
// (half-width ｶﾞ becomes ガ), hiragana shifted to katakana, and spaces dropped. Other
// characters are kept, so that a check can still refuse them.
func Katakana(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		switch {
		case r >= 'ぁ' && r <= 'ゖ', r == 'ゝ', r == 'ゞ':
			r += 'ァ' - 'ぁ'
		case r == ' ', r == '　', r == '\t':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func kana(ck *fieldCheck, v, field, label string) {
	ck.text(v, field, label, false, MaxName)
	for _, r := range v {
		if !(r >= 'ァ' && r <= 'ヶ' || r == 'ー' || r == 'ヽ' || r == 'ヾ' || r == '・') {
			ck.fail(field, label, RuleKana, 0)
			return
		}
	}
}

// half trims s and makes full-width letters, digits and symbols half-width (NFKC).
func half(s string) string { return strings.TrimSpace(norm.NFKC.String(s)) }

// phone keeps the digits of a phone number or post code: half-width, without the
// hyphens, spaces and brackets people write between them.
func phone(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', 'ー', '−', '‐', '―', ' ', '(', ')':
			return -1
		}
		return r
	}, half(s))
}

func normalizeCustomers(rows []Customer) ([]Customer, *RefusedError) {
	return normalizeRows("Customer", rows, NormalizeCustomer, func(c Customer) string { return c.CustomerID })
}

func normalizeProducts(rows []Product) ([]Product, *RefusedError) {
	return normalizeRows("Product", rows, NormalizeProduct, func(p Product) string { return p.ProductID })
}

// normalizeRows applies a table's field rules to every row: the good rows to send, and the
// refused ones with what is wrong with each.
func normalizeRows[T any](table string, rows []T, norm func(T) (T, []FieldError), id func(T) string) ([]T, *RefusedError) {
	good := make([]T, 0, len(rows))
	refused := &RefusedError{Table: table}
	for _, r := range rows {
		n, errs := norm(r)
		if len(errs) > 0 {
			refused.Rows = append(refused.Rows, RefusedRow{ID: id(r), Fields: errs})
			continue
		}
		good = append(good, n)
	}
	return good, refused
}
