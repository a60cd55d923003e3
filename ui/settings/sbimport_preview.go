package settings

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/salonboard"
)

// preview is the list shown before anything is written: one row per item, with what
// staff may change (take it or not, its length and price).
type preview struct {
	m    *sbImport
	rows []*previewRow
	dlg  dialog.Dialog
	// One length for every new row left blank.
	blank    *widget.Entry
	blankBtn *widget.Button
}

type previewRow struct {
	item     salonboard.ImportItem
	include  *widget.Check
	duration *widget.Entry // new coupons and menus only
	price    *widget.Entry
	status   *widget.Label
	mapBtn   *widget.Button // 表記ゆれ only
}

func newPreview(m *sbImport, p salonboard.ImportPreview) *preview {
	v := &preview{m: m}
	list := container.NewVBox()
	for _, it := range p.Items {
		r := v.newRow(it)
		v.rows = append(v.rows, r)
		list.Add(r.content())
	}
	summary := widget.NewLabel(lang.X("sbimport.summary", "新規 {{.New}}件・表記ゆれ {{.Variant}}件・登録済み {{.Registered}}件",
		map[string]any{"New": p.Count(salonboard.ImportNew), "Variant": p.Count(salonboard.ImportVariant),
			"Registered": p.Count(salonboard.ImportRegistered)}))
	note := widget.NewLabel(lang.X("sbimport.note",
		"SALON BOARDに表示されない所要時間と料金を確認してください（料金はクーポン名の金額、所要時間は同じ名前のメニューから入れてあります）。表記ゆれは、ここの名前のまま対応づけます。"))
	note.Wrapping = fyne.TextWrapBreak // Japanese breaks anywhere; word wrapping splits only "SALON BOARD"
	body := container.NewBorder(container.NewVBox(summary, note, v.fillBlanks()), nil, nil, nil, container.NewVScroll(list))
	v.dlg = dialog.NewCustomConfirm(lang.X("sbimport.title", "SALON BOARDから取り込む"),
		lang.X("sbimport.ok", "取り込む"), lang.X("sbimport.cancel", "キャンセル"), body, v.confirmed, m.s.win)
	v.dlg.Resize(fyne.NewSize(960, 640))
	return v
}

func (v *preview) show() { v.dlg.Show() }

// fillBlanks puts one length into every new row left blank: 120 coupons need not be
// typed one by one.
func (v *preview) fillBlanks() fyne.CanvasObject {
	v.blank = widget.NewEntry()
	v.blankBtn = widget.NewButton(lang.X("sbimport.fill_blanks", "空欄の所要時間に入れる"), func() {
		if _, ok := entryNumber(v.blank); !ok || strings.TrimSpace(v.blank.Text) == "" {
			v.m.s.showError(&app.UserError{Key: "sbimport.error.number", Args: map[string]any{
				"Name": lang.X("sbimport.blank_minutes", "所要時間が空欄の行：")}})
			return
		}
		for _, r := range v.rows {
			if r.duration != nil && strings.TrimSpace(r.duration.Text) == "" {
				r.duration.SetText(v.blank.Text)
			}
		}
	})
	return container.NewHBox(widget.NewLabel(lang.X("sbimport.blank_minutes", "所要時間が空欄の行：")),
		sized(v.blank), widget.NewLabel(lang.X("sbimport.minutes", "分")), v.blankBtn)
}

// sized keeps a number entry narrow, beside its unit.
func sized(e *widget.Entry) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(90, e.MinSize().Height), e)
}

