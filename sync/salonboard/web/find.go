package web

import (
	"context"
	"net/url"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// FindReservations is the duplicate check before any retry of a
// registration: the live reservations of start's day that start at start,
// are with the staff named staffName ("" = any staff) and, through the
// list's kana filter (rsvCustomerNameSeiKana / MeiKana), carry the kana
// name. kana is "セイ メイ" (a space, full-width or not, between family and
// given name; hiragana and half-width kana are converted). Cancelled rows
// are left out. One row: link it; none: register; more: ask a person.
// Errors are *WriteError (Op "find"), transient unless said otherwise.
func (c *Client) FindReservations(ctx context.Context, start time.Time, staffName, kana string) ([]ListRow, error) {
	sei, mei := splitKana(kana)
	var rows []ListRow
	err := c.run(ctx, func(ctx context.Context) error {
		var err error
		rows, err = c.findRows(ctx, start.In(c.cfg.Location), "", staffName, sei, mei)
		return err
	})
	return rows, classify("find", err)
}

// splitKana splits "ヤマダ ハナコ" into its family and given parts, each
// sanitised.
func splitKana(kana string) (string, string) {
	parts := strings.FieldsFunc(kana, isSpace)
	if len(parts) == 0 {
		return "", ""
	}
	return SanitizeKana(parts[0]), SanitizeKana(strings.Join(parts[1:], ""))
}

// findRows searches the list of start's day with the kana filter (and the
// staff filter when staffID is known) and keeps the live rows at start with
// the staff.
func (c *Client) findRows(ctx context.Context, start time.Time, staffID, staffName, sei, mei string) ([]ListRow, error) {
	day := dayOf(start)
	extra := url.Values{}
	if staffID != "" {
		extra.Set("staffId", staffID)
	}
	if sei != "" {
		extra.Set("rsvCustomerNameSeiKana", sei)
	}
	if mei != "" {
		extra.Set("rsvCustomerNameMeiKana", mei)
	}
	rows, err := c.search(ctx, day, day, extra)
	if err != nil {
		return nil, err
	}
	var out []ListRow
	for _, r := range rows {
		if r.Start.Equal(start) && !IsCancelled(r.StatusCode) && (staffName == "" || sameName(r.Staff, staffName)) {
			out = append(out, r)
		}
	}
	return out, nil
}

// sameName compares two names as a person would: width and spaces ignored.
func sameName(a, b string) bool {
	fold := func(s string) string {
		return strings.Map(func(r rune) rune {
			if isSpace(r) {
				return -1
			}
			return r
		}, norm.NFKC.String(s))
	}
	return fold(a) == fold(b)
}
