package cli

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"salondesk/data"
)

// export contracts and payments: CSV with the BOM and Japanese headers, a payment range
// that leaves out the others, and a bad encoding refused before anything is written.
func TestExportContractsAndPaymentsCLI(t *testing.T) {
	dir := t.TempDir()
	s, err := (Options{DataDir: dir}).OpenStore(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		c := data.Customer{Name: "山田 花子", Kana: "ヤマダ ハナコ"}
		if err := data.InsertCustomer(ctx, tx, &c, time.Now()); err != nil {
			return err
		}
		k := data.Contract{CustomerID: c.ID, StartedOn: "2026-11-20", Source: data.SourceSmaregi}
		if err := data.InsertContract(ctx, tx, &k, time.Now()); err != nil {
			return err
		}
		for _, day := range []string{"2026-11-20", "2026-12-20"} {
			at, _ := time.ParseInLocation(data.DayLayout, day, time.Local)
			p := data.Payment{CustomerID: c.ID, ReceivedAt: at.Add(10 * time.Hour), Amount: 5500,
				Method: data.PaymentSmaregi, Source: data.SourceSmaregi, Kind: data.PaymentPerVisit}
			if _, err := data.InsertPayment(ctx, tx, &p); err != nil {
				return err
			}
		}
		return nil
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "--data", dir, "export", "contracts", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "\uFEFF契約ID,お客様番号") || !strings.Contains(out, "山田 花子") {
		t.Fatalf("contracts: %d %q %s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "--data", dir, "export", "payments", "--format", "csv", "--from", "2026-11-01", "--to", "2026-11-30")
	if code != 0 || strings.Count(out, "\r\n") != 2 || !strings.Contains(out, "2026/11/20 10:00") {
		t.Fatalf("payments of November: %d %q %s", code, out, errOut)
	}
	if code, out, _ = runCLI(t, "--data", dir, "export", "payments"); code != 0 || strings.Count(out, "\"amount\": 5500") != 2 {
		t.Fatalf("every payment as JSON: %d %q", code, out)
	}
	if code, out, _ = runCLI(t, "--data", dir, "export", "payments", "--encoding", "latin1"); code != 2 || out != "" {
		t.Fatalf("bad encoding: %d %q", code, out)
	}
}
