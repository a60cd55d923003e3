package masters

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/csvio"
	"salondesk/data"
)

// searchConds are the search conditions besides name, phone and number: 最終来店日
// from/to, 来店回数 (at least), 未来の予約あり and 定額プラン契約中.
type searchConds struct {
	lastFrom, lastTo, visits *widget.Entry
	future, plan             *widget.Check
}

func newSearchConds() *searchConds {
	c := &searchConds{lastFrom: widget.NewEntry(), lastTo: widget.NewEntry(), visits: widget.NewEntry(),
		future: widget.NewCheck(lang.X("customers.ui.has_future", "未来の予約あり"), nil),
		plan:   widget.NewCheck(lang.X("customers.ui.has_plan", "定額プラン契約中"), nil)}
	c.lastFrom.SetPlaceHolder("2026/01/01")
	c.lastTo.SetPlaceHolder("2026/12/31")
	c.visits.SetPlaceHolder(lang.X("customers.ui.visits_hint", "以上"))
	return c
}

func (c *searchConds) addTo(f *widget.Form) {
	f.Append(lang.X("customers.ui.last_visit_from", "最終来店日（から）"), c.lastFrom)
	f.Append(lang.X("customers.ui.last_visit_to", "最終来店日（まで）"), c.lastTo)
	f.Append(lang.X("customers.ui.visit_count", "来店回数（以上）"), c.visits)
	f.Append("", container.NewHBox(c.future, c.plan))
}

// read fills the filter; a date or count that is not one is refused with its field's name.
func (c *searchConds) read(f *data.CustomerFilter) error {
	var err error
	if f.LastVisitFrom, err = dayField(lang.X("customers.ui.last_visit_from", "最終来店日（から）"), c.lastFrom.Text); err != nil {
		return err
	}
	if f.LastVisitTo, err = dayField(lang.X("customers.ui.last_visit_to", "最終来店日（まで）"), c.lastTo.Text); err != nil {
		return err
	}
	n, err := parseNumber(c.visits.Text)
	if err != nil {
		return &fieldError{field: lang.X("customers.ui.visit_count", "来店回数（以上）"), err: err}
	}
	f.MinVisits, f.HasFuture, f.HasPlan = n, c.future.Checked, c.plan.Checked
	return nil
}

// dayField reads 2026/4/1 or 2026-04-01 as YYYY-MM-DD ("" stays "").
func dayField(field, text string) (string, error) {
	d, ok := csvio.Day(text)
	if !ok {
		return "", &fieldError{field: field, err: &app.UserError{Key: "customers.error.day_invalid"}}
	}
	return d, nil
}
