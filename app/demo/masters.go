package demo

import (
	"context"

	"salondesk/app"
	"salondesk/data"
)

// SalonName is the demo salon's name.
const SalonName = "Salon de Lumière 表参道"

// Kinds of work: they decide who can do a menu and which equipment it takes.
const (
	workHair   = "hair"
	workSpa    = "spa"    // ヘッドスパ: the ヘッドスパ台
	workEsthe  = "esthe"  // エステ: the bed
	workNail   = "nail"   // ネイル
	workLash   = "lash"   // まつげ
	workOption = "option" // zero-minute add-ons
)

// masters is what the demo wrote, with what the reservation generator needs to know.
type masters struct {
	staff     []demoStaff
	bed, spa  int64 // equipment ids
	menus     []demoMenu
	menuByKey map[string]demoMenu
	coupons   []demoCoupon
}

type demoStaff struct {
	data.Staff
	skills string // kinds of work, e.g. "hair spa"
}

type demoMenu struct {
	data.Menu
	work string
}

type demoCoupon struct {
	data.Coupon
	work string
}

func (m *masters) menu(name string) demoMenu { return m.menuByKey[name] }

var staffSeed = []demoStaff{
	{data.Staff{Name: "佐々木 美咲", Kana: "ササキ　ミサキ", SBName: "【店長】佐々木 美咲", SBID: "T000123401",
		DesignationFee: 1100, Capacity: 2, WorkDays: "013456"}, "hair spa"},
	{data.Staff{Name: "高橋 優花", Kana: "タカハシ　ユウカ", SBName: "YUKA", SBID: "T000123402",
		DesignationFee: 550, Capacity: 2, WorkDays: "01456"}, "hair spa"},
	{data.Staff{Name: "小林 拓海", Kana: "コバヤシ　タクミ", SBName: "TAKUMI", SBID: "T000123403",
		DesignationFee: 330, Capacity: 1, WorkDays: "01356"}, "hair"},
	{data.Staff{Name: "中村 彩", Kana: "ナカムラ　アヤ", SBName: "アヤ（エステティシャン）", SBID: "T000123404",
		DesignationFee: 550, Capacity: 1, WorkDays: "03456"}, "esthe spa"},
	{data.Staff{Name: "伊藤 さくら", Kana: "イトウ　サクラ", SBName: "さくら（ネイル・アイ）", SBID: "T000123405",
		DesignationFee: 0, Capacity: 1, WorkDays: "01345"}, "nail lash"},
}

type menuSeed struct {
	category string
	name     string
	minutes  int
	price    int
	work     string
}

var menuSeeds = []menuSeed{
	{"カット", "カット", 60, 5500, workHair},
	{"カット", "前髪カット", 15, 1100, workHair},
	{"カット", "メンズカット", 45, 4950, workHair},
	{"カット", "キッズカット", 30, 3300, workHair},
	{"カラー", "ケアカラー", 90, 7700, workHair},
	{"カラー", "リタッチカラー", 60, 5500, workHair},
	{"カラー", "イルミナカラー", 90, 8800, workHair},
	{"カラー", "ハイライト", 120, 12100, workHair},
	{"パーマ・縮毛矯正", "デジタルパーマ", 120, 11000, workHair},
	{"パーマ・縮毛矯正", "縮毛矯正", 180, 19800, workHair},
	{"パーマ・縮毛矯正", "髪質改善 酸性ストレート", 150, 16500, workHair},
	{"トリートメント・ヘッドスパ", "超音波トリートメント", 30, 4400, workHair},
	{"トリートメント・ヘッドスパ", "TOKIO 5stepトリートメント", 30, 5500, workHair},
	{"トリートメント・ヘッドスパ", "炭酸ヘッドスパ", 30, 3300, workSpa},
	{"トリートメント・ヘッドスパ", "極上ヘッドスパ60分", 60, 6600, workSpa},
	{"エステ", "フェイシャル", 60, 8800, workEsthe},
	{"エステ", "毛穴洗浄", 45, 6600, workEsthe},
	{"エステ", "全身脱毛", 90, 15400, workEsthe},
	{"エステ", "キャビテーション痩身", 60, 9900, workEsthe},
	{"ネイル", "ジェルネイル ワンカラー", 60, 5500, workNail},
	{"ネイル", "ジェルネイル アート10本", 90, 8800, workNail},
	{"ネイル", "ジェルオフ", 30, 2200, workNail},
	{"ネイル", "ハンドケア", 30, 3300, workNail},
	{"まつげ", "まつげパーマ", 60, 6600, workLash},
	{"まつげ", "まつげエクステ 100本", 90, 7700, workLash},
	{"まつげ", "眉スタイリング", 30, 4400, workLash},
	{"オプション", "炭酸泉", 0, 1100, workOption},
	{"オプション", "指名料", 0, 550, workOption},
	{"オプション", "前処理トリートメント", 0, 1100, workOption},
	{"オプション", "ホームケア診断", 0, 0, workOption},
}

