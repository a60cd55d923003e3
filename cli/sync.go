package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"salondesk/app/salonboard"
	"salondesk/app/secrets"
	"salondesk/app/smaregi"
	"salondesk/app/workers"
)

// runSync is `salondesk sync --once`: one headless cycle of every configured system — the
// reservation mailbox read to its end, one SALON BOARD reconciliation, Smaregi's new
// transactions pulled, the jobs due sent — then a summary. Exit 1 when a system could not
// be reached, or none is set up.
func runSync(o Options, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(stderr)
	once := fs.Bool("once", false, "1回だけ同期して終了します")
	watch := fs.Bool("watch", false, "画面なしで同期を続けます（Ctrl+C で終了）")
	timeout := fs.Duration("timeout", 5*time.Minute, "全体の制限時間（--once）")
	if err := fs.Parse(args); err != nil || *once == *watch {
		fmt.Fprintln(stderr, "使い方: salondesk sync --once [--timeout 5m] | sync --watch")
		return 2
	}
	if *watch {
		return runWatch(o, stdout, stderr)
	}
	a, closeStore, err := o.openApp(time.Now())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer closeStore()
	room := salonboard.Install(a)
	smRoom := smaregi.Install(a)
	ctx := context.Background()
	logger := slog.New(slog.DiscardHandler)
	sec := secrets.New()
	var sbCfg *salonboard.Config
	cfg, sbErr := salonboard.ConfigFromSettings(ctx, a, sec, logger)
	if sbErr == nil {
		sbCfg = &cfg
	}
	var sm *workers.Smaregi
	smCfg, smErr := smaregi.ConfigFromSettings(ctx, a, sec, logger, false)
	if smErr == nil {
		sm = &workers.Smaregi{Room: smRoom, Config: smCfg}
	}
	failed := false
	for _, e := range []error{sbErr, smErr} {
		// A system that is set up but whose password cannot be read is a failure; one
		// that is simply not set up is said once below.
		if e != nil && !errors.Is(e, salonboard.ErrNotConfigured) && !errors.Is(e, smaregi.ErrNotConfigured) {
			report(stdout, "設定", "", e, &failed)
		}
	}
	if sbCfg == nil && sm == nil {
		fmt.Fprintln(stderr, sbErr)
		return 1
	}
	res := workers.Once(ctx, a, room, sbCfg, sm, time.Now().Add(*timeout))
	if res.Mailbox {
		report(stdout, "メールボックス", fmt.Sprintf("%d通を処理しました", res.MailRead), res.MailErr, &failed)
	}
	if res.SalonBoard {
		r := res.Reconcile
		report(stdout, "SALON BOARD", fmt.Sprintf("予約一覧 %d件: 追加 %d件・変更 %d件・キャンセル %d件・読めず %d件",
			r.Rows, r.Added, r.Changed, r.Cancelled, r.Failed), sbError(res), &failed)
		if b := res.BringIn; b.Active {
			message.NewPrinter(language.Japanese).Fprintf(stdout,
				"SALON BOARDから取り込み中: %d / %d件（次の同期で続きから取り込みます）\n", b.Done, b.Total)
		}
	}
	if res.Smaregi {
		report(stdout, "スマレジ", fmt.Sprintf("取引 %d件を取り込みました", res.Pulled), res.PullErr, &failed)
	}
	if res.DrainErr != nil {
		report(stdout, "送信", "", res.DrainErr, &failed)
	}
	fmt.Fprintf(stdout, "送信待ち: %d件\n", res.Waiting)
	if failed {
		return 1
	}
	return 0
}

// sbError is the SALON BOARD side's failure; a bring-in that the deadline cut off is not
// one: it resumes where it stopped at the next run.
func sbError(res workers.OnceResult) error {
	if res.BringIn.Active && errors.Is(res.ReconcileErr, context.DeadlineExceeded) {
		return nil
	}
	return res.ReconcileErr
}

func report(w io.Writer, what, ok string, err error, failed *bool) {
	if err != nil {
		*failed = true
		fmt.Fprintf(w, "[NG] %s: %v\n", what, err)
		return
	}
	fmt.Fprintf(w, "[OK] %s: %s\n", what, ok)
}

// runWatch is `salondesk sync --watch`: every worker the window runs — the outbox, the
// SALON BOARD sync, Smaregi's receiver and pull — headless until Ctrl+C or SIGTERM, for a
// back-office PC. The log goes to standard error.
func runWatch(o Options, stdout, stderr io.Writer) int {
	a, closeStore, err := o.openApp(time.Now())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer closeStore()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	sec := secrets.New()
	room := salonboard.Install(a)
	var sbCfg *salonboard.Config
	if o.Demo {
		cfg, stopDemo, err := room.StartDemo(ctx, logger)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer stopDemo()
		sbCfg = cfg
	} else {
		sbCfg = workers.SalonBoardFor(ctx, room, sec, logger)
	}
	sm, stopSm := workers.SmaregiFor(ctx, smaregi.Install(a), o.Demo, sec, logger)
	defer stopSm()
	if sbCfg == nil && sm == nil {
		fmt.Fprintln(stderr, "SALON BOARDもスマレジも設定されていません（設定 > SALON BOARD・スマレジ）")
		return 1
	}
	w := workers.StartAll(a, room, sbCfg, sm, logger)
	fmt.Fprintln(stdout, "同期しています（Ctrl+C で終了）")
	<-ctx.Done()
	w.Stop()
	fmt.Fprintf(stdout, "終了しました: %s\n", w.StateLine())
	return 0
}
