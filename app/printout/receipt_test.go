package printout

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"salondesk/data"
)

func receiptSale() Receipt {
	return Receipt{Salon: "テストサロン", Customer: "山田 花子", Sale: data.Sale{ID: 42,
		SoldAt: time.Date(2026, 11, 10, 13, 5, 0, 0, time.Local), Amount: 10755, Tax: 977, TaxRate: 10,
		TaxInclusive: true, Tendered: 10000, Change: 245,
		Items: []data.SaleItem{
			{Kind: data.LineMenu, Name: "カット", Quantity: 1, UnitPrice: 5000, Discount: 500, Price: 4500},
			{Kind: data.LineProduct, Name: "シャンプー", Quantity: 2, UnitPrice: 2200, Price: 4400},
			{Kind: data.LineDesignation, Name: "指名料", Quantity: 1, UnitPrice: 3050, Price: 3050},
			{Kind: data.LineDiscount, Name: "値引き", Quantity: 1, UnitPrice: -1195, Price: -1195},
		},
		Payments: []data.SalePayment{{Method: "cash", Amount: 9755}, {Method: "card", Amount: 1000}}}}
}

// The 領収書 carries the salon, the customer, every line, the total, the tax and the
// payments, in the embedded font.
func TestReceiptPDF(t *testing.T) {
	path := filepath.Join(t.TempDir(), "receipt.pdf")
	if err := WriteReceipt(receiptSale(), path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF")) || !bytes.Contains(b, []byte("/FontName /utf8ipaexgothic")) {
		t.Fatal("not a PDF with the IPAex Gothic font embedded")
	}
	text := pdfText(t, path)
	if text == "" {
		return
	}
	for _, want := range []string{"領収書", "山田 花子 様", "テストサロン", "カット", "(値引 ¥500)", "シャンプー × 2",
		"¥4,400", "指名料", "-¥1,195", "合計", "¥10,755", "（内消費税等 10%）", "¥977", "現金", "¥9,755",
		"クレジットカード", "お預り", "¥10,000", "おつり", "¥245", "No. 42"} {
		if !strings.Contains(noSpace(text), noSpace(want)) {
			t.Errorf("receipt lacks %q", want)
		}
	}
	// Drawn to a PNG for a look, when asked: RECEIPT_PNG=/tmp/receipt go test -run TestReceiptPDF
	if out := os.Getenv("RECEIPT_PNG"); out != "" {
		renderPNG(t, path, out)
	}
}

// A reversed sale's receipt says so.
func TestReceiptOfReversedSale(t *testing.T) {
	r := receiptSale()
	r.Sale.ReversedAt, r.Sale.ReversalNote = "2026-11-10 14:00:00", "金額の誤り"
	path := filepath.Join(t.TempDir(), "receipt.pdf")
	if err := WriteReceipt(r, path); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, path); text != "" && !strings.Contains(noSpace(text), noSpace("取消済み（金額の誤り）")) {
		t.Errorf("reversed receipt: %s", text)
	}
}

// renderPNG draws the PDF's first page as out.png with pdftoppm (poppler-utils).
func renderPNG(t *testing.T, pdf, out string) {
	t.Helper()
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm not installed")
	}
	if b, err := exec.Command(bin, "-png", "-r", "110", "-singlefile", pdf, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, b)
	}
}