func (v *preview) newRow(it salonboard.ImportItem) *previewRow {
	r := &previewRow{item: it, include: widget.NewCheck("", nil), status: widget.NewLabel(statusLabel(it.Status))}
	r.include.SetChecked(it.Include)
	if it.Status == salonboard.ImportRegistered {
		r.include.Disable()
		r.status.Importance = widget.LowImportance
	}
	if it.Status == salonboard.ImportNew && it.Kind != salonboard.ItemStaff {
		r.duration, r.price = widget.NewEntry(), widget.NewEntry()
		r.duration.SetText(numberText(it.DurationMin))
		r.price.SetText(numberText(it.Price))
	}
	if it.Status == salonboard.ImportVariant {
		r.mapBtn = widget.NewButton(lang.X("sbimport.map", "対応づける"), func() { v.mapVariant(r) })
	}
	return r
}

func numberText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func statusLabel(s salonboard.ImportStatus) string {
	switch s {
	case salonboard.ImportNew:
		return lang.X("sbimport.status.new", "新規")
	case salonboard.ImportVariant:
		return lang.X("sbimport.status.variant", "表記ゆれ")
	}
	return lang.X("sbimport.status.registered", "登録済み")
}

func kindLabel(kind string) string {
	switch kind {
	case salonboard.ItemStaff:
		return lang.X("sbimport.kind.staff", "スタッフ")
	case salonboard.ItemCoupon:
		return lang.X("sbimport.kind.coupon", "クーポン")
	}
	return lang.X("sbimport.kind.menu", "メニュー")
}

func (r *previewRow) content() fyne.CanvasObject {
	text := r.item.Name
	if r.item.Seen {
		text = lang.X("sbimport.seen", "{{.Name}}（予約で使われた名前）", map[string]any{"Name": r.item.Name})
	}
	name := widget.NewLabel(text)
	name.Wrapping = fyne.TextWrapBreak
	left := container.NewHBox(r.include, r.status, widget.NewLabel(kindLabel(r.item.Kind)))
	var right fyne.CanvasObject
	switch {
	case r.duration != nil:
		right = container.NewHBox(sized(r.duration), widget.NewLabel(lang.X("sbimport.minutes", "分")),
			sized(r.price), widget.NewLabel(lang.X("sbimport.yen", "円")))
	case r.mapBtn != nil:
		here := widget.NewLabel(lang.X("sbimport.here", "ここでは「{{.Name}}」", map[string]any{"Name": r.item.LocalName}))
		right = container.NewHBox(here, r.mapBtn)
	}
	return container.NewBorder(nil, nil, left, right, name)
}

// mapVariant is the one click that maps a 表記ゆれ at once.
func (v *preview) mapVariant(r *previewRow) {
	if err := v.m.room.MapVariant(context.Background(), r.item); err != nil {
		v.m.s.showError(err)
		return
	}
	r.item.Status = salonboard.ImportRegistered
	r.status.SetText(statusLabel(r.item.Status))
	r.include.SetChecked(false)
	r.include.Disable()
	r.mapBtn.Disable()
}

// items are the rows as staff left them; a length or price that is not a number is a
// message naming the row.
func (v *preview) items() ([]salonboard.ImportItem, error) {
	out := make([]salonboard.ImportItem, 0, len(v.rows))
	for _, r := range v.rows {
		it := r.item
		it.Include = r.include.Checked && it.Status != salonboard.ImportRegistered
		if r.duration != nil && it.Include {
			var ok1, ok2 bool
			it.DurationMin, ok1 = entryNumber(r.duration)
			it.Price, ok2 = entryNumber(r.price)
			if !ok1 || !ok2 {
				return nil, &app.UserError{Key: "sbimport.error.number", Args: map[string]any{"Name": it.Name}}
			}
		}
		out = append(out, it)
	}
	return out, nil
}

// entryNumber reads a whole number typed in any width ("" is 0).
func entryNumber(e *widget.Entry) (int, bool) {
	s := strings.TrimSpace(strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, e.Text))
	s = strings.ReplaceAll(s, ",", "")
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func (v *preview) confirmed(ok bool) {
	if !ok {
		return
	}
	items, err := v.items()
	if err != nil {
		v.m.s.showError(err)
		v.dlg.Show()
		return
	}
	v.m.write(items, v.dlg.Show)
}
