package sbdouble

import "strings"

// PageKind names what a request asked for, so that tests and benchmarks
// can count requests by kind (RequestLog.Count).
type PageKind string

// The kinds of request the double tells apart.
const (
	KindLogin      PageKind = "login"      // GET /login/
	KindDoLogin    PageKind = "doLogin"    // the password post
	KindTop        PageKind = "top"        // top page, group top, store pick
	KindListInit   PageKind = "listInit"   // the search form
	KindListSearch PageKind = "listSearch" // the search post (results page 1)
	KindListPage   PageKind = "listPage"   // changePage?pn=N
	KindSchedule   PageKind = "schedule"
	KindDetail     PageKind = "detail" // net or ext detail page
	KindWrite      PageKind = "write"  // the registration, change and cancel forms
	KindOther      PageKind = "other"
)

// kindOf classifies a request path.
func kindOf(path string) PageKind {
	switch path {
	case PathLogin:
		return KindLogin
	case PathDoLogin:
		return KindDoLogin
	case PathTop, PathGroupTop, PathSelectStore:
		return KindTop
	case PathListInit:
		return KindListInit
	case PathListSearch:
		return KindListSearch
	case PathListPage:
		return KindListPage
	case PathSchedule:
		return KindSchedule
	case PathNetDetail, PathExtDetail:
		return KindDetail
	}
	if strings.HasPrefix(path, "/KLP/reserve/") {
		return KindWrite
	}
	return KindOther
}

// RequestLog is the double's request log, oldest first.
type RequestLog []Request

// Count is the number of requests of kind k.
func (l RequestLog) Count(k PageKind) int {
	n := 0
	for _, r := range l {
		if r.Kind == k {
			n++
		}
	}
	return n
}

// ByKind counts the requests of every kind.
func (l RequestLog) ByKind() map[PageKind]int {
	out := map[PageKind]int{}
	for _, r := range l {
		out[r.Kind]++
	}
	return out
}

// Logins is the number of password posts: each one ended any other
// session of the account.
func (l RequestLog) Logins() int { return l.Count(KindDoLogin) }
