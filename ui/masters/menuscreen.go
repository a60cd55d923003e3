package masters

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
)

// menuScreen is クーポン・メニュー・定額プラン.
type menuScreen struct {
	screen
	categories  *masterTab[data.Category]
	menus       *masterTab[data.Menu]
	menuForm    *menuForm
	coupons     *masterTab[data.Coupon]
	couponForm  *couponForm
	plans       *masterTab[data.Plan]
	planForm    *planForm
	products    *masterTab[data.Product]
	productForm *productForm
	unmatched   *unmatchedTab
	view        *container.AppTabs
}

// NewMenuScreen is the menu item クーポン・メニュー・定額プラン: menu categories, menus,
// coupons, 定額プラン and 商品. sb is SALON BOARD's room, for each menu's and coupon's
// 「SALON BOARDでの名前」.
func NewMenuScreen(a *app.App, sb *salonboard.Room, win fyne.Window) fyne.CanvasObject {
	return newMenuScreen(a, sb, win).view
}

func newMenuScreen(a *app.App, sb *salonboard.Room, win fyne.Window) *menuScreen {
	s := &menuScreen{screen: screen{a: a, win: win}}
	s.categories, _ = newCategoryTab(&s.screen)
	s.menus, s.menuForm = newMenuTab(&s.screen, sb)
	s.coupons, s.couponForm = newCouponTab(&s.screen, sb)
	s.plans, s.planForm = newPlanTab(&s.screen)
	s.products, s.productForm = newProductTab(&s.screen)
	s.unmatched = newUnmatchedTab(&s.screen, sb)
	s.view = container.NewAppTabs(
		container.NewTabItem(lang.X("masters.tab.categories", "メニューカテゴリ"), s.categories.content),
		container.NewTabItem(lang.X("masters.tab.menus", "メニュー"), s.menus.content),
		container.NewTabItem(lang.X("masters.tab.coupons", "クーポン"), s.coupons.content),
		container.NewTabItem(lang.X("masters.tab.plans", "定額プラン"), s.plans.content),
		container.NewTabItem(lang.X("masters.tab.products", "商品"), s.products.content),
		s.unmatched.item,
	)
	s.unmatched.view = s.view
	s.reload()
	s.watch()
	return s
}
