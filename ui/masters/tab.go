package masters

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
)

// tabSpec describes one master list for masterTab: where its rows come from, how a row
// is shown in the list and in the form, and how the form is read and saved.
type tabSpec[T any] struct {
	table string // app.Table…, for DeleteMaster
	pick  func(app.Masters) []T
	id    func(T) int64
	setID func(*T, int64)
	label func(T) string
	blank func() T          // a new row's defaults
	show  func(T)           // fills the form
	read  func() (T, error) // reads the form (without the id); bad numbers stop here
	save  func(context.Context, *T) error
	form  fyne.CanvasObject // the fields
	also  func(app.Masters) // optional: refresh the form's choices (categories, menus, plans)
	csv   string            // optional: app.Master… for CSV取込 / CSV出力 under the list
}

// masterTab is one master list: the rows on the left, the selected row's form on the
// right, 新規追加 above the list and 保存 / 削除 under the form.
type masterTab[T any] struct {
	s       *screen
	spec    tabSpec[T]
	items   []T
	current int64 // id of the row in the form; 0 = a new row
	quiet   bool  // set while the list is re-highlighted by code, not by a click
	list    *widget.List
	add     *widget.Button
	saveBtn *widget.Button
	delBtn  *widget.Button
	csv     *masterCSV // nil without CSV
	content fyne.CanvasObject
}

func newMasterTab[T any](s *screen, spec tabSpec[T]) *masterTab[T] {
	t := &masterTab[T]{s: s, spec: spec}
	t.list = widget.NewList(func() int { return len(t.items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(spec.label(t.items[i])) })
	t.list.OnSelected = func(i widget.ListItemID) {
		if t.quiet || i >= len(t.items) {
			return
		}
		t.setCurrent(spec.id(t.items[i]))
		spec.show(t.items[i])
	}
	t.add = widget.NewButtonWithIcon(lang.X("masters.add", "新規追加"), nil, t.newRow)
	t.saveBtn = widget.NewButton(lang.X("masters.save", "保存"), t.saveTapped)
	t.saveBtn.Importance = widget.HighImportance
	t.delBtn = widget.NewButton(lang.X("masters.delete", "削除"), t.deleteTapped)
	t.delBtn.Importance = widget.DangerImportance
	var csvButtons fyne.CanvasObject
	if spec.csv != "" {
		t.csv = &masterCSV{s: s, kind: spec.csv, what: lang.X("masters.tab."+spec.csv, spec.csv)}
		csvButtons = t.csv.buttons()
	}
	left := container.NewBorder(t.add, csvButtons, nil, nil, t.list)
	right := container.NewBorder(nil, container.NewHBox(t.saveBtn, t.delBtn), nil, nil,
		container.NewVScroll(spec.form))
	split := container.NewHSplit(left, right)
	split.Offset = 0.3
	t.content = split
	t.newRow()
	s.tabs = append(s.tabs, t)
	return t
}

// reload takes fresh rows. The form is left alone (it may hold unsaved edits) unless
// its row was deleted elsewhere.
func (t *masterTab[T]) reload(m app.Masters) {
	t.items = t.spec.pick(m)
	if t.spec.also != nil {
		t.spec.also(m)
	}
	t.list.Refresh()
	if t.current != 0 && t.index(t.current) < 0 {
		t.newRow()
		return
	}
	t.highlight()
}

func (t *masterTab[T]) index(id int64) int {
	for i, x := range t.items {
		if t.spec.id(x) == id {
			return i
		}
	}
	return -1
}

// highlight selects the current row in the list without refilling the form.
func (t *masterTab[T]) highlight() {
	t.quiet = true
	defer func() { t.quiet = false }()
	if i := t.index(t.current); i >= 0 {
		t.list.Select(i)
	} else {
		t.list.UnselectAll()
	}
}

func (t *masterTab[T]) setCurrent(id int64) {
	t.current = id
	if id == 0 {
		t.delBtn.Disable()
	} else {
		t.delBtn.Enable()
	}
}

func (t *masterTab[T]) newRow() {
	t.setCurrent(0)
	t.highlight()
	t.spec.show(t.spec.blank())
}

func (t *masterTab[T]) saveTapped() {
	x, err := t.spec.read()
	if err != nil {
		t.s.showError(err)
		return
	}
	t.spec.setID(&x, t.current)
	if err := t.spec.save(bg(), &x); err != nil {
		t.s.showError(err)
		return
	}
	// The app normalised the row (kana, trimmed names): show what was stored.
	t.setCurrent(t.spec.id(x))
	t.spec.show(x)
	t.highlight()
}

func (t *masterTab[T]) deleteTapped() {
	i := t.index(t.current)
	if i < 0 {
		return
	}
	id := t.current
	t.s.confirmDelete(t.spec.label(t.items[i]), func() {
		if err := t.s.a.DeleteMaster(bg(), t.spec.table, id); err != nil {
			t.s.showError(err)
			return
		}
		if t.current == id {
			t.newRow()
		}
	})
}
