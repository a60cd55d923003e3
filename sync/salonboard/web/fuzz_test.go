package web_test

import (
	"strings"
	"testing"
	"time"

	"salondesk/sync/salonboard/web"
)

// Fuzz targets: no page, however broken, may panic a parser, and a page
// that parses must give a result that holds together.
// Run one with e.g. go test -run '^$' -fuzz FuzzParseSchedule -fuzztime 30s ./sync/salonboard/web

func FuzzParseLoginResult(f *testing.F) {
	p := renderSamples(f)
	for _, b := range [][]byte{p.login, p.top, p.captcha, p.password, p.kpcl, []byte("<a href=?storeId=H000000101>x</a>")} {
		f.Add("https://salonboard.com/KLP/top/", b)
		f.Add("https://salonboard.com/KLP/groupTop/", b)
	}
	f.Fuzz(func(t *testing.T, u string, body []byte) {
		res, err := web.ParseLoginResult(u, body)
		if err == nil && res.Kind == web.LoginGroup && len(res.Stores) == 0 {
			t.Fatal("a group page without stores")
		}
	})
}

func FuzzParseReserveListForm(f *testing.F) {
	p := renderSamples(f)
	for _, b := range [][]byte{p.listInit, p.list1, p.kpcl, p.top} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		form, err := web.ParseReserveListForm(body)
		if err == nil && (form.Token == "" || form.Hidden.Get(web.TokenField) != form.Token) {
			t.Fatalf("form without token: %+v", form)
		}
	})
}

func FuzzParseReserveList(f *testing.F) {
	p := renderSamples(f)
	for _, b := range [][]byte{p.list1, p.list2, p.listInit, p.kpcl, []byte(listAcrossNewYear)} {
		f.Add(b, uint16(0), uint16(30))
	}
	f.Fuzz(func(t *testing.T, body []byte, offset, span uint16) {
		from := day(2026, 12, 1).AddDate(0, 0, int(offset%800)-400)
		to := from.AddDate(0, 0, int(span%400))
		pg, err := web.ParseReserveList(body, from, to)
		if err != nil {
			return
		}
		if pg.Page < 1 || pg.Page > pg.Pages {
			t.Fatalf("page %d/%d", pg.Page, pg.Pages)
		}
		for _, r := range pg.Rows {
			if !web.ValidReservationID(r.ID) || r.Start.IsZero() {
				t.Fatalf("row %+v", r)
			}
		}
	})
}

func FuzzParseSchedule(f *testing.F) {
	p := renderSamples(f)
	for _, b := range [][]byte{p.schedule, p.kpcl, []byte(scheduleSnippet), busySchedulePage(f)} {
		f.Add(b)
	}
	d := day(2026, 12, 5)
	f.Fuzz(func(t *testing.T, body []byte) {
		s, err := web.ParseSchedule(body, d)
		if err != nil {
			return
		}
		if len(s.Staff) == 0 || len(s.LastUpdate) != 14 {
			t.Fatalf("schedule %+v", s)
		}
		var blocks []web.Block
		for _, st := range s.Staff {
			if st.ID == "" {
				t.Fatalf("staff row without id: %+v", st)
			}
			blocks = append(blocks, st.Blocks...)
		}
		for _, eq := range s.Equipment {
			blocks = append(blocks, eq.Blocks...)
		}
		for _, b := range blocks {
			if b.Name == "" || strings.HasSuffix(b.Name, "様") || b.End.Before(b.Start) || b.Start.Before(d) || b.Start.Sub(d) > 49*time.Hour {
				t.Fatalf("block %+v", b)
			}
		}
	})
}

func FuzzParseReserveDetail(f *testing.F) {
	p := renderSamples(f)
	for _, b := range [][]byte{p.netDetail, p.extDetail, p.kpcl, []byte(detailSnippet)} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := web.ParseReserveDetail(body, jst)
		if err == nil && !web.ValidReservationID(d.ID) {
			t.Fatalf("detail without a number: %+v", d)
		}
	})
}
