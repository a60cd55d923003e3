package masters

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/csvio"
	"salondesk/app/export"
)

// maxShownErrors is how many row errors the preview lists (the count says the rest).
const maxShownErrors = 200

// importTapped is CSV取込: pick a file, then the preview.
func (s *customerScreen) importTapped() {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showErr(s.win, err)
			return
		}
		if r == nil {
			return // キャンセル
		}
		defer r.Close()
		s.previewImport(r)
	}, s.win)
}

// previewImport reads the file and shows what it would do; nothing is written until the
// person chooses 取り込む (or 正しい行だけ取り込む when some rows have errors).
func (s *customerScreen) previewImport(r io.Reader) {
	p, err := s.a.PreviewCustomerImport(bg(), r)
	if err != nil {
		showErr(s.win, err)
		return
	}
	var d dialog.Dialog
	commit := func(goodOnly bool) {
		d.Hide()
		res, err := s.a.CommitCustomerImport(bg(), p, goodOnly)
		if err != nil {
			showErr(s.win, err)
			return
		}
		dialog.ShowInformation(lang.X("customers.ui.import_title", "お客様CSV取込"),
			lang.X("customers.ui.import_done", "取り込みました。新規 {{.New}}件・更新 {{.Updated}}件",
				map[string]any{"New": res.New, "Updated": res.Updated}), s.win)
	}
	all := widget.NewButton(lang.X("customers.ui.import_all", "取り込む"), func() { commit(false) })
	all.Importance = widget.HighImportance
	good := widget.NewButton(lang.X("customers.ui.import_good", "正しい行だけ取り込む"), func() { commit(true) })
	enable(all, len(p.Errors) == 0 && p.Good > 0)
	enable(good, len(p.Errors) > 0 && p.Good > 0)
	cancel := widget.NewButton(lang.X("customers.ui.cancel", "キャンセル"), func() { d.Hide() })
	body := container.NewBorder(widget.NewLabel(importSummary(p)), nil, nil, nil,
		container.NewVScroll(widget.NewLabel(importDetails(p))))
	d = dialog.NewCustomWithoutButtons(lang.X("customers.ui.import_title", "お客様CSV取込"),
		container.NewBorder(nil, container.NewHBox(cancel, good, all), nil, nil, body), s.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

func importSummary(p *app.ImportPreview) string {
	return lang.X("customers.ui.import_summary", "文字コード {{.Encoding}}　{{.Rows}}行　正しい行 {{.Good}}（新規 {{.New}}・更新 {{.Updated}}）　エラー {{.Errors}}件",
		map[string]any{"Encoding": encodingName(p.Encoding), "Rows": p.Rows, "Good": p.Good, "New": p.New,
			"Updated": p.Updated, "Errors": len(p.Errors)})
}

// importDetails lists the row errors (行番号, column, why), then the first rows as they
// would be stored.
func importDetails(p *app.ImportPreview) string {
	var b strings.Builder
	for i, e := range p.Errors {
		if i == maxShownErrors {
			b.WriteString(lang.X("customers.ui.import_more_errors", "ほか {{.Count}}件", map[string]any{"Count": len(p.Errors) - i}) + "\n")
			break
		}
		b.WriteString(lang.X("customers.ui.import_error_row", "{{.Line}}行目　{{.Column}}　{{.Message}}",
			map[string]any{"Line": e.Line, "Column": e.Column, "Message": e.Message}) + "\n")
	}
	if len(p.Ignored) > 0 {
		b.WriteString(lang.X("customers.ui.import_ignored", "読まない列: {{.Columns}}",
			map[string]any{"Columns": strings.Join(p.Ignored, "、")}) + "\n")
	}
	if len(p.Sample) > 0 {
		b.WriteString("\n" + lang.X("customers.ui.import_sample", "先頭の行（取り込む内容）") + "\n")
	}
	for _, c := range p.Sample {
		number := lang.X("customers.ui.import_new_number", "新規")
		if c.Number > 0 {
			number = fmt.Sprint(c.Number)
		}
		b.WriteString(strings.Join([]string{number, c.Name, c.Kana, c.Phone, c.Email, c.Birthday}, "　") + "\n")
	}
	return b.String()
}

func encodingName(e csvio.Encoding) string {
	if e == csvio.ShiftJIS {
		return "Shift_JIS"
	}
	return "UTF-8"
}

// exportTapped is CSV出力: the encoding (UTF-8 for today's Excel, Shift_JIS for an older
// one), then where to save.
func (s *customerScreen) exportTapped() { askEncoding(s.win, s.saveExport) }

// askEncoding is CSV出力's first step on every screen: UTF-8 (BOM) or Shift_JIS, then next.
func askEncoding(win fyne.Window, next func(csvio.Encoding)) {
	utf8 := lang.X("customers.ui.encoding_unicode", "UTF-8（BOM付き）")
	sjis := lang.X("customers.ui.encoding_sjis", "Shift_JIS（古いExcel）")
	choice := widget.NewRadioGroup([]string{utf8, sjis}, nil)
	choice.SetSelected(utf8)
	dialog.ShowCustomConfirm(lang.X("customers.ui.export", "CSV出力"), lang.X("customers.ui.next", "次へ"),
		lang.X("customers.ui.cancel", "キャンセル"), choice, func(ok bool) {
			if !ok {
				return
			}
			enc := csvio.UTF8
			if choice.Selected == sjis {
				enc = csvio.ShiftJIS
			}
			next(enc)
		}, win)
}

func (s *customerScreen) saveExport(enc csvio.Encoding) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showErr(s.win, err)
			return
		}
		if w == nil {
			return
		}
		err = export.CustomersEncoded(bg(), s.a, export.FormatCSV, enc, w)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			showErr(s.win, err)
		}
	}, s.win)
	save.SetFileName("customers.csv")
	save.Show()
}
