package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"salondesk/app"
	"salondesk/app/csvio"
	"salondesk/assets"
	"salondesk/data"
	"salondesk/data/datatest"
)

// mastersFixture is the seeded salon with plans and products, staff with SALON BOARD
// fields and an inactive menu: every field of every master has something to carry.
func mastersFixture(t *testing.T) *app.App {
	t.Helper()
	if err := assets.UseLanguage(assets.LangJapanese); err != nil {
		t.Fatal(err)
	}
	a, _ := importFixture(t)
	ctx := context.Background()
	m, err := a.Masters(ctx, true)
	mustDo(t, err)
	for _, c := range m.Coupons { // saved as the form saves them: 対象 全員, a name Shift_JIS can write
		c.Name = strings.ReplaceAll(c.Name, "¥", "￥")
		mustDo(t, a.SaveCoupon(ctx, &c))
	}
	plan := data.Plan{Name: "サブスク月2回", Price: 8800, PaymentMethod: data.PaymentRecurring, VisitsPerMonth: 2, Active: true}
	mustDo(t, a.SavePlan(ctx, &plan))
	for _, p := range []data.Product{
		{Name: "回数券5回", Code: "T5", Price: 20000, PaymentMethod: data.PaymentLump, Active: true},
		{Name: "サブスク商品", Code: "S2", Price: 8800, PaymentMethod: data.PaymentRecurring, PlanID: plan.ID, Active: false},
	} {
		mustDo(t, a.SaveProduct(ctx, &p))
	}
	st := data.Staff{Name: "高橋 ①", Kana: "タカハシ", SBName: "高橋", SBID: "T000123", DesignationFee: 550,
		Capacity: 2, WorkDays: "1245", WorkStart: "10:00", WorkEnd: "18:30", SortOrder: 5, Active: true}
	mustDo(t, a.SaveStaff(ctx, &st))
	old := m.Menus[0]
	old.Active = false
	mustDo(t, a.SaveMenu(ctx, &old))
	return a
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func exportKind(t *testing.T, a *app.App, kind string, enc csvio.Encoding) []byte {
	t.Helper()
	var b bytes.Buffer
	mustDo(t, a.ExportMasters(context.Background(), kind, "csv", enc, &b))
	return b.Bytes()
}

// withoutIDs is an exported file's rows without the ID column: what must be equal after a
// round trip (a new database gives new IDs).
func withoutIDs(t *testing.T, file []byte) [][]string {
	t.Helper()
	s, err := csvio.Read(bytes.NewReader(file))
	mustDo(t, err)
	out := [][]string{s.Header[1:]}
	for _, r := range s.Records {
		out = append(out, r.Fields[1:])
	}
	return out
}

func importKind(t *testing.T, a *app.App, kind string, file []byte) (*app.MasterPreview, app.ImportResult) {
	t.Helper()
	p, err := a.PreviewMasterImport(context.Background(), kind, bytes.NewReader(file))
	mustDo(t, err)
	if len(p.Errors) > 0 {
		t.Fatalf("%s: %v", kind, p.Errors)
	}
	res, err := a.CommitMasterImport(context.Background(), p)
	mustDo(t, err)
	return p, res
}

// Export → import into an empty database gives the same masters, kind by kind in the
// salon's order, in UTF-8 and in Shift_JIS; the product hooks (Smaregi) see every imported
// plan and product; importing the files again changes nothing.
func TestMastersRoundTripIntoEmptyDatabase(t *testing.T) {
	src := mastersFixture(t)
	for _, enc := range []csvio.Encoding{csvio.UTF8, csvio.ShiftJIS} {
		t.Run(string(enc), func(t *testing.T) {
			dst := app.New(datatest.NewStore(t), app.WithClock(func() time.Time { return datatest.At("2026-11-20", "09:00") }))
			var hooked []string
			dst.AddProductHook(app.ProductHookFunc(func(_ *app.Tx, c app.ProductChange) error {
				if c.Product != nil {
					hooked = append(hooked, c.Product.Name)
				} else {
					hooked = append(hooked, c.Plan.Name)
				}
				return nil
			}))
			files := map[string][]byte{}
			for _, kind := range app.MasterKinds {
				files[kind] = exportKind(t, src, kind, enc)
				p, res := importKind(t, dst, kind, files[kind])
				if p.Encoding != enc || res.New != p.Rows || res.Updated != 0 || p.Rows == 0 {
					t.Fatalf("%s: preview %+v result %+v", kind, p, res)
				}
				want, got := withoutIDs(t, files[kind]), withoutIDs(t, exportKind(t, dst, kind, enc))
				if !reflect.DeepEqual(want, got) {
					t.Fatalf("%s differs after the round trip:\nwant %q\n got %q", kind, want, got)
				}
			}
			if strings.Join(hooked, ",") != "サブスク月2回,回数券5回,サブスク商品" {
				t.Fatalf("product hooks saw %q", hooked)
			}
			for _, kind := range app.MasterKinds {
				p, res := importKind(t, dst, kind, files[kind])
				if res.New+res.Updated != 0 || p.Unchanged != p.Rows {
					t.Fatalf("%s imported twice: %+v %+v", kind, p, res)
				}
			}
			if len(hooked) != 3 {
				t.Fatalf("unchanged rows reached the product hooks: %q", hooked)
			}
		})
	}
}

// Files as staff type them in Excel (Shift_JIS, half-width kana, prices with ¥ and
// commas, 出勤曜日 in kanji, only some columns): rows match by ID, else by name, and the
// columns a file lacks keep their values.
func TestMastersImportGoodFiles(t *testing.T) {
	a := mastersFixture(t)
	ctx := context.Background()
	m, _ := a.Masters(ctx, true)
	cut := find(t, m.Menus, func(x data.Menu) bool { return x.Name == "カット" }) // inactive since the fixture
	files := map[string]string{
		app.MasterStaff:      "スタッフ名,カナ,出勤曜日,指名料\r\n佐藤,ｻﾄｳ,月・水・金,\"￥1,100\"\r\n新人 一郎,しんじん,土日,0\r\n",
		app.MasterEquipment:  "設備名,受付可能数\r\nベッド1,2\r\nベッド2,1\r\n",
		app.MasterCategories: "カテゴリ名,表示順\r\nヘッドスパ,3\r\n",
		app.MasterMenus: "ID,メニュー名,カテゴリ,所要時間(分),料金\r\n" + itoa(cut.ID) + ",カット（改）,カット,45,\"5,500円\"\r\n" +
			",ショートスパ,カラー,30,３０００\r\n",
		app.MasterCoupons: "クーポン名,クーポン内容,対象,対象メニュー,料金,所要時間(分)\r\n" +
			"【再来】カット＋炭酸泉,全体,再来,カット（改）｜炭酸泉,6000,45\r\n",
		app.MasterPlans:    "プラン名,料金,決済方法,月の回数\r\n年間パス,99000,一括支払,4\r\n",
		app.MasterProducts: "商品名,商品コード,料金,決済方法,定額プラン\r\n年間パス商品,Y1,99000,一括支払,年間パス\r\n",
	}
	want := map[string][2]int{ // new, updated
		app.MasterStaff: {1, 1}, app.MasterEquipment: {1, 1}, app.MasterCategories: {1, 0}, app.MasterMenus: {1, 1},
		app.MasterCoupons: {1, 0}, app.MasterPlans: {1, 0}, app.MasterProducts: {1, 0},
	}
	for _, kind := range app.MasterKinds {
		b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(files[kind]))
		mustDo(t, err)
		p, res := importKind(t, a, kind, b)
		if p.Encoding != csvio.ShiftJIS || [2]int{res.New, res.Updated} != want[kind] {
			t.Fatalf("%s: %+v %+v", kind, p, res)
		}
	}
	m, _ = a.Masters(ctx, true)
	sato := find(t, m.Staff, func(s data.Staff) bool { return s.Name == "佐藤" })
	if sato.Kana != "サトウ" || sato.WorkDays != "135" || sato.DesignationFee != 1100 || sato.Capacity != 1 {
		t.Fatalf("佐藤 %+v", sato)
	}
	menu := find(t, m.Menus, func(x data.Menu) bool { return x.ID == cut.ID })
	if menu.Name != "カット（改）" || menu.Price != 5500 || menu.DurationMin != 45 || menu.Active {
		t.Fatalf("menu matched by ID: %+v", menu)
	}
	coupon := find(t, m.Coupons, func(c data.Coupon) bool { return c.Target == "再来" })
	if len(coupon.MenuIDs) != 2 || coupon.MenuIDs[0] != cut.ID || coupon.Price != 6000 {
		t.Fatalf("coupon %+v", coupon)
	}
	if p, _ := a.PreviewMasterImport(ctx, app.MasterMenus, strings.NewReader("ID,メニュー名\n"+itoa(cut.ID)+",カット\n")); len(p.Renames) != 1 ||
		p.Renames[0] != (app.MasterRename{Line: 2, ID: cut.ID, From: "カット（改）", To: "カット"}) {
		t.Fatalf("renames %+v", p.Renames)
	}
	product := find(t, m.Products, func(p data.Product) bool { return p.Code == "Y1" })
	if product.PlanID == 0 || product.PaymentMethod != data.PaymentLump {
		t.Fatalf("product %+v", product)
	}
}

