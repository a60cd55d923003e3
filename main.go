// SalonDesk: the front-desk app of a Japanese beauty salon. main parses the global flags,
// hands a subcommand to cli, or opens the window (gui.go). It holds no rule of its own.
package main

import (
	_ "desk.local/localeenv" // before Fyne reads the locale: LANG=C.UTF-8 falls back to Japanese silently

	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"time"

	"salondesk/assets"
	"salondesk/cli"
	"salondesk/ui"
)

// mainStarted is when the process began (nearly): the log says how long the window took.
var mainStarted = time.Now()

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	log.SetFlags(log.LstdFlags)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// pages are the screens --screen can open first.
var pages = []ui.Page{ui.PageHome, ui.PageSchedule, ui.PageReservations, ui.PageStopResume, ui.PageStaff,
	ui.PageMenus, ui.PageCustomers, ui.PageNotifications, ui.PageSales, ui.PagePayments, ui.PageDayClose, ui.PageSettings}

func run(args []string, stdout, stderr io.Writer) int {
	_ = assets.UseLanguage(assets.LangJapanese)
	fs := flag.NewFlagSet("salondesk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := cli.Options{Version: version}
	var screen string
	fs.StringVar(&o.DataDir, "data", "", "データを置くディレクトリ（既定: OSのユーザー設定ディレクトリ/SalonDesk）")
	fs.BoolVar(&o.Demo, "demo", false, "デモ用のサロン（別のデータベース）で起動します")
	fs.StringVar(&screen, "screen", "", "最初に開く画面")
	fs.Usage = func() {
		names := make([]string, len(pages))
		for i, p := range pages {
			names[i] = string(p)
		}
		fmt.Fprintf(stderr, cli.Usage, version, strings.Join(names, ", "))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if rest := fs.Args(); len(rest) > 0 {
		code, known := cli.Run(o, rest[0], rest[1:], stdout, stderr)
		if !known {
			fmt.Fprintf(stderr, "不明なコマンドです: %s\n", rest[0])
			fs.Usage()
		}
		return code
	}
	return runGUI(o, ui.Page(screen), stderr)
}

func validPage(p ui.Page) bool {
	if p == "" {
		return true
	}
	for _, q := range pages {
		if p == q {
			return true
		}
	}
	return false
}
