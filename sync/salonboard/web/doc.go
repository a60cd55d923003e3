// Package web is the SALON BOARD web-UI adapter for the キレイ genre
// (esthetic, nail, eyelash, relaxation): a careful HTTP client over
// go-resty with a cookie-jar session, and one parse function per page.
//
// It knows nothing of SalonDesk's database or app: it speaks in its own
// small types (ListRow, Schedule, Detail) and typed errors, and callers
// decide what to do with IsTransient.
//
// Pages and their parsers (each in its own file, the only place that knows
// that page's markup):
//
//	login result            ParseLoginResult       parse_login.go
//	reservation list form   ParseReserveListForm   parse_reserve_list_form.go
//	reservation list        ParseReserveList       parse_reserve_list.go
//	schedule                ParseSchedule          parse_schedule.go
//	reservation detail      ParseReserveDetail     parse_reserve_detail.go
//	detail's change link
//	and cancel form         ParseDetailActions     parse_detail_actions.go
//	registration form       ParseRegistForm        parse_reserve_form.go
//	change form             ParseChangeForm        parse_reserve_form.go
//	answer to a submit      ParseSubmitResult      parse_submit.go
//	session facts (all)     checkSession           parse_session.go
//
// Writes (register.go, change.go, find.go): Register opens the registration
// form from the day's schedule (a fresh rlastupdate), fills it with the
// sanitised reservation (sanitize.go), confirms, posts doComplete and then
// finds the reservation again in the list. Change opens the detail page,
// its change form (#extReserveChange), posts it straight to doComplete
// with the token fields as read and rsvdate/rsvtime, and reads the day's
// schedule again; Cancel posts the detail page's own form (#extReserveDetail)
// to doCancel and reads the list again (the row stays, サロンキャンセル).
// Both look before they write (the form already shows the change, the
// detail a cancel status), so a retry never writes twice. Booked menus and
// coupons are chosen from the form's options by normalised name or alias,
// the rest written at the head of 予約時メモ (menus.go). Nothing counts as
// saved until it is read back. Their errors are *WriteError
// (write_errors.go): Permanent, Reason (capacity, timeout, input,
// ambiguous) and Offline, for the outbox. FindReservations is the
// duplicate check before a retry. SALON BOARD's error pages are known by
// their titles (ErrSiteError).
//
// Reading a salon (list.go, pages.go): ListPages hands over the results
// pages of one search in order (ListQuery: days and statuses; each may stop
// with ErrStopPaging), resuming at the first page not handed over when the
// session ends mid-search; the page numbers are the loop guard. Schedule
// is one request per day once the session is open; its blocks carry no
// reservation number, so callers pair them with list rows by staff row,
// start and name. ReservationDetail follows the row's link from the last
// page or the last list page (one request) before it searches (three).
// Config.BeforeLogin is asked before every login with its LoginReason and
// may hold it (LoginHeldError, permanent): one session per account, so the
// app can stop a tug of war with another login. VirtualClock counts pacing
// without sleeping, for tests and benchmarks.
//
// HTML is read with golang.org/x/net/html (already in the module graph
// through Fyne; no selector engine is pulled in): the few lookups needed —
// by tag, class, id, attribute, label text — are small helpers in dom.go.
//
// Behaviour the spec asks for: one request at a time (a mutex held for a
// whole operation, since the server keeps search state in the session), a
// random pause between page loads, at least Pacing.Login between password
// posts (from the end of one to the start of the next, on Config.Clock),
// one re-login per call on session expiry, and no retry at all after a
// CAPTCHA, a forced password change or refused credentials (the client
// refuses further calls until Unblock/SetPassword, or the CAPTCHA back-off
// ends). The password is never logged or put into an error.
package web
