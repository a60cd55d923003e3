package sales

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/uifmt"
)

// parseDay reads 2026-11-10 or 2026/11/10.
func parseDay(s string) (time.Time, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "/", "-")
	t, err := time.ParseInLocation(data.DayLayout, s, time.Local)
	return t, err == nil
}

// struck draws a line through o: a reversed (取消) sale stays visible, crossed out.
func struck(o fyne.CanvasObject) fyne.CanvasObject {
	line := canvas.NewRectangle(theme.Color(theme.ColorNameError))
	line.SetMinSize(fyne.NewSize(1, 1))
	return container.NewStack(o, container.NewVBox(layout.NewSpacer(), line, layout.NewSpacer()))
}

// bucketRow is one line of a breakdown: its name and its amount (count).
func bucketRow(name string, b data.SalesBucket) fyne.CanvasObject {
	amount := widget.NewLabel(lang.X("sales.screen.amount_count", "{{.Amount}}（{{.Count}}件）",
		map[string]any{"Amount": uifmt.Yen(b.Amount), "Count": b.Count}))
	return container.NewBorder(nil, nil, nil, amount, widget.NewLabel(name))
}

// categoryName names a by-category bucket: the menu category, or 店販 / 指名料 / 値引き.
func categoryName(b data.SalesBucket) string {
	switch {
	case b.Key == data.LineMenu && b.Name != "":
		return b.Name
	case b.Key == data.LineMenu:
		return lang.X("sales.screen.no_category", "カテゴリなし")
	}
	return app.LineKindLabel(b.Key)
}

// staffName names a by-staff bucket: 佐藤（指名） / 佐藤（フリー） / 担当なし.
func staffName(b data.SalesBucket) string {
	name := b.Name
	if b.ID == 0 {
		name = lang.X("sales.screen.no_staff", "担当なし")
	}
	if b.Designated {
		return lang.X("sales.screen.designated", "{{.Name}}（指名）", map[string]any{"Name": name})
	}
	return lang.X("sales.screen.free", "{{.Name}}（フリー）", map[string]any{"Name": name})
}

// routeBuckets folds the by-route totals into HPB and not: HPB's is what the salon pays
// commission on.
func routeBuckets(in []data.SalesBucket) (hpb, other data.SalesBucket) {
	for _, b := range in {
		t := &other
		if b.Key == string(data.RouteHPB) {
			t = &hpb
		}
		t.Amount += b.Amount
		t.Count += b.Count
	}
	return hpb, other
}
