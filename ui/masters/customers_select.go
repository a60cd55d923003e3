package masters

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
)

// customerCell is one cell of the customer table: a checkbox (first column and its
// header) or a text.
type customerCell struct {
	widget.BaseWidget
	check *widget.Check
	label *widget.Label
}

func newCustomerCell() fyne.CanvasObject {
	// Clip, not ellipsis: an ellipsis shapes the text again with HarfBuzz for each of the
	// 350 cells and made a page turn several times slower.
	c := &customerCell{check: widget.NewCheck("", nil), label: &widget.Label{Truncation: fyne.TextTruncateClip}}
	c.ExtendBaseWidget(c)
	return c
}

func (c *customerCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.check, c.label))
}

func (c *customerCell) showText(text string, bold bool) {
	c.check.Hide()
	c.label.TextStyle.Bold = bold
	c.label.SetText(text)
	c.label.Show()
}

func (c *customerCell) showCheck(checked bool, changed func(bool)) {
	c.label.Hide()
	c.check.OnChanged = nil // setting the state is not a tap
	c.check.SetChecked(checked)
	c.check.OnChanged = changed
	c.check.Show()
}

// pageSelection is the ticked customers of the page shown. It never outlives the page:
// the seed's rule is that leaving the page resets the selection.
type pageSelection struct {
	ids     map[int64]bool
	changed func()
}

func newPageSelection() *pageSelection {
	return &pageSelection{ids: map[int64]bool{}, changed: func() {}}
}

func (p *pageSelection) set(id int64, on bool) {
	if on {
		p.ids[id] = true
	} else {
		delete(p.ids, id)
	}
}

func (p *pageSelection) toggle(id int64) {
	p.set(id, !p.ids[id])
	p.changed()
}

func (p *pageSelection) clear() { clear(p.ids) }

// keepOnly drops ticks of customers no longer on the page (deleted meanwhile).
func (p *pageSelection) keepOnly(rows []data.Customer) {
	on := map[int64]bool{}
	for _, c := range rows {
		on[c.ID] = true
	}
	for id := range p.ids {
		if !on[id] {
			delete(p.ids, id)
		}
	}
}

// selected lists the ticked customers in the page's order.
func (p *pageSelection) selected(rows []data.Customer) []int64 {
	var out []int64
	for _, c := range rows {
		if p.ids[c.ID] {
			out = append(out, c.ID)
		}
	}
	return out
}

func (p *pageSelection) showRowCheck(cell *customerCell, id int64) {
	cell.showCheck(p.ids[id], func(on bool) {
		p.set(id, on)
		p.changed() // the page's box follows
	})
}

// showPageCheck is the header's box: ticked when every customer of the page is; ticking
// it ticks the whole page, unticking it clears the page.
func (p *pageSelection) showPageCheck(cell *customerCell, rows []data.Customer) {
	all := len(rows) > 0 && len(p.selected(rows)) == len(rows)
	cell.showCheck(all, func(on bool) {
		for _, c := range rows {
			p.set(c.ID, on)
		}
		p.changed()
	})
}
