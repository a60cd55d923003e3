package web

import (
	"context"
	"errors"
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
)

// allStatuses asks for every status, cancellations included: reconciliation
// must see a cancelled row to cancel locally.
var allStatuses = []int{1, 2, 3, 4, 5, 11, 6, 7, 8, 9, 10}

// ErrStopPaging, returned by ListPages' each, stops the paging without
// reading another page; ListPages then returns nil.
var ErrStopPaging = errors.New("salonboard: stop paging")

// ListQuery is one search of the reservation list.
type ListQuery struct {
	From, To time.Time // 来店日, calendar days, both included
	// Statuses are the status codes to ask for (reserveDispStatusCdArray);
	// nil or empty asks for all eleven, cancellations included.
	Statuses []int
}

// ListPages searches the list (init, search with the filters) and hands
// each results page to each, in order, following 次へ. each returning
// ErrStopPaging ends the search at once (nil is returned); any other error
// ends it and is returned. A range longer than 180 days is searched in
// parts, each with its own init and search.
//
// each runs while the client is held: it must not call the client. When
// the session ends mid-search, the client logs in again, searches again
// and jumps straight to the first page each has not seen (changePage?pn=N),
// so no page is handed over twice.
func (c *Client) ListPages(ctx context.Context, q ListQuery, each func(ListPage) error) error {
	from, to := dayOf(q.From.In(c.cfg.Location)), dayOf(q.To.In(c.cfg.Location))
	statuses := q.Statuses
	if len(statuses) == 0 {
		statuses = allStatuses
	}
	for lo := from; !lo.After(to); {
		hi := dayOf(lo.Add(maxListSpan))
		if hi.After(to) {
			hi = to
		}
		w := &listWalk{from: lo, to: hi, statuses: statuses, each: each}
		err := c.run(ctx, func(ctx context.Context) error { return c.walk(ctx, w) })
		if errors.Is(err, ErrStopPaging) {
			return nil
		}
		if err != nil {
			return err
		}
		lo = hi.AddDate(0, 0, 1)
	}
	return nil
}

// ListReservations returns every reservation whose 来店日 lies in [from, to]
// (calendar days), every status: ListPages gathered into one slice.
func (c *Client) ListReservations(ctx context.Context, from, to time.Time) ([]ListRow, error) {
	var out []ListRow
	seen := map[string]bool{}
	err := c.ListPages(ctx, ListQuery{From: from, To: to}, func(p ListPage) error {
		for _, r := range p.Rows {
			if !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, r)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// search runs one search over every status and gathers its pages. extra
// adds filters (e.g. reserveId); from and to also give the rows their year.
func (c *Client) search(ctx context.Context, from, to time.Time, extra url.Values) ([]ListRow, error) {
	var rows []ListRow
	w := &listWalk{from: from, to: to, statuses: allStatuses, extra: extra,
		each: func(p ListPage) error { rows = append(rows, p.Rows...); return nil }}
	if err := c.walk(ctx, w); err != nil {
		return nil, err
	}
	return rows, nil
}

// listWalk is one search being paged through. done survives a re-login,
// so that a repeated walk resumes after the pages already handed over.
type listWalk struct {
	from, to time.Time
	statuses []int
	extra    url.Values
	each     func(ListPage) error
	done     int // pages handed to each
}

// walk runs the search and hands over every page after w.done.
func (c *Client) walk(ctx context.Context, w *listWalk) error {
	p, err := c.searchPost(ctx, w)
	if err != nil {
		return err
	}
	page, err := ParseReserveList(p.body, w.from, w.to)
	if err != nil {
		return err
	}
	if w.done >= page.Pages && w.done > 0 {
		return nil // every page was handed over before the session ended
	}
	if w.done > 0 && page.Page < page.Pages {
		// Resuming: jump to the first page not handed over yet.
		if p, page, err = c.listPageAt(ctx, w, p, page, w.done+1); err != nil {
			return err
		}
	}
	limit := 2*page.Pages + 10 // pages may grow while we read; never without end
	for {
		if page.Page > w.done {
			if err := w.each(page); err != nil {
				return err
			}
			w.done = page.Page
		}
		if page.Next == "" {
			return nil
		}
		if page.Page >= page.Pages || page.Page >= limit {
			return pageChanged(listPage, "次へ on page %d/%d", page.Page, page.Pages)
		}
		if p, page, err = c.nextListPage(ctx, w, p, page, page.Next, page.Page+1); err != nil {
			return err
		}
	}
}

// searchPost opens the search form and posts it with w's filters.
func (c *Client) searchPost(ctx context.Context, w *listWalk) (loaded, error) {
	init, err := c.get(ctx, "reserveListInit", pathListInit, nil, c.referer())
	if err != nil {
		return loaded{}, err
	}
	form, err := ParseReserveListForm(init.body)
	if err != nil {
		return loaded{}, err
	}
	vals := url.Values{}
	for k, v := range form.Hidden {
		vals[k] = append([]string(nil), v...)
	}
	if w.extra.Get("reserveId") == "" {
		vals.Set("rsvDateFrom", w.from.Format("20060102"))
		vals.Set("rsvDateTo", w.to.Format("20060102"))
	}
	vals.Del("reserveDispStatusCdArray")
	for _, s := range w.statuses {
		vals.Add("reserveDispStatusCdArray", strconv.Itoa(s))
	}
	for k, v := range w.extra {
		vals[k] = v
	}
	action := form.Action
	if action == "" {
		action = pathListSearch
	}
	return c.post(ctx, "reserveList", action, init.url, vals, init.url)
}

// listPageAt jumps to page pn through the paging link, its pn replaced.
func (c *Client) listPageAt(ctx context.Context, w *listWalk, p loaded, page ListPage, pn int) (loaded, ListPage, error) {
	u, err := url.Parse(page.Next)
	if err != nil {
		return loaded{}, ListPage{}, pageChanged(listPage, "次へ link %q", page.Next)
	}
	q := u.Query()
	q.Set("pn", strconv.Itoa(pn))
	u.RawQuery = q.Encode()
	return c.nextListPage(ctx, w, p, page, u.String(), pn)
}

// nextListPage loads href from the page p and checks that it is page want:
// a page that repeats or skips its number is a loop or a changed site.
func (c *Client) nextListPage(ctx context.Context, w *listWalk, p loaded, page ListPage, href string, want int) (loaded, ListPage, error) {
	next, err := c.get(ctx, listPage, href, p.url, p.url)
	if err != nil {
		return loaded{}, ListPage{}, err
	}
	np, err := ParseReserveList(next.body, w.from, w.to)
	if err != nil {
		return loaded{}, ListPage{}, err
	}
	if np.Page != want {
		return loaded{}, ListPage{}, pageChanged(listPage, "page %d led to page %d, not %d", page.Page, np.Page, want)
	}
	return next, np, nil
}
