package app

import (
	"context"
	"errors"

	"salondesk/data"
)

// maxDuplicates is how many likely duplicate pairs are listed at a time.
const maxDuplicates = 200

// LikelyDuplicates lists pairs of customers that are likely one person: the same kana
// and either the same phone or the same birthday.
func (a *App) LikelyDuplicates(ctx context.Context) ([]data.DuplicatePair, error) {
	return data.LikelyDuplicates(ctx, a.store.Reader(), maxDuplicates)
}

// MergeCustomers makes two customers one: the kept customer gets the other's
// reservations, sales, contracts, payments and SALON BOARD / Smaregi links, the profile
// fields it lacks and the sum of the visits; the other is erased. One transaction.
func (a *App) MergeCustomers(ctx context.Context, keepID, otherID int64) (data.Customer, error) {
	var kept data.Customer
	if keepID == otherID {
		return kept, userErr("customers.error.merge_same")
	}
	err := a.updateErasing(ctx, func(t *Tx) error {
		tx := t.q
		keep, err := liveCustomer(ctx, tx, keepID)
		if err != nil {
			return err
		}
		other, err := liveCustomer(ctx, tx, otherID)
		if err != nil {
			return err
		}
		kept = mergedProfile(keep, other)
		if err := data.MoveCustomerRecords(ctx, tx, keepID, otherID); err != nil {
			return err
		}
		if err := t.CustomerChanging(CustomerChange{Kind: CustomerDeleted, Customer: other}); err != nil {
			return err
		}
		if err := data.DeleteCustomerRow(ctx, tx, otherID); err != nil {
			return err
		}
		if err := data.UpdateCustomer(ctx, tx, &kept, a.now()); err != nil {
			return err
		}
		t.Publish(CustomersChanged{})
		return t.CustomerChanging(CustomerChange{Kind: CustomerEdited, Customer: kept, Before: &keep})
	})
	if err != nil {
		return data.Customer{}, err
	}
	return kept, nil
}

// liveCustomer reads a customer that is not deleted.
func liveCustomer(ctx context.Context, q data.Querier, id int64) (data.Customer, error) {
	c, err := data.GetCustomer(ctx, q, id)
	if errors.Is(err, data.ErrNotFound) || (err == nil && c.ErasedOn != "") {
		return c, userErr("customers.error.gone")
	}
	return c, err
}

// mergedProfile is keep with the blanks filled from other and both customers' visits.
func mergedProfile(keep, other data.Customer) data.Customer {
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&keep.Name, other.Name)
	fill(&keep.Phone, other.Phone)
	fill(&keep.Email, other.Email)
	fill(&keep.Birthday, other.Birthday)
	fill(&keep.Sex, other.Sex)
	if other.Memo != "" && other.Memo != keep.Memo {
		if keep.Memo != "" {
			keep.Memo += "\n"
		}
		keep.Memo += other.Memo
	}
	keep.Caution = keep.Caution || other.Caution
	keep.NoShow = keep.NoShow || other.NoShow
	keep.VisitCount += other.VisitCount
	if other.FirstVisit != "" && (keep.FirstVisit == "" || other.FirstVisit < keep.FirstVisit) {
		keep.FirstVisit = other.FirstVisit
	}
	if other.LastVisit > keep.LastVisit {
		keep.LastVisit = other.LastVisit
	}
	return keep
}
