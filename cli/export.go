package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"salondesk/app/csvio"
	"salondesk/app/export"
	"salondesk/data"
)

// runExport is `salondesk export reservations|customers|notifications|contracts|payments`
// or a master kind (staff, menus, …):
// to standard output as JSON or CSV.
func runExport(o Options, args []string, stdout, stderr io.Writer) int {
	if isMasterKind(args) {
		return runExportMasters(o, args, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "customers" {
		return runExportCustomers(o, args[1:], stdout, stderr)
	}
	if len(args) > 0 && (args[0] == "contracts" || args[0] == "payments") {
		return runExportMoney(o, args[0], args[1:], stdout, stderr)
	}
	if len(args) == 0 || (args[0] != "reservations" && args[0] != "notifications") {
		fmt.Fprintln(stderr, "使い方: salondesk export reservations|customers|notifications|contracts|payments|"+masterKinds+" [--from YYYY-MM-DD --to YYYY-MM-DD] [--format json|csv]")
		return 2
	}
	what := args[0]
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "開始日 YYYY-MM-DD（予約のみ、既定: 今日）")
	to := fs.String("to", "", "終了日 YYYY-MM-DD（その日を含む、既定: 開始日の30日後）")
	format := fs.String("format", "json", "json または csv")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	now := time.Now()
	a, closeStore, err := o.openApp(now)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer closeStore()
	ctx := context.Background()
	switch what {
	case "notifications":
		err = export.Notifications(ctx, a, *format, stdout)
	default:
		var f, t time.Time
		if f, t, err = exportRange(*from, *to, now); err == nil {
			err = export.Reservations(ctx, a, f, t, *format, stdout)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// runExportMoney is `salondesk export contracts|payments [--format json|csv]
// [--encoding utf8|sjis]`; payments take --from/--to too (every payment without them).
func runExportMoney(o Options, what string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export "+what, flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "json または csv")
	encName := fs.String("encoding", "utf8", "CSVの文字コード: utf8（BOM付き）または sjis（Excel用 Shift_JIS）")
	from, to := new(string), new(string)
	if what == "payments" {
		from = fs.String("from", "", "入金日の開始 YYYY-MM-DD（既定: すべて）")
		to = fs.String("to", "", "入金日の終了 YYYY-MM-DD（その日を含む、既定: 開始日の30日後）")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	enc, ok := csvio.ParseEncoding(*encName)
	if !ok {
		fmt.Fprintf(stderr, "文字コードは utf8 または sjis を指定してください: %q\n", *encName)
		return 2
	}
	now := time.Now()
	f, t := time.Unix(0, 0), now.AddDate(100, 0, 0) // every payment
	if *from != "" || *to != "" {
		var err error
		if *from == "" {
			*from = "1970-01-01"
		}
		if f, t, err = exportRange(*from, *to, now); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	}
	a, closeStore, err := o.openApp(now)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer closeStore()
	ctx := context.Background()
	if what == "contracts" {
		err = export.Contracts(ctx, a, *format, enc, stdout)
	} else {
		err = export.Payments(ctx, a, f, t, *format, enc, stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// exportRange turns --from/--to (inclusive days) into [from, to+1day).
func exportRange(from, to string, now time.Time) (time.Time, time.Time, error) {
	parse := func(s string) (time.Time, error) {
		t, err := time.ParseInLocation(data.DayLayout, s, time.Local)
		if err != nil {
			return t, fmt.Errorf("日付はYYYY-MM-DDの形式で指定してください: %q", s)
		}
		return t, nil
	}
	f := data.DayStart(now)
	if from != "" {
		var err error
		if f, err = parse(from); err != nil {
			return f, f, err
		}
	}
	t := f.AddDate(0, 0, 30)
	if to != "" {
		var err error
		if t, err = parse(to); err != nil {
			return f, t, err
		}
	}
	if t.Before(f) {
		return f, t, fmt.Errorf("終了日が開始日より前です")
	}
	return f, t.AddDate(0, 0, 1), nil
}
