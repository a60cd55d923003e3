package web

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const pathSchedule = "/KLP/schedule/salonSchedule/"

// Schedule reads the salon schedule of day.
func (c *Client) Schedule(ctx context.Context, day time.Time) (Schedule, error) {
	day = dayOf(day.In(c.cfg.Location))
	var s Schedule
	err := c.run(ctx, func(ctx context.Context) error {
		p, err := c.get(ctx, schedulePage, pathSchedule+"?date="+day.Format("20060102"), nil, c.referer())
		if err != nil {
			return err
		}
		s, err = ParseSchedule(p.body, day)
		return err
	})
	return s, err
}

// ReservationDetail opens a reservation's detail page the way a person does:
// by its link on the list page. When the last page loaded, or the last list
// page (a person goes back to it after reading a detail), shows that link it
// is followed from there: one request. Otherwise the list is searched by the
// reservation number first (init, search, detail: three requests).
func (c *Client) ReservationDetail(ctx context.Context, id string) (Detail, error) {
	if !ValidReservationID(id) {
		return Detail{}, fmt.Errorf("salonboard: %q is not a reservation number: %w", id, ErrNotFound)
	}
	var d Detail
	err := c.run(ctx, func(ctx context.Context) error {
		var err error
		d, _, err = c.openDetail(ctx, id)
		return err
	})
	return d, err
}

// openDetail is ReservationDetail inside an operation; it also returns the
// page (the write flows follow its links).
func (c *Client) openDetail(ctx context.Context, id string) (Detail, loaded, error) {
	from := c.prev
	href := linkTo(from, id)
	if href == "" && c.lastList.url != nil {
		if href = linkTo(c.lastList, id); href != "" {
			from = c.lastList
		}
	}
	if href == "" {
		now := c.now().In(c.cfg.Location)
		rows, err := c.search(ctx, now.AddDate(0, -6, 0), now.AddDate(0, 6, 0), url.Values{"reserveId": {id}})
		if err != nil {
			return Detail{}, loaded{}, err
		}
		from = c.prev
		if href = linkTo(from, id); href == "" {
			return Detail{}, loaded{}, fmt.Errorf("salonboard: %s is not in the reservation list (%d rows): %w", id, len(rows), ErrNotFound)
		}
	}
	p, err := c.get(ctx, detailPage, href, from.url, from.url)
	if err != nil {
		return Detail{}, loaded{}, err
	}
	d, err := ParseReserveDetail(p.body, c.cfg.Location)
	if err != nil {
		return Detail{}, loaded{}, err
	}
	if d.ID != id {
		return Detail{}, loaded{}, pageChanged(detailPage, "asked for %s, the page shows %s", id, d.ID)
	}
	return d, p, nil
}

// linkTo finds the detail link of id on a loaded list page.
func linkTo(p loaded, id string) string {
	if p.name != listPage || len(p.body) == 0 {
		return ""
	}
	doc, err := parseHTML(p.body)
	if err != nil {
		return ""
	}
	a := find(doc, func(n *html.Node) bool {
		h := attr(n, "href")
		return n.DataAtom == atom.A && strings.Contains(h, "eserveDetail") && queryValue(h, "reserveId") == id
	})
	if a == nil {
		return ""
	}
	return attr(a, "href")
}
