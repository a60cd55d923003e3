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
//	detail's write links    ParseDetailActions     parse_detail_actions.go
//	registration form       ParseRegistForm        parse_reserve_form.go
//	change form             ParseChangeForm        parse_reserve_form.go
//	answer to a submit      ParseSubmitResult      parse_submit.go
//	session facts (all)     checkSession           parse_session.go
//
// Writes (register.go, change.go, find.go): Register opens the registration
// form from the day's schedule (a fresh rlastupdate), fills it with the
// sanitised reservation (sanitize.go), confirms, posts doComplete and then
// finds the reservation again in the list; Change and Cancel start on the
// reservation's detail page and read it back too. Nothing counts as saved
// until it is read back. Their errors are *WriteError (write_errors.go):
// Permanent, Reason (capacity, timeout, input, ambiguous) and Offline, for
// the outbox. FindReservations is the duplicate check before a retry.
//
// HTML is read with golang.org/x/net/html (already in the module graph
// through Fyne; no selector engine is pulled in): the few lookups needed —
// by tag, class, id, attribute, label text — are small helpers in dom.go.
//
// Behaviour the spec asks for: one request at a time (a mutex held for a
// whole operation, since the server keeps search state in the session), a
// random pause between page loads, at least Pacing.Login between logins,
// one re-login per call on session expiry, and no retry at all after a
// CAPTCHA, a forced password change or refused credentials (the client
// refuses further calls until Unblock/SetPassword, or the CAPTCHA back-off
// ends). The password is never logged or put into an error.
package web
