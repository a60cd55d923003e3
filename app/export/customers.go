package export

import (
	"context"
	"io"
	"sort"
	"strconv"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/data"
)

// customer is one customer as JSON.
type customer struct {
	Number     int64  `json:"number"`
	Name       string `json:"name"`
	Kana       string `json:"kana"`
	Phone      string `json:"phone"`
	Email      string `json:"email"`
	Birthday   string `json:"birthday"`
	Sex        string `json:"sex"`
	Memo       string `json:"memo"`
	Caution    bool   `json:"caution"`
	NoShow     bool   `json:"no_show"`
	FirstVisit string `json:"first_visit"`
	LastVisit  string `json:"last_visit"`
	VisitCount int    `json:"visit_count"`
	Origin     string `json:"origin"`
	CreatedAt  string `json:"created_at"`
}

// pageSize is how many customers are read at a time.
const pageSize = 500

// Customers writes every customer, by customer number.
func Customers(ctx context.Context, a *app.App, format string, w io.Writer) error {
	if err := checkFormat(format); err != nil {
		return err
	}
	list, err := allCustomers(ctx, a)
	if err != nil {
		return err
	}
	if format == FormatJSON {
		out := make([]customer, 0, len(list))
		for _, c := range list {
			out = append(out, customer{Number: c.Number, Name: c.Name, Kana: c.Kana, Phone: c.Phone,
				Email: c.Email, Birthday: c.Birthday, Sex: c.Sex, Memo: c.Memo, Caution: c.Caution,
				NoShow: c.NoShow, FirstVisit: c.FirstVisit, LastVisit: c.LastVisit, VisitCount: c.VisitCount,
				Origin: c.Origin, CreatedAt: isoTime(c.CreatedAt)})
		}
		return writeJSON(w, out)
	}
	rows := make([][]string, 0, len(list))
	for _, c := range list {
		rows = append(rows, customerRow(c))
	}
	return writeCSV(w, customerHeader(), rows)
}

func allCustomers(ctx context.Context, a *app.App) ([]data.Customer, error) {
	var all []data.Customer
	for offset := 0; ; offset += pageSize {
		page, _, err := a.SearchCustomers(ctx, data.CustomerFilter{}, pageSize, offset)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < pageSize {
			break
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Number < all[j].Number })
	return all, nil
}

func customerHeader() []string {
	return []string{
		lang.X("export.col.customer_number", "お客様番号"),
		lang.X("export.col.customer_name", "お客様名"),
		lang.X("export.col.customer_kana", "お客様名（カナ）"),
		lang.X("export.col.phone", "電話番号"),
		lang.X("export.col.email", "メールアドレス"),
		lang.X("export.col.birthday", "生年月日"),
		lang.X("export.col.sex", "性別"),
		lang.X("export.col.customer_memo", "お客様メモ"),
		lang.X("export.col.caution", "要注意"),
		lang.X("export.col.no_show", "無断キャンセル"),
		lang.X("export.col.first_visit_day", "初回来店日"),
		lang.X("export.col.last_visit", "最終来店日"),
		lang.X("export.col.visit_count", "来店回数"),
		lang.X("export.col.origin", "登録元"),
		lang.X("export.col.created_at", "登録日時"),
	}
}

func customerRow(c data.Customer) []string {
	return []string{
		strconv.FormatInt(c.Number, 10),
		c.Name,
		c.Kana,
		c.Phone,
		c.Email,
		c.Birthday,
		label("export.sex.", sexNames, c.Sex),
		c.Memo,
		mark(c.Caution),
		mark(c.NoShow),
		c.FirstVisit,
		c.LastVisit,
		strconv.Itoa(c.VisitCount),
		label("export.origin.", originNames, c.Origin),
		csvTime(c.CreatedAt),
	}
}

var sexNames = map[string]string{"female": "女性", "male": "男性", "other": "その他"}

var originNames = map[string]string{"entered": "店舗で登録", "imported": "CSV取込", "salonboard": "SALON BOARD"}
