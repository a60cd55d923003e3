package web

import (
	"context"
	"fmt"
	"net/url"
)

// The salon's masters as SALON BOARD holds them: the staff and the menus and
// coupons the registration form offers. There is no master page in the spec;
// the form is where a person sees them all, so it is read the way a person
// opens it: from today's schedule, on the first staff row. Nothing is posted.

// Masters is what the registration form offers.
type Masters struct {
	Staff      []MasterStaff
	Menus      []MenuOption // menuIdList
	NetCoupons []FormOption // netCouponId (HOT PEPPER Beauty coupons), without 指定なし
	ExtCoupons []MenuOption // extCouponIdList (the salon's own coupons)
}

// MasterStaff is a staff member with SALON BOARD's id (W…) and name.
type MasterStaff struct {
	ID   string
	Name string
}

// ReadMasters opens the registration form from today's schedule and returns
// the staff and the menus and coupons it offers. The staff come from the
// form's staff select (the schedule's header names them too: a staff member
// missing from the form is taken from there).
func (c *Client) ReadMasters(ctx context.Context) (Masters, error) {
	var m Masters
	err := c.run(ctx, func(ctx context.Context) error {
		day := dayOf(c.now().In(c.cfg.Location))
		sp, err := c.get(ctx, schedulePage, pathSchedule+"?date="+day.Format("20060102"), nil, c.referer())
		if err != nil {
			return err
		}
		sched, err := ParseSchedule(sp.body, day)
		if err != nil {
			return err
		}
		if len(sched.Staff) == 0 {
			return pageChanged(schedulePage, "no staff row to open the registration form from")
		}
		link := fmt.Sprintf("%s?staffId=%s&date=%s&rsvHour=10&rsvMinute=00&rlastupdate=%s", pathRegist,
			url.QueryEscape(sched.Staff[0].ID), day.Format("20060102"), sched.LastUpdate)
		fp, err := c.get(ctx, registFormPage, link, sp.url, sp.url)
		if err != nil {
			return err
		}
		form, err := ParseRegistForm(fp.body)
		if err != nil {
			return err
		}
		m = mastersOf(form, sched)
		return nil
	})
	return m, err
}

// mastersOf reads the masters off a parsed form (and the schedule it was
// opened from).
func mastersOf(f ReserveForm, s Schedule) Masters {
	m := Masters{Menus: withValue(f.Menus), ExtCoupons: withValue(f.ExtCoupons)}
	seen := map[string]bool{}
	for _, o := range f.Staff {
		if o.Value != "" && !seen[o.Value] {
			seen[o.Value] = true
			m.Staff = append(m.Staff, MasterStaff{ID: o.Value, Name: o.Label})
		}
	}
	for _, st := range s.Staff {
		if st.ID != "" && !seen[st.ID] {
			seen[st.ID] = true
			m.Staff = append(m.Staff, MasterStaff{ID: st.ID, Name: st.Name})
		}
	}
	for _, o := range f.NetCoupons {
		if o.Value != "" { // 指定なし
			m.NetCoupons = append(m.NetCoupons, o)
		}
	}
	return m
}

func withValue(opts []MenuOption) []MenuOption {
	var out []MenuOption
	for _, o := range opts {
		if o.Value != "" {
			out = append(out, o)
		}
	}
	return out
}