type couponSeed struct {
	name    string
	content string
	target  string
	price   int
	menus   []string
	work    string
}

var couponSeeds = []couponSeed{
	{"【新規】カット＋ケアカラー＋超音波トリートメント ¥17000⇒¥9900",
		"◇シャンプー・ブロー込◇話題のケアプロ超音波アイロンで本格髪質改善♪◇ダメージを抑えるケアカラーで抜群の透明感",
		"新規", 9900, []string{"カット", "ケアカラー", "超音波トリートメント"}, workHair},
	{"【新規】カット＋イルミナカラー ¥14300⇒¥8800",
		"◇シャンプー・ブロー込◇外国人風の透明感と艶を叶えるイルミナカラー◇ロング料金なし",
		"新規", 8800, []string{"カット", "イルミナカラー"}, workHair},
	{"【再来】カット＋リタッチカラー ¥11000⇒¥8800",
		"◇前回ご来店から2ヶ月以内の方限定◇根元5cmまでのリタッチ◇シャンプー・ブロー込",
		"再来", 8800, []string{"カット", "リタッチカラー"}, workHair},
	{"【全員】カット＋TOKIO 5stepトリートメント ¥11000⇒¥8250",
		"◇最高級5stepTOKIOトリートメントで髪の芯から補修◇シャンプー・ブロー込",
		"全員", 8250, []string{"カット", "TOKIO 5stepトリートメント"}, workHair},
	{"【新規】髪質改善 酸性ストレート＋カット ¥22000⇒¥14800",
		"◇くせ・うねり・広がりに◇髪に優しい酸性ストレートで自然な仕上がり◇所要時間約3時間半",
		"新規", 14800, []string{"髪質改善 酸性ストレート", "カット"}, workHair},
	{"【平日限定】デジタルパーマ＋カット ¥16500⇒¥11000",
		"◇月・水・木・金限定◇朝のスタイリングが楽になるデジタルパーマ◇シャンプー・ブロー込",
		"全員", 11000, []string{"デジタルパーマ", "カット"}, workHair},
	{"【メンズ】カット＋炭酸ヘッドスパ ¥8250⇒¥6600",
		"◇メンズ限定◇頭皮の汚れをすっきり落とす炭酸ヘッドスパ付き◇眉カットサービス",
		"全員", 6600, []string{"メンズカット", "炭酸ヘッドスパ"}, workHair},
	{"【新規】極上ヘッドスパ60分 ¥6600⇒¥4980",
		"◇専用ヘッドスパ台で眠ってしまうほどの極上体験◇眼精疲労・肩こりにも",
		"新規", 4980, []string{"極上ヘッドスパ60分"}, workSpa},
	{"【新規】毛穴洗浄フェイシャル ¥8800⇒¥5500",
		"◇毛穴の黒ずみ・角栓を吸引&洗浄◇仕上げに保湿パック◇メイク直しスペースあり",
		"新規", 5500, []string{"毛穴洗浄"}, workEsthe},
	{"【全員】全身脱毛90分 ¥15400⇒¥11000",
		"◇顔・VIO込みの全身脱毛◇痛みの少ない最新マシン使用◇シェービング代無料",
		"全員", 11000, []string{"全身脱毛"}, workEsthe},
	{"【新規】ジェルネイル ワンカラー（オフ無料）¥7700⇒¥4400",
		"◇他店オフ無料◇60色以上から選べるワンカラー◇甘皮ケア込",
		"新規", 4400, []string{"ジェルオフ", "ジェルネイル ワンカラー"}, workNail},
	{"【新規】まつげパーマ ¥6600⇒¥3980",
		"◇根元から立ち上げる次世代まつげパーマ◇トリートメント込◇持続約1ヶ月",
		"新規", 3980, []string{"まつげパーマ"}, workLash},
	{"【再来】まつげエクステ100本 ¥7700⇒¥6050",
		"◇前回から4週間以内の方限定◇シングルラッシュ100本◇オフ込",
		"再来", 6050, []string{"まつげエクステ 100本"}, workLash},
	{"【学割U24】カット＋ケアカラー ¥13200⇒¥7700",
		"◇24歳以下の方限定◇ご来店時に学生証または年齢確認書類をご提示ください◇シャンプー・ブロー込",
		"全員", 7700, []string{"カット", "ケアカラー"}, workHair},
}

