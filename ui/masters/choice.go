package masters

import (
	"fyne.io/fyne/v2/widget"
)

// choice is a radio group whose options show translated labels but stand for stored
// values (e.g. 一括支払 for "lump").
type choice struct {
	*widget.RadioGroup
	values []string
	labels []string
}

func newChoice(values, labels []string) *choice {
	c := &choice{RadioGroup: &widget.RadioGroup{Options: labels, Horizontal: true, Required: true},
		values: values, labels: labels}
	c.ExtendBaseWidget(c) // the wrapper, not the inner group, is the widget Fyne renders
	return c
}

// Value is the stored value of the selected option ("" when none).
func (c *choice) Value() string {
	for i, l := range c.labels {
		if l == c.Selected {
			return c.values[i]
		}
	}
	return ""
}

// SetValue selects the option of a stored value (none when unknown).
func (c *choice) SetValue(v string) {
	for i, x := range c.values {
		if x == v {
			c.SetSelected(c.labels[i])
			return
		}
	}
	c.SetSelected("")
}

// picker is a select over rows with ids (categories, plans): labels are unique names.
type picker struct {
	*widget.Select
	ids   []int64
	names []string
	none  string // the label for "no row" ("" = a row is required)
}

func newPicker(none string) *picker {
	p := &picker{Select: &widget.Select{}, none: none}
	p.ExtendBaseWidget(p)
	return p
}

// setPickerRows gives a picker the rows of a master list (categories, plans).
func setPickerRows[T any](p *picker, rows []T, id func(T) int64, name func(T) string) {
	ids, names := make([]int64, len(rows)), make([]string, len(rows))
	for i, r := range rows {
		ids[i], names[i] = id(r), name(r)
	}
	p.setRows(ids, names)
}

// setRows replaces the options, keeping the selected row when it still exists.
func (p *picker) setRows(ids []int64, names []string) {
	keep := p.ID()
	p.ids, p.names = ids, names
	opts := names
	if p.none != "" {
		opts = append([]string{p.none}, names...)
	}
	p.SetOptions(opts)
	p.SetID(keep)
}

// ID is the selected row's id (0 = none).
func (p *picker) ID() int64 {
	for i, n := range p.names {
		if n == p.Selected {
			return p.ids[i]
		}
	}
	return 0
}

// SetID selects a row by id; 0 or an unknown id selects "none".
func (p *picker) SetID(id int64) {
	for i, x := range p.ids {
		if x == id {
			p.SetSelected(p.names[i])
			return
		}
	}
	if p.none != "" {
		p.SetSelected(p.none)
	} else {
		p.ClearSelected()
	}
}