func find[T any](t *testing.T, list []T, ok func(T) bool) T {
	t.Helper()
	for _, x := range list {
		if ok(x) {
			return x
		}
	}
	t.Fatalf("not found in %+v", list)
	var zero T
	return zero
}

// Bad rows are listed with their line, column and why; any of them imports nothing.
func TestMastersImportBadRows(t *testing.T) {
	cases := []struct {
		kind, file string
		want       []string // "line\tcolumn\tmessage part"
	}{
		{app.MasterMenus, "メニュー名,カテゴリ,所要時間(分),料金\n" +
			"ヘッドスパ,スパ,30,3000\n" + // unknown category
			"シャンプー,カット,30,-100\n" + // negative price
			"ブロー,カット,7,1000\n" + // not a multiple of 5
			"眉カット,カット,10,500\n" +
			"眉カット,カット,15,600\n", // the same name twice
			[]string{"2\tカテゴリ\tカテゴリ「スパ」がありません", "3\t料金\t金額は0以上", "4\t所要時間(分)\t5分単位",
				"6\tメニュー名\t同じ名前が5行目にも"}},
		{app.MasterCoupons, "クーポン名,対象メニュー,対象\n" +
			"カット＋スパ,カット｜ヘッドスパ,全員\n" + // a menu that does not exist
			"学割カット,カット,学生\n" + "ペア割,カット,全員\nペア割,カット,全員\n",
			[]string{"2\t対象メニュー\tメニュー「ヘッドスパ」がありません", "3\t対象\t「全員」「新規」「再来」",
				"5\tクーポン名\t同じ名前が4行目にも"}},
		{app.MasterStaff, "スタッフ名,カナ,出勤曜日,勤務開始,受付可能数\n" +
			"佐藤,サトウ,月火,25:70,1\n" + "山本,ヤマモト,毎日,,1\n" + ",ナシ,,,1\n" + "伊藤,イトウ,,,たくさん\n" + "小林,コバヤシ,,,1\n小林,ｺﾊﾞﾔｼ,,,1\n",
			[]string{"2\t勤務開始\tHH:MM", "3\t出勤曜日\t出勤曜日の指定", "4\tスタッフ名\t名前を入力", "5\t受付可能数\t数字で",
				"7\tスタッフ名\t同じ名前が6行目にも"}},
		{app.MasterEquipment, "設備名,有効\nベッド2,はい?\nベッド3,○\nベッド3,×\n",
			[]string{"2\t有効\t「○」または「×」", "4\t設備名\t同じ名前が3行目にも"}},
		{app.MasterCategories, "ID,カテゴリ名\n1,カラー\n,パーマ\n, パーマ \n",
			[]string{"2\tカテゴリ名\tほかのメニューカテゴリ（ID 2）", "4\tカテゴリ名\t同じ名前が3行目にも"}},
		{app.MasterPlans, "プラン名,料金,決済方法\n月額,-1,継続課金\n年額,1000,分割\n年額2,1,一括支払\n年額2,1,一括支払\n",
			[]string{"2\t料金\t金額は0以上", "3\t決済方法\t「一括支払」または「継続課金」", "5\tプラン名\t同じ名前が4行目にも"}},
		{app.MasterProducts, "商品名,定額プラン\n物販,ないプラン\n物販2,\n物販2,\n",
			[]string{"2\t定額プラン\t定額プラン「ないプラン」がありません", "4\t商品名\t同じ名前が3行目にも"}},
	}
	for _, c := range cases {
		t.Run(c.kind, func(t *testing.T) {
			a := mastersFixture(t)
			ctx := context.Background()
			before := exportKind(t, a, c.kind, csvio.UTF8)
			p, err := a.PreviewMasterImport(ctx, c.kind, strings.NewReader(c.file))
			mustDo(t, err)
			var got []string
			for _, e := range p.Errors {
				got = append(got, itoa(int64(e.Line))+"\t"+e.Column+"\t"+e.Message)
			}
			if len(got) != len(c.want) {
				t.Fatalf("errors %q, want %q", got, c.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i][:strings.LastIndex(c.want[i], "\t")]) ||
					!strings.Contains(got[i], c.want[i][strings.LastIndex(c.want[i], "\t")+1:]) {
					t.Errorf("error %q, want %q", got[i], c.want[i])
				}
			}
			if _, err := a.CommitMasterImport(ctx, p); app.ErrorKey(err) != "mastercsv.error.has_errors" {
				t.Fatalf("commit with errors: %v", err)
			}
			if after := exportKind(t, a, c.kind, csvio.UTF8); !bytes.Equal(before, after) {
				t.Fatal("a file with errors changed the masters")
			}
		})
	}
}

