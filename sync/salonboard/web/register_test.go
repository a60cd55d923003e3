package web_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

const syntheticTel = "090-0000-4321"

// sample is a synthetic phone reservation with 佐藤 美咲 (W000000101,
// 受付可能数 1) on 2026-12-05 14:30 for an hour.
func sample() web.RegisterInput {
	return web.RegisterInput{
		StaffID: "W000000101", Start: at(2026, 12, 5, 14, 30), Duration: time.Hour,
		Designated: true, SeiKana: "ヤマダ", MeiKana: "ハナコ", Sei: "山田", Mei: "花子",
		Tel: syntheticTel, Memo: "合成データ",
	}
}

var ygRe = regexp.MustCompile(`^YG\d{8}$`)

// warm returns a client that has logged in, with the double's request log
// cleared, so that counts are of the operation alone.
func warm(t *testing.T, d *sbdouble.Double, base string, edit ...func(*web.Config)) *web.Client {
	t.Helper()
	c := newClient(t, base, edit...)
	if err := c.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	d.ResetRequests()
	return c
}

func writeErr(t *testing.T, err error) *web.WriteError {
	t.Helper()
	var we *web.WriteError
	if !errors.As(err, &we) {
		t.Fatalf("err = %v (%T), want a *web.WriteError", err, err)
	}
	return we
}

func TestRegisterCleanStoresOneAndCountsRequests(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := warm(t, d, base)
	res, err := c.Register(context.Background(), sample())
	if err != nil {
		t.Fatal(err)
	}
	all := d.Reservations()
	if !ygRe.MatchString(res.ID) || len(all) != 1 || all[0].ID != res.ID {
		t.Fatalf("id %q, double holds %+v", res.ID, all)
	}
	r := all[0]
	if !r.Start.Equal(at(2026, 12, 5, 14, 30)) || !r.End.Equal(at(2026, 12, 5, 15, 30)) || r.StaffID != "W000000101" ||
		r.KanaSei != "ヤマダ" || r.KanaMei != "ハナコ" || r.KanjiSei != "山田" || r.KanjiMei != "花子" ||
		r.Phone != syntheticTel || r.Memo != "合成データ" || r.RouteID != sbdouble.RoutePhoneOwn || !r.Designated ||
		r.Status != sbdouble.StatusWaiting {
		t.Fatalf("stored %+v", r)
	}
	reqs := d.Requests()
	var paths []string
	for _, q := range reqs {
		paths = append(paths, q.Path)
	}
	want := []string{sbdouble.PathSchedule, sbdouble.PathRegistForm, sbdouble.PathRegistConfirm,
		sbdouble.PathRegistComplete, sbdouble.PathListInit, sbdouble.PathListSearch}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Fatalf("requests %v, want %v", paths, want)
	}
	if !strings.Contains(reqs[1].Referer, sbdouble.PathSchedule) {
		t.Errorf("the form was not opened from the schedule: referer %q", reqs[1].Referer)
	}
	t.Logf("one registration: %d HTTP requests when logged in (%d with the login)", len(reqs), len(reqs)+loginRequests)

	// From a cold start, the login comes first.
	d2, base2 := newDouble(t, sbdouble.Config{})
	if _, err := newClient(t, base2).Register(context.Background(), sample()); err != nil {
		t.Fatal(err)
	}
	if n := len(d2.Requests()); n != len(want)+loginRequests || d2.MaxConcurrent() != 1 {
		t.Fatalf("cold registration: %d requests (max %d at once)", n, d2.MaxConcurrent())
	}
}

