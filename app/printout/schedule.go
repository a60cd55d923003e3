// Package printout renders what staff print: the day's schedule as an A4 landscape PDF
// with the Japanese font embedded (Fyne has no printing API), and opens it in the
// system's PDF viewer, which prints.
package printout

import (
	"bytes"
	"math"
	"os"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/go-pdf/fpdf"

	"salondesk/app"
	"salondesk/assets"
)

// Page geometry in millimetres (A4 landscape).
const (
	pageW, pageH = 297.0, 210.0
	margin       = 10.0
	titleH       = 14.0
	headerH      = 11.0
	footerH      = 7.0
	rowH         = 7.5
	timeW        = 13.0
	countW       = 11.0
	capW         = 15.0
	fontName     = "IPAexGothic"
)

// Schedule writes the day as a PDF at path: a title with the salon and the date, then a
// table of slots × (予約数, 受付可能数, 指名なし, each staff member, each piece of equipment)
// with the reservations as labelled boxes; long days continue on further pages.
func Schedule(d app.DaySchedule, path string) error {
	f := fpdf.New("L", "mm", "A4", "")
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(margin, margin, margin)
	f.AddUTF8FontFromBytes(fontName, "", assets.FontBytes())
	title := dateTitle(d.Day)
	f.SetTitle(d.Salon.Name+" "+title, true)
	f.SetCreator("SalonDesk", true)
	f.SetCreationDate(d.Day) // the same day prints the same file
	l := d.Layout()
	p := &painter{f: f, d: &d, rows: l.Rows, slot: l.Slot, cols: columns(&d, &l), title: title}
	p.paint()
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return &app.UserError{Key: "printout.error.write", Args: map[string]any{"Path": path, "Reason": err.Error()}}
	}
	return nil
}

// dateTitle is the day as 2026年11月23日(月).
func dateTitle(day time.Time) string {
	wd := []string{"日", "月", "火", "水", "木", "金", "土"}[day.Weekday()]
	return lang.X("printout.date", "{{.Year}}年{{.Month}}月{{.Day}}日({{.Weekday}})", map[string]any{
		"Year": day.Year(), "Month": int(day.Month()), "Day": day.Day(),
		"Weekday": lang.X("printout.weekday."+itoa(int(day.Weekday())), wd)})
}

// painter draws the pages.
type painter struct {
	f     *fpdf.Fpdf
	d     *app.DaySchedule
	rows  []app.SlotLoad // the layout's rows: the day's slots, or rows made up around its reservations
	slot  time.Duration
	cols  []column
	title string
	colXs []float64 // left edge of each badge column
	colWs []float64 // width of each badge column
}

func (p *painter) rowsPerPage() int {
	avail := pageH - 2*margin - titleH - headerH - footerH
	return int(avail / rowH)
}

func (p *painter) pages() int {
	n := len(p.rows)
	return max(1, int(math.Ceil(float64(n)/float64(p.rowsPerPage()))))
}

// layout shares the width among the columns by the lanes they need, so that a busy
// 指名なし column with three reservations side by side is not squeezed to illegibility.
func (p *painter) layout() {
	lanes := 0
	for _, c := range p.cols {
		lanes += c.lanes
	}
	unit := (pageW - 2*margin - timeW - countW - capW) / float64(lanes)
	x := margin + timeW + countW + capW
	for _, c := range p.cols {
		p.colXs = append(p.colXs, x)
		p.colWs = append(p.colWs, unit*float64(c.lanes))
		x += unit * float64(c.lanes)
	}
}

func (p *painter) paint() {
	p.layout()
	per := p.rowsPerPage()
	for page := 0; page < p.pages(); page++ {
		p.f.AddPage()
		p.drawTitle(page)
		if len(p.rows) == 0 {
			p.text(margin, margin+titleH+4, 12, lang.X("printout.closed", "定休日のため予約枠はありません。"))
			continue
		}
		from := page * per
		to := min(from+per, len(p.rows))
		p.drawHeader()
		p.drawRows(from, to)
		for c := range p.cols {
			p.drawBadges(c, from, to)
		}
		p.drawFooter(page)
	}
}

func (p *painter) drawTitle(page int) {
	f := p.f
	f.SetTextColor(0, 0, 0)
	p.text(margin, margin, 15, p.d.Salon.Name)
	f.SetFont(fontName, "", 15)
	nameW := f.GetStringWidth(p.d.Salon.Name)
	p.text(margin+nameW+6, margin, 15, p.title)
	h := p.d.Hours
	sub := lang.X("printout.subtitle", "日次スケジュール　営業時間 {{.Open}}〜{{.Close}}",
		map[string]any{"Open": h.Open, "Close": h.Close})
	if h.Closed {
		sub = lang.X("printout.subtitle_closed", "日次スケジュール　定休日")
	}
	p.text(margin, margin+7, 9, sub)
}

