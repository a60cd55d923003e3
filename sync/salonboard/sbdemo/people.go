package sbdemo

import (
	"fmt"
	"math/rand/v2"
)

// Synthetic customers: common family and given names put together by chance.
// They are not real people; phone numbers are in an obviously fake range.

type person struct {
	kanjiSei, kanjiMei string
	kanaSei, kanaMei   string
	phone              string
}

func (p person) kanji() string { return p.kanjiSei + " " + p.kanjiMei }
func (p person) kana() string  { return p.kanaSei + " " + p.kanaMei }

var (
	familyNames = [][2]string{
		{"青木", "アオキ"}, {"石川", "イシカワ"}, {"井上", "イノウエ"}, {"上田", "ウエダ"},
		{"岡田", "オカダ"}, {"木村", "キムラ"}, {"清水", "シミズ"}, {"斎藤", "サイトウ"},
		{"林", "ハヤシ"}, {"藤田", "フジタ"}, {"前田", "マエダ"}, {"森", "モリ"},
		{"山口", "ヤマグチ"}, {"山本", "ヤマモト"}, {"横山", "ヨコヤマ"}, {"和田", "ワダ"},
	}
	givenNames = [][2]string{
		{"明日香", "アスカ"}, {"彩花", "アヤカ"}, {"杏奈", "アンナ"}, {"恵", "メグミ"},
		{"香織", "カオリ"}, {"千尋", "チヒロ"}, {"直美", "ナオミ"}, {"七海", "ナナミ"},
		{"遥", "ハルカ"}, {"真由", "マユ"}, {"美穂", "ミホ"}, {"由佳", "ユカ"},
		{"莉子", "リコ"}, {"理沙", "リサ"}, {"翔太", "ショウタ"}, {"大輔", "ダイスケ"},
	}
	requests = []string{
		"",
		"",
		"",
		"初めてです。よろしくお願いします。",
		"肌が弱いので、刺激の少ない薬剤でお願いします。",
		"少し遅れるかもしれません。",
		"前回と同じ仕上がりでお願いします。",
	}
)

// newPerson picks a name not used yet in this feed (repeats only once all
// combinations are used).
func newPerson(r *rand.Rand, used map[string]bool, n int) person {
	var p person
	for try := 0; try < 20; try++ {
		f := familyNames[r.IntN(len(familyNames))]
		g := givenNames[r.IntN(len(givenNames))]
		p = person{kanjiSei: f[0], kanjiMei: g[0], kanaSei: f[1], kanaMei: g[1]}
		if !used[p.kanji()] {
			break
		}
	}
	used[p.kanji()] = true
	p.phone = fmt.Sprintf("090-0000-%04d", 5000+n%5000)
	return p
}