func TestRegisterSetsDesignationExplicitly(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	in := sample()
	in.Designated = false // the form's box comes ticked
	in.Route = web.RouteWalkIn
	in.EquipmentID = "EQ00000002"
	if _, err := warm(t, d, base).Register(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	r := d.Reservations()[0]
	if r.Designated || r.RouteID != sbdouble.RouteWalkIn || r.EquipmentID != "EQ00000002" {
		t.Fatalf("stored %+v", r)
	}
}

func TestRegisterAcceptedThenDiscarded(t *testing.T) {
	for _, kind := range []sbdouble.FaultKind{sbdouble.FaultDiscard, sbdouble.FaultNotRegistered} {
		d, base := newDouble(t, sbdouble.Config{})
		c := warm(t, d, base)
		d.Inject(sbdouble.Fault{Kind: kind})
		_, err := c.Register(context.Background(), sample())
		we := writeErr(t, err)
		if !errors.Is(err, web.ErrNotRegistered) || we.Permanent() || !web.IsTransient(err) || we.Reason() != web.ReasonTimeout {
			t.Fatalf("fault %d: err = %v", kind, err)
		}
		if n := len(d.Reservations()); n != 0 {
			t.Fatalf("fault %d: the double holds %d", kind, n)
		}
		if d.Count(sbdouble.PathRegistComplete) != 1 {
			t.Fatalf("fault %d: doComplete sent %d times", kind, d.Count(sbdouble.PathRegistComplete))
		}
	}
}

func TestRegisterTimeoutAfterCommitThenFind(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := warm(t, d, base, func(cfg *web.Config) { cfg.Timeout = 300 * time.Millisecond })
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultTimeoutAfterCommit})
	ctx := context.Background()
	began := time.Now()
	_, err := c.Register(ctx, sample())
	we := writeErr(t, err)
	var ne *web.NetError
	if !errors.As(err, &ne) || we.Permanent() || we.Reason() != web.ReasonTimeout || we.Offline() {
		t.Fatalf("err = %v", err)
	}
	if el := time.Since(began); el > 3*time.Second {
		t.Fatalf("the timeout took %v", el)
	}
	stored := d.Reservations()
	if len(stored) != 1 {
		t.Fatalf("the double holds %d", len(stored))
	}
	// The app looks before it registers again, and links what it finds.
	for _, kana := range []string{"ヤマダ ハナコ", "やまだ　はなこ", "ﾔﾏﾀﾞ ﾊﾅｺ"} {
		rows, err := c.FindReservations(ctx, at(2026, 12, 5, 14, 30), "佐藤 美咲", kana)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].ID != stored[0].ID {
			t.Fatalf("%s: found %+v, want %s", kana, rows, stored[0].ID)
		}
	}
	for _, miss := range []struct {
		start       time.Time
		staff, kana string
	}{
		{at(2026, 12, 5, 14, 45), "佐藤 美咲", "ヤマダ ハナコ"},
		{at(2026, 12, 5, 14, 30), "鈴木 彩", "ヤマダ ハナコ"},
		{at(2026, 12, 5, 14, 30), "佐藤 美咲", "サトウ ハナコ"},
	} {
		if rows, err := c.FindReservations(ctx, miss.start, miss.staff, miss.kana); err != nil || len(rows) != 0 {
			t.Fatalf("%+v found %+v (%v)", miss, rows, err)
		}
	}
	if n := len(d.Reservations()); n != 1 {
		t.Fatalf("the double holds %d, want ONE", n)
	}
}

func TestRegisterStaleStampRetriedInside(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := warm(t, d, base)
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultStaleStamp, Times: 2})
	res, err := c.Register(context.Background(), sample())
	if err != nil {
		t.Fatal(err)
	}
	if all := d.Reservations(); len(all) != 1 || all[0].ID != res.ID {
		t.Fatalf("double holds %+v", all)
	}
	if d.Count(sbdouble.PathRegistForm) != 3 || d.Count(sbdouble.PathSchedule) != 3 || d.Count(sbdouble.PathDoLogin) != 0 {
		t.Fatalf("forms %d schedules %d logins %d", d.Count(sbdouble.PathRegistForm), d.Count(sbdouble.PathSchedule), d.Count(sbdouble.PathDoLogin))
	}

	// Stale every time: three retries, then a transient error.
	d2, base2 := newDouble(t, sbdouble.Config{})
	c2 := warm(t, d2, base2)
	d2.Inject(sbdouble.Fault{Kind: sbdouble.FaultStaleStamp, Times: -1})
	_, err = c2.Register(context.Background(), sample())
	var st *web.ErrStale
	if !errors.As(err, &st) || !web.IsTransient(err) || writeErr(t, err).Reason() != web.ReasonTimeout {
		t.Fatalf("err = %v", err)
	}
	if d2.Count(sbdouble.PathRegistForm) != 4 || len(d2.Reservations()) != 0 {
		t.Fatalf("forms %d, stored %d", d2.Count(sbdouble.PathRegistForm), len(d2.Reservations()))
	}
}

