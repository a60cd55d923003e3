package smaregi_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"testing"
	"time"

	"salondesk/sync/outbox"
	"salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

func TestAnswersAreClassified(t *testing.T) {
	body := func(code any, msg string) string {
		return fmt.Sprintf(`{"error_code":%v,"error":%q,"error_description":"d"}`, code, msg)
	}
	cases := []struct {
		name   string
		status int
		body   string
		kind   smaregi.Kind
		code   int
		msg    string
	}{
		{"invalid token", 400, body(13, "アクセストークンが無効です。"), smaregi.KindConfig, 13, "アクセストークンが無効です。"},
		{"invalid contract", 400, body(14, "契約IDが無効です。"), smaregi.KindConfig, 14, "契約IDが無効です。"},
		{"auth failed", 400, body(21, "認証に失敗しました"), smaregi.KindConfig, 21, "認証に失敗しました"},
		{"locked", 400, body(22, "x"), smaregi.KindConfig, 22, "x"},
		{"function disabled, code as string", 400, body(`"23"`, "機能設定"), smaregi.KindConfig, 23, "機能設定"},
		{"ip", 400, body(24, "x"), smaregi.KindConfig, 24, "x"},
		{"invalid request", 400, body(11, "x"), smaregi.KindData, 11, "x"},
		{"invalid proc", 400, body(15, "x"), smaregi.KindData, 15, "x"},
		{"table", 400, body(31, "x"), smaregi.KindData, 31, "x"},
		{"division", 400, body(32, "x"), smaregi.KindData, 32, "x"},
		{"input", 400, body(41, "x"), smaregi.KindData, 41, "x"},
		{"exists", 400, body(42, "x"), smaregi.KindData, 42, "x"},
		{"extraction", 400, body(43, "x"), smaregi.KindData, 43, "x"},
		{"escaped japanese", 400, `{"error_code":"21","error":"\u8a8d\u8a3c\u306b\u5931\u6557\u3057\u307e\u3057\u305f"}`,
			smaregi.KindConfig, 21, "認証に失敗しました"},
		{"error body with 200", 200, body(23, "機能設定"), smaregi.KindConfig, 23, "機能設定"},
		{"500 empty", 500, "", smaregi.KindTransient, 0, ""},
		{"503 html", 503, "<html>maintenance</html>", smaregi.KindTransient, 0, ""},
		{"429", 429, "", smaregi.KindTransient, 0, ""},
		{"404 without body", 404, "", smaregi.KindConfig, 0, ""},
		{"200 unreadable", 200, "<html>proxy</html>", smaregi.KindTransient, 0, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, cannedServer(t, tc.status, tc.body))
			err := c.Ping(context.Background())
			var e *smaregi.Error
			if !errors.As(err, &e) {
				t.Fatalf("want *Error, got %v", err)
			}
			if e.Kind() != tc.kind || e.Code != tc.code || e.Message != tc.msg {
				t.Errorf("got kind %v code %d msg %q, want %v %d %q", e.Kind(), e.Code, e.Message, tc.kind, tc.code, tc.msg)
			}
			if smaregi.KindOf(err) != tc.kind || outbox.IsPermanent(err) != (tc.kind != smaregi.KindTransient) {
				t.Errorf("outbox reads permanent=%v for kind %v", outbox.IsPermanent(err), tc.kind)
			}
			if outbox.IsOffline(err) {
				t.Errorf("an answer is not offline")
			}
		})
	}
}

func TestNoAnswerIsTransientAndOffline(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	c := newClient(t, "http://"+addr+"/access/")
	err = c.Ping(context.Background())
	if smaregi.KindOf(err) != smaregi.KindTransient || outbox.IsPermanent(err) || !outbox.IsOffline(err) {
		t.Errorf("refused connection: %v kind %v", err, smaregi.KindOf(err))
	}
}

func TestTimeoutIsTransient(t *testing.T) {
	d := smaregidouble.New(contractID, apiToken)
	d.Inject(smaregidouble.Fault{Hang: true})
	srvC, err := smaregi.New(smaregi.Config{URL: serve(t, d), ContractID: contractID, AccessToken: apiToken,
		Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	err = srvC.Ping(context.Background())
	if smaregi.KindOf(err) != smaregi.KindTransient || !outbox.IsOffline(err) {
		t.Errorf("timeout: %v", err)
	}
	if err := srvC.Ping(context.Background()); err != nil {
		t.Errorf("after the fault: %v", err)
	}
}

func TestBadSettingsAreConfigErrors(t *testing.T) {
	for _, cfg := range []smaregi.Config{
		{URL: "webapi.smaregi.jp/access/", ContractID: "c", AccessToken: "t"},
		{URL: "ftp://webapi.smaregi.jp/", ContractID: "c", AccessToken: "t"},
		{URL: "https://", ContractID: "c", AccessToken: "t"},
		{URL: "https://webapi.smaregi.jp/access/", ContractID: " ", AccessToken: "t"},
		{URL: "https://webapi.smaregi.jp/access/", ContractID: "c"},
	} {
		_, err := smaregi.New(cfg)
		if err == nil || smaregi.KindOf(err) != smaregi.KindConfig || !outbox.IsPermanent(err) {
			t.Errorf("%s: %v", cfg, err)
		}
	}
	if c, err := smaregi.New(smaregi.Config{ContractID: "c", AccessToken: "t"}); err != nil || c == nil {
		t.Errorf("an empty URL is the default one: %v", err)
	}
}

func TestDoubleRefusesSwitchedOffFunctionAndBadCredentials(t *testing.T) {
	d, c := newDouble(t)
	d.Disable("store_ref")
	err := c.Ping(context.Background())
	var e *smaregi.Error
	if !errors.As(err, &e) || e.Code != 23 || e.Status != 400 || e.Kind() != smaregi.KindConfig || e.Message == "" {
		t.Fatalf("disabled store_ref: %v", err)
	}
	d.Enable("store_ref")
	if err := c.Ping(context.Background()); err != nil {
		t.Fatalf("enabled: %v", err)
	}
	u := serve(t, d)
	for _, tc := range []struct {
		contract, token string
		code            int
	}{{"other", apiToken, 14}, {contractID, "wrong", 13}} {
		bad, _ := smaregi.New(smaregi.Config{URL: u, ContractID: tc.contract, AccessToken: tc.token})
		if err := bad.Ping(context.Background()); !errors.As(err, &e) || e.Code != tc.code {
			t.Errorf("contract %s token %s: %v", tc.contract, tc.token, err)
		}
	}
}

func TestDroppedConnectionIsOfflineAndCancelIsNot(t *testing.T) {
	d, c := newDouble(t)
	d.Inject(smaregidouble.Fault{Drop: true})
	if err := c.Ping(context.Background()); !outbox.IsOffline(err) || outbox.IsPermanent(err) {
		t.Errorf("dropped: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := c.Ping(ctx)
	if !errors.Is(err, context.Canceled) || outbox.IsOffline(err) {
		t.Errorf("cancelled: %v offline %v", err, outbox.IsOffline(err))
	}
}

func TestCheckFunctionsNamesTheSwitchedOffOne(t *testing.T) {
	d, c := newDouble(t)
	d.Disable("transaction_ref")
	for _, ch := range c.CheckFunctions(context.Background()) {
		var e *smaregi.Error
		switch {
		case ch.Proc == "transaction_ref":
			if !errors.As(ch.Err, &e) || e.Code != 23 {
				t.Errorf("%s: %v", ch.Proc, ch.Err)
			}
		case ch.Err != nil:
			t.Errorf("%s: %v", ch.Proc, ch.Err)
		}
	}
}
