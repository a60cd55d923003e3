package cli

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"salondesk/sync/salonboard/mail/mailtest"
	"salondesk/sync/salonboard/mailbox/imaptest"
	"salondesk/sync/salonboard/sbdouble"
)

// sync --once against the web double and an IMAP server, configured the way support staff
// would: config set, secret set.
func TestSyncOnce(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	d := sbdouble.New(sbdouble.Config{Location: time.Local})
	srv := httptest.NewServer(d)
	defer srv.Close()
	box := imaptest.Memory(t, imaptest.MemoryOptions{})
	start := time.Now().AddDate(0, 0, 2).Truncate(24 * time.Hour).Add(3 * time.Hour).In(time.Local)
	box.Append(t, mailtest.MustEncode("予約連絡", mailtest.Body(mailtest.Reservation{Number: "BE55555555",
		Start: start, NameKanji: "山田 花子", NameKana: "ヤマダ ハナコ", Coupon: "[全員]知らないクーポン"}),
		mailtest.Options{}))
	for _, kv := range [][2]string{
		{"salonboard.url", srv.URL}, {"salonboard.login_id", "SD0000001"}, {"mailbox.host", box.Host},
		{"mailbox.port", strconv.Itoa(box.Port)}, {"mailbox.tls", "none"}, {"mailbox.user", box.User},
		{"salonboard.enabled", "1"},
	} {
		if code, out, e := cli(t, dir, "", "config", "set", kv[0], kv[1]); code != 0 {
			t.Fatalf("config set %s: %d %s %s", kv[0], code, out, e)
		}
	}
	if code, _, e := cli(t, dir, "synthetic-pass\n", "secret", "set", "salonboard.password"); code != 0 {
		t.Fatal(e)
	}
	if code, _, e := cli(t, dir, box.Password+"\n", "secret", "set", "mailbox.password"); code != 0 {
		t.Fatal(e)
	}
	code, out, errOut := cli(t, dir, "", "sync", "--once", "--timeout", "30s")
	if code != 0 || !strings.Contains(out, "[OK] メールボックス: 1通を処理しました") || !strings.Contains(out, "[OK] SALON BOARD") {
		t.Fatalf("sync --once: %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = cli(t, dir, "", "export", "notifications")
	if code != 0 || !strings.Contains(out, "BE55555555") {
		t.Fatalf("the mismatch should have raised a notification: %s", out)
	}
	// SALON BOARD unreachable: a non-zero exit and a plain message.
	srv.Close()
	box.Stop(t)
	code, out, _ = cli(t, dir, "", "sync", "--once", "--timeout", "20s")
	if code != 1 || !strings.Contains(out, "[NG]") {
		t.Fatalf("unreachable: %d\n%s", code, out)
	}
}
