package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"salondesk/app"
	"salondesk/app/csvio"
)

// masterKinds is the kinds `import` and `export` take for the masters, in the order a
// salon loads them (categories before menus before coupons, plans before products).
var masterKinds = strings.Join(app.MasterKinds, "|")

func isMasterKind(args []string) bool {
	return len(args) > 0 && slices.Contains(app.MasterKinds, args[0])
}

// runImportMasters is `salondesk import staff|equipment|categories|menus|coupons|plans|products
// FILE [--dry-run]`: the preview (rows, new, updated, unchanged, every row error with its line
// and column), then — unless --dry-run — the import. A file with any error imports nothing
// (exit 1): a master file is short, and half a menu list would leave coupons naming nothing.
func runImportMasters(o Options, args []string, stdout, stderr io.Writer) int {
	use := "使い方: salondesk import " + masterKinds + " FILE [--dry-run]"
	kind := args[0]
	fs := flag.NewFlagSet("import "+kind, flag.ContinueOnError)
	fs.SetOutput(stderr)
	dryRun := fs.Bool("dry-run", false, "確認だけして何も書き込みません")
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
	p, err := a.PreviewMasterImport(ctx, kind, f)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "文字コード: %s　行数: %d　正しい行: %d（新規 %d・更新 %d・変更なし %d）　エラー: %d件\n",
		p.Encoding, p.Rows, p.Good, p.New, p.Updated, p.Unchanged, len(p.Errors))
	for _, e := range p.Errors {
		fmt.Fprintf(stdout, "%d行目\t%s\t%s\n", e.Line, e.Column, e.Message)
	}
	for _, r := range p.Renames {
		fmt.Fprintf(stdout, "%d行目\tID %d\t名前を「%s」から「%s」に変えます\n", r.Line, r.ID, r.From, r.To)
	}
	if len(p.Ignored) > 0 {
		fmt.Fprintf(stdout, "読まない列: %v\n", p.Ignored)
	}
	if *dryRun {
		if len(p.Errors) > 0 {
			return 1
		}
		return 0
	}
	res, err := a.CommitMasterImport(ctx, p)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "取り込みました: 新規 %d件・更新 %d件\n", res.New, res.Updated)
	return 0
}

// runExportMasters is `salondesk export staff|…|products [--format csv|json]
// [--encoding utf8|sjis]`: every master of the kind, inactive ones too. CSV is the
// default here: it is the file the import reads back.
func runExportMasters(o Options, args []string, stdout, stderr io.Writer) int {
	kind := args[0]
	fs := flag.NewFlagSet("export "+kind, flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "csv", "csv または json")
	encName := fs.String("encoding", "utf8", "CSVの文字コード: utf8（BOM付き）または sjis（Excel用 Shift_JIS）")
	if err := fs.Parse(args[1:]); err != nil || fs.NArg() != 0 {
		fmt.Fprintln(stderr, "使い方: salondesk export "+masterKinds+" [--format csv|json] [--encoding utf8|sjis]")
		return 2
	}
	enc, ok := csvio.ParseEncoding(*encName)
	if !ok {
		fmt.Fprintf(stderr, "文字コードは utf8 または sjis を指定してください: %q\n", *encName)
		return 2
	}
	if *format != "csv" && *format != "json" {
		fmt.Fprintf(stderr, "形式は csv または json を指定してください: %q\n", *format)
		return 2
	}
	a, closeStore, err := o.openApp(time.Now())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer closeStore()
	if err := a.ExportMasters(context.Background(), kind, *format, enc, stdout); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
