package web

import (
	"context"
	"net/url"
	"strconv"
	"time"
)

const (
	pathListInit   = "/KLP/reserve/reserveList/init"
	pathListSearch = "/KLP/reserve/reserveList/search"
	// maxListSpan keeps a search well under a year, so that MM/DD dates
	// have exactly one year inside the range.
	maxListSpan = 180 * 24 * time.Hour
	// maxPages stops a paging loop on a page that keeps offering 次へ.
	maxPages = 500
)

// allStatuses asks for every status, cancellations included: reconciliation
// must see a cancelled row to cancel locally.
var allStatuses = []int{1, 2, 3, 4, 5, 11, 6, 7, 8, 9, 10}

// ListReservations returns every reservation whose 来店日 lies in [from, to]
// (calendar days): init → search with the Struts token → follow 次へ.
// Ranges longer than 180 days are searched in parts.
func (c *Client) ListReservations(ctx context.Context, from, to time.Time) ([]ListRow, error) {
	from, to = dayOf(from.In(c.cfg.Location)), dayOf(to.In(c.cfg.Location))
	var out []ListRow
	seen := map[string]bool{}
	for lo := from; !lo.After(to); {
		hi := dayOf(lo.Add(maxListSpan))
		if hi.After(to) {
			hi = to
		}
		var rows []ListRow
		err := c.run(ctx, func(ctx context.Context) error {
			var err error
			rows, err = c.search(ctx, lo, hi, nil)
			return err
		})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			if !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, r)
			}
		}
		lo = hi.AddDate(0, 0, 1)
	}
	return out, nil
}

// search runs one search and follows its pages. extra adds filters (e.g.
// reserveId); from and to also give the rows their year.
func (c *Client) search(ctx context.Context, from, to time.Time, extra url.Values) ([]ListRow, error) {
	init, err := c.get(ctx, "reserveListInit", pathListInit, nil, c.referer())
	if err != nil {
		return nil, err
	}
	form, err := ParseReserveListForm(init.body)
	if err != nil {
		return nil, err
	}
	vals := url.Values{}
	for k, v := range form.Hidden {
		vals[k] = append([]string(nil), v...)
	}
	if extra.Get("reserveId") == "" {
		vals.Set("rsvDateFrom", from.Format("20060102"))
		vals.Set("rsvDateTo", to.Format("20060102"))
	}
	vals.Del("reserveDispStatusCdArray")
	for _, s := range allStatuses {
		vals.Add("reserveDispStatusCdArray", strconv.Itoa(s))
	}
	for k, v := range extra {
		vals[k] = v
	}
	action := form.Action
	if action == "" {
		action = pathListSearch
	}
	p, err := c.post(ctx, "reserveList", action, init.url, vals, init.url)
	if err != nil {
		return nil, err
	}
	return c.follow(ctx, p, from, to)
}

// follow reads the first results page and every 次へ after it.
func (c *Client) follow(ctx context.Context, p loaded, from, to time.Time) ([]ListRow, error) {
	page, err := ParseReserveList(p.body, from, to)
	if err != nil {
		return nil, err
	}
	rows := page.Rows
	for page.Next != "" {
		if page.Page >= page.Pages || page.Page >= maxPages {
			return nil, pageChanged(listPage, "次へ on page %d/%d", page.Page, page.Pages)
		}
		if p, err = c.get(ctx, listPage, page.Next, p.url, p.url); err != nil {
			return nil, err
		}
		next, err := ParseReserveList(p.body, from, to)
		if err != nil {
			return nil, err
		}
		if next.Page != page.Page+1 {
			return nil, pageChanged(listPage, "次へ from page %d led to page %d", page.Page, next.Page)
		}
		page = next
		rows = append(rows, page.Rows...)
	}
	return rows, nil
}