func TestRegisterCapacityIsPermanent(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name  string
		setup func(*sbdouble.Double)
	}{
		{"warning", func(d *sbdouble.Double) { d.Inject(sbdouble.Fault{Kind: sbdouble.FaultCapacity}) }},
		{"full", func(d *sbdouble.Double) {
			other := sbdouble.Synthetic(1, at(2026, 12, 5, 14, 0))
			other.StaffID = "W000000101"
			d.AddReservation(other)
		}},
		{"break", func(d *sbdouble.Double) {
			d.AddToDo(sbdouble.ToDo{StaffID: "W000000101", Title: "休憩", Start: at(2026, 12, 5, 15, 0), End: at(2026, 12, 5, 16, 0)})
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, base := newDouble(t, sbdouble.Config{})
			tc.setup(d)
			before := len(d.Reservations())
			_, err := warm(t, d, base).Register(ctx, sample())
			we := writeErr(t, err)
			if !we.Permanent() || web.IsTransient(err) || we.Reason() != web.ReasonCapacity || !errors.Is(err, web.ErrCapacity) {
				t.Fatalf("err = %v", err)
			}
			if len(d.Reservations()) != before || d.Count(sbdouble.PathRegistComplete) != 0 {
				t.Fatal("a refused registration was stored or committed")
			}
		})
	}
	// A staff with 受付可能数 2 takes a second reservation at the same time.
	d, base := newDouble(t, sbdouble.Config{})
	other := sbdouble.Synthetic(1, at(2026, 12, 5, 14, 30))
	other.StaffID = "W000000103"
	d.AddReservation(other)
	in := sample()
	in.StaffID = "W000000103"
	if _, err := warm(t, d, base).Register(ctx, in); err != nil {
		t.Fatal(err)
	}
}

func TestRegisterSessionExpiryMidFlow(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := warm(t, d, base)
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultExpireMidFlow})
	res, err := c.Register(context.Background(), sample())
	if err != nil {
		t.Fatal(err)
	}
	if all := d.Reservations(); len(all) != 1 || all[0].ID != res.ID {
		t.Fatalf("double holds %+v", all)
	}
	if n := d.Count(sbdouble.PathDoLogin); n != 1 {
		t.Fatalf("re-logins = %d, want 1", n)
	}
	t.Logf("registration with a session lost between form and confirm: %d HTTP requests", len(d.Requests()))

	// Lost again right after the re-login: one re-login only, then a transient error.
	d2, base2 := newDouble(t, sbdouble.Config{})
	c2 := warm(t, d2, base2)
	d2.Inject(sbdouble.Fault{Kind: sbdouble.FaultExpireMidFlow, Times: 2})
	_, err = c2.Register(context.Background(), sample())
	var se *web.ErrSessionExpired
	if !errors.As(err, &se) || !web.IsTransient(err) || d2.Count(sbdouble.PathDoLogin) != 1 || len(d2.Reservations()) != 0 {
		t.Fatalf("err = %v, logins %d", err, d2.Count(sbdouble.PathDoLogin))
	}
}

func TestRegisterSessionExpiryAfterCommitDoesNotDouble(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := warm(t, d, base)
	// The session ends on the read-back, after doComplete saved the write.
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultExpire, Path: sbdouble.PathListInit})
	res, err := c.Register(context.Background(), sample())
	if err != nil {
		t.Fatal(err)
	}
	if all := d.Reservations(); len(all) != 1 || all[0].ID != res.ID || d.Count(sbdouble.PathRegistComplete) != 1 {
		t.Fatalf("double holds %+v after %d doComplete", all, d.Count(sbdouble.PathRegistComplete))
	}
}

