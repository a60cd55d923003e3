package settings

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app/backup"
	"salondesk/app/secrets"
	asettings "salondesk/app/settings"
	"salondesk/ui/internal/uitest"
)

func (f *fixture) fillSmaregi() {
	t := f.s.sm
	t.enabled.SetChecked(true)
	uitest.Retype(t.contractID, "skv123")
	uitest.Retype(t.url, "https://webapi.smaregi.jp/access/")
	uitest.Retype(t.token.entry, "smaregi-access-token-0001")
	uitest.Retype(t.department, "12")
	uitest.Retype(t.product, "reservefee")
	uitest.Retype(t.pullEvery, "10")
	uitest.Retype(t.port, "18080")
}

func TestSmaregiSaveAndBadInput(t *testing.T) {
	f := newFixture(t)
	f.open()
	before := f.all()
	for _, c := range []struct {
		edit func(*smaregiTab)
		want string
	}{
		{func(t *smaregiTab) { uitest.Retype(t.port, "80") }, msg("settings.error.receiver_port")},
		{func(t *smaregiTab) { uitest.Retype(t.contractID, "") }, msg("settings.error.contract_id_required")},
		{func(t *smaregiTab) { uitest.Retype(t.url, "webapi.smaregi.jp") }, "スマレジのURL「webapi.smaregi.jp」が正しくありません。"},
		{func(t *smaregiTab) { uitest.Retype(t.department, "部門") }, msg("settings.error.department_id")},
		{func(t *smaregiTab) { t.token.entry.SetText("") }, msg("settings.error.token_required")},
	} {
		f.fillSmaregi()
		c.edit(f.s.sm)
		test.Tap(f.s.sm.saveBtn)
		f.wait()
		f.wantDialog(c.want)
		if !reflect.DeepEqual(f.all(), before) || f.secret(secrets.SmaregiToken) != "" {
			t.Fatalf("bad input (%q) saved something", c.want)
		}
	}
	f.fillSmaregi()
	test.Tap(f.s.sm.saveBtn)
	f.wait()
	f.wantDialog("保存しました。")
	want := asettings.Smaregi{Enabled: true, ContractID: "skv123", URL: "https://webapi.smaregi.jp/access/",
		DepartmentID: "12", ProductCode: "reservefee", PullInterval: 10, ReceiverPort: 18080}
	if got := f.all().Smaregi; got != want {
		t.Fatalf("saved %+v", got)
	}
	if f.secret(secrets.SmaregiToken) != "smaregi-access-token-0001" {
		t.Fatal("token not in the keychain")
	}
}

func TestSalonTab(t *testing.T) {
	f := newFixture(t)
	shown := false
	f.deps.ShowHours = func() { shown = true }
	f.open()
	st := f.s.salon
	if st.name.Text != "テストサロン" || st.slot.Selected != "30分" || st.language.Selected != "日本語" {
		t.Fatalf("loaded %q %q %q", st.name.Text, st.slot.Selected, st.language.Selected)
	}
	if !strings.Contains(st.hours.Text, "月 10:00〜19:00") {
		t.Fatalf("hours %q", st.hours.Text)
	}
	uitest.Retype(st.name, "")
	test.Tap(st.saveBtn)
	f.wantDialog(msg("error.salon_name_required"))
	if f.setting(asettings.SalonName) != "テストサロン" {
		t.Fatal("an empty name was saved")
	}
	uitest.Retype(st.name, "サロン・ド・ミナミ")
	st.slot.SetSelectedIndex(1)
	st.language.SetSelectedIndex(1)
	test.Tap(st.saveBtn)
	f.wantDialog("表示言語はアプリを再起動すると切り替わります。")
	salon, _ := f.a.Salon(context.Background())
	if salon.Name != "サロン・ド・ミナミ" || salon.SlotMinutes != 15 || salon.Capacity != 3 || f.setting(asettings.Language) != "en" {
		t.Fatalf("saved %+v %q", salon, f.setting(asettings.Language))
	}
	tapButton(t, st.content, "営業時間を変更")
	if !shown {
		t.Fatal("ShowHours")
	}
}

