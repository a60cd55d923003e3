package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"salondesk/app"
	"salondesk/app/secrets"
	"salondesk/sync/outbox"
	"salondesk/sync/salonboard/mailbox"
)

// runSync is `salondesk sync --once`: one headless cycle against the configured SALON
// BOARD and mailbox — the mailbox read to its end, one reconciliation, the jobs due sent —
// then a summary. Exit 1 when a system could not be reached.
func runSync(o options, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(stderr)
	once := fs.Bool("once", false, "1回だけ同期して終了します")
	timeout := fs.Duration("timeout", 5*time.Minute, "全体の制限時間")
	if err := fs.Parse(args); err != nil || !*once {
		fmt.Fprintln(stderr, "使い方: salondesk sync --once [--timeout 5m]")
		return 2
	}
	store, err := openStore(o, time.Now())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer store.Close()
	a := app.New(store, app.WithVersion(version))
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg, err := salonBoardFromSettings(ctx, a, secrets.New(), logger)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	failed := false
	if cfg.Mailbox != nil {
		n, err := readMailboxOnce(ctx, a, *cfg.Mailbox)
		report(stdout, "メールボックス", fmt.Sprintf("%d通を処理しました", n), err, &failed)
	}
	runner := a.NewOutboxRunner(outbox.Options{})
	s := a.NewSalonBoardSync(cfg, runner)
	res, err := s.ReconcileOnce(ctx)
	report(stdout, "SALON BOARD", fmt.Sprintf("予約一覧 %d件: 追加 %d件・変更 %d件・キャンセル %d件・読めず %d件",
		res.Rows, res.Added, res.Changed, res.Cancelled, res.Failed), err, &failed)
	waiting := drainJobs(ctx, runner)
	fmt.Fprintf(stdout, "送信待ち: %d件\n", waiting)
	if failed {
		return 1
	}
	return 0
}

func report(w io.Writer, what, ok string, err error, failed *bool) {
	if err != nil {
		*failed = true
		fmt.Fprintf(w, "[NG] %s: %v\n", what, err)
		return
	}
	fmt.Fprintf(w, "[OK] %s: %s\n", what, ok)
}

// readMailboxOnce reads the mailbox to its end once and applies what it holds.
func readMailboxOnce(parent context.Context, a *app.App, cfg mailbox.Config) (int, error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	n := 0
	var lastErr error
	handler := func(ctx context.Context, uid uint32, raw []byte) error {
		meta, _ := mailbox.MetaFrom(ctx)
		if _, err := a.ApplyMail(ctx, raw, meta.MessageID); err != nil {
			return err
		}
		n++
		return nil
	}
	status := func(st mailbox.Status) {
		if st.Err != nil {
			lastErr = st.Err
			cancel() // unreachable: say so instead of retrying for minutes
		}
		if !st.LastCheck.IsZero() {
			cancel() // read to the end
		}
	}
	cfg.DisableIdle = true
	r := mailbox.New(cfg, a.MailCursor(parent), handler, mailbox.WithStatus(status))
	err := r.Run(ctx)
	if err != nil && !errors.Is(err, context.Canceled) {
		lastErr = err
	}
	if lastErr == nil {
		lastErr = a.SaveMailCursor(parent, r.Cursor())
	}
	return n, lastErr
}

// drainJobs runs the outbox until nothing is due or ctx ends; it returns what waits.
func drainJobs(ctx context.Context, runner *outbox.Runner) int {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { runner.Run(ctx); close(done) }()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(200 * time.Millisecond)
		if runner.Status().Waiting == 0 {
			break
		}
	}
	cancel()
	<-done
	return runner.Status().Waiting
}
