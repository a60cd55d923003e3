package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"salondesk/app"
	"salondesk/app/secrets"
	"salondesk/app/settings"
	"salondesk/app/smaregi"
)

const smaregiUsage = "使い方: salondesk smaregi send-imported | token issue [--label MEMO] | token list | token revoke ID | url"

// runSmaregi is `salondesk smaregi …`, for support: the same use cases as 「スマレジへ一括反映」
// on お客様管理 and the IDコード list and 送信URL on システム情報.
func runSmaregi(o Options, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, smaregiUsage)
		return 2
	}
	a, closeStore, err := o.openApp(time.Now())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer closeStore()
	room := smaregi.New(a)
	ctx := context.Background()
	switch {
	case args[0] == "send-imported" && len(args) == 1:
		err = sendImported(ctx, room, stdout)
	case args[0] == "token" && len(args) >= 2:
		return runToken(ctx, room, args[1:], stdout, stderr)
	case args[0] == "url" && len(args) == 1:
		err = printReceiverURL(ctx, a, stdout)
	default:
		fmt.Fprintln(stderr, smaregiUsage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// sendImported sends the imported customers Smaregi does not know yet, in batches, with
// the progress on one line; an interrupted run continues where it stopped next time.
func sendImported(ctx context.Context, room *smaregi.Room, stdout io.Writer) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	s := smaregi.Sender{Room: room, Secrets: secrets.New(), Logger: slog.New(slog.DiscardHandler)}
	last := -1
	err := s.SendImported(ctx, func(done, total int) {
		if done != last {
			fmt.Fprintf(stdout, "スマレジへ送信: %d / %d件\n", done, total)
			last = done
		}
	})
	if err == nil {
		fmt.Fprintln(stdout, "取り込んだお客様をスマレジへ反映しました")
	}
	return err
}

func runToken(ctx context.Context, room *smaregi.Room, args []string, stdout, stderr io.Writer) int {
	var err error
	switch args[0] {
	case "issue":
		fs := flag.NewFlagSet("token issue", flag.ContinueOnError)
		fs.SetOutput(stderr)
		label := fs.String("label", "", "メモ（どのスマレジの設定に貼ったか等）")
		if fs.Parse(args[1:]) != nil || fs.NArg() != 0 {
			fmt.Fprintln(stderr, smaregiUsage)
			return 2
		}
		var code string
		code, _, err = room.IssueToken(ctx, *label)
		if err == nil {
			// Shown this once: only its hash is kept.
			fmt.Fprintf(stdout, "IDコード: %s\nこのIDコードは今だけ表示されます。スマレジのAPI送信設定のヘッダー x-access-token に貼り付けてください。\n", code)
		}
	case "list":
		err = listTokens(ctx, room, stdout)
	case "revoke":
		id, perr := strconv.ParseInt(argAt(args, 1), 10, 64)
		if perr != nil || len(args) != 2 {
			fmt.Fprintln(stderr, smaregiUsage)
			return 2
		}
		if err = room.RevokeToken(ctx, id); err == nil {
			fmt.Fprintf(stdout, "IDコード %d を無効にしました\n", id)
		}
	default:
		fmt.Fprintln(stderr, smaregiUsage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func listTokens(ctx context.Context, room *smaregi.Room, stdout io.Writer) error {
	toks, err := room.Tokens(ctx)
	if err != nil {
		return err
	}
	if len(toks) == 0 {
		fmt.Fprintln(stdout, "発行したIDコードはありません")
	}
	for _, t := range toks {
		state := "有効"
		if !t.RevokedAt.IsZero() {
			state = "無効 " + t.RevokedAt.Format("2006/01/02 15:04")
		}
		fmt.Fprintf(stdout, "%d\t%s\t発行 %s\t%s\n", t.ID, state, t.CreatedAt.Format("2006/01/02 15:04"), t.Label)
	}
	return nil
}

// printReceiverURL prints the スマレジAPI 送信URL: this PC's LAN address and the
// receiver's port from 設定 > スマレジ.
func printReceiverURL(ctx context.Context, a *app.App, stdout io.Writer) error {
	sm, err := settings.New(a).Smaregi(ctx)
	if err != nil {
		return err
	}
	host := smaregi.LANAddress()
	if host == "" {
		return fmt.Errorf("このPCのネットワークのアドレスが見つかりません（LANに接続してください）")
	}
	fmt.Fprintln(stdout, smaregi.ReceiverURL(host, sm.ReceiverPort))
	return nil
}

func argAt(args []string, i int) string {
	if i < len(args) {
		return args[i]
	}
	return ""
}