// The preview writes nothing; a file without its name column or of an unknown kind is
// refused before any row is read.
func TestMastersPreviewWritesNothing(t *testing.T) {
	a := mastersFixture(t)
	ctx := context.Background()
	before, _ := a.Masters(ctx, true)
	p, err := a.PreviewMasterImport(ctx, app.MasterMenus, strings.NewReader("メニュー名,カテゴリ,所要時間(分),料金\nスパ,カラー,30,3000\n"))
	if err != nil || p.New != 1 || len(p.Sample) != 1 || p.Sample[0][0] != "" || p.Sample[0][1] != "スパ" {
		t.Fatalf("%+v %v", p, err)
	}
	after, _ := a.Masters(ctx, true)
	if len(after.Menus) != len(before.Menus) {
		t.Fatal("the preview wrote a menu")
	}
	if _, err := a.PreviewMasterImport(ctx, app.MasterMenus, strings.NewReader("カテゴリ,料金\nカット,1\n")); app.ErrorKey(err) != "mastercsv.error.no_name_column" {
		t.Fatalf("no name column: %v", err)
	}
	if _, err := a.PreviewMasterImport(ctx, app.MasterStaff, strings.NewReader("")); app.ErrorKey(err) != "mastercsv.error.empty" {
		t.Fatalf("empty file: %v", err)
	}
	if _, err := a.PreviewMasterImport(ctx, "hours", strings.NewReader("a\n")); app.ErrorKey(err) != "mastercsv.error.unknown_kind" {
		t.Fatalf("unknown kind: %v", err)
	}
}

