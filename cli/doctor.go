package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/app/backup"
	"salondesk/app/secrets"
	"salondesk/app/settings"
)

// dialTimeout bounds each reachability check of doctor.
const dialTimeout = 5 * time.Second

// doctor collects findings: ok, a warning, or a problem (which makes the exit status 1).
type doctor struct {
	out      io.Writer
	problems int
}

func (d *doctor) ok(what, msg string)   { fmt.Fprintf(d.out, "[OK] %s: %s\n", what, msg) }
func (d *doctor) warn(what, msg string) { fmt.Fprintf(d.out, "[注意] %s: %s\n", what, msg) }
func (d *doctor) bad(what, msg string) {
	d.problems++
	fmt.Fprintf(d.out, "[NG] %s: %s\n", what, msg)
}

// runDoctor is `salondesk doctor`: it checks the database, the backups, the keychain and
// whether the configured mailbox, SALON BOARD and Smaregi hosts can be reached, and says
// in plain Japanese what is wrong. Exit status 1 when anything is.
func runDoctor(o Options, args []string, stdout, stderr io.Writer) int {
	if len(args) != 0 {
		return cliUsage(stderr, "settings.cli.doctor_usage", "使い方: salondesk doctor")
	}
	dir, err := o.Dir()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	d := &doctor{out: stdout}
	db := DBPath(dir)
	healthy := d.checkDatabase(db, backup.Dir(dir))
	d.checkBackups(backup.Dir(dir), time.Now())
	st := secrets.New()
	keychain := d.checkKeychain(st)
	if healthy {
		d.checkConnections(o, st, keychain)
	}
	if d.problems > 0 {
		fmt.Fprintln(stdout, lang.X("settings.cli.doctor_problems", "{{.Count}}件の問題があります。", map[string]any{"Count": d.problems}))
		return 1
	}
	fmt.Fprintln(stdout, lang.X("settings.cli.doctor_fine", "問題は見つかりませんでした。"))
	return 0
}

func (d *doctor) checkDatabase(db, backups string) bool {
	what := lang.X("settings.cli.doctor_db", "データベース")
	if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
		d.warn(what, lang.X("settings.cli.doctor_db_missing", "まだ作られていません（{{.Path}}）。アプリを一度起動すると作られます。", map[string]any{"Path": db}))
		return false
	}
	err := backup.Check(db)
	if err == nil {
		d.ok(what, lang.X("settings.cli.doctor_db_ok", "問題ありません（{{.Path}}）", map[string]any{"Path": db}))
		return true
	}
	var de *backup.DamagedError
	if !errors.As(err, &de) {
		d.bad(what, lang.X("settings.cli.doctor_db_unreadable", "読み込めません: {{.Reason}}", map[string]any{"Reason": err.Error()}))
		return false
	}
	msg := de.Error() + " (" + de.Detail() + ")"
	if b, err := backup.LatestGood(backups); err == nil {
		msg += " " + lang.X("settings.cli.doctor_db_offer", "最新の正常なバックアップ: {{.Path}}（salondesk restore {{.Path}} で戻せます）", map[string]any{"Path": b.Path})
	} else {
		msg += " " + lang.X("settings.cli.doctor_db_no_backup", "正常なバックアップが見つかりません。サポートにご連絡ください。")
	}
	d.bad(what, msg)
	return false
}

func (d *doctor) checkBackups(dir string, now time.Time) {
	what := lang.X("settings.cli.doctor_backup", "バックアップ")
	list, err := backup.List(dir)
	switch {
	case err != nil:
		d.bad(what, err.Error())
	case len(list) == 0:
		d.warn(what, lang.X("settings.cli.doctor_backup_none", "まだありません（アプリを起動すると毎日作られます）。"))
	case now.Sub(list[0].Time) > 48*time.Hour:
		d.warn(what, lang.X("settings.cli.doctor_backup_old", "最新のバックアップは{{.Days}}日前です（{{.Path}}）。",
			map[string]any{"Days": int(now.Sub(list[0].Time).Hours() / 24), "Path": list[0].Path}))
	default:
		d.ok(what, lang.X("settings.cli.doctor_backup_ok", "最新 {{.Time}}（{{.Count}}件）",
			map[string]any{"Time": list[0].Time.Format("2006.01.02 15:04"), "Count": len(list)}))
	}
}

