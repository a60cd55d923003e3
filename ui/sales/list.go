package sales

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/export"
	"salondesk/app/printout"
	"salondesk/data"
	"salondesk/ui/uifmt"
)

// saleRows lists the sales: time, customer, staff, amount, methods, and the lines under
// it; a reversed sale is struck through with its reason, a standing one offers 取消 and
// 領収書.
func saleRows(s *Screen, list []data.Sale) []fyne.CanvasObject {
	if len(list) == 0 {
		l := widget.NewLabel(lang.X("sales.screen.none", "この期間の会計はありません。"))
		l.Importance = widget.LowImportance
		return []fyne.CanvasObject{l}
	}
	rows := make([]fyne.CanvasObject, 0, len(list))
	for _, sale := range list {
		rows = append(rows, saleRow(s, sale), widget.NewSeparator())
	}
	return rows
}

func saleRow(s *Screen, sale data.Sale) fyne.CanvasObject {
	var methods []string
	for _, p := range sale.Payments {
		methods = append(methods, app.MethodLabel(p.Method)+" "+uifmt.Yen(p.Amount))
	}
	head := widget.NewLabelWithStyle(lang.X("sales.screen.sale", "{{.Time}}　{{.Customer}}　{{.Staff}}　{{.Amount}}　{{.Methods}}",
		map[string]any{"Time": sale.SoldAt.Format("01/02 15:04"), "Customer": orDash(sale.CustomerName),
			"Staff": orDash(sale.StaffName), "Amount": uifmt.Yen(sale.Amount), "Methods": strings.Join(methods, " / ")}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lines := container.NewVBox()
	for _, it := range sale.Items {
		name := widget.NewLabel("　" + it.Name)
		lines.Add(container.NewBorder(nil, nil, nil, widget.NewLabel(uifmt.Yen(it.Amount)), name))
	}
	body := container.NewVBox(head, lines)
	if sale.Reversed() {
		reason := widget.NewLabel(lang.X("sales.screen.reversed", "取消（{{.Reason}}）", map[string]any{"Reason": sale.ReversalNote}))
		reason.Importance = widget.DangerImportance
		return container.NewVBox(struck(body), reason)
	}
	id := sale.ID
	reverse := widget.NewButton(lang.X("sales.screen.reverse", "取消"), func() { s.askReverse(id) })
	reverse.Importance = widget.DangerImportance
	receipt := widget.NewButton(lang.X("sales.screen.receipt", "領収書"), func() { s.printReceipt(id) })
	return container.NewBorder(nil, nil, nil, container.NewVBox(receipt, reverse), body)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// askReverse is 取消: it asks the reason and reverses; nothing is deleted.
func (s *Screen) askReverse(saleID int64) {
	reason := widget.NewEntry()
	reason.SetPlaceHolder(lang.X("sales.screen.reason_hint", "例: 金額の誤り"))
	items := []*widget.FormItem{widget.NewFormItem(lang.X("sales.screen.reason", "取消の理由"), reason)}
	dialog.ShowForm(lang.X("sales.screen.reverse_title", "会計の取消"), lang.X("sales.screen.reverse", "取消"),
		lang.X("sales.screen.close", "閉じる"), items, func(ok bool) {
			if !ok {
				return
			}
			if err := s.a.ReverseSale(context.Background(), saleID, reason.Text); err != nil {
				dialog.ShowError(err, s.win)
				return
			}
			s.Refresh()
		}, s.win)
}

func (s *Screen) printReceipt(saleID int64) {
	go func() {
		path, err := printout.ReceiptFile(context.Background(), s.a, saleID)
		if err == nil {
			err = printout.Open(path)
		}
		if err != nil {
			fyne.Do(func() { dialog.ShowError(err, s.win) })
		}
	}()
}

// exportCSV asks where to save and writes the shown range's sales in enc, off the UI goroutine.
func (s *Screen) exportCSV(enc string) {
	from, to := s.shownFrom, s.shownTo
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		go func() {
			err := export.Sales(context.Background(), s.a, from, to, enc, w)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			fyne.Do(func() {
				if err != nil {
					dialog.ShowError(err, s.win)
					return
				}
				dialog.ShowInformation(lang.X("sales.screen.csv_title", "CSV出力"),
					lang.X("sales.screen.csv_done", "CSVを保存しました。"), s.win)
			})
		}()
	}, s.win)
	d.SetFileName("sales-" + data.FormatDay(from) + ".csv")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Show()
}
