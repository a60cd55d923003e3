package masters

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app/salonboard"
)

// sbNameField is 「SALON BOARDでの名前」 of one menu or coupon: the SALON BOARD names
// mapped to it (one row each, with 解除), and an entry with 設定 to map one more. Desk
// reservations then choose that option in SALON BOARD instead of writing the menu into
// 予約時メモ. It writes on its own buttons, not on the form's 保存: a mapping needs a
// stored row, and a name refused must not leave the menu half saved.
type sbNameField struct {
	room    *salonboard.Room
	win     fyne.Window
	kind    string // "menu" or "coupon"
	id      int64  // the row in the form; 0 = a new row, nothing to map yet
	entry   *widget.Entry
	setBtn  *widget.Button
	current *fyne.Container // the mapped names
	box     fyne.CanvasObject
}

func newSBNameField(room *salonboard.Room, win fyne.Window, kind string) *sbNameField {
	f := &sbNameField{room: room, win: win, kind: kind, entry: widget.NewEntry(), current: container.NewVBox()}
	f.setBtn = widget.NewButton(lang.X("masters.sb_name_set", "設定"), f.setTapped)
	f.box = container.NewVBox(container.NewBorder(nil, nil, nil, f.setBtn, f.entry), f.current)
	f.show(0)
	return f
}

// formItem is the field with its hint, for the menu or coupon form. The hint is our own
// wrapping text, not the item's HintText: that one never wraps, and this hint would
// widen the form past the window and hide 設定. It breaks anywhere, as Japanese does
// (word wrapping would break only at the space in "SALON BOARD").
func (f *sbNameField) formItem(hint string) *widget.FormItem {
	h := widget.NewRichText(&widget.TextSegment{Text: hint, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText, Inline: true}})
	h.Wrapping = fyne.TextWrapBreak
	return widget.NewFormItem(lang.X("masters.sb_name", "SALON BOARDでの名前"), container.NewVBox(f.box, h))
}

// show switches the field to row id (0 for a new row) and shows its mappings.
func (f *sbNameField) show(id int64) {
	f.id = id
	f.entry.SetText("")
	if id == 0 {
		f.entry.SetPlaceHolder(lang.X("masters.sb_name_after_save", "保存すると設定できます"))
		f.entry.Disable()
		f.setBtn.Disable()
	} else {
		f.entry.SetPlaceHolder(lang.X("masters.sb_name_placeholder", "SALON BOARDに表示される名前"))
		f.entry.Enable()
		f.setBtn.Enable()
	}
	f.refresh()
}

// refresh rereads the mappings of the current row (after a change here or elsewhere:
// a transcription records a coupon's name too).
func (f *sbNameField) refresh() {
	f.current.RemoveAll()
	if f.id == 0 {
		return
	}
	names, err := f.room.SalonBoardNames(bg(), f.kind, f.id)
	if err != nil {
		showErr(f.win, err)
		return
	}
	for i, n := range names {
		text := n
		if i == 0 && len(names) > 1 {
			// Of several, the first is the option a desk reservation chooses.
			text = lang.X("masters.sb_name_used", "{{.Name}}（予約登録で使用）", map[string]any{"Name": n})
		}
		name := n
		unmap := widget.NewButton(lang.X("masters.sb_name_unmap", "解除"), func() { f.unmapTapped(name) })
		f.current.Add(container.NewBorder(nil, nil, nil, unmap, widget.NewLabel(text)))
	}
}

func (f *sbNameField) setTapped() {
	if f.id == 0 {
		return
	}
	if err := f.room.MapToSalonBoard(bg(), f.kind, f.id, f.entry.Text); err != nil {
		showErr(f.win, err)
		return
	}
	f.entry.SetText("")
	f.refresh()
}

func (f *sbNameField) unmapTapped(name string) {
	if err := f.room.UnmapSalonBoard(bg(), f.kind, f.id, name); err != nil {
		showErr(f.win, err)
		return
	}
	f.refresh()
}