func (d *doctor) checkKeychain(st *secrets.Store) bool {
	what := lang.X("settings.cli.doctor_keychain", "キーチェーン")
	err := st.Available()
	if err == nil {
		d.ok(what, lang.X("settings.info.keychain_ok", "利用できます"))
		return true
	}
	msg := err.Error()
	var se *secrets.Error
	if errors.As(err, &se) && se.Detail() != "" {
		msg += " (" + se.Detail() + ")"
	}
	d.bad(what, msg)
	return false
}

func (d *doctor) checkConnections(o Options, st *secrets.Store, keychain bool) {
	store, err := o.OpenStore(time.Now())
	if err != nil {
		d.bad(lang.X("settings.cli.doctor_db", "データベース"), err.Error())
		return
	}
	defer store.Close()
	conf := settings.New(app.New(store, app.WithVersion(o.Version)))
	ctx := context.Background()
	all, err := conf.All(ctx)
	if err != nil {
		d.bad(lang.X("settings.cli.doctor_db", "データベース"), err.Error())
		return
	}
	d.checkSalonBoard(all.SalonBoard, st, keychain)
	d.checkSmaregi(all.Smaregi, st, keychain)
}

func (d *doctor) checkSalonBoard(sb settings.SalonBoard, st *secrets.Store, keychain bool) {
	what := "SALON BOARD"
	if !sb.Enabled {
		d.ok(what, lang.X("settings.cli.doctor_off", "同期しない設定です。"))
		return
	}
	if err := settings.CheckSalonBoard(sb); err != nil {
		d.bad(what, err.Error())
		return
	}
	d.needSecret(what, st, keychain, secrets.SalonBoardPassword, lang.X("settings.sb.password", "パスワード"))
	d.reach(what, hostPort(sb.URL))
	mail := lang.X("settings.cli.doctor_mailbox", "予約メールの受信サーバー")
	d.needSecret(mail, st, keychain, secrets.MailboxPassword, lang.X("settings.mail.password", "パスワード"))
	d.reach(mail, sb.Mailbox.Addr())
}

func (d *doctor) checkSmaregi(sm settings.Smaregi, st *secrets.Store, keychain bool) {
	what := lang.X("settings.tab.smaregi", "スマレジ")
	if !sm.Enabled {
		d.ok(what, lang.X("settings.cli.doctor_off", "同期しない設定です。"))
		return
	}
	if err := settings.CheckSmaregi(sm); err != nil {
		d.bad(what, err.Error())
		return
	}
	d.needSecret(what, st, keychain, secrets.SmaregiToken, lang.X("settings.sm.token", "アクセストークン"))
	d.reach(what, hostPort(sm.URL))
}

func (d *doctor) needSecret(what string, st *secrets.Store, keychain bool, key, label string) {
	if !keychain {
		return // already reported once
	}
	ok, err := st.Has(key)
	switch {
	case err != nil:
		d.bad(what, err.Error())
	case !ok:
		d.bad(what, lang.X("settings.cli.doctor_secret_missing", "{{.Label}}が設定されていません（salondesk secret set {{.Key}}）。",
			map[string]any{"Label": label, "Key": key}))
	}
}

// reach dials addr over TCP: the protocol-level checks belong to the sync packages.
func (d *doctor) reach(what, addr string) {
	c, err := net.DialTimeout("tcp", addr, dialTimeout)
	if err != nil {
		d.bad(what, lang.X("settings.cli.doctor_unreachable", "{{.Addr}} に接続できません。{{.Why}}（{{.Reason}}）",
			map[string]any{"Addr": addr, "Why": dialWhy(err), "Reason": err.Error()}))
		return
	}
	c.Close()
	d.ok(what, lang.X("settings.cli.doctor_reachable", "{{.Addr}} に接続できます。", map[string]any{"Addr": addr}))
}

// dialWhy says in plain words what a failed dial usually means.
func dialWhy(err error) string {
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.As(err, &dns):
		return lang.X("settings.cli.why_dns", "ホスト名が見つかりません。綴りと、このPCがインターネットにつながっているかを確認してください。")
	case errors.Is(err, syscall.ECONNREFUSED):
		return lang.X("settings.cli.why_refused", "接続を断られました。ポート番号を確認してください。")
	case errors.As(err, &ne) && ne.Timeout():
		return lang.X("settings.cli.why_timeout", "応答がありません。ネットワークやファイアウォールを確認してください。")
	}
	return lang.X("settings.cli.why_other", "ネットワークとホスト名・ポート番号を確認してください。")
}

// hostPort is the host:port a base URL is served on.
func hostPort(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	if u.Port() != "" {
		return u.Host
	}
	port := "443"
	if strings.EqualFold(u.Scheme, "http") {
		port = "80"
	}
	return net.JoinHostPort(u.Hostname(), port)
}
