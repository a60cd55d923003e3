// Package settings is SalonDesk's typed configuration: SALON BOARD (login id, the
// reservation mailbox, sync on/off and intervals), the salon's 消費税, Smaregi (契約ID, URL, 部門ID, the
// 都度決済 product code, pull interval, the receiver's port) and the UI language. Values
// live in the database's settings table; passwords and tokens never do (package
// secrets keeps them in the OS keychain). Every save validates the whole section first
// and writes nothing when a value is wrong, with a Japanese *app.UserError.
package settings

import (
	"net"
	"strconv"

	"salondesk/app"
)

// Setting keys (the KEY of `salondesk config get|set`).
const (
	SalonBoardEnabled = "salonboard.enabled"
	SalonBoardLoginID = "salonboard.login_id"
	SalonBoardURL     = "salonboard.url"      // the web UI's base URL (the test double's in the demo)
	SalonBoardStoreID = "salonboard.store_id" // H…: the salon to pick when the ID is a group account
	MailInterval      = "salonboard.mail_interval_min"
	ReconcileInterval = "salonboard.reconcile_interval_min"
	MailHost          = "mailbox.host"
	MailPort          = "mailbox.port"
	MailTLS           = "mailbox.tls"
	MailUser          = "mailbox.user"

	SmaregiEnabled      = "smaregi.enabled"
	SmaregiContractID   = "smaregi.contract_id"
	SmaregiURL          = "smaregi.url"
	SmaregiDepartmentID = "smaregi.department_id"
	SmaregiProductCode  = "smaregi.pay_per_visit_code"
	SmaregiPullInterval = "smaregi.pull_interval_min"
	ReceiverPort        = "smaregi.receiver_port"

	Language = "ui.language"

	SalonName   = app.KeySalonName
	SlotMinutes = app.KeySlotMinutes

	TaxRate      = app.KeyTaxRate      // 消費税率 in percent
	TaxInclusive = app.KeyTaxInclusive // 1: 内税 (prices include tax), 0: 外税
	TaxRounding  = app.KeyTaxRounding  // app.RoundPerSale or app.RoundPerLine (both 切り捨て)
)

// Sections, as SettingsChanged names them.
const (
	SectionSalonBoard = "salonboard"
	SectionSmaregi    = "smaregi"
	SectionGeneral    = "general"
	SectionSalon      = "salon"
	SectionTax        = "tax" // 消費税, shown on サロン
)

// TLS modes of the mailbox connection.
const (
	TLSImplicit = "tls"      // IMAPS, usually port 993
	TLSStart    = "starttls" // STARTTLS on port 143
	TLSNone     = "none"     // plain text: only for a mailbox on this PC (the demo)
)

// TLSModes lists the modes in the order a chooser shows them.
var TLSModes = []string{TLSImplicit, TLSStart, TLSNone}

// Defaults.
const (
	DefaultSalonBoardURL     = "https://salonboard.com"
	DefaultMailPort          = 993
	DefaultMailInterval      = 5
	DefaultReconcileInterval = 60
	DefaultSmaregiURL        = "https://webapi.smaregi.jp/access/"
	DefaultPullInterval      = 10
	DefaultReceiverPort      = 18080
)

// Mailbox is the reservation mailbox SALON BOARD mails to (read over IMAP).
type Mailbox struct {
	Host string
	Port int
	TLS  string // TLSImplicit, TLSStart or TLSNone
	User string
}

// Addr is host:port for dialing.
func (m Mailbox) Addr() string { return net.JoinHostPort(m.Host, strconv.Itoa(m.Port)) }

// SalonBoard is the SALON BOARD section. The password and the mailbox password are in
// the keychain (secrets.SalonBoardPassword, secrets.MailboxPassword).
type SalonBoard struct {
	Enabled           bool // 同期する
	LoginID           string
	StoreID           string // only for a group account: the salon's H… id
	URL               string
	Mailbox           Mailbox
	MailInterval      int // minutes between mailbox checks when IDLE is not available
	ReconcileInterval int // minutes between reconciliations with the web reservation list
}

// Smaregi is the Smaregi section. The アクセストークン and the receiver's token are in
// the keychain (secrets.SmaregiToken); the receiver's IDコード only as hashes in the database.
type Smaregi struct {
	Enabled      bool
	ContractID   string // 契約ID
	URL          string // the API URL the admin screen shows
	DepartmentID string // 部門ID products are registered into
	ProductCode  string // 都度決済予約の店頭決済として登録する商品コード
	PullInterval int    // minutes between transaction_ref pulls
	ReceiverPort int    // the port the transaction receiver listens on
}

// General is what is not about one system.
type General struct {
	Language string // "ja" or "en"; takes effect at the next start
}

// All is every section at once (the CLI works on it).
type All struct {
	SalonBoard SalonBoard
	Smaregi    Smaregi
	General    General
	Salon      app.Salon
	Tax        app.TaxSettings
}
