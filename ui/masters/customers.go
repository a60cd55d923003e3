package masters

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"salondesk/app"
	"salondesk/data"
)

// pageSize is the seed's お客様管理 page: 50 customers.
const pageSize = 50

// customerScreen is お客様管理: search conditions, one page of customers, and the form
// of one customer in place of the list.
type customerScreen struct {
	a                   *app.App
	win                 fyne.Window
	openReservation     func(id int64)
	name, phone, number *widget.Entry
	conds               *searchConds // 最終来店日, 来店回数, 未来の予約あり, 定額プラン契約中
	sel                 *pageSelection
	pageCheck           *customerCell // the header's box: the whole page
	deleteBtn           *widget.Button
	importBtn           *widget.Button
	exportBtn           *widget.Button
	dupesBtn            *widget.Button
	filter              data.CustomerFilter
	page, total         int
	rows                []data.Customer
	table               *widget.Table
	searchBtn, addBtn   *widget.Button
	prev, next          *widget.Button
	totalLabel          *widget.Label
	pageLabel           *widget.Label
	buttons, top        *fyne.Container // the list's button row and everything above the table
	smaregi             *smaregiBulk    // スマレジへ一括反映 (nil without Smaregi wired)
	listPage            fyne.CanvasObject
	detail              *customerDetail
	view                *fyne.Container // shows listPage or detail.view
}

// NewCustomerScreen is the menu item お客様管理 (basic: search, list, form, reservations).
// openReservation opens a reservation's detail.
func NewCustomerScreen(a *app.App, win fyne.Window, openReservation func(id int64)) fyne.CanvasObject {
	return newCustomerScreen(a, win, openReservation).view
}

func newCustomerScreen(a *app.App, win fyne.Window, openReservation func(id int64)) *customerScreen {
	s := &customerScreen{a: a, win: win, openReservation: openReservation, name: widget.NewEntry(),
		phone: widget.NewEntry(), number: widget.NewEntry(), totalLabel: widget.NewLabel(""), pageLabel: widget.NewLabel(""),
		conds: newSearchConds(), sel: newPageSelection()}
	s.detail = newCustomerDetail(s)
	s.listPage = s.buildList()
	s.view = container.NewStack(s.listPage)
	s.load()
	s.a.Events().Subscribe(func(e app.Event) {
		switch e.(type) {
		case app.CustomersChanged:
			fyne.Do(s.load)
		case app.ReservationsChanged:
			fyne.Do(func() {
				if s.view.Objects[0] == s.detail.view {
					s.detail.loadReservations()
				}
			})
		}
	})
	return s
}

// customerColumns are the list's column titles (the first is the checkbox column), and
// customerWidths their widths.
func customerColumns() []string {
	return []string{"", lang.X("masters.customer.number", "お客様番号"), lang.X("masters.customer.name", "名前"),
		lang.X("masters.customer.kana", "カナ"), lang.X("masters.customer.phone", "電話"),
		lang.X("masters.customer.last_visit", "最終来店日"), lang.X("masters.customer.visit_count", "来店回数")}
}

var customerWidths = []float32{44, 100, 170, 190, 140, 120, 90}

func (s *customerScreen) buildList() fyne.CanvasObject {
	s.name.SetPlaceHolder(lang.X("masters.customer.name_hint", "名前またはカナ"))
	s.searchBtn = widget.NewButton(lang.X("masters.customer.search", "検索"), s.searchTapped)
	s.searchBtn.Importance = widget.HighImportance
	s.addBtn = widget.NewButton(lang.X("masters.customer.new", "新規登録"), func() { s.openCustomer(data.Customer{}) })
	conds := widget.NewForm(
		widget.NewFormItem(lang.X("masters.customer.cond_name", "名前・カナ"), s.name),
		widget.NewFormItem(lang.X("masters.customer.cond_phone", "電話番号"), s.phone),
		widget.NewFormItem(lang.X("masters.customer.number", "お客様番号"), s.number),
	)
	s.conds.addTo(conds)
	titles := customerColumns()
	s.table = widget.NewTable(func() (int, int) { return len(s.rows), len(titles) }, newCustomerCell, s.updateCell)
	s.table.ShowHeaderRow = true
	s.table.CreateHeader = newCustomerCell
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col == 0 {
			s.pageCheck = o.(*customerCell)
			s.sel.showPageCheck(s.pageCheck, s.rows)
		} else if id.Col > 0 {
			o.(*customerCell).showText(titles[id.Col], true)
		}
	}
	for i, w := range customerWidths {
		s.table.SetColumnWidth(i, w)
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		s.table.UnselectAll() // a second tap on the same row opens it again
		if id.Row < 0 || id.Row >= len(s.rows) {
			return
		}
		if id.Col == 0 { // beside the box, in its cell: tick it
			s.sel.toggle(s.rows[id.Row].ID)
			return
		}
		s.openCustomer(s.rows[id.Row])
	}
	s.prev = widget.NewButton(lang.X("masters.customer.prev", "前へ"), func() { s.goPage(s.page - 1) })
	s.next = widget.NewButton(lang.X("masters.customer.next", "次へ"), func() { s.goPage(s.page + 1) })
	s.deleteBtn = widget.NewButton(lang.X("customers.ui.delete_selected", "選択したお客様を削除"), s.deleteTapped)
	s.deleteBtn.Importance = widget.DangerImportance
	s.importBtn = widget.NewButton(lang.X("customers.ui.import", "CSV取込"), s.importTapped)
	s.exportBtn = widget.NewButton(lang.X("customers.ui.export", "CSV出力"), s.exportTapped)
	s.dupesBtn = widget.NewButton(lang.X("customers.ui.duplicates", "重複候補"), s.duplicatesTapped)
	s.sel.changed = func() { s.table.Refresh() }
	s.buttons = container.NewHBox(s.searchBtn, s.addBtn, s.deleteBtn, layout.NewSpacer(),
		s.importBtn, s.exportBtn, s.dupesBtn)
	s.top = container.NewVBox(conds, s.buttons)
	bottom := container.NewHBox(s.totalLabel, s.prev, s.pageLabel, s.next)
	return container.NewBorder(s.top, bottom, nil, nil, s.table)
}

