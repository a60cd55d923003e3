package cli

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"salondesk/app/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

// The support commands of Smaregi, configured the way support staff would (config set,
// secret set) against the Smaregi double on loopback: imported customers sent in one
// batch and not again, IDコード issued once / listed without the code / revoked, the
// 送信URL, and sync --once pulling a sale rung up in Smaregi.
func TestSmaregiCommands(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	d := smaregidouble.New("SD-1234", "tok-abc")
	srv := httptest.NewServer(d)
	defer srv.Close()
	for _, kv := range [][2]string{{"smaregi.url", srv.URL}, {"smaregi.contract_id", "SD-1234"},
		{"smaregi.enabled", "1"}, {"smaregi.department_id", "1"}} {
		if code, out, e := cli(t, dir, "", "config", "set", kv[0], kv[1]); code != 0 {
			t.Fatalf("config set %s: %d %s %s", kv[0], code, out, e)
		}
	}
	if code, _, e := cli(t, dir, "tok-abc\n", "secret", "set", "smaregi.access_token"); code != 0 {
		t.Fatal(e)
	}
	csv := filepath.Join(dir, "in.csv")
	os.WriteFile(csv, []byte("お客様名,お客様名（カナ）,電話番号\r\n山田 花子,ヤマダ ハナコ,090-1111-2222\r\n田中 一郎,タナカ イチロウ,03-1234-5678\r\n"), 0o600)
	if code, out, e := runCLI(t, "--data", dir, "import", "customers", csv); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, e)
	}
	code, out, e := runCLI(t, "--data", dir, "smaregi", "send-imported")
	if code != 0 || !strings.Contains(out, "2 / 2件") || len(d.Customers()) != 2 || d.Requests("customer_upd") != 1 {
		t.Fatalf("send-imported: %d %q %q; double has %d customers after %d requests", code, out, e,
			len(d.Customers()), d.Requests("customer_upd"))
	}
	if code, _, _ := runCLI(t, "--data", dir, "smaregi", "send-imported"); code != 0 || d.Requests("customer_upd") != 1 {
		t.Fatalf("a second send-imported sent again: %d requests", d.Requests("customer_upd"))
	}

	code, out, _ = runCLI(t, "--data", dir, "smaregi", "token", "issue", "--label", "本店")
	m := regexp.MustCompile(`IDコード: (\S+)`).FindStringSubmatch(out)
	if code != 0 || m == nil {
		t.Fatalf("token issue: %d %q", code, out)
	}
	token := m[1]
	code, out, _ = runCLI(t, "--data", dir, "smaregi", "token", "list")
	if code != 0 || !strings.Contains(out, "有効") || !strings.Contains(out, "本店") || strings.Contains(out, token) {
		t.Fatalf("token list must name the token but never show it: %d %q", code, out)
	}
	if code, _, _ := runCLI(t, "--data", dir, "smaregi", "token", "revoke", "1"); code != 0 {
		t.Fatal("revoke failed")
	}
	if code, out, _ := runCLI(t, "--data", dir, "smaregi", "token", "list"); code != 0 || !strings.Contains(out, "無効") {
		t.Fatalf("after revoke: %q", out)
	}
	if code, _, e := runCLI(t, "--data", dir, "smaregi", "token", "revoke", "99"); code != 1 || e == "" {
		t.Fatalf("revoking an unknown IDコード: %d %q", code, e)
	}
	for _, f := range []string{"salondesk.db", "salondesk.db-wal"} {
		b, _ := os.ReadFile(filepath.Join(dir, f))
		if strings.Contains(string(b), token) || strings.Contains(string(b), "tok-abc") {
			t.Fatalf("%s holds a token in clear", f)
		}
	}

	code, out, e = runCLI(t, "--data", dir, "smaregi", "url")
	if host := smaregi.LANAddress(); host == "" {
		if code != 1 || e == "" {
			t.Fatalf("url without a LAN: %d %q %q", code, out, e)
		}
	} else if code != 0 || strings.TrimSpace(out) != "http://"+host+":18080/smaregi/transactions" {
		t.Fatalf("url: %d %q", code, out)
	}
	if code, _, _ := runCLI(t, "--data", dir, "smaregi", "what"); code != 2 {
		t.Fatal("an unknown smaregi command was accepted")
	}

	d.AddSale(smaregidouble.Sale{CustomerID: "1", Lines: []smaregidouble.Line{{ProductCode: "X1", ProductName: "物販", Price: 1100, Quantity: 1}}})
	code, out, e = cli(t, dir, "", "sync", "--once", "--timeout", "20s")
	if code != 0 || !strings.Contains(out, "[OK] スマレジ: 取引 1件を取り込みました") {
		t.Fatalf("sync --once with Smaregi: %d\n%s\n%s", code, out, e)
	}
}
