package masters

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/salonboard"
)

// unmatchedTab is 未対応のクーポン名: coupon and menu names SALON BOARD used in the last
// 60 days that map to nothing here, with how many reservations used each and the next
// one's date. Each row maps its name to a coupon or menu here with one click (the alias
// 転記 records), so the next mail with it applies by itself. The provisional reservations
// already waiting on the name are only completed when staff tick the row's box: they may
// have been transcribed meanwhile.
type unmatchedTab struct {
	s       *screen
	room    *salonboard.Room
	item    *container.TabItem
	view    *container.AppTabs // to show the count in the tab's title; nil until built
	rows    *fyne.Container
	master  app.Masters
	shown   []unmatchedRow // the rows on screen (tests tap them)
	content fyne.CanvasObject
}

func newUnmatchedTab(s *screen, room *salonboard.Room) *unmatchedTab {
	u := &unmatchedTab{s: s, room: room, rows: container.NewVBox()}
	hint := widget.NewLabel(lang.X("sbimport.unmatched.hint",
		"SALON BOARDの予約で使われた、ここのクーポン・メニューのどれにも当たらない名前です（過去60日と今後の予約）。対応づけると、次のメールからその名前の予約は自動で登録されます。"))
	hint.Wrapping = fyne.TextWrapBreak
	u.content = container.NewBorder(hint, nil, nil, nil, container.NewVScroll(u.rows))
	u.item = container.NewTabItem(u.title(0), u.content)
	s.tabs = append(s.tabs, u)
	// New mails bring new names: the list follows the reservations too.
	s.a.Events().Subscribe(func(e app.Event) {
		if _, ok := e.(app.ReservationsChanged); ok {
			fyne.Do(func() { u.reload(u.master) })
		}
	})
	return u
}

func (u *unmatchedTab) title(n int) string {
	if n == 0 {
		return lang.X("sbimport.unmatched.tab", "未対応のクーポン名")
	}
	return lang.X("sbimport.unmatched.tab_count", "未対応のクーポン名（{{.Count}}）", map[string]any{"Count": n})
}

// reload lists the names again; the masters are the choices to map them to.
func (u *unmatchedTab) reload(m app.Masters) {
	u.master = m
	list, err := u.room.UnmatchedNames(bg())
	if err != nil {
		u.s.showError(err)
		return
	}
	if u.item.Text = u.title(len(list)); u.view != nil {
		u.view.Refresh()
	}
	u.rows.Objects, u.shown = nil, nil
	if len(list) == 0 {
		none := widget.NewLabel(lang.X("sbimport.unmatched.none", "未対応のクーポン名はありません。"))
		none.Importance = widget.LowImportance
		u.rows.Add(none)
	}
	for _, n := range list {
		u.rows.Add(u.row(n))
		u.rows.Add(widget.NewSeparator())
	}
	u.rows.Refresh()
}

// row is one name: what it is, how often and when it is used, the coupon or menu to map
// it to, the box for the waiting reservations, and 対応づける.
func (u *unmatchedTab) row(n salonboard.UnmatchedName) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(n.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapBreak
	use := lang.X("sbimport.unmatched.used", "{{.Kind}}・予約 {{.Count}}件", map[string]any{
		"Kind": kindLabel(n.Kind), "Count": n.Count})
	if !n.Next.IsZero() {
		use += lang.X("sbimport.unmatched.next", "・次回 {{.Date}}", map[string]any{"Date": dayTitle(n.Next)})
	}
	ids, labels := u.targets(n.Kind)
	pick := widget.NewSelect(labels, nil)
	pick.PlaceHolder = lang.X("sbimport.unmatched.pick", "対応づける先を選んでください")
	confirm := widget.NewCheck(lang.X("sbimport.unmatched.confirm_waiting",
		"この名前で仮登録中の予約（{{.Count}}件）も確定する", map[string]any{"Count": n.Waiting}), nil)
	btn := widget.NewButton(lang.X("sbimport.unmatched.map", "対応づける"), func() {
		i := pick.SelectedIndex()
		if i < 0 {
			u.s.showError(&app.UserError{Key: "sync.alias.target_unknown"})
			return
		}
		u.mapName(n, ids[i], confirm.Checked)
	})
	btn.Importance = widget.HighImportance
	u.shown = append(u.shown, unmatchedRow{name: n, pick: pick, confirm: confirm, btn: btn})
	line := container.NewBorder(nil, nil, nil, btn, pick)
	box := container.NewVBox(name, widget.NewLabel(use), line)
	if n.Waiting > 0 {
		box.Add(confirm)
	}
	return box
}

// unmatchedRow is one row's controls.
type unmatchedRow struct {
	name    salonboard.UnmatchedName
	pick    *widget.Select
	confirm *widget.Check
	btn     *widget.Button
}

// targets are the coupons (for a coupon name) or menus (for a menu name) in use.
func (u *unmatchedTab) targets(kind string) ([]int64, []string) {
	var ids []int64
	var labels []string
	if kind == "coupon" {
		for _, c := range u.master.Coupons {
			if c.Active {
				ids, labels = append(ids, c.ID), append(labels, c.Name)
			}
		}
		return ids, labels
	}
	for _, m := range u.master.Menus {
		if m.Active {
			ids, labels = append(ids, m.ID), append(labels, m.Name)
		}
	}
	return ids, labels
}

func (u *unmatchedTab) mapName(n salonboard.UnmatchedName, id int64, confirmWaiting bool) {
	in := salonboard.MapNameInput{Kind: n.Kind, Name: n.Name, ConfirmWaiting: confirmWaiting}
	if n.Kind == "coupon" {
		in.CouponID = id
	} else {
		in.MenuID = id
	}
	res, err := u.room.MapUnmatchedName(bg(), in)
	if err != nil {
		u.s.showError(err)
		return
	}
	msg := lang.X("sbimport.unmatched.mapped", "「{{.Name}}」を対応づけました。", map[string]any{"Name": n.Name})
	if confirmWaiting {
		msg += "\n" + lang.X("sbimport.unmatched.confirmed", "仮登録中の予約 {{.Done}}件を確定しました（確定できなかった予約 {{.Left}}件は、転記してください）。",
			map[string]any{"Done": res.Confirmed, "Left": res.Left})
	}
	dialog.ShowInformation(lang.X("sbimport.unmatched.tab", "未対応のクーポン名"), msg, u.s.win)
	u.reload(u.master)
}

func kindLabel(kind string) string {
	if kind == "coupon" {
		return lang.X("sbimport.kind.coupon", "クーポン")
	}
	return lang.X("sbimport.kind.menu", "メニュー")
}
