package ui

import (
	"testing"

	"salondesk/app"
)

// While SALON BOARD's reservations are brought in, the top bar says how far, with a bar;
// the line goes once it is done.
func TestBringInLineInTopBar(t *testing.T) {
	f := newFixture(t)
	f.open()
	line := f.shell.top.bringIn
	if line.content.Visible() {
		t.Fatal("the bring-in line shows before any bring-in")
	}
	// Before the first list page no count is known: no "0 / 0", no bar.
	f.fakes.sync = SyncStatus{Configured: true, Online: true, BringIn: true}
	f.app.Events().Publish(app.SyncStatusChanged{})
	f.requireText("SALON BOARDから取り込み中…")
	if !line.content.Visible() || line.bar.Visible() {
		t.Fatalf("line shown %v, bar shown %v", line.content.Visible(), line.bar.Visible())
	}
	f.fakes.sync = SyncStatus{Configured: true, Online: true, BringIn: true, BringInDone: 1234, BringInTotal: 4200}
	f.app.Events().Publish(app.SyncStatusChanged{})
	f.requireText("SALON BOARDから取り込み中 1,234 / 4,200")
	if !line.content.Visible() || !line.bar.Visible() || line.bar.Value != 1234 || line.bar.Max != 4200 {
		t.Fatalf("bar %v / %v, shown %v", line.bar.Value, line.bar.Max, line.content.Visible())
	}
	f.fakes.sync = SyncStatus{Configured: true, Online: true, LastSync: testNow}
	f.app.Events().Publish(app.SyncStatusChanged{})
	f.requireText("オンライン　最終同期 13:19　送信待ち 0件")
	if line.content.Visible() {
		t.Fatal("the bring-in line stays after it is done")
	}
}
