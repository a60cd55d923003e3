package app

import (
	"context"
	"strconv"

	"salondesk/data"
)

// The columns and fields of each master CSV. Headers are the master forms' labels; each
// file starts with ID and the name, and ends with 有効 (○ / ×).

var (
	colID     = csvCol{key: "id", ja: "ID", en: "ID", alt: []string{"番号", "No."}, json: jsonNumber}
	colKana   = csvCol{key: "kana", ja: "カナ", en: "Kana", alt: []string{"フリガナ", "ふりがな"}}
	colCap    = csvCol{key: "capacity", ja: "受付可能数", en: "Capacity", json: jsonNumber}
	colSort   = csvCol{key: "sort", ja: "表示順", en: "Sort order", json: jsonNumber}
	colActive = csvCol{key: "active", ja: "有効", en: "Active", alt: []string{"使用"}, json: jsonMark}
	colPrice  = csvCol{key: "price", ja: "料金", en: "Price", alt: []string{"金額", "価格", "料金(円)"}, json: jsonNumber}
	colDur    = csvCol{key: "duration", ja: "所要時間(分)", en: "Duration (min)", alt: []string{"所要時間", "施術時間"}, json: jsonNumber}
	colPay    = csvCol{key: "payment", ja: "決済方法", en: "Payment method", alt: []string{"支払方法"}}
)

