package export_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"salondesk/app"
	"salondesk/app/csvio"
	"salondesk/app/export"
	"salondesk/data"
	"salondesk/data/datatest"
)

// moneyApp is the test salon with a plan contract for 山田 花子 (from Smaregi), her 入金
// for it and an unmatched bank 入金 with a memo a spreadsheet would run.
func moneyApp(t *testing.T) (*app.App, data.Customer) {
	t.Helper()
	a, s := newAppStore(t)
	ctx := context.Background()
	var c data.Customer
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		list, err := data.CustomersNamed(ctx, tx, "ヤマダ　ハナコ", 1)
		if err != nil || len(list) != 1 {
			t.Fatalf("seed customer: %v %v", list, err)
		}
		c = list[0]
		plan := data.Plan{Name: "年間プラン", Price: 90000, PaymentMethod: data.PaymentLump, Active: true}
		if err := data.SavePlan(ctx, tx, &plan); err != nil {
			return err
		}
		k := data.Contract{CustomerID: c.ID, PlanID: plan.ID, StartedOn: day, Source: data.SourceSmaregi}
		if err := data.InsertContract(ctx, tx, &k, datatest.At(day, "11:00")); err != nil {
			return err
		}
		for _, p := range []data.Payment{
			{CustomerID: c.ID, ContractID: k.ID, ReceivedAt: datatest.At(day, "11:00"), Amount: 90000,
				Method: data.PaymentSmaregi, Source: data.SourceSmaregi, ExternalID: "smaregi:25", Kind: data.PaymentPlanFee,
				Matched: data.MatchAuto},
			{ReceivedAt: datatest.At("2026-12-01", "10:00"), Amount: 5500, Method: "other", Source: "bank",
				PayerName: "ﾀﾅｶ ｲﾁﾛｳ", Kind: data.PaymentPerVisit, Memo: "=SUM(A1)"},
		} {
			if _, err := data.InsertPayment(ctx, tx, &p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return a, c
}

// The contracts CSV names the customer and the plan in Japanese; JSON keeps the codes.
func TestContractsCSVAndJSON(t *testing.T) {
	a, c := moneyApp(t)
	ctx := context.Background()
	var b bytes.Buffer
	if err := export.Contracts(ctx, a, export.FormatCSV, csvio.UTF8, &b); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, b.Bytes())
	if len(rows) != 2 || rows[0][0] != "契約ID" || rows[0][1] != "お客様番号" {
		t.Fatalf("rows %q", rows)
	}
	if got := strings.Join(rows[1][1:], "|"); got != strings.Join([]string{itoa(c.Number), c.Name, "年間プラン", day, "", "契約中", "スマレジ"}, "|") {
		t.Fatalf("row %q", got)
	}
	b.Reset()
	if err := export.Contracts(ctx, a, export.FormatJSON, csvio.UTF8, &b); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil || len(out) != 1 || out[0]["status"] != "active" ||
		out[0]["source"] != "smaregi" || out[0]["name"] != "年間プラン" {
		t.Fatalf("json %v %s", err, b.String())
	}
	if err := export.Contracts(ctx, a, "xlsx", csvio.UTF8, &b); err == nil || !strings.Contains(err.Error(), "xlsx") {
		t.Fatalf("xlsx: %v", err)
	}
}

// Payments are those received in the range, oldest first, said as 入金管理 says them; a
// formula-like memo is quoted away; Shift_JIS has the same headers.
func TestPaymentsCSVRangeAndEncoding(t *testing.T) {
	a, c := moneyApp(t)
	ctx := context.Background()
	all := func(enc csvio.Encoding) []byte {
		var b bytes.Buffer
		if err := export.Payments(ctx, a, time.Unix(0, 0), datatest.At("2027-01-01", "00:00"), export.FormatCSV, enc, &b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	rows := readCSV(t, all(csvio.UTF8))
	if len(rows) != 3 || rows[0][0] != "入金日時" || rows[0][1] != "金額" {
		t.Fatalf("rows %q", rows)
	}
	first, second := rows[1], rows[2]
	if first[1] != "90000" || first[2] != "スマレジ" || first[3] != "定額プラン" || first[4] != itoa(c.Number) ||
		first[9] != "照合済み（自動）" {
		t.Fatalf("first %q", first)
	}
	if second[3] != "都度" || second[4] != "" || second[6] != "ﾀﾅｶ ｲﾁﾛｳ" || second[9] != "未照合" || second[12] != "'=SUM(A1)" {
		t.Fatalf("second %q", second)
	}
	sj, err := japanese.ShiftJIS.NewDecoder().Bytes(all(csvio.ShiftJIS))
	if err != nil || !strings.HasPrefix(string(sj), "入金日時,金額") {
		t.Fatalf("sjis %v %q", err, sj)
	}
	var b bytes.Buffer
	from := datatest.At(day, "00:00")
	if err := export.Payments(ctx, a, from, from.AddDate(0, 0, 1), export.FormatJSON, csvio.UTF8, &b); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil || len(out) != 1 || out[0]["amount"] != float64(90000) ||
		out[0]["external_id"] != "smaregi:25" {
		t.Fatalf("json of the day %v %s", err, b.String())
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
