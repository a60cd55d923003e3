package smaregi_test

import (
	"context"
	"net"
	"testing"
	"time"

	appsm "salondesk/app/smaregi"
	"salondesk/data"
	"salondesk/sync/smaregi/smaregidouble"
)

// A receiver port another program holds is told once in お知らせ, and the pull still
// brings the sales.
func TestPortTakenIsToldAndPullStillWorks(t *testing.T) {
	s := newSynced(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s.sale(time.Now(), smaregidouble.Line{ProductID: "1", ProductCode: "ticket5", Price: 1})
	sy := s.room.NewSync(appsm.Config{Client: s.client, ReceiverAddr: ln.Addr().String(), PullEvery: time.Hour}, s.runner)
	ctx, cancel := context.WithCancel(s.ctx)
	done := make(chan struct{})
	go func() { sy.Run(ctx); close(done) }()
	// Waits for Run's first pull to end (its rows can be committed before it ends, and a
	// cancel in between would end it offline); no timing is measured.
	for sy.Status().LastSuccess.IsZero() {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if s.count("smaregi_transactions", "1") == 0 {
		t.Fatal("the pull brought no sale")
	}
	if n := s.count("notifications", "reason = ? AND direction = ?", appsm.ReasonPortInUse, data.DirSmaregiToApp); n != 1 {
		t.Fatalf("%d port notices", n)
	}
	if sy.Port() != 0 || !sy.Status().Online {
		t.Fatalf("port %d, status %+v", sy.Port(), sy.Status())
	}
}
