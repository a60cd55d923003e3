package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "version")
	if code != 0 || !strings.HasPrefix(out, "SalonDesk ") {
		t.Fatalf("version: %d %q", code, out)
	}
}

func TestUnknownCommand(t *testing.T) {
	code, _, errOut := runCLI(t, "frobnicate")
	if code != 2 || !strings.Contains(errOut, "不明なコマンドです") {
		t.Fatalf("unknown command: %d %q", code, errOut)
	}
}

func TestExportDemo(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runCLI(t, "--data", dir, "--demo", "export", "reservations", "--format", "json")
	if code != 0 {
		t.Fatalf("export json: %d %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out[:min(len(out), 300)])
	}
	if len(rows) < 50 {
		t.Fatalf("only %d reservations in the next 30 days of the demo", len(rows))
	}
	code, out, errOut = runCLI(t, "--data", dir, "--demo", "export", "customers", "--format", "csv")
	if code != 0 {
		t.Fatalf("export csv: %d %s", code, errOut)
	}
	if lines := strings.Count(out, "\n"); lines < 201 {
		t.Fatalf("customers CSV has %d lines", lines)
	}
	// The same demo database is reused on the same day: nothing is seeded twice.
	code, out2, _ := runCLI(t, "--data", dir, "--demo", "export", "customers", "--format", "csv")
	if code != 0 || out2 != out {
		t.Fatal("a second export of the same day's demo differs")
	}
}

func TestExportBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export", "reservations", "--from", "2026/13/01"},
		{"export", "reservations", "--from", "2026-11-20", "--to", "2026-11-01"},
		{"export", "reservations", "--format", "xml"},
	} {
		code, out, errOut := runCLI(t, append([]string{"--data", dir}, args...)...)
		if code == 0 || out != "" || errOut == "" {
			t.Errorf("%v: code %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	// staff is a master kind since the masters CSV (issue 13); opening hours are not.
	if code, _, _ := runCLI(t, "--data", dir, "export", "hours"); code != 2 {
		t.Errorf("export hours: code %d", code)
	}
}

func TestScreenFlagChecked(t *testing.T) {
	code, _, errOut := runCLI(t, "--data", t.TempDir(), "--screen", "nowhere")
	if code != 2 || !strings.Contains(errOut, "不明な画面です") {
		t.Fatalf("%d %q", code, errOut)
	}
}

func TestExportNotificationsDemo(t *testing.T) {
	code, out, errOut := runCLI(t, "--data", t.TempDir(), "--demo", "export", "notifications", "--format", "json")
	if code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) < 5 {
		t.Fatalf("%v, %d rows", err, len(rows))
	}
}