// バックアップ: 今すぐバックアップ lists the copy; 復元 asks, checks and stages it, and
// offers the restart.
func TestBackupTab(t *testing.T) {
	f := newFixture(t)
	restarted := false
	f.deps.Restart = func() { restarted = true }
	f.open()
	f.s.tabs.SelectIndex(3)
	if !strings.Contains(uitest.AllTexts(f.s.bk.list), "バックアップはまだありません。") {
		t.Fatal("empty list")
	}
	test.Tap(f.s.bk.nowBtn)
	f.wait()
	if len(f.s.bk.rows) != 1 || !strings.Contains(f.s.bk.status.Text, "バックアップしました") {
		t.Fatalf("after backup: %d rows, %q", len(f.s.bk.rows), f.s.bk.status.Text)
	}
	if !strings.Contains(uitest.AllTexts(f.s.bk.list), "2025.06.20 13:19:00") {
		t.Fatalf("list %q", uitest.AllTexts(f.s.bk.list))
	}
	// A later change, then the restore of the earlier copy.
	if err := asettings.New(f.a).SaveGeneral(context.Background(), asettings.General{Language: "en"}); err != nil {
		t.Fatal(err)
	}
	f.s.bk.confirmRestore(f.s.bk.rows[0])
	uitest.TapInDialog(f.t, f.win, "復元")
	f.wait()
	if !backup.HasPending(f.st.Path()) {
		t.Fatal("nothing staged")
	}
	if d := f.win.Canvas().Overlays().Top(); d == nil || !strings.Contains(uitest.AllTexts(d), "今すぐアプリを再起動しますか") {
		t.Fatal("no restart question")
	}
	uitest.TapInDialog(f.t, f.win, "再起動")
	if !restarted {
		t.Fatal("Restart not called")
	}
}

func TestRestoreRefusesDamagedBackup(t *testing.T) {
	f := newFixture(t)
	f.open()
	dir := backup.Dir(f.s.deps.DataDir)
	os.MkdirAll(dir, 0o700)
	bad := filepath.Join(dir, backup.Name(testNow))
	os.WriteFile(bad, []byte(strings.Repeat("not a database ", 500)), 0o600)
	f.s.bk.refresh()
	f.s.bk.confirmRestore(f.s.bk.rows[0])
	uitest.TapInDialog(f.t, f.win, "復元")
	f.wait()
	f.wantDialog("データベースが壊れています")
	if backup.HasPending(f.st.Path()) {
		t.Fatal("a damaged backup was staged")
	}
}

func TestSystemInfo(t *testing.T) {
	f := newFixture(t)
	f.deps.LogPath = "/var/log/salondesk.log"
	f.deps.SyncState = func() string { return "オンライン（最終同期 13:10）" }
	f.deps.ReceiverURL = func() string { return "http://192.168.1.20:18080/smaregi" }
	f.open()
	f.s.tabs.SelectIndex(4)
	f.wait()
	got := uitest.AllTexts(f.s.info.content)
	for _, want := range []string{"1.2.3", f.st.Path(), "/var/log/salondesk.log", "オンライン（最終同期 13:10）",
		"http://192.168.1.20:18080/smaregi", "利用できます", "スマレジAPI 送信URL"} {
		if !strings.Contains(got, want) {
			t.Errorf("システム情報 lacks %q:\n%s", want, got)
		}
	}
	if v, _ := f.st.SchemaVersion(); f.s.info.schema.Text != strconv.Itoa(v) {
		t.Errorf("schema version %q, want %d", f.s.info.schema.Text, v)
	}
}

// tapButton taps the button with this text inside o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var btn *widget.Button
	uitest.Walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			btn = b
		}
	})
	if btn == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(btn)
}