func (s *customerScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(s.rows) {
		return
	}
	c := s.rows[id.Row]
	cell := o.(*customerCell)
	var text string
	switch id.Col {
	case 0:
		s.sel.showRowCheck(cell, c.ID)
		return
	case 1:
		text = itoa(int(c.Number))
	case 2:
		text = c.Name
	case 3:
		text = c.Kana
	case 4:
		text = c.Phone
	case 5:
		text = strings.ReplaceAll(c.LastVisit, "-", "/")
	case 6:
		text = lang.X("masters.customer.visits", "{{.Count}}回", map[string]any{"Count": c.VisitCount})
	}
	cell.showText(text, false)
}

// searchTapped reads the conditions: 名前・カナ as the app reads a search box, 電話番号
// as a prefix, お客様番号 exactly.
func (s *customerScreen) searchTapped() {
	f := app.CustomerSearch(s.name.Text)
	if p := norm.NFKC.String(strings.TrimSpace(s.phone.Text)); p != "" {
		f.Phone = p
	}
	n, err := parseNumber(s.number.Text)
	if err != nil {
		showErr(s.win, &fieldError{field: lang.X("masters.customer.number", "お客様番号"), err: err})
		return
	}
	f.Number = int64(n)
	if err := s.conds.read(&f); err != nil {
		showErr(s.win, err)
		return
	}
	s.filter = f
	s.goPage(0)
}

// goPage shows another page; the selection is the page's (the seed: delete page by page).
func (s *customerScreen) goPage(p int) {
	s.sel.clear()
	s.page = max(0, p)
	s.load()
	s.table.ScrollToTop()
}

// load reads the current page (again), e.g. after a customer changed.
func (s *customerScreen) load() {
	rows, total, err := s.a.SearchCustomers(bg(), s.filter, pageSize, s.page*pageSize)
	if err != nil {
		showErr(s.win, err)
		return
	}
	pages := max(1, (total+pageSize-1)/pageSize)
	if s.page >= pages { // the last page emptied: show the one before
		s.page = pages - 1
		rows, total, err = s.a.SearchCustomers(bg(), s.filter, pageSize, s.page*pageSize)
		if err != nil {
			showErr(s.win, err)
			return
		}
	}
	s.rows, s.total = rows, total
	s.sel.keepOnly(rows)
	s.totalLabel.SetText(lang.X("masters.customer.total", "全{{.Count}}件", map[string]any{"Count": total}))
	s.pageLabel.SetText(lang.X("masters.customer.page", "{{.Page}} / {{.Pages}}ページ",
		map[string]any{"Page": s.page + 1, "Pages": pages}))
	enable(s.prev, s.page > 0)
	enable(s.next, s.page < pages-1)
	s.table.Refresh()
}

// openCustomer shows the form of a customer (the zero Customer: 新規登録).
func (s *customerScreen) openCustomer(c data.Customer) {
	s.detail.show(c)
	s.view.Objects = []fyne.CanvasObject{s.detail.view}
	s.view.Refresh()
}

// backToList shows the list again.
func (s *customerScreen) backToList() {
	s.view.Objects = []fyne.CanvasObject{s.listPage}
	s.view.Refresh()
}
