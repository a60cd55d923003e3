package app

import "fyne.io/fyne/v2/lang"

// methodNames are the payment methods as the desk says them (the keys' Japanese text).
var methodNames = map[string]string{
	MethodCash: "現金", MethodCard: "クレジットカード", MethodEMoney: "電子マネー・QR", MethodTicket: "回数券",
	MethodPlan: "定額プラン", MethodOther: "その他", MethodPartial: "分割",
}

// MethodLabel is a payment method's name for screens, receipts and CSV.
func MethodLabel(m string) string {
	ja, ok := methodNames[m]
	if !ok {
		return m
	}
	return lang.X("sales.method."+m, ja)
}

var lineKindNames = map[string]string{
	"menu": "メニュー", "coupon": "クーポン", "designation": "指名料", "product": "店販", "discount": "値引き",
}

// LineKindLabel is a sale line's kind (メニュー, クーポン, 指名料, 店販, 値引き).
func LineKindLabel(kind string) string {
	ja, ok := lineKindNames[kind]
	if !ok {
		return kind
	}
	return lang.X("sales.kind."+kind, ja)
}
