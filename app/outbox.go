package app

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"strconv"
	"strings"
	"time"

	"salondesk/data"
	"salondesk/sync/outbox"
)

// refReservation prefixes the ref of every job that carries a reservation.
const refReservation = "reservation:"

// jobStore is the outbox's queue over the salon's database.
type jobStore struct{ s *data.Store }

// OutboxStore is the durable job queue for an outbox.Runner.
func (a *App) OutboxStore() outbox.JobStore { return jobStore{a.store} }

func (j jobStore) RecoverRunning(ctx context.Context, now time.Time) (int, error) {
	return j.s.RecoverRunningJobs(ctx, now)
}

func (j jobStore) Claim(ctx context.Context, now time.Time, kinds []string, limit int) ([]outbox.Job, error) {
	jobs, err := j.s.ClaimJobs(ctx, now, kinds, limit)
	out := make([]outbox.Job, len(jobs))
	for i, d := range jobs {
		out[i] = outbox.Job{ID: d.ID, Kind: d.Kind, Ref: d.Ref, Payload: d.Payload, Attempts: d.Attempts,
			CreatedAt: d.CreatedAt}
	}
	return out, err
}

func (j jobStore) NextDue(ctx context.Context, kinds []string) (time.Time, error) {
	return j.s.NextJobDue(ctx, kinds)
}

func (j jobStore) Complete(ctx context.Context, id int64, now time.Time) error {
	return j.s.CompleteJob(ctx, id, now)
}

func (j jobStore) Retry(ctx context.Context, id int64, at time.Time, lastErr string, now time.Time) error {
	return j.s.RetryJob(ctx, id, at, lastErr, now)
}

func (j jobStore) Fail(ctx context.Context, id int64, lastErr string, now time.Time) error {
	return j.s.FailJob(ctx, id, lastErr, now)
}

func (j jobStore) CountWaiting(ctx context.Context) (int, error) { return j.s.WaitingJobCount(ctx) }

// NewOutboxRunner makes the runner of the salon's outbox on the app's clock. A job that
// fails for good becomes お知らせ (and marks its reservation 失敗); every status change
// publishes SyncStatusChanged; a ReservationsChanged or CustomersChanged event (a change
// that may have queued a job) kicks the runner. Hooks already in opts run after these.
// Register the handlers with Handle, then start Run in a goroutine.
func (a *App) NewOutboxRunner(opts outbox.Options) *outbox.Runner {
	if opts.Now == nil {
		opts.Now = a.now
	}
	onFailed, onStatus := opts.OnFailed, opts.OnStatus
	opts.OnFailed = func(ctx context.Context, job outbox.Job, err error) {
		a.jobFailed(ctx, job, err)
		if onFailed != nil {
			onFailed(ctx, job, err)
		}
	}
	opts.OnStatus = func(s outbox.Status) {
		a.events.Publish(SyncStatusChanged{})
		if onStatus != nil {
			onStatus(s)
		}
	}
	r := outbox.New(a.OutboxStore(), opts)
	a.events.Subscribe(func(e Event) {
		switch e.(type) {
		case ReservationsChanged, CustomersChanged:
			r.Kick()
		}
	})
	return r
}

// jobFailed turns a job that failed for good into お知らせ and, for a reservation's job,
// its 連携状況 失敗(reason), in one transaction.
func (a *App) jobFailed(ctx context.Context, job outbox.Job, cause error) {
	reason := failureReason(cause)
	kind := a.jobKind(job.Kind)
	if kind.Failed != nil && kind.Failed(ctx, job, cause) {
		return
	}
	note := data.Notification{CreatedAt: a.now(), Direction: kind.Direction, Reason: reason,
		Detail: cause.Error()}
	var day time.Time
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		if id, ok := reservationOfRef(job.Ref); ok {
			v, err := data.GetReservation(ctx, tx, id)
			switch {
			case errors.Is(err, data.ErrNotFound): // deleted since: the notification still tells
			case err != nil:
				return err
			default:
				note.ReservationID, note.ReservationNo = v.ID, strconv.FormatInt(v.Number, 10)
				if note.Direction == data.DirSBToApp {
					note.ReservationNo = v.SBNumber // SALON BOARD's number, as the seed shows it
				}
				note.ReservationAt, day = data.FormatTime(v.Start), v.Start
				if err := markSyncFailed(ctx, tx, &v.Reservation, reason, a.now()); err != nil {
					return err
				}
				// E.g. a failed re-read leaves the reservation to be transcribed by hand: the
				// notification that asks for that is already open; a second adds nothing.
				if kind.QuietWhenOpen {
					if open, err := data.OpenNotificationsFor(ctx, tx, v.ID); err != nil || open {
						return err
					}
				}
			}
		}
		return data.InsertNotification(ctx, tx, &note)
	})
	if err != nil {
		// Nothing better to do from a background goroutine: the job is still marked failed
		// and its last_error kept; the log says what was lost.
		log.Printf("outbox: job %d (%s) failed (%v), and recording that failed: %v", job.ID, job.Kind, cause, err)
		return
	}
	a.events.Publish(NotificationsChanged{})
	if !day.IsZero() {
		a.events.Publish(ReservationsChanged{Days: []time.Time{day}})
	}
}

// markSyncFailed sets 失敗(reason). A reservation already 失敗 keeps its first reason (what
// the desk acts on, e.g. mismatch before its re-read job failed), and a 転記済み one stays:
// SALON BOARD already holds it, which a failed job does not undo.
func markSyncFailed(ctx context.Context, tx *sql.Tx, r *data.Reservation, reason string, now time.Time) error {
	if r.SyncState == data.SyncTranscribed || r.SyncState == data.SyncFailed {
		return nil
	}
	r.SyncState, r.SyncReason, r.UpdatedAt = data.SyncFailed, reason, now
	return data.UpdateReservation(ctx, tx, r)
}

// failureReason is the reason key of a failed job: the permanent error's own reason when it
// carries one (Reason() string, e.g. capacity), "timeout" when transient retries ran out,
// and otherwise the error's text (the UI shows an unknown key as it is).
func failureReason(err error) string {
	if !outbox.IsPermanent(err) {
		return data.ReasonTimeout
	}
	var r interface{ Reason() string }
	if errors.As(err, &r) && r.Reason() != "" {
		return r.Reason()
	}
	msg := err.Error()
	if n := 100; len([]rune(msg)) > n {
		msg = string([]rune(msg)[:n])
	}
	return msg
}

// reservationOfRef reads the id out of a "reservation:<id>" ref.
func reservationOfRef(ref string) (int64, bool) {
	s, ok := strings.CutPrefix(ref, refReservation)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}
