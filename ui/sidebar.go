package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	stheme "salondesk/ui/theme"
)

// Page is one destination of the left menu.
type Page string

// The pages of the left menu, in the seed's order.
const (
	PageHome          Page = "home"
	PageSchedule      Page = "schedule"
	PageReservations  Page = "reservations"
	PageStopResume    Page = "stop"
	PageStaff         Page = "staff"
	PageMenus         Page = "menus"
	PageCustomers     Page = "customers"
	PageNotifications Page = "notifications"
	PageSales         Page = "sales"
	PagePayments      Page = "payments" // 入金管理
	PageDayClose      Page = "dayclose" // 日次照合
	PageSettings      Page = "settings"
)

// sidebar is the dark left menu. 予約管理 is a heading over its three pages.
type sidebar struct {
	items   map[Page]*menuItem
	content fyne.CanvasObject
}

func newSidebar(show func(Page)) *sidebar {
	s := &sidebar{items: map[Page]*menuItem{}}
	item := func(p Page, key, fallback string, icon fyne.Resource, indent bool) *menuItem {
		m := newMenuItem(lang.X(key, fallback), icon, indent, func() { show(p) })
		s.items[p] = m
		return m
	}
	group := newMenuItem(lang.X("ui.menu.reservations", "予約管理"), theme.CalendarIcon(), false, nil)
	list := container.NewVBox(
		item(PageHome, "ui.menu.home", "ホーム", theme.HomeIcon(), false),
		group,
		item(PageSchedule, "ui.menu.schedule", "スケジュール", nil, true),
		item(PageReservations, "ui.menu.reservation_list", "予約一覧", nil, true),
		item(PageStopResume, "ui.menu.stop_resume", "予約 停止・再開", nil, true),
		item(PageStaff, "ui.menu.staff", "受付・スタッフ/マシン・設備", theme.AccountIcon(), false),
		item(PageMenus, "ui.menu.menus", "クーポン・メニュー・定額プラン", theme.ListIcon(), false),
		item(PageCustomers, "ui.menu.customers", "お客様管理", theme.FolderIcon(), false),
		item(PageNotifications, "ui.menu.notifications", "お知らせ", bellIcon, false),
		item(PageSales, "ui.menu.sales", "売上管理", theme.DocumentIcon(), false),
		item(PagePayments, "ui.menu.payments", "入金管理", nil, true),
		item(PageDayClose, "ui.menu.dayclose", "日次照合", nil, true),
		item(PageSettings, "ui.menu.settings", "設定", theme.SettingsIcon(), false),
	)
	bg := canvas.NewRectangle(stheme.ColorSidebar)
	s.content = container.NewStack(bg, container.NewVScroll(list))
	return s
}

// selectPage marks the page being shown.
func (s *sidebar) selectPage(p Page) {
	for page, m := range s.items {
		m.setSelected(page == p)
	}
}

// menuItem is one entry of the left menu: white text on the dark sidebar, highlighted
// when selected or under the mouse. Without onTap it is a heading.
type menuItem struct {
	widget.BaseWidget
	label    string
	icon     fyne.Resource
	indent   bool
	onTap    func()
	selected bool
	hovered  bool
}

func newMenuItem(label string, icon fyne.Resource, indent bool, onTap func()) *menuItem {
	m := &menuItem{label: label, icon: icon, indent: indent, onTap: onTap}
	m.ExtendBaseWidget(m)
	return m
}

func (m *menuItem) setSelected(on bool) {
	if m.selected != on {
		m.selected = on
		m.Refresh()
	}
}

func (m *menuItem) Tapped(*fyne.PointEvent) {
	if m.onTap != nil {
		m.onTap()
	}
}

func (m *menuItem) Cursor() desktop.Cursor {
	if m.onTap == nil {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

func (m *menuItem) MouseIn(*desktop.MouseEvent) {
	if m.onTap != nil {
		m.hovered = true
		m.Refresh()
	}
}

func (m *menuItem) MouseMoved(*desktop.MouseEvent) {}

func (m *menuItem) MouseOut() { m.hovered = false; m.Refresh() }

func (m *menuItem) CreateRenderer() fyne.WidgetRenderer {
	r := &menuItemRenderer{item: m, bg: canvas.NewRectangle(color.Transparent),
		text: canvas.NewText(m.label, color.White)}
	r.text.TextSize = theme.TextSize()
	if m.icon != nil {
		r.icon = canvas.NewImageFromResource(theme.NewColoredResource(m.icon, theme.ColorNameForegroundOnPrimary))
		r.icon.FillMode = canvas.ImageFillContain
	}
	r.Refresh()
	return r
}

type menuItemRenderer struct {
	item *menuItem
	bg   *canvas.Rectangle
	icon *canvas.Image
	text *canvas.Text
}

// sidebarMinWidth keeps the menu from looking cramped in languages with short words.
const sidebarMinWidth = 200

func (r *menuItemRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	pad := theme.Padding() * 2
	x := pad
	if r.item.indent {
		x += theme.IconInlineSize() + pad
	}
	if r.icon != nil {
		is := theme.IconInlineSize()
		r.icon.Move(fyne.NewPos(x, (s.Height-is)/2))
		r.icon.Resize(fyne.NewSquareSize(is))
		x += is + pad
	}
	ts := r.text.MinSize()
	r.text.Move(fyne.NewPos(x, (s.Height-ts.Height)/2))
	r.text.Resize(ts)
}

func (r *menuItemRenderer) MinSize() fyne.Size {
	pad := theme.Padding() * 2
	w := pad + r.text.MinSize().Width + pad
	if r.item.indent {
		w += theme.IconInlineSize() + pad
	}
	if r.icon != nil {
		w += theme.IconInlineSize() + pad
	}
	h := fyne.Max(r.text.MinSize().Height, theme.IconInlineSize()) + theme.Padding()*3
	return fyne.NewSize(fyne.Max(w, sidebarMinWidth), h)
}

func (r *menuItemRenderer) Refresh() {
	switch {
	case r.item.selected:
		r.bg.FillColor = theme.Color(theme.ColorNamePrimary)
	case r.item.hovered:
		r.bg.FillColor = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x22}
	default:
		r.bg.FillColor = color.Transparent
	}
	r.text.Text = r.item.label
	// Headings are bold so the pages under them read as theirs.
	r.text.TextStyle.Bold = r.item.onTap == nil
	r.bg.Refresh()
	r.text.Refresh()
}

func (r *menuItemRenderer) Objects() []fyne.CanvasObject {
	if r.icon == nil {
		return []fyne.CanvasObject{r.bg, r.text}
	}
	return []fyne.CanvasObject{r.bg, r.icon, r.text}
}

func (r *menuItemRenderer) Destroy() {}
