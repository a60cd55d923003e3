package settings

import (
	"context"
	"strconv"
	"strings"

	"salondesk/app"
	"salondesk/data"
)

// Settings reads and writes the typed settings of one salon's database.
type Settings struct {
	a *app.App
}

// New works on a's store and publishes app.SettingsChanged on a's bus.
func New(a *app.App) *Settings { return &Settings{a: a} }

// reader fetches one raw value with its default.
type reader struct {
	ctx context.Context
	a   *app.App
	err error
}

func (r *reader) str(key, def string) string {
	if r.err != nil {
		return def
	}
	v, err := r.a.Setting(r.ctx, key, def)
	r.err = err
	return v
}

func (r *reader) num(key string, def int) int {
	n, ok := atoi(r.str(key, ""))
	if !ok {
		return def
	}
	return n
}

func (r *reader) flag(key string) bool { return r.str(key, "0") == "1" }

// SalonBoard reads the SALON BOARD section with its defaults.
func (s *Settings) SalonBoard(ctx context.Context) (SalonBoard, error) {
	r := &reader{ctx: ctx, a: s.a}
	sb := SalonBoard{
		Enabled: r.flag(SalonBoardEnabled),
		LoginID: r.str(SalonBoardLoginID, ""),
		StoreID: r.str(SalonBoardStoreID, ""),
		URL:     r.str(SalonBoardURL, DefaultSalonBoardURL),
		Mailbox: Mailbox{
			Host: r.str(MailHost, ""),
			Port: r.num(MailPort, DefaultMailPort),
			TLS:  r.str(MailTLS, TLSImplicit),
			User: r.str(MailUser, ""),
		},
		MailInterval:      r.num(MailInterval, DefaultMailInterval),
		ReconcileInterval: r.num(ReconcileInterval, DefaultReconcileInterval),
	}
	return sb, r.err
}

// Smaregi reads the Smaregi section with its defaults.
func (s *Settings) Smaregi(ctx context.Context) (Smaregi, error) {
	r := &reader{ctx: ctx, a: s.a}
	sm := Smaregi{
		Enabled:      r.flag(SmaregiEnabled),
		ContractID:   r.str(SmaregiContractID, ""),
		URL:          r.str(SmaregiURL, DefaultSmaregiURL),
		DepartmentID: r.str(SmaregiDepartmentID, ""),
		ProductCode:  r.str(SmaregiProductCode, ""),
		PullInterval: r.num(SmaregiPullInterval, DefaultPullInterval),
		ReceiverPort: r.num(ReceiverPort, DefaultReceiverPort),
	}
	return sm, r.err
}

// General reads the language.
func (s *Settings) General(ctx context.Context) (General, error) {
	r := &reader{ctx: ctx, a: s.a}
	g := General{Language: r.str(Language, "ja")}
	return g, r.err
}

// LanguageOf is the UI language stored in a database, for main before the window
// opens ("ja" when unset or unreadable).
func LanguageOf(ctx context.Context, store *data.Store) string {
	v, err := store.Setting(ctx, Language, "ja")
	if err != nil || (v != "ja" && v != "en") {
		return "ja"
	}
	return v
}

// All reads every section.
func (s *Settings) All(ctx context.Context) (All, error) {
	var all All
	var err error
	if all.SalonBoard, err = s.SalonBoard(ctx); err != nil {
		return all, err
	}
	if all.Smaregi, err = s.Smaregi(ctx); err != nil {
		return all, err
	}
	if all.General, err = s.General(ctx); err != nil {
		return all, err
	}
	all.Tax = s.a.TaxSettings(ctx)
	all.Salon, err = s.a.Salon(ctx)
	return all, err
}

// SaveSalonBoard trims, validates and writes the SALON BOARD section in one transaction.
func (s *Settings) SaveSalonBoard(ctx context.Context, sb SalonBoard) error {
	sb = TrimSalonBoard(sb)
	if err := CheckSalonBoard(sb); err != nil {
		return err
	}
	return s.write(ctx, SectionSalonBoard, map[string]string{
		SalonBoardEnabled: flag(sb.Enabled),
		SalonBoardLoginID: sb.LoginID,
		SalonBoardStoreID: sb.StoreID,
		SalonBoardURL:     sb.URL,
		MailHost:          sb.Mailbox.Host,
		MailPort:          strconv.Itoa(sb.Mailbox.Port),
		MailTLS:           sb.Mailbox.TLS,
		MailUser:          sb.Mailbox.User,
		MailInterval:      strconv.Itoa(sb.MailInterval),
		ReconcileInterval: strconv.Itoa(sb.ReconcileInterval),
	})
}

// SaveSmaregi trims, validates and writes the Smaregi section.
func (s *Settings) SaveSmaregi(ctx context.Context, sm Smaregi) error {
	sm = TrimSmaregi(sm)
	if err := CheckSmaregi(sm); err != nil {
		return err
	}
	return s.write(ctx, SectionSmaregi, map[string]string{
		SmaregiEnabled:      flag(sm.Enabled),
		SmaregiContractID:   sm.ContractID,
		SmaregiURL:          sm.URL,
		SmaregiDepartmentID: sm.DepartmentID,
		SmaregiProductCode:  sm.ProductCode,
		SmaregiPullInterval: strconv.Itoa(sm.PullInterval),
		ReceiverPort:        strconv.Itoa(sm.ReceiverPort),
	})
}

// SaveGeneral validates and writes the language.
func (s *Settings) SaveGeneral(ctx context.Context, g General) error {
	if err := CheckGeneral(g); err != nil {
		return err
	}
	return s.write(ctx, SectionGeneral, map[string]string{Language: g.Language})
}

// SaveSalon writes the salon-wide settings through app (its rules and event).
func (s *Settings) SaveSalon(ctx context.Context, salon app.Salon) error {
	if err := s.a.SaveSalon(ctx, salon); err != nil {
		return err
	}
	s.a.Events().Publish(app.SettingsChanged{Section: SectionSalon})
	return nil
}

// SaveTax writes 消費税 (rate, 内税/外税, rounding) through app, which checks it first.
func (s *Settings) SaveTax(ctx context.Context, t app.TaxSettings) error {
	if err := s.a.SaveTaxSettings(ctx, t); err != nil {
		return err
	}
	s.a.Events().Publish(app.SettingsChanged{Section: SectionTax})
	return nil
}

func (s *Settings) write(ctx context.Context, section string, kv map[string]string) error {
	err := s.a.SaveSettings(ctx, kv)
	if err == nil {
		s.a.Events().Publish(app.SettingsChanged{Section: section})
	}
	return err
}

// TrimSalonBoard drops the spaces a paste brings around values.
func TrimSalonBoard(sb SalonBoard) SalonBoard {
	sb.LoginID = strings.TrimSpace(sb.LoginID)
	sb.StoreID = strings.TrimSpace(sb.StoreID)
	sb.URL = strings.TrimSpace(sb.URL)
	sb.Mailbox.Host = strings.TrimSpace(sb.Mailbox.Host)
	sb.Mailbox.User = strings.TrimSpace(sb.Mailbox.User)
	return sb
}

// TrimSmaregi drops the spaces a paste brings around values.
func TrimSmaregi(sm Smaregi) Smaregi {
	sm.ContractID = strings.TrimSpace(sm.ContractID)
	sm.URL = strings.TrimSpace(sm.URL)
	sm.DepartmentID = strings.TrimSpace(sm.DepartmentID)
	sm.ProductCode = strings.TrimSpace(sm.ProductCode)
	return sm
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func atoi(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil
}
