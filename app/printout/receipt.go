package printout

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2/lang"
	"github.com/go-pdf/fpdf"

	"salondesk/app"
	"salondesk/assets"
	"salondesk/data"
)

// Receipt is what a 領収書 shows: the salon, the customer, the sale.
type Receipt struct {
	Salon    string
	Customer string // name, without 様
	Sale     data.Sale
}

// Receipt geometry in millimetres (A6 portrait, the size of a receipt printer's roll
// cut in two, and what a home printer prints on A4 at the top-left).
const (
	receiptW, receiptH = 105.0, 148.0
	receiptMargin      = 8.0
	receiptLine        = 5.5
)

// ReceiptFile writes the sale's 領収書 beside the database (prints/receipt-<id>.pdf) and
// returns its path.
func ReceiptFile(ctx context.Context, a *app.App, saleID int64) (string, error) {
	sale, err := a.Sale(ctx, saleID)
	if err != nil {
		return "", err
	}
	salon, err := a.Salon(ctx)
	if err != nil {
		return "", err
	}
	r := Receipt{Salon: salon.Name, Sale: sale}
	if sale.CustomerID != 0 {
		if c, err := a.Customer(ctx, sale.CustomerID); err == nil {
			r.Customer = c.Name
			if r.Customer == "" {
				r.Customer = c.Kana
			}
		}
	}
	dir := filepath.Join(filepath.Dir(a.DatabasePath()), "prints")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "receipt-"+strconv.FormatInt(saleID, 10)+".pdf")
	return path, WriteReceipt(r, path)
}

// WriteReceipt renders the 領収書 as a PDF at path, in the embedded Japanese font.
func WriteReceipt(r Receipt, path string) error {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: receiptW, Ht: receiptH}})
	f.SetMargins(receiptMargin, receiptMargin, receiptMargin)
	f.SetAutoPageBreak(true, receiptMargin)
	f.AddUTF8FontFromBytes(fontName, "", assets.FontBytes())
	f.SetTitle(r.Salon+" "+lang.X("printout.receipt.title", "領収書"), true)
	f.SetCreator("SalonDesk", true)
	f.SetCreationDate(r.Sale.SoldAt)
	f.AddPage()
	paintReceipt(f, r)
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return &app.UserError{Key: "printout.error.write", Args: map[string]any{"Path": path, "Reason": err.Error()}}
	}
	return nil
}

func paintReceipt(f *fpdf.Fpdf, r Receipt) {
	w := receiptW - 2*receiptMargin
	s := r.Sale
	f.SetFont(fontName, "", 16)
	f.CellFormat(w, 10, lang.X("printout.receipt.title", "領収書"), "", 1, "C", false, 0, "")
	if s.Reversed() {
		f.SetTextColor(200, 0, 0)
		f.SetFont(fontName, "", 10)
		f.CellFormat(w, receiptLine, lang.X("printout.receipt.reversed", "取消済み（{{.Reason}}）",
			map[string]any{"Reason": s.ReversalNote}), "", 1, "C", false, 0, "")
		f.SetTextColor(0, 0, 0)
	}
	f.SetFont(fontName, "", 11)
	if r.Customer != "" {
		f.CellFormat(w, 7, lang.X("printout.receipt.customer", "{{.Name}} 様", map[string]any{"Name": r.Customer}),
			"B", 1, "L", false, 0, "")
	}
	f.SetFont(fontName, "", 9)
	f.CellFormat(w, receiptLine, s.SoldAt.Format("2006/01/02 15:04")+"   "+lang.X("printout.receipt.number",
		"No. {{.Number}}", map[string]any{"Number": s.ID}), "", 1, "R", false, 0, "")
	f.Ln(1)
	subtotal := 0
	for _, it := range s.Items {
		name := it.Name
		if it.Quantity > 1 {
			name += " × " + strconv.Itoa(it.Quantity)
		}
		if it.Discount > 0 {
			name += " " + lang.X("printout.receipt.line_discount", "(値引 {{.Yen}})", map[string]any{"Yen": yen(it.Discount)})
		}
		receiptRow(f, w, name, yen(it.Price))
		subtotal += it.Price
	}
	f.Line(receiptMargin, f.GetY()+0.5, receiptMargin+w, f.GetY()+0.5)
	f.Ln(1.5)
	f.SetFont(fontName, "", 12)
	receiptRow(f, w, lang.X("printout.receipt.total", "合計"), yen(s.Amount))
	f.SetFont(fontName, "", 9)
	if s.TaxInclusive {
		receiptRow(f, w, lang.X("printout.receipt.tax_inclusive", "（内消費税等 {{.Rate}}%）", map[string]any{"Rate": s.TaxRate}), yen(s.Tax))
	} else {
		receiptRow(f, w, lang.X("printout.receipt.tax_exclusive", "消費税等 {{.Rate}}%", map[string]any{"Rate": s.TaxRate}), yen(s.Tax))
	}
	f.Ln(1)
	for _, p := range s.Payments {
		receiptRow(f, w, app.MethodLabel(p.Method), yen(p.Amount))
	}
	if s.Tendered > 0 {
		receiptRow(f, w, lang.X("printout.receipt.tendered", "お預り"), yen(s.Tendered))
		receiptRow(f, w, lang.X("printout.receipt.change", "おつり"), yen(s.Change))
	}
	f.Ln(3)
	f.SetFont(fontName, "", 9)
	f.CellFormat(w, receiptLine, lang.X("printout.receipt.received", "上記正に領収いたしました。"), "", 1, "L", false, 0, "")
	f.SetFont(fontName, "", 11)
	f.CellFormat(w, 7, r.Salon, "", 1, "R", false, 0, "")
}

func receiptRow(f *fpdf.Fpdf, w float64, label, amount string) {
	f.CellFormat(w*0.7, receiptLine, label, "", 0, "L", false, 0, "")
	f.CellFormat(w*0.3, receiptLine, amount, "", 1, "R", false, 0, "")
}

// yen is ¥1,234 (−¥500 for a discount line).
func yen(n int) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + "¥" + s
}
