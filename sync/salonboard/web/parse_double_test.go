package web_test

import (
	"errors"
	"slices"
	"testing"

	"salondesk/sync/salonboard/web"
)

// Every parser against the pages the double renders.

func TestParsersOnDoublePages(t *testing.T) {
	p := renderSamples(t)

	t.Run("login", func(t *testing.T) {
		if _, err := web.ParseLoginResult("http://x/KLP/top/", p.top); err != nil {
			t.Fatalf("top: %v", err)
		}
		if _, err := web.ParseLoginResult("http://x/CNC/login/doLogin/", p.login); !errors.Is(err, web.ErrBadCredentials) {
			t.Fatalf("login form after posting: %v", err)
		}
		if _, err := web.ParseLoginResult("http://x/CNC/login/doLogin/", p.captcha); !errors.Is(err, web.ErrCaptcha) {
			t.Fatalf("captcha: %v", err)
		}
		if _, err := web.ParseLoginResult("http://x/CNC/login/passwordChange/", p.password); !errors.Is(err, web.ErrPasswordChange) {
			t.Fatalf("password change: %v", err)
		}
	})

	t.Run("listForm", func(t *testing.T) {
		f, err := web.ParseReserveListForm(p.listInit)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Token) != 32 || f.Action != "/KLP/reserve/reserveList/search" || f.Hidden.Get(web.TokenField) != f.Token {
			t.Fatalf("form = %+v", f)
		}
	})

	t.Run("list", func(t *testing.T) {
		pg, err := web.ParseReserveList(p.list1, p.from, p.to)
		if err != nil {
			t.Fatal(err)
		}
		if len(pg.Rows) != 50 || pg.Page != 1 || pg.Pages != 2 || pg.Next != "changePage?pn=2" {
			t.Fatalf("page 1: %d rows, %d/%d, next %q", len(pg.Rows), pg.Page, pg.Pages, pg.Next)
		}
		pg2, err := web.ParseReserveList(p.list2, p.from, p.to)
		if err != nil {
			t.Fatal(err)
		}
		if len(pg2.Rows) != 10 || pg2.Page != 2 || pg2.Next != "" {
			t.Fatalf("page 2: %d rows, %d/%d, next %q", len(pg2.Rows), pg2.Page, pg2.Pages, pg2.Next)
		}
		var cancels int
		for _, r := range append(pg.Rows, pg2.Rows...) {
			if !web.ValidReservationID(r.ID) || r.Start.Year() != 2026 || r.Customer == "" || len(r.Menu) == 0 {
				t.Fatalf("row %+v", r)
			}
			if r.StatusCode == web.StatusSalonCancel {
				cancels++
				if r.Status != "サロンキャンセル" || r.Kind != web.KindExt {
					t.Fatalf("cancelled row %+v", r)
				}
			}
		}
		if cancels == 0 {
			t.Fatal("cancelled rows must stay in the list")
		}
	})

	t.Run("schedule", func(t *testing.T) {
		s, err := web.ParseSchedule(p.schedule, p.day)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Staff) != 3 || len(s.Equipment) != 2 || len(s.LastUpdate) != 14 {
			t.Fatalf("schedule %d staff %d equipment stamp %q", len(s.Staff), len(s.Equipment), s.LastUpdate)
		}
		if s.Staff[0].ID != "W000000101" || s.Staff[0].Name != "佐藤 美咲" || !slices.Equal(s.Staff[0].Capacity, []int{1, 1}) {
			t.Fatalf("staff 0 = %+v", s.Staff[0])
		}
		if len(s.Staff[0].ToDos) != 1 || s.Staff[0].ToDos[0].Title != "休憩" {
			t.Fatalf("todos = %+v", s.Staff[0].ToDos)
		}
		off := s.Staff[1].ToDos
		if len(off) != 1 || !off[0].DayOff || off[0].End.Sub(off[0].Start).Hours() != 29 {
			t.Fatalf("day off = %+v", off)
		}
		blocks := 0
		for _, st := range s.Staff {
			for _, b := range st.Blocks {
				blocks++
				if b.Name == "" || !b.End.After(b.Start) || b.Start.Day() != 5 {
					t.Fatalf("block %+v", b)
				}
			}
		}
		if blocks == 0 {
			t.Fatal("no blocks on 12/05")
		}
	})

	t.Run("detail", func(t *testing.T) {
		for name, body := range map[string][]byte{"net": p.netDetail, "ext": p.extDetail} {
			d, err := web.ParseReserveDetail(body, jst)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if d.NameKana == "" || d.Start.IsZero() || !d.End.After(d.Start) || len(d.Staff) != 1 || d.Staff[0].Start != d.Start {
				t.Fatalf("%s: %+v", name, d)
			}
			if string(d.Kind) != name {
				t.Fatalf("%s: kind %s", name, d.Kind)
			}
		}
	})

	t.Run("expired", func(t *testing.T) {
		var se *web.ErrSessionExpired
		if _, err := web.ParseSchedule(p.kpcl, p.day); !errors.As(err, &se) || se.Code != "KPCL011V01" || !web.IsTransient(err) {
			t.Fatalf("KPCL page: %v", err)
		}
	})
}