// idCell is the ID column: empty for a master not stored yet (a preview's new row).
func idCell(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

func intCell(n int) string { return strconv.Itoa(n) }

var masterKinds = map[string]masterKind{
	MasterStaff: &masterSpec[data.Staff]{
		what: "スタッフ",
		cols: []csvCol{colID, {key: "name", tr: "staff_name", ja: "スタッフ名", en: "Staff name", alt: []string{"名前", "氏名"}},
			colKana, {key: "sb_name", ja: "SALON BOARDスタッフ名", en: "SALON BOARD staff name"},
			{key: "sb_id", ja: "SALON BOARDスタッフID", en: "SALON BOARD staff ID"},
			{key: "designation_fee", ja: "指名料", en: "Designation fee", json: jsonNumber}, colCap,
			{key: "work_days", ja: "出勤曜日", en: "Working days"}, {key: "work_start", ja: "勤務開始", en: "Work start"},
			{key: "work_end", ja: "勤務終了", en: "Work end"}, colSort, colActive},
		blank: func() data.Staff { return data.Staff{Capacity: 1, WorkDays: "0123456", Active: true} },
		list: func(ctx context.Context, q data.Querier) ([]data.Staff, error) {
			return data.ListStaff(ctx, q, true)
		},
		ident: func(x *data.Staff) (*int64, *string) { return &x.ID, &x.Name },
		read: func(r *rowReader, x *data.Staff) {
			r.str("kana", &x.Kana)
			r.str("sb_name", &x.SBName)
			r.str("sb_id", &x.SBID)
			r.num("designation_fee", &x.DesignationFee)
			r.num("capacity", &x.Capacity)
			if r.has("work_days") {
				days, ok := workDays(r.text("work_days"))
				if !ok {
					r.bad("work_days", "error.workdays_invalid")
				}
				x.WorkDays = days
			}
			r.str("work_start", &x.WorkStart)
			r.str("work_end", &x.WorkEnd)
			r.num("sort", &x.SortOrder)
			r.mark("active", &x.Active)
		},
		cells: func(x *data.Staff, _ *masterRefs) []string {
			return []string{idCell(x.ID), x.Name, x.Kana, x.SBName, x.SBID, intCell(x.DesignationFee), intCell(x.Capacity),
				weekdayCell(x.WorkDays), x.WorkStart, x.WorkEnd, intCell(x.SortOrder), markCell(x.Active)}
		},
		check: checkStaff,
		save:  func(t *Tx, x *data.Staff) error { return data.SaveStaff(t.ctx, t.q, x) },
	},
	MasterEquipment: &masterSpec[data.Equipment]{
		what: "マシン・設備",
		cols: []csvCol{colID, {key: "name", tr: "equipment_name", ja: "設備名", en: "Equipment name", alt: []string{"マシン・設備名", "名前"}},
			colKana, {key: "sb_id", tr: "sb_equipment_id", ja: "SALON BOARD設備ID", en: "SALON BOARD equipment ID"},
			colCap, colSort, colActive},
		blank: func() data.Equipment { return data.Equipment{Capacity: 1, Active: true} },
		list: func(ctx context.Context, q data.Querier) ([]data.Equipment, error) {
			return data.ListEquipment(ctx, q, true)
		},
		ident: func(x *data.Equipment) (*int64, *string) { return &x.ID, &x.Name },
		read: func(r *rowReader, x *data.Equipment) {
			r.str("kana", &x.Kana)
			r.str("sb_id", &x.SBID)
			r.num("capacity", &x.Capacity)
			r.num("sort", &x.SortOrder)
			r.mark("active", &x.Active)
		},
		cells: func(x *data.Equipment, _ *masterRefs) []string {
			return []string{idCell(x.ID), x.Name, x.Kana, x.SBID, intCell(x.Capacity), intCell(x.SortOrder), markCell(x.Active)}
		},
		check: checkEquipment,
		save:  func(t *Tx, x *data.Equipment) error { return data.SaveEquipment(t.ctx, t.q, x) },
	},
	MasterCategories: &masterSpec[data.Category]{
		what: "メニューカテゴリ",
		cols: []csvCol{colID, {key: "name", tr: "category_name", ja: "カテゴリ名", en: "Category name",
			alt: []string{"メニューカテゴリ", "カテゴリ", "カテゴリー名"}}, colSort},
		blank: func() data.Category { return data.Category{} },
		list:  data.ListCategories,
		ident: func(x *data.Category) (*int64, *string) { return &x.ID, &x.Name },
		read:  func(r *rowReader, x *data.Category) { r.num("sort", &x.SortOrder) },
		cells: func(x *data.Category, _ *masterRefs) []string {
			return []string{idCell(x.ID), x.Name, intCell(x.SortOrder)}
		},
		check: checkCategory,
		save:  func(t *Tx, x *data.Category) error { return data.SaveCategory(t.ctx, t.q, x) },
	},
	MasterMenus:    menuKind,
	MasterCoupons:  couponKind,
	MasterPlans:    planKind,
	MasterProducts: productKind,
}

var menuKind = &masterSpec[data.Menu]{
	what: "メニュー",
	cols: []csvCol{colID, {key: "name", tr: "menu_name", ja: "メニュー名", en: "Menu name", alt: []string{"メニュー", "名前"}},
		{key: "category", ja: "カテゴリ", en: "Category", alt: []string{"カテゴリー", "メニューカテゴリ", "カテゴリ名"}},
		colDur, colPrice, colSort, colActive},
	blank: func() data.Menu { return data.Menu{Active: true} },
	list: func(ctx context.Context, q data.Querier) ([]data.Menu, error) {
		return data.ListMenus(ctx, q, true)
	},
	ident: func(x *data.Menu) (*int64, *string) { return &x.ID, &x.Name },
	read: func(r *rowReader, x *data.Menu) {
		if r.has("category") {
			name := r.text("category")
			id, ok := r.refs.categoryID[name]
			if name != "" && !ok {
				r.bad("category", "mastercsv.error.unknown_category", "Name", name)
			}
			x.CategoryID, x.CategoryName = id, name
		}
		r.num("duration", &x.DurationMin)
		r.num("price", &x.Price)
		r.num("sort", &x.SortOrder)
		r.mark("active", &x.Active)
	},
	cells: func(x *data.Menu, _ *masterRefs) []string {
		return []string{idCell(x.ID), x.Name, x.CategoryName, intCell(x.DurationMin), intCell(x.Price), intCell(x.SortOrder),
			markCell(x.Active)}
	},
	check: checkMenu,
	save:  func(t *Tx, x *data.Menu) error { return data.SaveMenu(t.ctx, t.q, x) },
}

var couponKind = &masterSpec[data.Coupon]{
	what: "クーポン",
	cols: []csvCol{colID, {key: "name", tr: "coupon_name", ja: "クーポン名", en: "Coupon name", alt: []string{"クーポン"}},
		{key: "content", ja: "クーポン内容", en: "Coupon content", alt: []string{"内容"}},
		{key: "target", ja: "対象", en: "Target", alt: []string{"対象のお客様"}}, colPrice, colDur,
		{key: "menus", ja: "対象メニュー", en: "Menus", alt: []string{"メニュー"}, json: jsonList}, colActive},
	blank: func() data.Coupon { return data.Coupon{Target: "全員", Active: true} },
	list: func(ctx context.Context, q data.Querier) ([]data.Coupon, error) {
		return data.ListCoupons(ctx, q, true)
	},
	ident: func(x *data.Coupon) (*int64, *string) { return &x.ID, &x.Name },
	read: func(r *rowReader, x *data.Coupon) {
		r.str("content", &x.Content)
		if r.has("target") {
			switch x.Target = r.text("target"); x.Target {
			case "", "全員", "新規", "再来":
			default:
				r.bad("target", "mastercsv.error.target")
			}
		}
		r.num("price", &x.Price)
		r.num("duration", &x.DurationMin)
		if r.has("menus") {
			x.MenuIDs = nil
			seen := map[int64]bool{}
			for _, name := range splitList(r.text("menus")) {
				id, ok := r.refs.menuID[name]
				if !ok {
					r.bad("menus", "mastercsv.error.unknown_menu", "Name", name)
				} else if !seen[id] {
					x.MenuIDs, seen[id] = append(x.MenuIDs, id), true
				}
			}
		}
		r.mark("active", &x.Active)
	},
	cells: func(x *data.Coupon, refs *masterRefs) []string {
		names := ""
		for i, id := range x.MenuIDs {
			if i > 0 {
				names += listSep
			}
			names += refs.menuName[id]
		}
		return []string{idCell(x.ID), x.Name, x.Content, x.Target, intCell(x.Price), intCell(x.DurationMin), names,
			markCell(x.Active)}
	},
	check: checkCoupon,
	save:  func(t *Tx, x *data.Coupon) error { return data.SaveCoupon(t.ctx, t.q, x) },
}

// paymentNames are 決済方法 as the screens show them.
var paymentNames = map[string]string{data.PaymentLump: "一括支払", data.PaymentRecurring: "継続課金"}

// payment reads 決済方法: 一括支払 / 継続課金 (or the codes). Anything else is left for
// the form's rule to refuse.
func payment(r *rowReader, dst *string) {
	if !r.has("payment") {
		return
	}
	s := r.text("payment")
	for code, name := range paymentNames {
		if s == name || s == code {
			*dst = code
			return
		}
	}
	*dst = s
}

var planKind = &masterSpec[data.Plan]{
	what: "定額プラン",
	cols: []csvCol{colID, {key: "name", tr: "plan_name", ja: "プラン名", en: "Plan name", alt: []string{"定額プラン名", "定額プラン", "名前"}},
		colPrice, colPay, {key: "visits", ja: "月の回数", en: "Visits per month", alt: []string{"回数"}, json: jsonNumber}, colActive},
	blank: func() data.Plan { return data.Plan{PaymentMethod: data.PaymentRecurring, Active: true} },
	list: func(ctx context.Context, q data.Querier) ([]data.Plan, error) {
		return data.ListPlans(ctx, q, true)
	},
	ident: func(x *data.Plan) (*int64, *string) { return &x.ID, &x.Name },
	read: func(r *rowReader, x *data.Plan) {
		r.num("price", &x.Price)
		payment(r, &x.PaymentMethod)
		r.num("visits", &x.VisitsPerMonth)
		r.mark("active", &x.Active)
	},
	cells: func(x *data.Plan, _ *masterRefs) []string {
		return []string{idCell(x.ID), x.Name, intCell(x.Price), paymentNames[x.PaymentMethod], intCell(x.VisitsPerMonth),
			markCell(x.Active)}
	},
	check: checkPlan,
	save: func(t *Tx, x *data.Plan) error {
		if err := data.SavePlan(t.ctx, t.q, x); err != nil {
			return err
		}
		return t.ProductChanging(ProductChange{Kind: ProductSaved, Plan: x})
	},
}

var productKind = &masterSpec[data.Product]{
	what: "商品",
	cols: []csvCol{colID, {key: "name", tr: "product_name", ja: "商品名", en: "Product name", alt: []string{"名前"}},
		{key: "code", ja: "商品コード", en: "Product code"}, colPrice, colPay,
		{key: "plan", ja: "定額プラン", en: "Plan", alt: []string{"プラン名"}}, colActive},
	blank: func() data.Product { return data.Product{PaymentMethod: data.PaymentLump, Active: true} },
	list: func(ctx context.Context, q data.Querier) ([]data.Product, error) {
		return data.ListProducts(ctx, q, true)
	},
	ident: func(x *data.Product) (*int64, *string) { return &x.ID, &x.Name },
	read: func(r *rowReader, x *data.Product) {
		r.str("code", &x.Code)
		r.num("price", &x.Price)
		payment(r, &x.PaymentMethod)
		if r.has("plan") {
			name := r.text("plan")
			id, ok := r.refs.planID[name]
			if name != "" && !ok {
				r.bad("plan", "mastercsv.error.unknown_plan", "Name", name)
			}
			x.PlanID = id
		}
		r.mark("active", &x.Active)
	},
	cells: func(x *data.Product, refs *masterRefs) []string {
		return []string{idCell(x.ID), x.Name, x.Code, intCell(x.Price), paymentNames[x.PaymentMethod],
			refs.planName[x.PlanID], markCell(x.Active)}
	},
	check: checkProduct,
	save: func(t *Tx, x *data.Product) error {
		if err := data.SaveProduct(t.ctx, t.q, x); err != nil {
			return err
		}
		return t.ProductChanging(ProductChange{Kind: ProductSaved, Product: x})
	},
}
