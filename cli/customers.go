package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"salondesk/app/csvio"
	"salondesk/app/export"
)

// runImport is `salondesk import customers FILE [--dry-run] [--good-rows-only]`: the
// preview (rows, new, updated, every row error with its line and column), then — unless
// --dry-run — the import. A file with errors imports nothing (exit 1) unless
// --good-rows-only.
func runImport(o Options, args []string, stdout, stderr io.Writer) int {
	const use = "使い方: salondesk import customers FILE [--dry-run] [--good-rows-only]\n　　　　salondesk import staff|equipment|categories|menus|coupons|plans|products FILE [--dry-run]"
	if len(args) == 0 || args[0] != "customers" {
		fmt.Fprintln(stderr, use)
		return 2
	}
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dryRun := fs.Bool("dry-run", false, "確認だけして何も書き込みません")
	goodOnly := fs.Bool("good-rows-only", false, "エラーのある行を除いて取り込みます")
	if err := fs.Parse(flagsFirst(args[1:])); err != nil || fs.NArg() != 1 {
		fmt.Fprintln(stderr, use)
		return 2
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "ファイルを開けません: %v\n", err)
		return 1
	}
	defer f.Close()
	a, closeStore, err := o.openApp(time.Now())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer closeStore()
	ctx := context.Background()
	p, err := a.PreviewCustomerImport(ctx, f)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "文字コード: %s　行数: %d　正しい行: %d（新規 %d・更新 %d）　エラー: %d件\n",
		p.Encoding, p.Rows, p.Good, p.New, p.Updated, len(p.Errors))
	for _, e := range p.Errors {
		fmt.Fprintf(stdout, "%d行目\t%s\t%s\n", e.Line, e.Column, e.Message)
	}
	if len(p.Ignored) > 0 {
		fmt.Fprintf(stdout, "読まない列: %v\n", p.Ignored)
	}
	if *dryRun {
		if len(p.Errors) > 0 && !*goodOnly {
			return 1
		}
		return 0
	}
	res, err := a.CommitCustomerImport(ctx, p, *goodOnly)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "取り込みました: 新規 %d件・更新 %d件\n", res.New, res.Updated)
	return 0
}

// runExportCustomers is `salondesk export customers [--format csv|json] [--encoding utf8|sjis]`.
func runExportCustomers(o Options, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export customers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "json または csv")
	encName := fs.String("encoding", "utf8", "CSVの文字コード: utf8（BOM付き）または sjis（Excel用 Shift_JIS）")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	enc, ok := csvio.ParseEncoding(*encName)
	if !ok {
		fmt.Fprintf(stderr, "文字コードは utf8 または sjis を指定してください: %q\n", *encName)
		return 2
	}
	a, closeStore, err := o.openApp(time.Now())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer closeStore()
	if err := export.CustomersEncoded(context.Background(), a, *format, enc, stdout); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// flagsFirst moves flags before the file argument, so that `FILE --dry-run` works as well
// as `--dry-run FILE` (the flag package stops at the first non-flag).
func flagsFirst(args []string) []string {
	var flags, rest []string
	for _, a := range args {
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
		} else {
			rest = append(rest, a)
		}
	}
	return append(flags, rest...)
}
