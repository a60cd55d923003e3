package smaregi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"salondesk/app"
	"salondesk/app/settings"
	"salondesk/data"
	"salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

// The demo's made-up Smaregi contract. The access token is no secret: it opens only the
// double inside the demo process (type it into 設定 > スマレジ to try 接続テスト).
const (
	DemoContractID  = "demo"
	DemoAccessToken = "demo-token"
	demoDepartment  = "1"
	demoPayCode     = "reservefee"
	demoTokenLabel  = "デモ（スマレジの取引情報送信）"
	demoPullEvery   = 3 * time.Minute
	demoSaleEvery   = 3 * time.Minute
	demoFirstSale   = 20 * time.Second
)

// StartDemo runs Smaregi inside the demo process: its double on a loopback port,
// 設定 > スマレジ switched on against it (部門ID 1, 都度決済 code reservefee), the
// 一括支払 products sent, today's customers queued for Smaregi, and an IDコード issued
// and given to the double. Soon after start and then every few minutes the double rings
// up a sale for one of those customers (in turn a 都度決済 for today's pay-per-visit
// visit and a plan product) and pushes it to the receiver, so that a newcomer sees
// customers go out and a transaction come back as a paid visit or a contract. It
// returns the sync's configuration and the function that stops it all.
func (r *Room) StartDemo(ctx context.Context, logger *slog.Logger) (*Config, func(), error) {
	d := smaregidouble.New(DemoContractID, DemoAccessToken)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, err
	}
	srv := &http.Server{Handler: d, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	closeDouble := func() { d.Close(); _ = srv.Close() }
	cfg, feed, err := r.demoSetup(ctx, "http://"+ln.Addr().String()+"/", logger)
	if err != nil {
		closeDouble()
		return nil, nil, err
	}
	feed.double = d
	fctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		feed.run(fctx)
	}()
	return cfg, func() { cancel(); <-done; closeDouble() }, nil
}

// demoSetup points 設定 > スマレジ at the double and issues the demo's IDコード (the
// earlier sessions' ones are revoked: their codes are gone with those sessions).
func (r *Room) demoSetup(ctx context.Context, apiURL string, logger *slog.Logger) (*Config, *demoFeed, error) {
	port, err := freeLoopbackPort()
	if err != nil {
		return nil, nil, err
	}
	conf := settings.New(r.a)
	sm, err := conf.Smaregi(ctx)
	if err != nil {
		return nil, nil, err
	}
	sm.Enabled, sm.ContractID, sm.URL = true, DemoContractID, apiURL
	sm.DepartmentID, sm.ProductCode = demoDepartment, demoPayCode
	sm.PullInterval, sm.ReceiverPort = int(demoPullEvery/time.Minute), port
	if err := conf.SaveSmaregi(ctx, sm); err != nil {
		return nil, nil, err
	}
	client, err := smaregi.New(smaregi.Config{URL: apiURL, ContractID: DemoContractID, AccessToken: DemoAccessToken,
		Logger: logger})
	if err != nil {
		return nil, nil, err
	}
	if err := r.revokeDemoTokens(ctx); err != nil {
		return nil, nil, err
	}
	token, _, err := r.IssueToken(ctx, demoTokenLabel)
	if err != nil {
		return nil, nil, err
	}
	// Loopback only: the demo's receiver is not offered to the salon's network.
	cfg := &Config{Client: client, PullEvery: demoPullEvery, ReceiverAddr: fmt.Sprintf("127.0.0.1:%d", port),
		DepartmentID: demoDepartment, Logger: logger}
	feed := &demoFeed{room: r, client: client, token: token, logger: logger,
		receiverURL: ReceiverURL("127.0.0.1", port)}
	return cfg, feed, nil
}

