package app

import (
	"context"
	"regexp"
	"strings"

	"salondesk/data"
)

// CustomerInput is what a customer form submits.
type CustomerInput struct {
	ID       int64
	Name     string
	Kana     string
	Phone    string
	Email    string
	Birthday string // YYYY-MM-DD or ""
	Sex      string
	Memo     string
	Caution  bool
}

var (
	phoneRe = regexp.MustCompile(`^[0-9+\-() ]{0,20}$`)
	emailRe = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	dayRe   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

func (in *CustomerInput) validate() error {
	switch {
	case trim(in.Kana) == "":
		return userErr("error.kana_required")
	case !IsKana(in.Kana):
		return userErr("error.kana_only")
	case !phoneRe.MatchString(normalizeDigits(in.Phone)):
		return userErr("error.phone_invalid")
	case trim(in.Email) != "" && !emailRe.MatchString(trim(in.Email)):
		return userErr("error.email_invalid")
	case trim(in.Birthday) != "" && !dayRe.MatchString(trim(in.Birthday)):
		return userErr("error.birthday_invalid")
	}
	return nil
}

func (in *CustomerInput) toCustomer() (data.Customer, error) {
	if err := in.validate(); err != nil {
		return data.Customer{}, err
	}
	return data.Customer{ID: in.ID, Name: trim(in.Name), Kana: NormalizeKana(in.Kana),
		Phone: normalizeDigits(in.Phone), Email: trim(in.Email), Birthday: trim(in.Birthday), Sex: in.Sex,
		Memo: trim(in.Memo), Caution: in.Caution}, nil
}

// normalizeDigits turns full-width digits and dashes into ASCII.
func normalizeDigits(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r == 'ー' || r == '－' || r == '‐' || r == '―' || r == '−' || r == '‑' || r == '–' || r == 'ｰ':
			r = '-'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SaveCustomer creates (ID 0) or updates a customer.
func (a *App) SaveCustomer(ctx context.Context, in CustomerInput) (data.Customer, error) {
	c, err := in.toCustomer()
	if err != nil {
		return c, err
	}
	err = a.Update(ctx, func(t *Tx) error {
		if c.ID == 0 {
			if err := data.InsertCustomer(ctx, t.q, &c, a.now()); err != nil {
				return err
			}
			return t.CustomerChanging(CustomerChange{Kind: CustomerCreated, Customer: c})
		}
		old, err := liveCustomer(ctx, t.q, c.ID)
		if err != nil {
			return err
		}
		before := old
		old.Name, old.Kana, old.Phone, old.Email = c.Name, c.Kana, c.Phone, c.Email
		old.Birthday, old.Sex, old.Memo, old.Caution = c.Birthday, c.Sex, c.Memo, c.Caution
		c = old
		if err := data.UpdateCustomer(ctx, t.q, &c, a.now()); err != nil {
			return err
		}
		return t.CustomerChanging(CustomerChange{Kind: CustomerEdited, Customer: c, Before: &before})
	})
	if err == nil {
		a.events.Publish(CustomersChanged{})
	}
	return c, err
}

// Customer reads one customer.
func (a *App) Customer(ctx context.Context, id int64) (data.Customer, error) {
	return data.GetCustomer(ctx, a.store.Reader(), id)
}

// CustomerSearch is what a person types in a search box, turned into a filter: kana
// (any script) becomes an indexed kana prefix, digits a phone prefix, other text a name.
func CustomerSearch(text string) data.CustomerFilter {
	t := trim(text)
	switch {
	case t == "":
		return data.CustomerFilter{}
	case IsKana(t):
		return data.CustomerFilter{KanaPrefix: NormalizeKana(t)}
	case phoneRe.MatchString(normalizeDigits(t)):
		return data.CustomerFilter{Phone: normalizeDigits(t)}
	default:
		return data.CustomerFilter{Name: t}
	}
}

// SearchCustomers returns one page of customers and the total matching.
func (a *App) SearchCustomers(ctx context.Context, f data.CustomerFilter, limit, offset int) ([]data.Customer, int, error) {
	f.Now = a.now()
	return data.SearchCustomersCounted(ctx, a.store.Reader(), f, limit, offset)
}
