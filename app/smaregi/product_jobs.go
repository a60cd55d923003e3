package smaregi

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/app/settings"
	"salondesk/data"
	"salondesk/sync/outbox"
	"salondesk/sync/smaregi"
)

// Products and plans (the seed's ネット決済マスタ) go out by themselves: saving one on
// クーポン・メニュー・定額プラン queues its upsert in the same transaction; retiring or
// deleting one Smaregi knows, or switching it to 継続課金, queues its delete.

// KindPlan is the id-mapping kind of a 定額プラン sent as a Smaregi product (a product's is
// data.KindProduct).
const KindPlan = "plan"

// planIDBase puts plans' Smaregi productIds in their own range (15 digits, Smaregi's
// limit), so that plan 3 and product 3 never share one.
const planIDBase = 900_000_000_000_000

// SmaregiPlanID is the stable productId a 定額プラン has in Smaregi.
func SmaregiPlanID(planID int64) string { return itoa(planIDBase + planID) }

// RefProduct and RefPlan are the outbox refs of a product's or a plan's Smaregi jobs.
func RefProduct(id int64) string { return "product:" + itoa(id) }

// RefPlan is the outbox ref of a plan's Smaregi jobs.
func RefPlan(id int64) string { return "plan:" + itoa(id) }

type productJob struct {
	ProductID int64  `json:"product_id,omitempty"`
	PlanID    int64  `json:"plan_id,omitempty"`
	SmaregiID string `json:"smaregi_id,omitempty"` // a delete's key: the row may be gone by then
}

// key is the mapping kind, local id and outbox ref of the job's row.
func (p productJob) key() (kind string, id int64, ref string) {
	if p.PlanID != 0 {
		return KindPlan, p.PlanID, RefPlan(p.PlanID)
	}
	return data.KindProduct, p.ProductID, RefProduct(p.ProductID)
}

// sendable: only active 一括支払 rows go to Smaregi (継続課金 ones are not sent: the seed).
func sendable(method string, active bool) bool { return active && method == data.PaymentLump }

// productChanging is the room's part in a product or plan change while Smaregi is on.
func (r *Room) productChanging(t *app.Tx, c app.ProductChange) error {
	on, err := enabledIn(t)
	if err != nil || !on {
		return err
	}
	var job productJob
	send := false
	switch {
	case c.Plan != nil:
		job.PlanID = c.Plan.ID
		send = c.Kind == app.ProductSaved && sendable(c.Plan.PaymentMethod, c.Plan.Active)
	case c.Product != nil:
		job.ProductID = c.Product.ID
		send = c.Kind == app.ProductSaved && sendable(c.Product.PaymentMethod, c.Product.Active)
	default:
		return nil
	}
	kind, id, ref := job.key()
	if send {
		return t.Enqueue(JobProductUpsert, ref, job)
	}
	ext, mapped, err := data.ExternalID(t.Ctx(), t.Q(), data.SystemSmaregi, kind, id)
	if err != nil || !mapped {
		return err // never reached Smaregi: a queued upsert finds it unsendable
	}
	job.SmaregiID = ext
	return t.Enqueue(JobProductDelete, ref, job)
}

// PlanRow is a 定額プラン as Smaregi's Product row in department (部門ID).
func PlanRow(p data.Plan, department string) smaregi.Product {
	return smaregi.Product{ProductID: SmaregiPlanID(p.ID), CategoryID: department, ProductCode: "PLAN" + itoa(p.ID),
		ProductName: p.Name, Price: strconv.Itoa(p.Price)}
}

// errNoDepartment is ErrNoDepartment as a configuration problem: told once, the jobs
// wait until 接続テスト succeeds (Resume).
type errNoDepartment struct{}

func (errNoDepartment) Error() string      { return ErrNoDepartment.Error() }
func (errNoDepartment) Unwrap() error      { return ErrNoDepartment }
func (errNoDepartment) Kind() smaregi.Kind { return smaregi.KindConfig }
func (errNoDepartment) Permanent() bool    { return true }

