package masters

import (
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/csvio"
)

// masterCSV is CSV取込 / CSV出力 of one master list (the customer screen's buttons and
// words): the import shows its preview and row errors first and imports the whole file,
// or nothing while any row is wrong.
type masterCSV struct {
	s    *screen
	kind string // app.Master…
	what string // the tab's name: スタッフ, メニュー …
}

// buttons are CSV取込 and CSV出力, for under the list.
func (c *masterCSV) buttons() fyne.CanvasObject {
	return container.NewGridWithColumns(2,
		widget.NewButton(lang.X("customers.ui.import", "CSV取込"), c.importTapped),
		widget.NewButton(lang.X("customers.ui.export", "CSV出力"), c.exportTapped))
}

func (c *masterCSV) importTapped() {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			c.s.showError(err)
			return
		}
		if r == nil {
			return // キャンセル
		}
		defer r.Close()
		c.previewImport(r)
	}, c.s.win)
}

// previewImport reads the file and shows what it would do; 取り込む stays disabled while
// any row has an error, or when the file changes nothing.
func (c *masterCSV) previewImport(r io.Reader) {
	p, err := c.s.a.PreviewMasterImport(bg(), c.kind, r)
	if err != nil {
		c.s.showError(err)
		return
	}
	title := lang.X("masters.csv.import_title", "{{.What}}のCSV取込", map[string]any{"What": c.what})
	var d dialog.Dialog
	ok := widget.NewButton(lang.X("customers.ui.import_all", "取り込む"), func() {
		d.Hide()
		res, err := c.s.a.CommitMasterImport(bg(), p)
		if err != nil {
			c.s.showError(err)
			return
		}
		dialog.ShowInformation(title, lang.X("customers.ui.import_done", "取り込みました。新規 {{.New}}件・更新 {{.Updated}}件",
			map[string]any{"New": res.New, "Updated": res.Updated}), c.s.win)
	})
	ok.Importance = widget.HighImportance
	enable(ok, len(p.Errors) == 0 && p.New+p.Updated > 0)
	cancel := widget.NewButton(lang.X("customers.ui.cancel", "キャンセル"), func() { d.Hide() })
	body := container.NewBorder(widget.NewLabel(masterImportSummary(p)), nil, nil, nil,
		container.NewVScroll(widget.NewLabel(masterImportDetails(p))))
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewHBox(cancel, ok), nil, nil, body), c.s.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

func masterImportSummary(p *app.MasterPreview) string {
	s := lang.X("masters.csv.summary", "文字コード {{.Encoding}}　{{.Rows}}行　正しい行 {{.Good}}（新規 {{.New}}・更新 {{.Updated}}・変更なし {{.Unchanged}}）　エラー {{.Errors}}件",
		map[string]any{"Encoding": encodingName(p.Encoding), "Rows": p.Rows, "Good": p.Good, "New": p.New,
			"Updated": p.Updated, "Unchanged": p.Unchanged, "Errors": len(p.Errors)})
	if len(p.Errors) > 0 {
		s += "\n" + lang.X("masters.csv.fix_errors", "エラーのある行があるときは何も取り込みません。ファイルを直して、もう一度選んでください。")
	}
	return s
}

// masterImportDetails lists the row errors (行番号, column, why), then the first rows as
// they would be stored, under the export's header.
func masterImportDetails(p *app.MasterPreview) string {
	var b strings.Builder
	for i, e := range p.Errors {
		if i == maxShownErrors {
			b.WriteString(lang.X("customers.ui.import_more_errors", "ほか {{.Count}}件", map[string]any{"Count": len(p.Errors) - i}) + "\n")
			break
		}
		b.WriteString(lang.X("customers.ui.import_error_row", "{{.Line}}行目　{{.Column}}　{{.Message}}",
			map[string]any{"Line": e.Line, "Column": e.Column, "Message": e.Message}) + "\n")
	}
	for _, r := range p.Renames {
		b.WriteString(lang.X("masters.csv.rename_row", "{{.Line}}行目　ID {{.ID}}　名前を「{{.From}}」から「{{.To}}」に変えます",
			map[string]any{"Line": r.Line, "ID": r.ID, "From": r.From, "To": r.To}) + "\n")
	}
	if len(p.Ignored) > 0 {
		b.WriteString(lang.X("customers.ui.import_ignored", "読まない列: {{.Columns}}",
			map[string]any{"Columns": strings.Join(p.Ignored, "、")}) + "\n")
	}
	if len(p.Sample) > 0 {
		b.WriteString("\n" + lang.X("customers.ui.import_sample", "先頭の行（取り込む内容）") + "\n")
		b.WriteString(strings.Join(p.Header, "　") + "\n")
	}
	for _, row := range p.Sample {
		b.WriteString(strings.Join(row, "　") + "\n")
	}
	return b.String()
}

// exportTapped is CSV出力: the encoding, then where to save.
func (c *masterCSV) exportTapped() { askEncoding(c.s.win, c.saveExport) }

// saveExport writes the file. The export is checked first (a Shift_JIS file that would
// not read back the same names is refused), so no half-written file is left behind.
func (c *masterCSV) saveExport(enc csvio.Encoding) {
	var buf strings.Builder
	if err := c.s.a.ExportMasters(bg(), c.kind, "csv", enc, &buf); err != nil {
		c.s.showError(err)
		return
	}
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			c.s.showError(err)
			return
		}
		if w == nil {
			return
		}
		_, err = io.WriteString(w, buf.String())
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			c.s.showError(err)
		}
	}, c.s.win)
	save.SetFileName(c.kind + ".csv")
	save.Show()
}