func (r *Room) revokeDemoTokens(ctx context.Context) error {
	list, err := r.Tokens(ctx)
	if err != nil {
		return err
	}
	for _, t := range list {
		if t.Label == demoTokenLabel && t.RevokedAt.IsZero() {
			if err := r.RevokeToken(ctx, t.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// freeLoopbackPort is a port free now, for the demo's receiver.
func freeLoopbackPort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// demoFeed is the demo's shop register: it sends the products and today's customers,
// then rings up sales.
type demoFeed struct {
	room        *Room
	client      *smaregi.Client
	double      *smaregidouble.Double
	token       string
	receiverURL string
	logger      *slog.Logger
}

func (f *demoFeed) run(ctx context.Context) {
	if n, err := f.room.SendProducts(ctx, f.client, demoDepartment); err != nil {
		f.logger.Warn("demo: Smaregi products not sent", "err", err)
	} else {
		f.logger.Info("demo: Smaregi products sent", "count", n)
	}
	if n, err := f.queueToday(ctx); err != nil {
		f.logger.Warn("demo: today's customers not queued for Smaregi", "err", err)
	} else {
		f.logger.Info("demo: today's customers queued for Smaregi", "count", n)
	}
	wait := demoFirstSale
	for turn := 0; ; turn++ {
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = demoSaleEvery
		if err := f.ringUp(ctx, turn); err != nil && ctx.Err() == nil {
			f.logger.Info("demo: no Smaregi sale this time", "why", err)
		}
	}
}

// queueToday queues the customers of today's reservations for Smaregi, as saving each
// of them would (imported ones wait for 「スマレジへ一括反映」, the seed's rule).
func (f *demoFeed) queueToday(ctx context.Context) (int, error) {
	list, err := f.todays(ctx)
	if err != nil {
		return 0, err
	}
	queued := map[int64]bool{}
	err = f.room.a.Update(ctx, func(t *app.Tx) error {
		for _, v := range list {
			if v.CustomerID == 0 || queued[v.CustomerID] {
				continue
			}
			c, err := data.GetCustomer(t.Ctx(), t.Q(), v.CustomerID)
			if err != nil || c.Origin == data.OriginImported {
				continue
			}
			queued[v.CustomerID] = true
			if err := t.Enqueue(JobCustomerUpsert, RefCustomer(c.ID), customerJob{CustomerID: c.ID}); err != nil {
				return err
			}
		}
		return nil
	})
	return len(queued), err
}

func (f *demoFeed) todays(ctx context.Context) ([]data.ReservationView, error) {
	day := data.DayStart(f.room.a.Now())
	return f.room.a.Reservations(ctx, data.ReservationFilter{From: day, To: day.AddDate(0, 0, 1), ActiveOnly: true})
}

var (
	errNoDemoSale    = errors.New("no customer of today is in Smaregi yet")
	errNoDemoProduct = errors.New("no 一括支払 product is in Smaregi")
)

// ringUp rings up one sale in the double and pushes it: on even turns the 都度決済 of a
// customer's unpaid pay-per-visit visit today, on odd ones a 一括支払 product (when
// there is no such visit left, the product).
func (f *demoFeed) ringUp(ctx context.Context, turn int) error {
	sale, err := f.nextSale(ctx, turn)
	if err != nil {
		return err
	}
	id := f.double.AddSale(sale)
	status, err := f.double.Push(ctx, f.receiverURL, f.token, smaregidouble.PushForm, id)
	f.logger.Info("demo: Smaregi sale rung up and pushed", "transactionHeadId", id, "member", sale.CustomerID,
		"product", sale.Lines[0].ProductName, "status", status, "err", err)
	return nil // a push that failed comes in with the next pull
}

func (f *demoFeed) nextSale(ctx context.Context, turn int) (smaregidouble.Sale, error) {
	list, err := f.todays(ctx)
	if err != nil {
		return smaregidouble.Sale{}, err
	}
	var members []string
	for _, v := range list {
		member, ok, err := f.member(ctx, v.CustomerID)
		if err != nil || !ok {
			continue
		}
		if turn%2 == 0 && v.PaymentType == data.PayPerVisit && f.unpaid(ctx, v) {
			return smaregidouble.Sale{CustomerID: member, Lines: []smaregidouble.Line{{ProductCode: demoPayCode,
				ProductName: "都度決済", Price: f.visitPrice(ctx, v), Quantity: 1}}}, nil
		}
		members = append(members, member)
	}
	if len(members) == 0 {
		return smaregidouble.Sale{}, errNoDemoSale
	}
	product, err := f.product(ctx)
	if err != nil {
		return smaregidouble.Sale{}, err
	} else if product == nil {
		return smaregidouble.Sale{}, errNoDemoProduct
	}
	return smaregidouble.Sale{CustomerID: members[turn%len(members)], Lines: []smaregidouble.Line{*product}}, nil
}

func (f *demoFeed) member(ctx context.Context, customerID int64) (string, bool, error) {
	if customerID == 0 {
		return "", false, nil
	}
	type m struct {
		id string
		ok bool
	}
	got, err := app.Read(ctx, f.room.a, func(q data.Querier) (m, error) {
		id, ok, err := data.ExternalID(ctx, q, data.SystemSmaregi, data.KindCustomer, customerID)
		return m{id, ok}, err
	})
	return got.id, got.ok, err
}

func (f *demoFeed) unpaid(ctx context.Context, v data.ReservationView) bool {
	ids, err := app.Read(ctx, f.room.a, func(q data.Querier) ([]int64, error) {
		return data.UnpaidPerVisitReservations(ctx, q, v.CustomerID, v.Start)
	})
	return err == nil && len(ids) > 0
}

// visitPrice is the visit's coupon price, or a cut's when it has none.
func (f *demoFeed) visitPrice(ctx context.Context, v data.ReservationView) int64 {
	m, err := f.room.a.Masters(ctx, true)
	if err == nil {
		for _, c := range m.Coupons {
			if c.ID == v.CouponID && c.Price > 0 {
				return int64(c.Price)
			}
		}
	}
	return 5500
}

// product is a 一括支払 product Smaregi knows (sent by SendProducts), as a sale line.
func (f *demoFeed) product(ctx context.Context) (*smaregidouble.Line, error) {
	return app.Read(ctx, f.room.a, func(q data.Querier) (*smaregidouble.Line, error) {
		list, err := data.ListProducts(ctx, q, false)
		if err != nil {
			return nil, err
		}
		for _, p := range list {
			ext, ok, err := data.ExternalID(ctx, q, data.SystemSmaregi, data.KindProduct, p.ID)
			if err != nil {
				return nil, err
			}
			if ok {
				row := ProductRow(p, demoDepartment)
				return &smaregidouble.Line{ProductID: ext, ProductCode: row.ProductCode, ProductName: p.Name,
					CategoryID: demoDepartment, Price: int64(p.Price), Quantity: 1}, nil
			}
		}
		return nil, nil
	})
}