// writeMasters writes the salon, its hours, staff, equipment, menus, coupons, plans and
// products through the app's own checks.
func writeMasters(ctx context.Context, a *app.App) (*masters, error) {
	if err := a.SaveSalon(ctx, app.Salon{Name: SalonName, SlotMinutes: 30, Capacity: 4}); err != nil {
		return nil, err
	}
	if err := writeHours(ctx, a); err != nil {
		return nil, err
	}
	m := &masters{menuByKey: map[string]demoMenu{}}
	for i, s := range staffSeed {
		s.SortOrder, s.Active = i, true
		if err := a.SaveStaff(ctx, &s.Staff); err != nil {
			return nil, err
		}
		m.staff = append(m.staff, s)
	}
	bed := data.Equipment{Name: "ベッド1", Kana: "ベッドイチ", SBID: "E0001", Capacity: 1, SortOrder: 0, Active: true}
	spa := data.Equipment{Name: "ヘッドスパ台", Kana: "ヘッドスパダイ", SBID: "E0002", Capacity: 1, SortOrder: 1, Active: true}
	for _, e := range []*data.Equipment{&bed, &spa} {
		if err := a.SaveEquipment(ctx, e); err != nil {
			return nil, err
		}
	}
	m.bed, m.spa = bed.ID, spa.ID
	if err := writeMenus(ctx, a, m); err != nil {
		return nil, err
	}
	if err := writeCoupons(ctx, a, m); err != nil {
		return nil, err
	}
	if err := writePlans(ctx, a); err != nil {
		return nil, err
	}
	return m, nil
}

// writeHours: 10:00-20:00 on weekdays, 9:00-19:00 at the weekend, closed on Tuesdays.
func writeHours(ctx context.Context, a *app.App) error {
	for wd := 0; wd < 7; wd++ {
		h := data.Hours{Weekday: wd, Open: "10:00", Close: "20:00"}
		switch wd {
		case 0, 6:
			h.Open, h.Close = "09:00", "19:00"
		case 2:
			h.Closed = true
		}
		if err := a.SaveHours(ctx, h); err != nil {
			return err
		}
	}
	return nil
}

func writeMenus(ctx context.Context, a *app.App, m *masters) error {
	cats := map[string]int64{}
	for i, s := range menuSeeds {
		if _, ok := cats[s.category]; !ok {
			c := data.Category{Name: s.category, SortOrder: len(cats)}
			if err := a.SaveCategory(ctx, &c); err != nil {
				return err
			}
			cats[s.category] = c.ID
		}
		menu := data.Menu{CategoryID: cats[s.category], CategoryName: s.category, Name: s.name,
			DurationMin: s.minutes, Price: s.price, SortOrder: i, Active: true}
		if err := a.SaveMenu(ctx, &menu); err != nil {
			return err
		}
		dm := demoMenu{Menu: menu, work: s.work}
		m.menus = append(m.menus, dm)
		m.menuByKey[s.name] = dm
	}
	return nil
}

func writeCoupons(ctx context.Context, a *app.App, m *masters) error {
	for _, s := range couponSeeds {
		c := data.Coupon{Name: s.name, Content: s.content, Target: s.target, Price: s.price, Active: true}
		for _, name := range s.menus {
			menu := m.menu(name)
			c.MenuIDs = append(c.MenuIDs, menu.ID)
			c.DurationMin += menu.DurationMin
		}
		if err := a.SaveCoupon(ctx, &c); err != nil {
			return err
		}
		m.coupons = append(m.coupons, demoCoupon{Coupon: c, work: s.work})
	}
	return nil
}

func writePlans(ctx context.Context, a *app.App) error {
	plans := []data.Plan{
		{Name: "ヘッドスパ通い放題プラン", Price: 9800, PaymentMethod: data.PaymentRecurring, VisitsPerMonth: 4},
		{Name: "毎月カット定額プラン", Price: 5500, PaymentMethod: data.PaymentRecurring, VisitsPerMonth: 1},
		{Name: "全身脱毛6回コース", Price: 66000, PaymentMethod: data.PaymentLump},
	}
	for i := range plans {
		plans[i].Active = true
		if err := a.SavePlan(ctx, &plans[i]); err != nil {
			return err
		}
	}
	products := []data.Product{
		{Name: "ヘッドスパ通い放題（月額）", Code: "LUM-SUB-001", Price: 9800, PaymentMethod: data.PaymentRecurring,
			PlanID: plans[0].ID},
		{Name: "毎月カット定額（月額）", Code: "LUM-SUB-002", Price: 5500, PaymentMethod: data.PaymentRecurring,
			PlanID: plans[1].ID},
		{Name: "全身脱毛6回回数券", Code: "LUM-TKT-001", Price: 66000, PaymentMethod: data.PaymentLump,
			PlanID: plans[2].ID},
		{Name: "ホームケア シャンプー＆トリートメントセット", Code: "LUM-GDS-001", Price: 6600,
			PaymentMethod: data.PaymentLump},
	}
	for i := range products {
		products[i].Active = true
		if err := a.SaveProduct(ctx, &products[i]); err != nil {
			return err
		}
	}
	return nil
}
