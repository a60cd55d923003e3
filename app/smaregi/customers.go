package smaregi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/outbox"
	"salondesk/sync/smaregi"
)

type customerJob struct {
	CustomerID int64  `json:"customer_id"`
	SmaregiID  string `json:"smaregi_id,omitempty"` // a delete's key: the customer row is gone by then
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// SmaregiCustomerID is the stable customerId a local customer has in Smaregi: its own id,
// so that the mapping never needs to be guessed and an upsert sent twice is the same one.
func SmaregiCustomerID(localID int64) string { return itoa(localID) }

// customerChanging is the room's part in a customer change: while Smaregi is on, the job
// that carries it there, queued in the change's transaction. Imported customers are not
// sent by themselves (the seed's rule) until the bulk send has sent them once.
func (r *Room) customerChanging(t *app.Tx, c app.CustomerChange) error {
	on, err := enabledIn(t)
	if err != nil || !on {
		return err
	}
	ext, mapped, err := data.ExternalID(t.Ctx(), t.Q(), data.SystemSmaregi, data.KindCustomer, c.Customer.ID)
	if err != nil {
		return err
	}
	id := c.Customer.ID
	if c.Kind == app.CustomerDeleted {
		if !mapped {
			return nil // never reached Smaregi; a queued upsert finds the customer gone
		}
		return t.Enqueue(JobCustomerDelete, RefCustomer(id), customerJob{CustomerID: id, SmaregiID: ext})
	}
	if c.Customer.Origin == data.OriginImported && !mapped {
		return nil
	}
	return t.Enqueue(JobCustomerUpsert, RefCustomer(id), customerJob{CustomerID: id})
}

// CustomerRow is a customer as Smaregi's Customer row, before its field rules.
// Smaregi keeps 姓 and 名 apart: the name and kana are split at their first space.
func CustomerRow(c data.Customer) smaregi.Customer {
	name := c.Name
	if strings.TrimSpace(name) == "" {
		name = c.Kana
	}
	last, first := splitName(name)
	lastKana, firstKana := splitName(c.Kana)
	sex := ""
	switch c.Sex {
	case "male", "男性", "1":
		sex = "1"
	case "female", "女性", "2":
		sex = "2"
	}
	return smaregi.Customer{CustomerID: SmaregiCustomerID(c.ID), CustomerCode: itoa(c.Number),
		LastName: last, FirstName: first, LastKana: lastKana, FirstKana: firstKana, PhoneNumber: c.Phone,
		MailAddress: c.Email, Sex: sex, BirthDate: c.Birthday}
}

func splitName(s string) (string, string) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "　", " "))
	last, first, _ := strings.Cut(s, " ")
	return last, strings.TrimSpace(first)
}

// UpsertHandler sends a customer's current state to Smaregi and records the mapping.
func (r *Room) UpsertHandler(cl Client) outbox.Handler {
	return func(ctx context.Context, job outbox.Job) error {
		p, err := payload(job)
		if err != nil {
			return err
		}
		c, err := r.a.Customer(ctx, p.CustomerID)
		if errors.Is(err, data.ErrNotFound) {
			return nil // deleted since: its delete job (if it was sent) follows
		} else if err != nil {
			return err
		}
		_, err = cl.UpsertCustomers(ctx, []smaregi.Customer{CustomerRow(c)}, func([]smaregi.Customer) error {
			return r.recordSent(ctx, []int64{c.ID})
		})
		return err
	}
}

// DeleteHandler deletes a customer in Smaregi (proc_division D) and forgets the mapping.
func (r *Room) DeleteHandler(cl Client) outbox.Handler {
	return func(ctx context.Context, job outbox.Job) error {
		p, err := payload(job)
		if err != nil {
			return err
		}
		if _, err := cl.DeleteCustomers(ctx, []string{p.SmaregiID}, nil); err != nil {
			return err
		}
		return r.a.Update(ctx, func(t *app.Tx) error {
			return data.DeleteExternalID(ctx, t.Q(), data.SystemSmaregi, data.KindCustomer, p.CustomerID)
		})
	}
}

func payload(job outbox.Job) (customerJob, error) {
	var p customerJob
	if err := json.Unmarshal([]byte(job.Payload), &p); err != nil {
		return p, outbox.Permanent(fmt.Errorf("payload %q: %w", job.Payload, err))
	}
	return p, nil
}

// recordSent maps customers Smaregi accepted, in one transaction.
func (r *Room) recordSent(ctx context.Context, ids []int64) error {
	return r.a.Update(ctx, func(t *app.Tx) error {
		for _, id := range ids {
			if err := data.SetExternalID(ctx, t.Q(), data.SystemSmaregi, data.KindCustomer, id,
				SmaregiCustomerID(id)); err != nil {
				return err
			}
		}
		return nil
	})
}

// SendImported is 「スマレジへ一括反映」: it sends the imported customers Smaregi does not
// know yet in requests of at most smaregi.BatchSize, recording each accepted batch in the
// id mapping, so that a send interrupted (closed, offline) resumes where it stopped
// without sending anyone twice. progress, when not nil, is told after each batch. A
// customer whose fields Smaregi would refuse is reported in お知らせ and skipped.
func (r *Room) SendImported(ctx context.Context, cl Client, progress func(done, total int)) error {
	total, err := app.Read(ctx, r.a, func(q data.Querier) (int, error) {
		return data.CountUnmappedCustomers(ctx, q, data.SystemSmaregi, data.OriginImported)
	})
	if err != nil {
		return err
	}
	done := 0
	skip := map[int64]bool{}
	for {
		list, err := app.Read(ctx, r.a, func(q data.Querier) ([]data.Customer, error) {
			return data.UnmappedCustomers(ctx, q, data.SystemSmaregi, data.OriginImported, smaregi.BatchSize+len(skip))
		})
		if err != nil {
			return err
		}
		var rows []smaregi.Customer
		for _, c := range list {
			if !skip[c.ID] && len(rows) < smaregi.BatchSize {
				rows = append(rows, CustomerRow(c))
			}
		}
		if len(rows) == 0 {
			return nil
		}
		_, err = cl.UpsertCustomers(ctx, rows, func(sent []smaregi.Customer) error {
			ids := make([]int64, len(sent))
			for i, s := range sent {
				ids[i], _ = strconv.ParseInt(s.CustomerID, 10, 64)
			}
			return r.recordSent(ctx, ids)
		})
		var refused *smaregi.RefusedError
		if errors.As(err, &refused) {
			for _, row := range refused.Rows {
				id, _ := strconv.ParseInt(row.ID, 10, 64)
				skip[id] = true
			}
			if nerr := r.tellRefused(ctx, refused); nerr != nil {
				return nerr
			}
		} else if err != nil {
			return err
		}
		done += len(rows)
		if progress != nil {
			progress(min(done, total), total)
		}
	}
}
