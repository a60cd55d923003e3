package sbdouble

import (
	"fmt"
	"time"
)

// Synthetic customers: common family and given names combined by number,
// with phone numbers in an obviously fake range. Never real people.

var (
	familyNames = [][2]string{
		{"山田", "ヤマダ"}, {"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"},
		{"田中", "タナカ"}, {"伊藤", "イトウ"}, {"渡辺", "ワタナベ"}, {"中村", "ナカムラ"},
		{"小林", "コバヤシ"}, {"加藤", "カトウ"}, {"吉田", "ヨシダ"}, {"松本", "マツモト"},
	}
	givenNames = [][2]string{
		{"花子", "ハナコ"}, {"美咲", "ミサキ"}, {"陽菜", "ヒナ"}, {"結衣", "ユイ"},
		{"葵", "アオイ"}, {"さくら", "サクラ"}, {"凛", "リン"}, {"愛", "アイ"}, {"舞", "マイ"},
	}
	syntheticMenus = []struct {
		menu, coupon, category string
		minutes, price         int
	}{
		{"まつげエクステ 120本", "[新規]まつげエクステ120本 ¥4,980", "まつげ", 90, 4980},
		{"ジェルネイル ワンカラー", "[全員]ワンカラージェル ¥5,500", "ネイル", 60, 5500},
		{"フェイシャル 60分", "[再来]うるおいフェイシャル60分 ¥7,700", "エステ", 60, 7700},
		{"ボディケア 45分", "[全員]リラクゼーション45分 ¥4,400", "リラク", 45, 4400},
	}
)

// Synthetic returns the i-th synthetic reservation starting at start: a
// made-up customer, one of the double's staff (by i), a menu and coupon.
// RouteID is HPB; change it for a phone reservation before adding.
func Synthetic(i int, start time.Time) Reservation {
	f := familyNames[i%len(familyNames)]
	g := givenNames[(i/len(familyNames))%len(givenNames)]
	m := syntheticMenus[i%len(syntheticMenus)]
	return Reservation{
		Start:          start,
		End:            start.Add(time.Duration(m.minutes) * time.Minute),
		RouteID:        RouteHPB,
		KanjiSei:       f[0],
		KanjiMei:       g[0],
		KanaSei:        f[1],
		KanaMei:        g[1],
		Phone:          fmt.Sprintf("090-0000-%04d", i%10000),
		StaffID:        fmt.Sprintf("W%09d", 101+i%3),
		Designated:     i%2 == 0,
		Menu:           []string{m.menu},
		MenuCategories: []string{m.category},
		Coupon:         m.coupon,
		Total:          m.price,
		NewCustomer:    i%5 == 0,
		Points:         (i % 3) * 100,
	}
}