// currentRow is the job's row as Smaregi should have it now, or nil when it should not
// be sent (deleted, retired or 継続課金 since it was queued).
func (r *Room) currentRow(ctx context.Context, p productJob) (*smaregi.Product, error) {
	return app.Read(ctx, r.a, func(q data.Querier) (*smaregi.Product, error) {
		dept, err := data.Setting(ctx, q, settings.SmaregiDepartmentID, "")
		if err != nil {
			return nil, err
		}
		var row *smaregi.Product
		if p.PlanID != 0 {
			row, err = planRowIn(ctx, q, p.PlanID, dept)
		} else {
			row, err = productRowIn(ctx, q, p.ProductID, dept)
		}
		if err == nil && row != nil && dept == "" {
			return nil, errNoDepartment{}
		}
		return row, err
	})
}

func productRowIn(ctx context.Context, q data.Querier, id int64, dept string) (*smaregi.Product, error) {
	list, err := data.ListProducts(ctx, q, true)
	for _, p := range list {
		if p.ID == id && sendable(p.PaymentMethod, p.Active) {
			row := ProductRow(p, dept)
			return &row, nil
		}
	}
	return nil, err
}

func planRowIn(ctx context.Context, q data.Querier, id int64, dept string) (*smaregi.Product, error) {
	list, err := data.ListPlans(ctx, q, true)
	for _, p := range list {
		if p.ID == id && sendable(p.PaymentMethod, p.Active) {
			row := PlanRow(p, dept)
			return &row, nil
		}
	}
	return nil, err
}

// ProductUpsertHandler sends a product's or plan's current state into the 部門ID of
// 設定 > スマレジ and records the mapping.
func (r *Room) ProductUpsertHandler(cl Client) outbox.Handler {
	return func(ctx context.Context, job outbox.Job) error {
		p, err := productPayload(job)
		if err != nil {
			return err
		}
		row, err := r.currentRow(ctx, p)
		if err != nil || row == nil {
			return err
		}
		kind, id, _ := p.key()
		_, err = cl.UpsertProducts(ctx, []smaregi.Product{*row}, func(sent []smaregi.Product) error {
			return r.a.Update(ctx, func(t *app.Tx) error {
				return data.SetExternalID(ctx, t.Q(), data.SystemSmaregi, kind, id, row.ProductID)
			})
		})
		return err
	}
}

// ProductDeleteHandler deletes a product or plan in Smaregi (proc_division D) and forgets
// the mapping.
func (r *Room) ProductDeleteHandler(cl Client) outbox.Handler {
	return func(ctx context.Context, job outbox.Job) error {
		p, err := productPayload(job)
		if err != nil {
			return err
		}
		if _, err := cl.DeleteProducts(ctx, []string{p.SmaregiID}, nil); err != nil {
			return err
		}
		kind, id, _ := p.key()
		return r.a.Update(ctx, func(t *app.Tx) error {
			return data.DeleteExternalID(ctx, t.Q(), data.SystemSmaregi, kind, id)
		})
	}
}

func productPayload(job outbox.Job) (productJob, error) {
	var p productJob
	if err := json.Unmarshal([]byte(job.Payload), &p); err != nil {
		return p, outbox.Permanent(fmt.Errorf("payload %q: %w", job.Payload, err))
	}
	return p, nil
}

// tellRefusedProducts raises one お知らせ per refused product or plan, naming it and the
// fields.
func (r *Room) tellRefusedProducts(ctx context.Context, e *smaregi.RefusedError) error {
	return r.a.Update(ctx, func(t *app.Tx) error {
		names, err := productNames(ctx, t.Q())
		if err != nil {
			return err
		}
		for _, row := range e.Rows {
			who := row.ID
			if n, ok := names[row.ID]; ok {
				who = n
			}
			detail := lang.X("smaregi.notice.refused_product",
				"スマレジに送れない商品・定額プランです（{{.Who}}）: {{.Fields}} クーポン・メニュー・定額プラン で直して保存すると、もう一度送ります。",
				map[string]any{"Who": who, "Fields": row.Message()})
			if err := t.RaiseNotification(&data.Notification{Direction: data.DirAppToSmaregi, Reason: ReasonRefused,
				Detail: detail}); err != nil {
				return err
			}
		}
		return nil
	})
}

// productNames is the name of every product and plan by its Smaregi productId.
func productNames(ctx context.Context, q data.Querier) (map[string]string, error) {
	names := map[string]string{}
	products, err := data.ListProducts(ctx, q, true)
	if err != nil {
		return nil, err
	}
	for _, p := range products {
		names[itoa(p.ID)] = p.Name
	}
	plans, err := data.ListPlans(ctx, q, true)
	for _, p := range plans {
		names[SmaregiPlanID(p.ID)] = p.Name
	}
	return names, err
}