func TestRegisterSanitisesWhatIsStored(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := warm(t, d, base)
	in := sample()
	in.SeiKana, in.MeiKana = "ﾔﾏﾀﾞ", "はなこ"
	in.Sei, in.Mei = "山田😀", "Hanako花子!"
	in.Tel = "０９０ー００００ー４３２１"
	in.Duration = 47 * time.Minute
	in.Memo = "〜" + strings.Repeat("あ", 140) + "😀" + strings.Repeat("い", 9) // 151 runes
	if _, err := c.Register(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	r := d.Reservations()[0]
	if r.KanaSei != "ヤマダ" || r.KanaMei != "ハナコ" || r.KanjiSei != "山田" || r.KanjiMei != "花子" || r.Phone != syntheticTel {
		t.Fatalf("names %q %q %q %q tel %q", r.KanaSei, r.KanaMei, r.KanjiSei, r.KanjiMei, r.Phone)
	}
	if r.End.Sub(r.Start) != 50*time.Minute {
		t.Fatalf("duration %v, want 47 min rounded up to 50", r.End.Sub(r.Start))
	}
	if !strings.HasPrefix(r.Memo, "～") || strings.ContainsRune(r.Memo, '\u301c') || strings.Contains(r.Memo, "😀") ||
		utf8.RuneCountInString(r.Memo) != web.MemoMax {
		t.Fatalf("memo %q (%d runes)", r.Memo, utf8.RuneCountInString(r.Memo))
	}

	// Latin-only names fall back to the kana.
	in = sample()
	in.Start = at(2026, 12, 5, 17, 0)
	in.Sei, in.Mei = "Smith", "ＪＯＨＮ"
	in.SeiKana, in.MeiKana = "すみす", "ジョン"
	if _, err := c.Register(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	r = d.Reservations()[1]
	if r.KanjiSei != "スミス" || r.KanjiMei != "ジョン" {
		t.Fatalf("fallback names %q %q", r.KanjiSei, r.KanjiMei)
	}
}

func TestRegisterInputErrorsBeforeAnyRequest(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := newClient(t, base)
	ctx := context.Background()
	off := sample()
	off.Start = at(2026, 12, 5, 14, 40)
	_, err := c.Register(ctx, off)
	we := writeErr(t, err)
	if !errors.Is(err, web.ErrOffGrid) || !we.Permanent() || web.IsTransient(err) || !strings.Contains(err.Error(), "15-minute") {
		t.Fatalf("off grid: %v", err)
	}
	for name, edit := range map[string]func(*web.RegisterInput){
		"no kana":     func(in *web.RegisterInput) { in.SeiKana, in.MeiKana = "Yamada", "" },
		"no duration": func(in *web.RegisterInput) { in.Duration = 0 },
		"HPB route":   func(in *web.RegisterInput) { in.Route = web.RouteHPB },
		"no staff":    func(in *web.RegisterInput) { in.StaffID = "" },
	} {
		in := sample()
		edit(&in)
		if _, err := c.Register(ctx, in); !errors.Is(err, web.ErrInput) || !writeErr(t, err).Permanent() {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if n := len(d.Requests()); n != 0 {
		t.Fatalf("%d requests for input that could never be registered", n)
	}
	// A staff SALON BOARD does not know is refused after reading the schedule.
	unknown := sample()
	unknown.StaffID = "W999999999"
	if _, err := c.Register(ctx, unknown); !errors.Is(err, web.ErrInput) || d.Count(sbdouble.PathRegistForm) != 0 {
		t.Fatalf("unknown staff: %v", err)
	}
}

func TestRegisterNeverLogsPhoneOrPassword(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	var logs bytes.Buffer
	c := newClient(t, base, func(cfg *web.Config) {
		cfg.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	ctx := context.Background()
	if _, err := c.Register(ctx, sample()); err != nil {
		t.Fatal(err)
	}
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultCapacity})
	in := sample()
	in.Start = at(2026, 12, 5, 17, 0)
	_, err := c.Register(ctx, in)
	for _, secret := range []string{syntheticTel, "09000004321", "synthetic-pass"} {
		if strings.Contains(logs.String(), secret) || strings.Contains(err.Error(), secret) {
			t.Fatalf("%q leaked: %s / %v", secret, logs.String(), err)
		}
	}
	if !strings.Contains(logs.String(), "registered and found again") {
		t.Fatal("nothing was logged")
	}
}

func TestWritesOfflineWhenUnreachable(t *testing.T) {
	d := sbdouble.New(sbdouble.Config{Location: jst})
	srv := httptest.NewServer(d)
	base := srv.URL
	srv.Close()
	_, err := newClient(t, base).Register(context.Background(), sample())
	we := writeErr(t, err)
	if !we.Offline() || we.Permanent() {
		t.Fatalf("err = %v (offline %v)", err, we.Offline())
	}
	var off interface{ Offline() bool }
	if !errors.As(err, &off) || !off.Offline() {
		t.Fatal("the outbox cannot see that SALON BOARD is offline")
	}
}

var kanaNames = []string{"ハナコ", "ミサキ", "ヒナ", "ユイ", "アオイ", "サクラ", "リン", "アイ", "マイ", "ナナ"}

// BenchmarkRegister measures one verified registration against the double
// with no pacing (the real client pauses 1–2 s before each of its 6 pages).
func BenchmarkRegister(b *testing.B) {
	d, base := newDouble(b, sbdouble.Config{})
	c := newClient(b, base)
	if err := c.Check(context.Background()); err != nil {
		b.Fatal(err)
	}
	d.ResetRequests()
	in := sample()
	in.Duration = 15 * time.Minute
	b.ResetTimer()
	for i := range b.N {
		in.Start = at(2026, 12, 1, 0, 0).Add(time.Duration(i) * 15 * time.Minute)
		in.StaffID = fmt.Sprintf("W%09d", 101+i%3)
		in.MeiKana = kanaNames[i%len(kanaNames)] + kanaNames[i/len(kanaNames)%len(kanaNames)]
		if _, err := c.Register(context.Background(), in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Requests()))/float64(b.N), "requests/op")
}