// JSON carries the same fields under the columns' keys, numbers and marks typed.
func TestMastersExportJSON(t *testing.T) {
	a := mastersFixture(t)
	var b bytes.Buffer
	mustDo(t, a.ExportMasters(context.Background(), app.MasterCoupons, "json", csvio.UTF8, &b))
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	c := got[0]
	if c["name"] != "カット＋ケアカラー ￥9,900" || c["price"] != 9900.0 || c["active"] != true ||
		!reflect.DeepEqual(c["menus"], []any{"カット", "ケアカラー"}) {
		t.Fatalf("%v", c)
	}
}

// A coupon name Shift_JIS cannot write back the same (¥, 〜) stops a Shift_JIS export with
// the row and the character; UTF-8 carries it.
func TestMastersShiftJISRefusesLossyNames(t *testing.T) {
	a := mastersFixture(t)
	ctx := context.Background()
	c := data.Coupon{Name: "カット 10時〜 ¥8,800", Price: 8800}
	mustDo(t, a.SaveCoupon(ctx, &c))
	err := a.ExportMasters(ctx, app.MasterCoupons, "csv", csvio.ShiftJIS, &bytes.Buffer{})
	if app.ErrorKey(err) != "mastercsv.error.sjis_lossy" || !strings.Contains(err.Error(), "4行目") ||
		!strings.Contains(err.Error(), "「〜」") {
		t.Fatalf("%v", err)
	}
	file := exportKind(t, a, app.MasterCoupons, csvio.UTF8)
	if !bytes.Contains(file, []byte("カット 10時〜 ¥8,800")) {
		t.Fatalf("%s", file)
	}
}

// Every mastercsv.* message the import raises is in mastercsv.ja.json and .en.json, and
// the two files hold the same keys.
func TestMasterCSVMessagesTranslated(t *testing.T) {
	files, _ := filepath.Glob("masters_csv*.go")
	keyRe := regexp.MustCompile(`"(mastercsv\.error\.[a-z_]+)"`)
	used := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		mustDo(t, err)
		for _, m := range keyRe.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = true
		}
	}
	if len(used) < 10 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	tr := map[string]map[string]string{}
	for _, lang := range []string{"ja", "en"} {
		b, err := os.ReadFile("../assets/translations/mastercsv." + lang + ".json")
		mustDo(t, err)
		m := map[string]string{}
		mustDo(t, json.Unmarshal(b, &m))
		tr[lang] = m
		for k := range used {
			if tr[lang][k] == "" {
				t.Errorf("mastercsv.%s.json lacks %s", lang, k)
			}
		}
	}
	for k := range tr["ja"] {
		if tr["en"][k] == "" {
			t.Errorf("mastercsv.en.json lacks %s", k)
		}
	}
	if len(tr["ja"]) != len(tr["en"]) {
		t.Errorf("ja has %d keys, en %d", len(tr["ja"]), len(tr["en"]))
	}
}
