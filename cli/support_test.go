package cli

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"salondesk/app/backup"
	"salondesk/app/instance"
	"salondesk/app/secrets"
	"salondesk/app/settings"
	"salondesk/assets"
)

// cli runs one support command on the data directory dir.
func cli(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	if err := assets.UseLanguage(assets.LangJapanese); err != nil { // run() does this first
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	o := Options{DataDir: dir}
	var code int
	switch args[0] {
	case "config":
		code = runConfig(o, args[1:], &out, &errb)
	case "secret":
		code = runSecret(o, args[1:], strings.NewReader(stdin), &out, &errb)
	case "backup":
		code = runBackup(o, args[1:], &out, &errb)
	case "restore":
		code = runRestore(o, args[1:], &out, &errb)
	case "sync":
		code = runSync(o, args[1:], &out, &errb)
	case "export":
		code = runExport(o, args[1:], &out, &errb)
	case "doctor":
		code = runDoctor(o, args[1:], &out, &errb)
	default:
		t.Fatalf("no command %s", args[0])
	}
	return code, out.String(), errb.String()
}

func TestConfigCommand(t *testing.T) {
	dir := t.TempDir()
	if code, out, e := cli(t, dir, "", "config", "set", "mailbox.host", "imap.example.jp"); code != 0 || !strings.Contains(out, "保存しました") {
		t.Fatalf("set: %d %q %q", code, out, e)
	}
	if code, out, _ := cli(t, dir, "", "config", "get", "mailbox.host"); code != 0 || out != "imap.example.jp\n" {
		t.Fatalf("get: %d %q", code, out)
	}
	if code, out, _ := cli(t, dir, "", "config", "list"); code != 0 || !strings.Contains(out, "mailbox.port=993\n") ||
		!strings.Contains(out, "mailbox.host=imap.example.jp\n") || strings.Contains(out, "password") {
		t.Fatalf("list: %d %q", code, out)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"config", "set", "mailbox.port", "70000"}, 1, "ポート番号は1〜65535"},
		{[]string{"config", "set", "mailbox.host", "imap.example.jp:993"}, 1, "が正しくありません"},
		{[]string{"config", "set", "salonboard.enabled", "1"}, 1, "ログインIDを入力してください"},
		{[]string{"config", "get", "salonboard.password"}, 2, "salondesk secret set salonboard.password"},
		{[]string{"config", "set", "smaregi.access_token", "abc"}, 2, "データベースには保存しません"},
		{[]string{"config", "get", "no.such"}, 2, "という設定項目はありません"},
		{[]string{"config", "set", "mailbox.host"}, 2, "使い方"},
	} {
		code, _, errOut := cli(t, dir, "", c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: %d %q", c.args, code, errOut)
		}
	}
	if _, out, _ := cli(t, dir, "", "config", "get", "mailbox.port"); out != "993\n" {
		t.Fatalf("a refused set changed the port: %q", out)
	}
}

func TestSecretCommand(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	code, out, errOut := cli(t, dir, "s3cret-Value\n", "secret", "set", "salonboard.password")
	if code != 0 || strings.Contains(out+errOut, "s3cret") {
		t.Fatalf("set: %d %q %q", code, out, errOut)
	}
	if v, _ := secrets.New().Get(secrets.SalonBoardPassword); v != "s3cret-Value" {
		t.Fatalf("stored %q", v)
	}
	if _, out, _ := cli(t, dir, "", "secret", "list"); !strings.Contains(out, "salonboard.password: 設定済み") ||
		!strings.Contains(out, "mailbox.password: 未設定") || strings.Contains(out, "s3cret") {
		t.Fatalf("list: %q", out)
	}
	if code, _, e := cli(t, dir, "x\n", "secret", "set", "salon.name"); code != 2 || !strings.Contains(e, "保存できる項目ではありません") {
		t.Fatalf("non-secret key: %d %q", code, e)
	}
	if code, _, e := cli(t, dir, "", "secret", "set", "mailbox.password"); code != 1 || !strings.Contains(e, "値が空です") {
		t.Fatalf("empty: %d %q", code, e)
	}
	if code, _, _ := cli(t, dir, "", "secret", "delete", "salonboard.password"); code != 0 {
		t.Fatal("delete")
	}
	if ok, _ := secrets.New().Has(secrets.SalonBoardPassword); ok {
		t.Fatal("still stored")
	}
	// Nothing of it went to the database.
	if _, err := os.Stat(filepath.Join(dir, "salondesk.db")); err == nil {
		t.Fatal("secret opened the database")
	}
}

func TestBackupRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	cli(t, dir, "", "config", "set", "salon.name", "復元前サロン")
	file := filepath.Join(t.TempDir(), "copy.db")
	if code, out, e := cli(t, dir, "", "backup", file); code != 0 || !strings.Contains(out, file) {
		t.Fatalf("backup: %d %q %q", code, out, e)
	}
	if code, _, e := cli(t, dir, "", "backup", file); code != 1 || !strings.Contains(e, "既にあります") {
		t.Fatalf("backup over a file: %d %q", code, e)
	}
	cli(t, dir, "", "config", "set", "salon.name", "復元後に消える名前")
	// Not while the app runs.
	in, err := instance.Acquire(dir, func() {})
	if err != nil {
		t.Fatal(err)
	}
	if code, _, e := cli(t, dir, "", "restore", file); code != 1 || !strings.Contains(e, "アプリを終了してから") {
		t.Fatalf("restore while running: %d %q", code, e)
	}
	in.Close()
	garbage := filepath.Join(t.TempDir(), "garbage.db")
	os.WriteFile(garbage, bytes.Repeat([]byte("garbage "), 1000), 0o600)
	if code, _, e := cli(t, dir, "", "restore", garbage); code != 1 || !strings.Contains(e, "復元できません") {
		t.Fatalf("restore of garbage: %d %q", code, e)
	}
	if _, out, _ := cli(t, dir, "", "config", "get", "salon.name"); out != "復元後に消える名前\n" {
		t.Fatalf("a refused restore changed the data: %q", out)
	}
	if code, out, e := cli(t, dir, "", "restore", file); code != 0 || !strings.Contains(out, "復元しました") {
		t.Fatalf("restore: %d %q %q", code, out, e)
	}
	if _, out, _ := cli(t, dir, "", "config", "get", "salon.name"); out != "復元前サロン\n" {
		t.Fatalf("after restore: %q", out)
	}
	// The replaced data is kept as a backup.
	list, _ := backup.List(backup.Dir(dir))
	if len(list) != 1 {
		t.Fatalf("backups after restore: %v", list)
	}
}

func listen(t *testing.T) (addr string, port int) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	return ln.Addr().String(), ln.Addr().(*net.TCPAddr).Port
}

func closedPort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return p
}

func TestDoctor(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	web, _ := listen(t)
	_, imapPort := listen(t)
	smaregi, _ := listen(t)
	for _, kv := range [][2]string{
		{settings.SalonBoardLoginID, "CD12345"}, {settings.SalonBoardURL, "http://" + web},
		{settings.MailHost, "127.0.0.1"}, {settings.MailPort, strconv.Itoa(closedPort(t))}, {settings.MailTLS, "none"},
		{settings.MailUser, "desk"}, {settings.SalonBoardEnabled, "1"},
		{settings.SmaregiContractID, "skv1"}, {settings.SmaregiURL, "http://" + smaregi + "/access/"}, {settings.SmaregiEnabled, "1"},
	} {
		if code, _, e := cli(t, dir, "", "config", "set", kv[0], kv[1]); code != 0 {
			t.Fatalf("set %s: %s", kv[0], e)
		}
	}
	code, out, _ := cli(t, dir, "", "doctor")
	for _, want := range []string{"[OK] データベース: 問題ありません", "[OK] キーチェーン: 利用できます",
		"[NG] SALON BOARD: パスワードが設定されていません（salondesk secret set salonboard.password）",
		"[OK] SALON BOARD: " + web + " に接続できます。", "[NG] 予約メールの受信サーバー: 127.0.0.1:",
		"に接続できません。", "[NG] スマレジ: アクセストークンが設定されていません", "[注意] バックアップ: まだありません"} {
		if !strings.Contains(out, want) {
			t.Errorf("doctor lacks %q:\n%s", want, out)
		}
	}
	if code != 1 {
		t.Fatalf("doctor with problems exited %d", code)
	}
	// Fixed: the exit status is 0.
	cli(t, dir, "", "config", "set", settings.MailPort, strconv.Itoa(imapPort))
	for _, k := range []string{"salonboard.password", "mailbox.password", "smaregi.access_token"} {
		cli(t, dir, "value-"+k, "secret", "set", k)
	}
	if _, err := backup.Now(context.Background(), filepath.Join(dir, "salondesk.db"), backup.Dir(dir), time.Now()); err != nil {
		t.Fatal(err)
	}
	code, out, _ = cli(t, dir, "", "doctor")
	if code != 0 || strings.Contains(out, "[NG]") || !strings.Contains(out, "問題は見つかりませんでした。") || strings.Contains(out, "value-") {
		t.Fatalf("doctor after fixing: %d\n%s", code, out)
	}
}

