package export

import (
	"bufio"
	"context"
	"io"
	"strconv"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/app/csvio"
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

// Customers writes every customer, by customer number (CSV in UTF-8).
func Customers(ctx context.Context, a *app.App, format string, w io.Writer) error {
	return CustomersEncoded(ctx, a, format, csvio.UTF8, w)
}

// CustomersEncoded writes every customer, by customer number; a CSV in the given
// encoding (UTF-8 with a byte order mark, or Shift_JIS for an older Excel). The CSV's
// header is what the customer import reads back.
func CustomersEncoded(ctx context.Context, a *app.App, format string, enc csvio.Encoding, w io.Writer) error {
	if err := checkFormat(format); err != nil {
		return err
	}
	if format == FormatJSON {
		out := []customer{}
		err := a.EachCustomer(ctx, func(c data.Customer) error {
			out = append(out, customer{Number: c.Number, Name: c.Name, Kana: c.Kana, Phone: c.Phone,
				Email: c.Email, Birthday: c.Birthday, Sex: c.Sex, Memo: c.Memo, Caution: c.Caution,
				NoShow: c.NoShow, FirstVisit: c.FirstVisit, LastVisit: c.LastVisit, VisitCount: c.VisitCount,
				Origin: c.Origin, CreatedAt: isoTime(c.CreatedAt)})
			return nil
		})
		if err != nil {
			return err
		}
		return writeJSON(w, out)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	cw, err := csvio.NewWriter(bw, enc)
	if err != nil {
		return err
	}
	if err := cw.Write(customerHeader()); err != nil {
		return err
	}
	if err := a.EachCustomer(ctx, func(c data.Customer) error { return cw.Write(customerRow(c)) }); err != nil {
		return err
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	return bw.Flush()
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
