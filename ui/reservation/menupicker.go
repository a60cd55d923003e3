package reservation

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
	"salondesk/ui/uifmt"
)

// menuPicker is メニュー: one checkbox per menu, grouped by category, with the
// zero-minute menus (施術時間ゼロ分のメニュー) listed apart as in the seed's 転記 form.
// The reservation form and the 会計 dialog both use it.
type menuPicker struct {
	menus     []data.Menu // display order
	checks    map[int64]*widget.Check
	onChanged func()
	box       *fyne.Container
}

func newMenuPicker(cats []data.Category, menus []data.Menu, selected []int64, onChanged func()) *menuPicker {
	p := &menuPicker{checks: map[int64]*widget.Check{}, onChanged: onChanged}
	chosen := map[int64]bool{}
	for _, id := range selected {
		chosen[id] = true
	}
	groups, zero := groupMenus(cats, menus)
	p.box = container.NewVBox()
	for _, g := range groups {
		p.addGroup(g.name, g.menus, chosen)
	}
	if len(zero) > 0 {
		p.addGroup(lang.X("reservation.menus.zero", "施術時間ゼロ分のメニュー"), zero, chosen)
	}
	if len(p.menus) == 0 {
		p.box.Add(widget.NewLabel(lang.X("reservation.menus.none", "メニューが登録されていません")))
	}
	return p
}

type menuGroup struct {
	name  string
	menus []data.Menu
}

// groupMenus puts menus under their categories in the categories' order; menus of zero
// minutes go to their own list.
func groupMenus(cats []data.Category, menus []data.Menu) ([]menuGroup, []data.Menu) {
	index := map[int64]int{}
	var groups []menuGroup
	for _, c := range cats {
		index[c.ID] = len(groups)
		groups = append(groups, menuGroup{name: c.Name})
	}
	var zero []data.Menu
	for _, m := range menus {
		if m.DurationMin == 0 {
			zero = append(zero, m)
			continue
		}
		i, ok := index[m.CategoryID]
		if !ok {
			i = len(groups)
			index[m.CategoryID] = i
			groups = append(groups, menuGroup{name: m.CategoryName})
		}
		groups[i].menus = append(groups[i].menus, m)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.menus) > 0 {
			out = append(out, g)
		}
	}
	return out, zero
}

func (p *menuPicker) addGroup(title string, menus []data.Menu, chosen map[int64]bool) {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	grid := container.NewGridWithColumns(2)
	for _, m := range menus {
		c := widget.NewCheck(menuLabel(m), func(bool) {
			if p.onChanged != nil {
				p.onChanged()
			}
		})
		c.Checked = chosen[m.ID]
		p.checks[m.ID] = c
		p.menus = append(p.menus, m)
		grid.Add(c)
	}
	p.box.Add(head)
	p.box.Add(grid)
}

// menuLabel is "カット 60分 ¥5,000"; a zero-minute menu shows no minutes.
func menuLabel(m data.Menu) string {
	if m.DurationMin == 0 {
		return m.Name + "  " + uifmt.Yen(m.Price)
	}
	return m.Name + "  " + minutesText(minutes(m.DurationMin)) + "  " + uifmt.Yen(m.Price)
}

func (p *menuPicker) content() fyne.CanvasObject { return p.box }

// selected lists the ticked menus in display order (never nil: "no menus" is an answer).
func (p *menuPicker) selected() []int64 {
	out := []int64{}
	for _, m := range p.menus {
		if p.checks[m.ID].Checked {
			out = append(out, m.ID)
		}
	}
	return out
}

// check ticks or unticks one menu as a person would (tests and prefill).
func (p *menuPicker) check(id int64, on bool) {
	if c, ok := p.checks[id]; ok {
		c.SetChecked(on)
	}
}
