package settings

import (
	"context"
	"reflect"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/assets"
	"salondesk/data"
	"salondesk/data/datatest"
)

func newSettings(t *testing.T) (*Settings, *app.App) {
	t.Helper()
	conf, a, _ := newSettingsStore(t)
	return conf, a
}

// newSettingsStore is newSettings with its store, for what main reads before the app exists.
func newSettingsStore(t *testing.T) (*Settings, *app.App, *data.Store) {
	t.Helper()
	if err := assets.UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
	s := datatest.NewStore(t)
	datatest.Seed(t, s)
	a := app.New(s, app.WithClock(func() time.Time { return time.Date(2025, 6, 20, 13, 0, 0, 0, time.Local) }))
	return New(a), a, s
}

func goodSalonBoard() SalonBoard {
	return SalonBoard{Enabled: true, LoginID: "CD12345", URL: DefaultSalonBoardURL,
		Mailbox:      Mailbox{Host: "imap.example.jp", Port: 993, TLS: TLSImplicit, User: "yoyaku@example.jp"},
		MailInterval: 5, ReconcileInterval: 60}
}

func TestSalonBoardRoundTrip(t *testing.T) {
	conf, a := newSettings(t)
	ctx := context.Background()
	def, err := conf.SalonBoard(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if def.Enabled || def.Mailbox.Port != 993 || def.URL != DefaultSalonBoardURL || def.MailInterval != 5 {
		t.Fatalf("defaults %+v", def)
	}
	var events []app.Event
	a.Events().Subscribe(func(e app.Event) { events = append(events, e) })
	in := goodSalonBoard()
	in.LoginID = "  CD12345 \t" // pasted with spaces
	if err := conf.SaveSalonBoard(ctx, in); err != nil {
		t.Fatal(err)
	}
	got, _ := conf.SalonBoard(ctx)
	if !reflect.DeepEqual(got, goodSalonBoard()) {
		t.Fatalf("read back %+v", got)
	}
	if v, _ := a.Setting(ctx, SalonBoardEnabled, "0"); v != "1" {
		t.Fatal("同期する is the app's SALON BOARD switch too")
	}
	if len(events) != 1 || events[0] != (app.SettingsChanged{Section: SectionSalonBoard}) {
		t.Fatalf("events %v", events)
	}
	if got.Mailbox.Addr() != "imap.example.jp:993" {
		t.Fatal(got.Mailbox.Addr())
	}
}

// Bad input: a clear message (its key checked here, its text in the translation test)
// and nothing written.
func TestSalonBoardBadInputSavesNothing(t *testing.T) {
	conf, _ := newSettings(t)
	ctx := context.Background()
	before, _ := conf.All(ctx)
	for _, c := range []struct {
		name string
		edit func(*SalonBoard)
		key  string
	}{
		{"port 0", func(s *SalonBoard) { s.Mailbox.Port = 0 }, "settings.error.port"},
		{"port 65536", func(s *SalonBoard) { s.Mailbox.Port = 65536 }, "settings.error.port"},
		{"port not a number", func(s *SalonBoard) { s.Mailbox.Port = -1 }, "settings.error.port"},
		{"empty login id", func(s *SalonBoard) { s.LoginID = "" }, "settings.error.login_id_required"},
		{"login id with a space", func(s *SalonBoard) { s.LoginID = "CD 123" }, "settings.error.login_id_chars"},
		{"host with port", func(s *SalonBoard) { s.Mailbox.Host = "imap.example.jp:993" }, "settings.error.host"},
		{"host with scheme", func(s *SalonBoard) { s.Mailbox.Host = "imaps://imap.example.jp" }, "settings.error.host"},
		{"host with a space", func(s *SalonBoard) { s.Mailbox.Host = "imap example.jp" }, "settings.error.host"},
		{"full-width host", func(s *SalonBoard) { s.Mailbox.Host = "ｉｍａｐ.example.jp" }, "settings.error.host"},
		{"host label with hyphen edge", func(s *SalonBoard) { s.Mailbox.Host = "-imap.example.jp" }, "settings.error.host"},
		{"host with empty label", func(s *SalonBoard) { s.Mailbox.Host = "imap..example.jp" }, "settings.error.host"},
		{"empty host while syncing", func(s *SalonBoard) { s.Mailbox.Host = "" }, "settings.error.mail_host_required"},
		{"empty user while syncing", func(s *SalonBoard) { s.Mailbox.User = "" }, "settings.error.mail_user_required"},
		{"plain text to the internet", func(s *SalonBoard) { s.Mailbox.TLS = TLSNone }, "settings.error.tls_none"},
		{"unknown tls", func(s *SalonBoard) { s.Mailbox.TLS = "ssl3" }, "settings.error.tls"},
		{"mail interval 0", func(s *SalonBoard) { s.MailInterval = 0 }, "settings.error.mail_interval"},
		{"reconcile 2 days", func(s *SalonBoard) { s.ReconcileInterval = 2880 }, "settings.error.reconcile_interval"},
		{"http SALON BOARD", func(s *SalonBoard) { s.URL = "http://salonboard.com" }, "settings.error.salonboard_url"},
		{"store id without H", func(s *SalonBoard) { s.StoreID = "000123" }, "settings.error.store_id"},
	} {
		sb := goodSalonBoard()
		c.edit(&sb)
		err := conf.SaveSalonBoard(ctx, sb)
		if app.ErrorKey(err) != c.key {
			t.Errorf("%s: got %v (%s), want %s", c.name, err, app.ErrorKey(err), c.key)
			continue
		}
		if msg := err.Error(); msg == c.key || msg == "" {
			t.Errorf("%s: no Japanese message: %q", c.name, msg)
		}
	}
	after, _ := conf.All(ctx)
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("bad input changed the settings:\n%+v\n%+v", before, after)
	}
}

