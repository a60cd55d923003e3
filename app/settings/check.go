package settings

import (
	"net"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"salondesk/app"
)

func userErr(key string, kv ...any) error {
	e := &app.UserError{Key: key}
	if len(kv) > 0 {
		e.Args = map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			e.Args[kv[i].(string)] = kv[i+1]
		}
	}
	return e
}

// CheckSalonBoard validates the SALON BOARD section; the first problem found is
// returned as an *app.UserError.
func CheckSalonBoard(s SalonBoard) error {
	if err := CheckLogin(s.LoginID, s.URL, s.Enabled); err != nil {
		return err
	}
	if s.StoreID != "" && !storeRe.MatchString(s.StoreID) {
		return userErr("settings.error.store_id")
	}
	if err := CheckMailbox(s.Mailbox, s.Enabled); err != nil {
		return err
	}
	if s.MailInterval < 1 || s.MailInterval > 60 {
		return userErr("settings.error.mail_interval", "Min", 1, "Max", 60)
	}
	if s.ReconcileInterval < 5 || s.ReconcileInterval > 1440 {
		return userErr("settings.error.reconcile_interval", "Min", 5, "Max", 1440)
	}
	return nil
}

// CheckLogin validates the SALON BOARD login id (required when required is set) and the
// web UI's URL.
func CheckLogin(loginID, baseURL string, required bool) error {
	if loginID != "" && !printableNoSpace(loginID, 100) {
		return userErr("settings.error.login_id_chars")
	}
	if required && loginID == "" {
		return userErr("settings.error.login_id_required")
	}
	return checkBaseURL(baseURL, "settings.error.salonboard_url")
}

// CheckMailbox validates the mailbox; host and user are required when required is set
// (sync on, or a connection test).
func CheckMailbox(m Mailbox, required bool) error {
	switch {
	case m.Host == "" && required:
		return userErr("settings.error.mail_host_required")
	case m.Host != "" && !ValidHost(m.Host):
		return userErr("settings.error.host", "Host", m.Host)
	case m.Port < 1 || m.Port > 65535:
		return userErr("settings.error.port", "Port", m.Port)
	case m.TLS != TLSImplicit && m.TLS != TLSStart && m.TLS != TLSNone:
		return userErr("settings.error.tls")
	case m.TLS == TLSNone && m.Host != "" && !isLoopback(m.Host):
		// A password in clear text over the internet: refuse rather than warn.
		return userErr("settings.error.tls_none")
	case m.User == "" && required:
		return userErr("settings.error.mail_user_required")
	case m.User != "" && !printableNoSpace(m.User, 254):
		return userErr("settings.error.mail_user_chars")
	}
	return nil
}

var (
	contractRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	deptRe     = regexp.MustCompile(`^[0-9]{1,10}$`)
	storeRe    = regexp.MustCompile(`^H[0-9A-Za-z]{1,20}$`)
)

// CheckSmaregi validates the Smaregi section.
func CheckSmaregi(s Smaregi) error {
	switch {
	case s.ContractID == "" && s.Enabled:
		return userErr("settings.error.contract_id_required")
	case s.ContractID != "" && !contractRe.MatchString(s.ContractID):
		return userErr("settings.error.contract_id")
	case s.URL == "":
		return userErr("settings.error.smaregi_url")
	case s.DepartmentID != "" && !deptRe.MatchString(s.DepartmentID):
		return userErr("settings.error.department_id")
	case s.ProductCode != "" && !printableNoSpace(s.ProductCode, 20):
		return userErr("settings.error.product_code")
	case s.PullInterval < 1 || s.PullInterval > 1440:
		return userErr("settings.error.pull_interval", "Min", 1, "Max", 1440)
	case s.ReceiverPort < 1024 || s.ReceiverPort > 65535:
		return userErr("settings.error.receiver_port", "Port", s.ReceiverPort)
	}
	return checkBaseURL(s.URL, "settings.error.smaregi_url")
}

// CheckGeneral validates the language.
func CheckGeneral(g General) error {
	if g.Language != "ja" && g.Language != "en" {
		return userErr("settings.error.language")
	}
	return nil
}

// checkBaseURL accepts an https URL, or http to this PC (the test doubles).
func checkBaseURL(raw, key string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || !ValidHost(u.Hostname()) {
		return userErr(key, "URL", raw)
	}
	if u.Port() != "" {
		if p, ok := atoi(u.Port()); !ok || p < 1 || p > 65535 {
			return userErr(key, "URL", raw)
		}
	}
	if u.Scheme == "https" || (u.Scheme == "http" && isLoopback(u.Hostname())) {
		return nil
	}
	return userErr(key, "URL", raw)
}

// ValidHost accepts an IP address or a DNS name (ASCII letters, digits and hyphens in
// dot-separated labels): no scheme, port, path, spaces or full-width characters.
func ValidHost(h string) bool {
	if net.ParseIP(h) != nil {
		return true
	}
	h = strings.TrimSuffix(h, ".")
	if h == "" || len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return false
			}
		}
	}
	return true
}

func isLoopback(h string) bool {
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// printableNoSpace: 1..max characters, no spaces or control characters.
func printableNoSpace(s string, max int) bool {
	if s == "" || len([]rune(s)) > max {
		return false
	}
	for _, r := range s {
		if unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}
