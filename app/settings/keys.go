package settings

import (
	"context"
	"strconv"
	"strings"

	"salondesk/app"
)

// field is one key of `salondesk config`: how to read it from All and to put a typed
// value back; the section's Check then validates the whole.
type field struct {
	key     string
	section string
	get     func(a All) string
	set     func(a *All, v string) error
}

func strField(key, section string, p func(a *All) *string) field {
	return field{key: key, section: section,
		get: func(a All) string { return *p(&a) },
		set: func(a *All, v string) error { *p(a) = v; return nil }}
}

func numField(key, section string, p func(a *All) *int) field {
	return field{key: key, section: section,
		get: func(a All) string { return strconv.Itoa(*p(&a)) },
		set: func(a *All, v string) error {
			n, ok := atoi(v)
			if !ok {
				return userErr("settings.error.number", "Key", key, "Value", v)
			}
			*p(a) = n
			return nil
		}}
}

func boolField(key, section string, p func(a *All) *bool) field {
	return field{key: key, section: section,
		get: func(a All) string { return flag(*p(&a)) },
		set: func(a *All, v string) error {
			switch strings.ToLower(strings.TrimSpace(v)) {
			case "1", "true", "on", "yes":
				*p(a) = true
			case "0", "false", "off", "no":
				*p(a) = false
			default:
				return userErr("settings.error.boolean", "Key", key, "Value", v)
			}
			return nil
		}}
}

var fields = []field{
	boolField(SalonBoardEnabled, SectionSalonBoard, func(a *All) *bool { return &a.SalonBoard.Enabled }),
	strField(SalonBoardLoginID, SectionSalonBoard, func(a *All) *string { return &a.SalonBoard.LoginID }),
	strField(SalonBoardStoreID, SectionSalonBoard, func(a *All) *string { return &a.SalonBoard.StoreID }),
	strField(SalonBoardURL, SectionSalonBoard, func(a *All) *string { return &a.SalonBoard.URL }),
	numField(MailInterval, SectionSalonBoard, func(a *All) *int { return &a.SalonBoard.MailInterval }),
	numField(ReconcileInterval, SectionSalonBoard, func(a *All) *int { return &a.SalonBoard.ReconcileInterval }),
	strField(MailHost, SectionSalonBoard, func(a *All) *string { return &a.SalonBoard.Mailbox.Host }),
	numField(MailPort, SectionSalonBoard, func(a *All) *int { return &a.SalonBoard.Mailbox.Port }),
	strField(MailTLS, SectionSalonBoard, func(a *All) *string { return &a.SalonBoard.Mailbox.TLS }),
	strField(MailUser, SectionSalonBoard, func(a *All) *string { return &a.SalonBoard.Mailbox.User }),
	boolField(SmaregiEnabled, SectionSmaregi, func(a *All) *bool { return &a.Smaregi.Enabled }),
	strField(SmaregiContractID, SectionSmaregi, func(a *All) *string { return &a.Smaregi.ContractID }),
	strField(SmaregiURL, SectionSmaregi, func(a *All) *string { return &a.Smaregi.URL }),
	strField(SmaregiDepartmentID, SectionSmaregi, func(a *All) *string { return &a.Smaregi.DepartmentID }),
	strField(SmaregiProductCode, SectionSmaregi, func(a *All) *string { return &a.Smaregi.ProductCode }),
	numField(SmaregiPullInterval, SectionSmaregi, func(a *All) *int { return &a.Smaregi.PullInterval }),
	numField(ReceiverPort, SectionSmaregi, func(a *All) *int { return &a.Smaregi.ReceiverPort }),
	strField(Language, SectionGeneral, func(a *All) *string { return &a.General.Language }),
	strField(SalonName, SectionSalon, func(a *All) *string { return &a.Salon.Name }),
	numField(SlotMinutes, SectionSalon, func(a *All) *int { return &a.Salon.SlotMinutes }),
	numField(TaxRate, SectionTax, func(a *All) *int { return &a.Tax.Rate }),
	boolField(TaxInclusive, SectionTax, func(a *All) *bool { return &a.Tax.Inclusive }),
	roundingField(TaxRounding, SectionTax, func(a *All) *string { return &a.Tax.Rounding }),
}

// roundingField takes the two words the config list shows (sale / line); the screen's
// message names the choices by what the 設定 screen calls them, so the CLI says both.
func roundingField(key, section string, p func(a *All) *string) field {
	f := strField(key, section, p)
	f.set = func(a *All, v string) error {
		v = strings.ToLower(strings.TrimSpace(v))
		if v != app.RoundPerSale && v != app.RoundPerLine {
			return userErr("settings.error.tax_rounding", "Key", key, "Value", v)
		}
		*p(a) = v
		return nil
	}
	return f
}

// Keys lists the keys `salondesk config` knows, in a stable order.
func Keys() []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.key
	}
	return out
}

func lookup(key string) (field, error) {
	for _, f := range fields {
		if f.key == key {
			return f, nil
		}
	}
	return field{}, userErr("settings.error.unknown_key", "Key", key)
}

// Get reads one setting by key (with its default when unset).
func (s *Settings) Get(ctx context.Context, key string) (string, error) {
	f, err := lookup(key)
	if err != nil {
		return "", err
	}
	all, err := s.All(ctx)
	if err != nil {
		return "", err
	}
	return f.get(all), nil
}

// Set changes one setting by key: the whole section is validated with the new value and
// nothing is written when it is refused.
func (s *Settings) Set(ctx context.Context, key, value string) error {
	f, err := lookup(key)
	if err != nil {
		return err
	}
	all, err := s.All(ctx)
	if err != nil {
		return err
	}
	if err := f.set(&all, value); err != nil {
		return err
	}
	switch f.section {
	case SectionSalonBoard:
		return s.SaveSalonBoard(ctx, all.SalonBoard)
	case SectionSmaregi:
		return s.SaveSmaregi(ctx, all.Smaregi)
	case SectionGeneral:
		return s.SaveGeneral(ctx, all.General)
	case SectionTax:
		return s.SaveTax(ctx, all.Tax)
	}
	return s.SaveSalon(ctx, all.Salon)
}
