package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// columns lays a row out in fixed-width columns, except the one at flex which takes
// what is left, so that rows of a list line up like a table. Hidden cells keep their
// place (an alert icon that is not shown must not shift the text).
type columns struct {
	widths []float32
	flex   int
}

func newColumns(flex int, widths ...float32) *columns { return &columns{widths: widths, flex: flex} }

func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed := float32(0)
	for i, w := range c.widths {
		if i != c.flex {
			fixed += w
		}
	}
	flexW := size.Width - fixed - pad*float32(len(c.widths)-1)
	if flexW < 0 {
		flexW = 0
	}
	x := float32(0)
	for i, o := range objs {
		if i >= len(c.widths) {
			break
		}
		w := c.widths[i]
		if i == c.flex {
			w = flexW
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
		x += w + pad
	}
}

func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		if i >= len(c.widths) {
			break
		}
		w := c.widths[i]
		if i == c.flex {
			w = 0
		}
		s.Width += w
		s.Height = fyne.Max(s.Height, o.MinSize().Height)
	}
	s.Width += theme.Padding() * float32(len(c.widths)-1)
	return s
}
