// Package smaregi is the adapter for Smaregi's legacy API (スマレジAPI): a client for
// the requests we send (API受信設定: customer and product upserts and deletes, the
// *_ref references, transaction_ref pulls in bounded id ranges), a receiver for what
// Smaregi sends us (API送信設定 / 取引情報送信), and the field rules Smaregi applies,
// checked here before anything is sent.
//
// It knows nothing of SalonDesk's database or rules: it speaks in its own small types
// (Customer, Product, Category, Store, TransactionHead, TransactionDetail, Transaction)
// whose string fields are the values on the wire, and the app translates. Errors are
// *Error values that say their Kind (configuration, transient, data) and keep the
// Japanese text Smaregi returned for the user; sync/outbox reads their Permanent()
// and Offline() methods.
//
// How the app uses it:
//
//	c, err := smaregi.New(smaregi.Config{URL: u, ContractID: id, AccessToken: tok})
//	err = c.Ping(ctx)                                   // 接続テスト
//	n, err := c.UpsertCustomers(ctx, rows, markSent)    // ≤100 rows a request; *RefusedError lists bad rows
//	n, err = c.DeleteCustomers(ctx, ids, nil)
//	last, err := c.PullTransactions(ctx, lastSeen, smaregi.PullOptions{}, store)
//
//	rc := smaregi.NewReceiver(tokenHashes, sink, log)   // the app implements both interfaces
//	srv := smaregi.NewServer(":8089", "", rc)
//	err = srv.Start()                                   // errors.Is(err, smaregi.ErrPortInUse)
//	url := srv.URL(lanAddress)                          // スマレジAPI 送信URL
//
// The test double that speaks the same API lives in smaregidouble.
package smaregi
