package settings

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/app/applog"
	"salondesk/app/export"
	"salondesk/app/secrets"
	asettings "salondesk/app/settings"
	"salondesk/app/smaregi"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// The secrets typed into the screen never reach a file: not the database (nor its WAL),
// not a backup, not the log (even when code logs them by mistake), not an export and not
// the preferences. Every file under the data directory is searched for their bytes.
func TestSecretsNeverWritten(t *testing.T) {
	f := newFixture(t)
	dataDir := filepath.Dir(f.st.Path())
	lg, err := applog.Open(dataDir, applog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	old := log.Writer()
	log.SetOutput(lg.Writer()) // fyne.LogError and log.Printf go to the app log, as in main
	defer log.SetOutput(old)
	f.sec = secrets.New(secrets.WithObserver(lg.AddSecret))
	f.deps.Secrets = f.sec
	f.deps.LogPath = lg.Path()
	var seen []string
	f.deps.TestSalonBoard = func(_ context.Context, sb asettings.SalonBoard, pw string) error {
		seen = append(seen, pw)
		log.Printf("salonboard: POST /CNC/login/doLogin/ userId=%s&password=%s", sb.LoginID, pw) // a careless log line
		return errors.New("ログインできませんでした")
	}
	f.deps.Tokens = smaregi.New(f.a)
	f.open()

	values := map[string]string{
		"sb":      "Sb-Leak-Probe-9d41!",
		"mail":    "Mail-Leak-Probe-77c2?",
		"smaregi": "SmaregiLeakProbe0f6e2b",
	}
	f.fillSalonBoard()
	uitest.Retype(f.s.sb.password.entry, values["sb"])
	uitest.Retype(f.s.sb.mailPassword.entry, values["mail"])
	test.Tap(f.s.sb.saveBtn)
	f.wait()
	f.wantDialog("保存しました。")
	test.Tap(f.s.sb.loginTest.btn)
	f.wait()
	f.fillSmaregi()
	uitest.Retype(f.s.sm.token.entry, values["smaregi"])
	test.Tap(f.s.sm.saveBtn)
	f.wait()
	f.wantDialog("保存しました。")
	// The IDコード is shown once and only its hash is kept.
	f.s.tabs.SelectIndex(4)
	f.wait()
	test.Tap(f.s.info.tokens.issueBtn)
	f.wait()
	values["receiver"] = shownCode(t, f.win)
	uitest.TakeDialog(f.win)
	if len(seen) != 1 || seen[0] != values["sb"] {
		t.Fatalf("the test func got %q", seen)
	}

	// The app at work: data, a log with mistakes in it, a backup, an export, preferences.
	ctx := context.Background()
	_, err = f.a.SaveReservation(ctx, app.ReservationInput{CustomerID: f.salon.Customers["ヤマダ　ハナコ"],
		Start: datatest.At("2025-06-21", "11:00"), StaffID: f.salon.Staff["佐藤"],
		MenuIDs: []int64{f.salon.Menus["カット"]}, Route: data.RoutePhone, Memo: "電話予約"})
	if err != nil {
		t.Fatal(err)
	}
	fyne.LogError("smaregi", fmt.Errorf("request failed: X_access_token: %s", values["smaregi"]))
	lg.Printf("mailbox: LOGIN yoyaku@example.jp %s", values["mail"])
	f.s.tabs.SelectIndex(3)
	test.Tap(f.s.bk.nowBtn)
	f.wait()
	exportFile(t, filepath.Join(dataDir, "exports", "reservations.csv"), func(w *bytes.Buffer) error {
		return export.Reservations(ctx, f.a, testNow.AddDate(0, 0, -1), testNow.AddDate(0, 0, 7), export.FormatCSV, w)
	})
	exportFile(t, filepath.Join(dataDir, "exports", "customers.json"), func(w *bytes.Buffer) error {
		return export.Customers(ctx, f.a, export.FormatJSON, w)
	})
	prefs := fyne.CurrentApp().Preferences()
	prefs.SetString("window.size", "1280x800")
	writePreferences(t, prefs, filepath.Join(dataDir, "preferences.json"))
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}

	searched := searchFiles(t, dataDir, values)
	for _, want := range []string{"salondesk.db", "salondesk.db-wal", "logs/salondesk.log", "exports/reservations.csv",
		"exports/customers.json", "preferences.json", "backups/salondesk-20250620-131900.db"} {
		if !searched[want] {
			t.Errorf("%s was not there to be searched (searched %v)", want, searched)
		}
	}
	logText, _ := os.ReadFile(lg.Path())
	if !strings.Contains(string(logText), "password=***") || !strings.Contains(string(logText), "LOGIN yoyaku@example.jp ***") {
		t.Fatalf("the log lines are not there, redacted:\n%s", logText)
	}
}

func exportFile(t *testing.T, path string, write func(w *bytes.Buffer) error) {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// writePreferences writes the app's preferences as Fyne's preferences.json holds them
// (the test app keeps them in memory).
func writePreferences(t *testing.T, p fyne.Preferences, path string) {
	t.Helper()
	r, ok := p.(interface{ ReadValues(func(map[string]any)) })
	if !ok {
		t.Fatalf("preferences %T cannot be read out", p)
	}
	var b []byte
	var err error
	r.ReadValues(func(m map[string]any) { b, err = json.Marshal(m) })
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// searchFiles reads every file under dir and fails on any secret's bytes; it returns
// the files it read (relative, slash-separated).
func searchFiles(t *testing.T, dir string, values map[string]string) map[string]bool {
	t.Helper()
	searched := map[string]bool{}
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		searched[filepath.ToSlash(rel)] = true
		for name, v := range values {
			if v == "" {
				t.Fatalf("secret %s is empty", name)
			}
			if bytes.Contains(b, []byte(v)) {
				t.Errorf("%s holds the %s secret", rel, name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return searched
}
