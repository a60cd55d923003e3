package demo

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"time"

	"salondesk/data"
)

// customerCount is how many customers the demo salon has on file.
const customerCount = 240

// person is a made-up name.
type person struct {
	name, kana, roman string
	female            bool
}

// newPerson picks a name not in used (keyed by kana, so search results stay distinct).
func newPerson(r *rand.Rand, used map[string]bool) person {
	for {
		s := surnames[r.IntN(len(surnames))]
		female := r.IntN(100) < 85 // a beauty salon's book
		g := femaleNames[r.IntN(len(femaleNames))]
		if !female {
			g = maleNames[r.IntN(len(maleNames))]
		}
		p := person{name: s.Kanji + " " + g.Kanji, kana: s.Kana + "　" + g.Kana,
			roman: g.Roman + "." + s.Roman, female: female}
		if !used[p.kana] {
			used[p.kana] = true
			return p
		}
	}
}

// writeCustomers writes the customer book in one transaction: regulars with a history
// before the demo's window, and some who never came yet (their first reservation is 新).
func writeCustomers(ctx context.Context, s *data.Store, r *rand.Rand, today time.Time, used map[string]bool) ([]data.Customer, error) {
	windowStart := data.DayStart(today).AddDate(0, 0, -15)
	var out []data.Customer
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		for i := 0; i < customerCount; i++ {
			c := makeCustomer(r, newPerson(r, used), windowStart, i)
			created := windowStart.Add(-time.Duration(r.IntN(24*60)) * time.Hour)
			if c.FirstVisit != "" {
				created = data.ParseTime(c.FirstVisit).Add(-time.Duration(1+r.IntN(14*24)) * time.Hour)
			}
			created = created.Truncate(time.Minute)
			if err := data.InsertCustomer(ctx, tx, &c, created); err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	return out, err
}

func makeCustomer(r *rand.Rand, p person, windowStart time.Time, i int) data.Customer {
	c := data.Customer{Name: p.name, Kana: p.kana, Origin: "entered", Sex: "female",
		Phone: fmt.Sprintf("0%d0-%04d-%04d", 7+r.IntN(3), r.IntN(10000), r.IntN(10000))}
	if !p.female {
		c.Sex = "male"
	}
	switch n := r.IntN(10); {
	case n < 5:
		c.Origin = "salonboard" // came through HOT PEPPER Beauty
	case n < 7:
		c.Origin = "imported" // from the previous register's CSV
	}
	if r.IntN(100) < 45 {
		domain := []string{"example.jp", "example.com", "example.ne.jp"}[r.IntN(3)]
		c.Email = fmt.Sprintf("%s%d@%s", p.roman, r.IntN(100), domain)
	}
	if r.IntN(100) < 75 {
		born := time.Date(1962+r.IntN(43), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.Local)
		c.Birthday = data.FormatDay(born)
	}
	if r.IntN(100) < 12 {
		c.Memo = customerMemos[r.IntN(len(customerMemos))]
	}
	c.Caution = i%61 == 7
	// One in six has never visited: a new customer who booked, or someone who only called.
	if r.IntN(6) == 0 {
		return c
	}
	first := windowStart.AddDate(0, 0, -(20 + r.IntN(5*365)))
	span := int(windowStart.Sub(first).Hours() / 24)
	last := windowStart.AddDate(0, 0, -r.IntN(span/2+1))
	c.FirstVisit, c.LastVisit = data.FormatDay(first), data.FormatDay(last)
	c.VisitCount = min(1+r.IntN(span/30+1), 40)
	if c.VisitCount == 1 {
		c.LastVisit = c.FirstVisit
	}
	return c
}