// tableTop is the y of the first slot row.
func tableTop() float64 { return margin + titleH + headerH }

func (p *painter) colX(c int) float64 { return p.colXs[c] }

func (p *painter) drawHeader() {
	f := p.f
	y := margin + titleH
	f.SetFillColor(238, 240, 244)
	f.SetDrawColor(120, 120, 120)
	f.SetLineWidth(0.2)
	f.Rect(margin, y, pageW-2*margin, headerH, "FD")
	p.cell(margin+timeW, y+1, countW, 4.5, 7.5, lang.X("printout.col.count", "予約数"), "C")
	p.cell(margin+timeW+countW, y+1, capW, 4.5, 7.5, lang.X("printout.col.capacity", "受付可能数"), "C")
	for i, c := range p.cols {
		x := p.colX(i)
		f.Line(x, y, x, y+headerH)
		p.shrinkCell(x+1, y+1, p.colWs[i]-2, 4.5, 8.5, c.title)
		p.cell(x+1, y+5.8, p.colWs[i]-2, 4, 6.5,
			lang.X("printout.capacity", "受付可能数:{{.N}}", map[string]any{"N": c.capacity}), "C")
	}
	f.Line(margin+timeW, y, margin+timeW, y+headerH)
	f.Line(margin+timeW+countW, y, margin+timeW+countW, y+headerH)
}

// drawRows draws the grid of slots from..to with the slot's time, 予約数 and 受付可能数.
func (p *painter) drawRows(from, to int) {
	f := p.f
	top := tableTop()
	right := pageW - margin
	for i := from; i < to; i++ {
		l := p.rows[i]
		y := top + float64(i-from)*rowH
		full := l.Count >= l.Capacity
		if full {
			f.SetFillColor(253, 226, 226)
			f.Rect(margin+timeW, y, countW+capW, rowH, "F")
		}
		f.SetDrawColor(200, 200, 200)
		if l.Start.Minute() == 0 {
			f.SetDrawColor(130, 130, 130)
		}
		f.SetLineWidth(0.2)
		f.Line(margin, y, right, y)
		p.cell(margin, y+1.6, timeW, 4, 8, l.Start.Format("15:04"), "C")
		p.cell(margin+timeW, y+1.6, countW, 4, 8, itoa(l.Count), "C")
		p.cell(margin+timeW+countW, y+1.6, capW, 4, 8, itoa(l.Capacity), "C")
	}
	bottom := top + float64(to-from)*rowH
	f.SetDrawColor(120, 120, 120)
	f.Line(margin, bottom, right, bottom)
	for _, x := range []float64{margin, margin + timeW, margin + timeW + countW} {
		f.Line(x, top, x, bottom)
	}
	for c := range p.cols {
		f.Line(p.colX(c), top, p.colX(c), bottom)
	}
	f.Line(right, top, right, bottom)
}

func (p *painter) drawFooter(page int) {
	y := pageH - margin - 4
	legend := lang.X("printout.legend", "× 連携失敗　仮 仮登録　HPB ホットペッパービューティー　指 指名　新 初回来店")
	p.text(margin, y, 7.5, legend)
	n := lang.X("printout.page", "{{.Page}} / {{.Pages}}", map[string]any{"Page": page + 1, "Pages": p.pages()})
	p.cell(pageW-margin-30, y, 30, 4, 7.5, n, "R")
}

// text writes s with its top-left corner at x, y.
func (p *painter) text(x, y, size float64, s string) {
	p.f.SetFont(fontName, "", size)
	p.f.SetXY(x, y)
	p.f.CellFormat(0, size*0.45, s, "", 0, "L", false, 0, "")
}

// cell writes s shortened to fit w.
func (p *painter) cell(x, y, w, h, size float64, s, align string) {
	p.f.SetFont(fontName, "", size)
	p.f.SetXY(x, y)
	p.f.CellFormat(w, h, fit(p.f, s, w), "", 0, align, false, 0, "")
}

// shrinkCell writes s centred in w, in a smaller size (down to 6.5 pt) before shortening it.
func (p *painter) shrinkCell(x, y, w, h, size float64, s string) {
	for ; size > 6.5; size -= 0.5 {
		p.f.SetFont(fontName, "", size)
		if p.f.GetStringWidth(s) <= w {
			break
		}
	}
	p.cell(x, y, w, h, size, s, "C")
}

// fit shortens s with … until it is at most w wide in the current font.
func fit(f *fpdf.Fpdf, s string, w float64) string {
	if f.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 {
		r = r[:len(r)-1]
		if t := string(r) + "…"; f.GetStringWidth(t) <= w {
			return t
		}
	}
	return ""
}