func TestDoctorReportsKeychainAndDamage(t *testing.T) {
	keyring.MockInitWithError(errTest("The name org.freedesktop.secrets was not provided by any .service files"))
	defer keyring.MockInit()
	dir := t.TempDir()
	cli(t, dir, "", "config", "set", "salon.name", "壊れる前")
	db := filepath.Join(dir, "salondesk.db")
	good, err := backup.Now(context.Background(), db, backup.Dir(dir), time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(db, bytes.Repeat([]byte("broken! "), 4096), 0o600)
	os.Remove(db + "-wal")
	os.Remove(db + "-shm")
	code, out, _ := cli(t, dir, "", "doctor")
	for _, want := range []string{"[NG] データベース: データベースが壊れています", "最新の正常なバックアップ: " + good.Path,
		"[NG] キーチェーン: OSのキーチェーン", "org.freedesktop.secrets", "2件の問題があります。"} {
		if !strings.Contains(out, want) {
			t.Errorf("doctor lacks %q:\n%s", want, out)
		}
	}
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }

// Secrets stored with `salondesk secret set` appear in no file of the data directory
// (database, WAL, backups, exports) and in no command's output.
func TestCLISecretsLeakNowhere(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	values := map[string]string{
		secrets.SalonBoardPassword: "Cli-Leak-Probe-SB-51a",
		secrets.MailboxPassword:    "Cli-Leak-Probe-Mail-8e0",
		secrets.SmaregiToken:       "CliLeakProbeSmaregi3c7",
	}
	var outputs strings.Builder
	record := func(code int, out, errOut string) int { outputs.WriteString(out + errOut); return code }
	for k, v := range values {
		if code := record(cli(t, dir, v+"\n", "secret", "set", k)); code != 0 {
			t.Fatalf("secret set %s failed", k)
		}
	}
	for _, kv := range [][2]string{{"salonboard.login_id", "CD12345"}, {"mailbox.host", "127.0.0.1"},
		{"mailbox.tls", "none"}, {"mailbox.user", "desk"}, {"salonboard.enabled", "1"}} {
		record(cli(t, dir, "", "config", "set", kv[0], kv[1]))
	}
	record(cli(t, dir, "", "config", "list"))
	record(cli(t, dir, "", "secret", "list"))
	record(cli(t, dir, "", "doctor"))
	record(cli(t, dir, "", "backup", filepath.Join(dir, "support-copy.db")))
	for _, args := range [][]string{{"export", "customers", "--format", "csv"}, {"export", "reservations", "--format", "json"}} {
		code, out, errOut := runCLI(t, append([]string{"--data", dir}, args...)...)
		if code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
		os.WriteFile(filepath.Join(dir, "export-"+args[1]), []byte(out), 0o600)
	}
	found := map[string]bool{}
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		found[info.Name()] = true
		b, _ := os.ReadFile(path)
		for k, v := range values {
			if bytes.Contains(b, []byte(v)) {
				t.Errorf("%s holds %s", path, k)
			}
		}
		return nil
	})
	for k, v := range values {
		if strings.Contains(outputs.String(), v) {
			t.Errorf("a command printed %s", k)
		}
	}
	for _, name := range []string{"salondesk.db", "support-copy.db", "export-customers", "export-reservations"} {
		if !found[name] {
			t.Errorf("%s was not there to be searched (%v)", name, found)
		}
	}
}
