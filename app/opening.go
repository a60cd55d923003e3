package app

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"salondesk/data"
)

// Opening hours and 予約 停止・再開 as the master screens edit them: a whole week, or a
// whole day, in one transaction and one event, so that a mistake on one weekday leaves
// nothing half saved and a day's stop is one refresh for the schedule, not one per slot.

func checkSalon(s Salon) error {
	switch {
	case trim(s.Name) == "":
		return userErr("error.salon_name_required")
	case s.SlotMinutes != 10 && s.SlotMinutes != 15 && s.SlotMinutes != 30:
		return userErr("error.slot_minutes")
	case s.Capacity < 0 || s.Capacity > 999:
		return userErr("error.capacity_range")
	}
	return nil
}

func writeSalon(ctx context.Context, tx *sql.Tx, s Salon) error {
	if err := data.SetSetting(ctx, tx, KeySalonName, trim(s.Name)); err != nil {
		return err
	}
	if err := data.SetSetting(ctx, tx, KeySlotMinutes, strconv.Itoa(s.SlotMinutes)); err != nil {
		return err
	}
	return data.SetSetting(ctx, tx, KeySalonCapacity, strconv.Itoa(s.Capacity))
}

func checkHours(h data.Hours) error {
	switch {
	case h.Weekday < 0 || h.Weekday > 6:
		return userErr("error.weekday_invalid")
	case !validClock(h.Open) || !validClock(h.Close):
		return userErr("error.clock_invalid")
	case h.Close <= h.Open && !h.Closed:
		return userErr("error.hours_order")
	}
	return nil
}

// SaveOpening checks and writes the salon-wide settings and the opening hours of the
// given weekdays together (the 営業時間 tab's one 保存 button).
func (a *App) SaveOpening(ctx context.Context, s Salon, week []data.Hours) error {
	if err := checkSalon(s); err != nil {
		return err
	}
	for _, h := range week {
		if err := checkHours(h); err != nil {
			return err
		}
	}
	return a.saveMaster(ctx, func(tx *sql.Tx) error {
		if err := writeSalon(ctx, tx, s); err != nil {
			return err
		}
		for _, h := range week {
			if err := data.SaveHours(ctx, tx, h); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetDayCapacity is 終日停止 (capacity 0 on every slot of the day) and 終日再開
// (capacity -1: every override of the day removed, the salon's 受付可能数 again).
func (a *App) SetDayCapacity(ctx context.Context, day time.Time, capacity int) error {
	if capacity > 999 {
		return userErr("error.capacity_range")
	}
	day = data.DayStart(day)
	salon, err := a.Salon(ctx)
	if err != nil {
		return err
	}
	hours, err := a.store.Hours(ctx)
	if err != nil {
		return err
	}
	key := data.FormatDay(day)
	err = a.store.Tx(ctx, func(tx *sql.Tx) error {
		slots := map[string]bool{}
		for _, t := range Slots(day, hours[int(day.Weekday())], salon.SlotMinutes) {
			slots[t.Format("15:04")] = true
		}
		if capacity < 0 {
			// Also overrides of slots no longer in the grid (the slot length changed).
			over, err := data.CapacityOverrides(ctx, tx, key)
			if err != nil {
				return err
			}
			for slot := range over {
				slots[slot] = true
			}
		}
		for slot := range slots {
			if err := data.SetCapacityOverride(ctx, tx, key, slot, capacity); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		a.events.Publish(ReservationsChanged{Days: []time.Time{day}})
	}
	return err
}
