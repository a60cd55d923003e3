package schedule

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"salondesk/data"
	stheme "salondesk/ui/theme"
)

// mark is one of a badge's small coloured icons.
type mark struct {
	text  string
	color color.Color
}

// labels are the grid's translated words, looked up once per refresh rather than once
// per badge (300 badges × 5 icons would otherwise cost more than the drawing).
type labels struct {
	count, capacity, unassigned, closed              string
	failed, provisional, hpb, designated, firstVisit string
	capacityOf                                       func(n int) string
}

func loadLabels() labels {
	return labels{
		count:       lang.X("schedule.col.count", "予約数"),
		capacity:    lang.X("schedule.col.capacity", "受付可能数"),
		unassigned:  lang.X("schedule.col.unassigned", "指名なし"),
		closed:      lang.X("schedule.closed", "この日は定休日です。"),
		failed:      lang.X("schedule.icon.failed", "×"),
		provisional: lang.X("schedule.icon.provisional", "仮"),
		hpb:         lang.X("schedule.icon.hpb", "HPB"),
		designated:  lang.X("schedule.icon.designated", "指"),
		firstVisit:  lang.X("schedule.icon.first_visit", "新"),
		capacityOf: func(n int) string {
			if n < 0 {
				return lang.X("schedule.col.capacity_none", "受付可能数:-")
			}
			return lang.X("schedule.col.capacity_of", "受付可能数:{{.N}}", map[string]any{"N": n})
		},
	}
}

// marks are the icons of a reservation, in the legend's order.
func (l *labels) marks(r *data.ReservationView, out []mark) []mark {
	out = out[:0]
	if r.SyncState == data.SyncFailed {
		out = append(out, mark{l.failed, stheme.ColorAlert})
	}
	if r.Status == data.StatusProvisional {
		out = append(out, mark{l.provisional, stheme.ColorIconProvision})
	}
	if r.Route == data.RouteHPB {
		out = append(out, mark{l.hpb, stheme.ColorIconHPB})
	}
	if r.Designated {
		out = append(out, mark{l.designated, stheme.ColorIconDesignated})
	}
	if r.FirstVisit {
		out = append(out, mark{l.firstVisit, stheme.ColorIconNew})
	}
	return out
}

// look is a badge's fill and border.
type look struct {
	fill, border color.Color
	borderW      float32
}

var colorDoneBorder = color.NRGBA{R: 0xaa, G: 0xaa, B: 0xaa, A: 0xff}

func lookOf(r *data.ReservationView) look {
	l := look{fill: stheme.ColorBadge, border: stheme.ColorBadgeBorder, borderW: 1}
	switch {
	case r.Status == data.StatusProvisional:
		l.fill, l.border = stheme.ColorProvisional, stheme.ColorIconProvision
	case r.Status == data.StatusArrived || r.Status == data.StatusPaid:
		l.fill, l.border = stheme.ColorBadgeDone, colorDoneBorder
	case r.Route == data.RouteHPB:
		l.fill, l.border = stheme.ColorBadgeHPB, stheme.ColorBadgeHPBBorder
	}
	if r.SyncState == data.SyncFailed {
		l.border, l.borderW = stheme.ColorAlert, 2
	}
	return l
}

// menuOf is the second line of a badge: the first menu, else the coupon.
func menuOf(r *data.ReservationView) string {
	if len(r.MenuNames) > 0 {
		return r.MenuNames[0]
	}
	return r.CouponTitle
}

// measurer tells how wide a text is drawn, cheaply: shaping a whole string costs tens of
// microseconds, so it measures each character once (per size and weight) and adds them
// up. Japanese has no kerning to speak of; a pixel of margin covers the Latin pairs.
type measurer struct {
	widths map[measureKey]float32
	theme  fyne.Theme // the font the widths were measured with
}

type measureKey struct {
	r    rune
	size float32
	bold bool
}

// reset forgets the widths when the theme (and so the font) changed.
func (m *measurer) reset(th fyne.Theme) {
	if m.widths == nil || m.theme != th {
		m.widths, m.theme = map[measureKey]float32{}, th
	}
}

func (m *measurer) runeWidth(r rune, size float32, bold bool) float32 {
	k := measureKey{r, size, bold}
	w, ok := m.widths[k]
	if !ok {
		w = fyne.MeasureText(string(r), size, fyne.TextStyle{Bold: bold}).Width
		m.widths[k] = w
	}
	return w
}

func (m *measurer) width(s string, size float32, bold bool) float32 {
	w := float32(1)
	for _, r := range s {
		w += m.runeWidth(r, size, bold)
	}
	return w
}

// fit cuts s with "…" so that it fits in width.
func (m *measurer) fit(s string, size float32, bold bool, width float32) string {
	if m.width(s, size, bold) <= width {
		return s
	}
	limit := width - 1 - m.runeWidth('…', size, bold)
	var w float32
	for i, r := range s {
		w += m.runeWidth(r, size, bold)
		if w > limit {
			if i == 0 {
				return ""
			}
			return s[:i] + "…"
		}
	}
	return s
}
