package salonboard_test

import (
	"fmt"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdouble"
)

// BenchmarkBringIn brings a salon of 200, 1,000 and 4,200 reservations over 60 days in
// against the double on loopback, with the production pacing on a virtual clock: the
// figures are the requests SALON BOARD sees and the minutes the pauses would take.
//
//	go test -tags migrated_fynedo -run - -bench BringIn ./app/salonboard/
func BenchmarkBringIn(b *testing.B) {
	for _, n := range []int{200, 1000, 4200} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var requests, schedules, details int
			var slept time.Duration
			for b.Loop() {
				b.StopTimer()
				s := newBusySalon(b, n, horizon)
				b.StartTimer()
				if _, err := s.sb.BringIn(s.ctx, s.web, horizon, nil); err != nil {
					b.Fatal(err)
				}
				log, sl := s.requests()
				requests, slept = requests+len(log), slept+sl
				schedules, details = schedules+log.Count(sbdouble.KindSchedule), details+log.Count(sbdouble.KindDetail)
			}
			per := float64(b.N)
			b.ReportMetric(float64(requests)/per, "requests")
			b.ReportMetric(slept.Minutes()/per, "sim-min")
			b.ReportMetric(float64(schedules)/per, "schedules")
			b.ReportMetric(float64(details)/per, "details")
		})
	}
}

// BenchmarkSteadyDay is a day in step at 4,200 reservations: a near pass every hour
// (the settings' 60 minutes) and the far sweep that falls due once a day; the figures are
// the day's requests and the longest pass in simulated seconds.
func BenchmarkSteadyDay(b *testing.B) {
	var requests int
	var longest time.Duration
	for b.Loop() {
		b.StopTimer()
		s := newBusySalon(b, 4200, horizon)
		if _, err := s.sb.BringIn(s.ctx, s.web, horizon, nil); err != nil {
			b.Fatal(err)
		}
		s.vc.Advance(FarEveryForBench)
		s.d.ResetRequests()
		b.StartTimer()
		for range 24 {
			before := s.vc.Slept()
			if _, err := s.sb.SteadyPass(s.ctx, s.web, horizon); err != nil {
				b.Fatal(err)
			}
			longest = max(longest, s.vc.Slept()-before)
			s.vc.Advance(time.Hour)
		}
		log, _ := s.requests()
		requests += len(log)
	}
	b.ReportMetric(float64(requests)/float64(b.N), "requests/day")
	b.ReportMetric(longest.Seconds(), "longest-pass-s")
}

// FarEveryForBench starts the day with the far sweep due, as once a day it is.
const FarEveryForBench = 24 * time.Hour