func TestSalonBoardOffAllowsEmpty(t *testing.T) {
	conf, _ := newSettings(t)
	sb := SalonBoard{URL: DefaultSalonBoardURL, Mailbox: Mailbox{Port: 993, TLS: TLSImplicit}, MailInterval: 5, ReconcileInterval: 60}
	if err := conf.SaveSalonBoard(context.Background(), sb); err != nil {
		t.Fatalf("sync off with nothing filled in: %v", err)
	}
	// The test double on this PC may be reached in plain text and over http.
	sb.Mailbox = Mailbox{Host: "127.0.0.1", Port: 1143, TLS: TLSNone, User: "demo"}
	sb.URL = "http://127.0.0.1:8081"
	if err := conf.SaveSalonBoard(context.Background(), sb); err != nil {
		t.Fatalf("loopback: %v", err)
	}
}

func TestValidHost(t *testing.T) {
	for h, want := range map[string]bool{
		"imap.gmail.com": true, "mail": true, "192.168.0.10": true, "::1": true, "a-b.example.jp.": true,
		"": false, "imap.gmail.com:993": false, "http://x": false, "a_b.jp": false, "ab-.jp": false,
		"メール.jp": false, "x.y/z": false,
	} {
		if ValidHost(h) != want {
			t.Errorf("ValidHost(%q) = %v", h, !want)
		}
	}
}

func TestSmaregiChecks(t *testing.T) {
	conf, _ := newSettings(t)
	ctx := context.Background()
	good := Smaregi{Enabled: true, ContractID: "skv123", URL: DefaultSmaregiURL, DepartmentID: "12",
		ProductCode: "reservefee", PullInterval: 10, ReceiverPort: 18080}
	if err := conf.SaveSmaregi(ctx, good); err != nil {
		t.Fatal(err)
	}
	if got, _ := conf.Smaregi(ctx); got != good {
		t.Fatalf("read back %+v", got)
	}
	for _, c := range []struct {
		edit func(*Smaregi)
		key  string
	}{
		{func(s *Smaregi) { s.ContractID = "" }, "settings.error.contract_id_required"},
		{func(s *Smaregi) { s.ContractID = "契約" }, "settings.error.contract_id"},
		{func(s *Smaregi) { s.URL = "webapi.smaregi.jp/access/" }, "settings.error.smaregi_url"},
		{func(s *Smaregi) { s.URL = "http://webapi.smaregi.jp/access/" }, "settings.error.smaregi_url"},
		{func(s *Smaregi) { s.DepartmentID = "部門1" }, "settings.error.department_id"},
		{func(s *Smaregi) { s.ProductCode = "reserve fee" }, "settings.error.product_code"},
		{func(s *Smaregi) { s.PullInterval = 0 }, "settings.error.pull_interval"},
		{func(s *Smaregi) { s.ReceiverPort = 80 }, "settings.error.receiver_port"},
		{func(s *Smaregi) { s.ReceiverPort = 70000 }, "settings.error.receiver_port"},
	} {
		sm := good
		c.edit(&sm)
		if err := conf.SaveSmaregi(ctx, sm); app.ErrorKey(err) != c.key {
			t.Errorf("%+v: got %v, want %s", sm, err, c.key)
		}
	}
	if got, _ := conf.Smaregi(ctx); got != good {
		t.Fatalf("bad input was saved: %+v", got)
	}
}

// The keys of `salondesk config`: one value at a time, the section validated whole.
func TestGetSetByKey(t *testing.T) {
	conf, _, store := newSettingsStore(t)
	ctx := context.Background()
	for _, kv := range [][2]string{
		{MailHost, "imap.example.jp"}, {MailPort, "143"}, {MailTLS, TLSStart}, {Language, "en"},
		{SalonName, "サロン・ド・テスト"}, {SlotMinutes, "15"}, {SmaregiDepartmentID, "3"},
	} {
		if err := conf.Set(ctx, kv[0], kv[1]); err != nil {
			t.Fatalf("set %s: %v", kv[0], err)
		}
		if got, err := conf.Get(ctx, kv[0]); err != nil || got != kv[1] {
			t.Fatalf("get %s = %q %v", kv[0], got, err)
		}
	}
	if salon, _ := conf.a.Salon(ctx); salon.Name != "サロン・ド・テスト" || salon.SlotMinutes != 15 || salon.Capacity != 3 {
		t.Fatalf("salon %+v", salon)
	}
	if LanguageOf(ctx, store) != "en" {
		t.Fatal("LanguageOf")
	}
	for _, c := range []struct{ key, value, errKey string }{
		{MailPort, "abc", "settings.error.number"},
		{MailPort, "0", "settings.error.port"},
		{SalonBoardEnabled, "1", "settings.error.login_id_required"}, // nothing else is filled in
		{SalonBoardEnabled, "maybe", "settings.error.boolean"},
		{Language, "fr", "settings.error.language"},
		{SlotMinutes, "20", "error.slot_minutes"},
		{"salonboard.password", "x", "settings.error.unknown_key"},
		{"nope", "x", "settings.error.unknown_key"},
	} {
		if err := conf.Set(ctx, c.key, c.value); app.ErrorKey(err) != c.errKey {
			t.Errorf("set %s=%s: %v, want %s", c.key, c.value, err, c.errKey)
		}
	}
	if got, _ := conf.Get(ctx, MailPort); got != "143" {
		t.Fatalf("a refused set changed mailbox.port to %q", got)
	}
	if len(Keys()) != len(fields) || Keys()[0] != SalonBoardEnabled {
		t.Fatal("Keys")
	}
}
