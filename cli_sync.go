package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/app/secrets"
	"salondesk/sync/outbox"
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
	room := salonboard.Install(a)
	// The deadline of the whole run: the outbox takes no new job after it and lets the one
	// in flight finish (within its attempt timeout), so that a clean run cuts no send.
	deadline := time.Now().Add(*timeout)
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg, err := salonboard.ConfigFromSettings(ctx, a, secrets.New(), logger)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	failed := false
	runner := a.NewOutboxRunner(outbox.Options{})
	s := room.NewSync(cfg, runner)
	if cfg.Mailbox != nil {
		n, err := s.ReadMailOnce(ctx)
		report(stdout, "メールボックス", fmt.Sprintf("%d通を処理しました", n), err, &failed)
	}
	res, err := s.ReconcileOnce(ctx)
	report(stdout, "SALON BOARD", fmt.Sprintf("予約一覧 %d件: 追加 %d件・変更 %d件・キャンセル %d件・読めず %d件",
		res.Rows, res.Added, res.Changed, res.Cancelled, res.Failed), err, &failed)
	if err := runner.Drain(context.WithoutCancel(ctx), deadline); err != nil {
		report(stdout, "送信", "", err, &failed)
	}
	fmt.Fprintf(stdout, "送信待ち: %d件\n", runner.Status().Waiting)
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
