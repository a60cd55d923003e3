package demo

// Japanese names for the demo's customers: common surnames and given names with their
// katakana reading and a romanisation (for synthetic e-mail addresses). Every person the
// demo makes up is a combination of these; none is a real customer.

type namePart struct {
	Kanji, Kana, Roman string
}

var surnames = []namePart{
	{"佐藤", "サトウ", "sato"}, {"鈴木", "スズキ", "suzuki"}, {"高橋", "タカハシ", "takahashi"},
	{"田中", "タナカ", "tanaka"}, {"伊藤", "イトウ", "ito"}, {"渡辺", "ワタナベ", "watanabe"},
	{"山本", "ヤマモト", "yamamoto"}, {"中村", "ナカムラ", "nakamura"}, {"小林", "コバヤシ", "kobayashi"},
	{"加藤", "カトウ", "kato"}, {"吉田", "ヨシダ", "yoshida"}, {"山田", "ヤマダ", "yamada"},
	{"佐々木", "ササキ", "sasaki"}, {"山口", "ヤマグチ", "yamaguchi"}, {"松本", "マツモト", "matsumoto"},
	{"井上", "イノウエ", "inoue"}, {"木村", "キムラ", "kimura"}, {"林", "ハヤシ", "hayashi"},
	{"斎藤", "サイトウ", "saito"}, {"清水", "シミズ", "shimizu"}, {"山崎", "ヤマザキ", "yamazaki"},
	{"森", "モリ", "mori"}, {"池田", "イケダ", "ikeda"}, {"橋本", "ハシモト", "hashimoto"},
	{"阿部", "アベ", "abe"}, {"石川", "イシカワ", "ishikawa"}, {"山下", "ヤマシタ", "yamashita"},
	{"中島", "ナカジマ", "nakajima"}, {"石井", "イシイ", "ishii"}, {"小川", "オガワ", "ogawa"},
	{"前田", "マエダ", "maeda"}, {"岡田", "オカダ", "okada"}, {"長谷川", "ハセガワ", "hasegawa"},
	{"藤田", "フジタ", "fujita"}, {"後藤", "ゴトウ", "goto"}, {"近藤", "コンドウ", "kondo"},
	{"村上", "ムラカミ", "murakami"}, {"遠藤", "エンドウ", "endo"}, {"青木", "アオキ", "aoki"},
	{"坂本", "サカモト", "sakamoto"}, {"福田", "フクダ", "fukuda"}, {"太田", "オオタ", "ota"},
	{"西村", "ニシムラ", "nishimura"}, {"藤井", "フジイ", "fujii"}, {"金子", "カネコ", "kaneko"},
	{"岡本", "オカモト", "okamoto"}, {"藤原", "フジワラ", "fujiwara"}, {"中野", "ナカノ", "nakano"},
	{"三浦", "ミウラ", "miura"}, {"原田", "ハラダ", "harada"}, {"松田", "マツダ", "matsuda"},
	{"竹内", "タケウチ", "takeuchi"}, {"小野", "オノ", "ono"}, {"田村", "タムラ", "tamura"},
	{"中山", "ナカヤマ", "nakayama"}, {"和田", "ワダ", "wada"}, {"石田", "イシダ", "ishida"},
	{"森田", "モリタ", "morita"}, {"上田", "ウエダ", "ueda"}, {"内田", "ウチダ", "uchida"},
}

var femaleNames = []namePart{
	{"陽菜", "ヒナ", "hina"}, {"結衣", "ユイ", "yui"}, {"美咲", "ミサキ", "misaki"},
	{"さくら", "サクラ", "sakura"}, {"葵", "アオイ", "aoi"}, {"優花", "ユウカ", "yuka"},
	{"彩", "アヤ", "aya"}, {"愛", "アイ", "ai"}, {"真由美", "マユミ", "mayumi"},
	{"恵子", "ケイコ", "keiko"}, {"裕子", "ユウコ", "yuko"}, {"智子", "トモコ", "tomoko"},
	{"直美", "ナオミ", "naomi"}, {"由美子", "ユミコ", "yumiko"}, {"久美子", "クミコ", "kumiko"},
	{"明美", "アケミ", "akemi"}, {"香織", "カオリ", "kaori"}, {"麻衣", "マイ", "mai"},
	{"沙織", "サオリ", "saori"}, {"彩花", "アヤカ", "ayaka"}, {"千尋", "チヒロ", "chihiro"},
	{"瞳", "ヒトミ", "hitomi"}, {"奈々", "ナナ", "nana"}, {"未来", "ミライ", "mirai"},
	{"美穂", "ミホ", "miho"}, {"理恵", "リエ", "rie"}, {"由佳", "ユカ", "yuka"},
	{"愛子", "アイコ", "aiko"}, {"友美", "トモミ", "tomomi"}, {"花子", "ハナコ", "hanako"},
	{"菜々子", "ナナコ", "nanako"}, {"莉子", "リコ", "riko"}, {"瑞希", "ミズキ", "mizuki"},
	{"遥", "ハルカ", "haruka"}, {"七海", "ナナミ", "nanami"}, {"涼子", "リョウコ", "ryoko"},
	{"真央", "マオ", "mao"}, {"萌", "モエ", "moe"}, {"詩織", "シオリ", "shiori"},
	{"紗希", "サキ", "saki"}, {"美奈子", "ミナコ", "minako"}, {"恵美", "エミ", "emi"},
	{"佳奈", "カナ", "kana"}, {"彩乃", "アヤノ", "ayano"}, {"舞", "マイ", "mai"},
}

var maleNames = []namePart{
	{"翔太", "ショウタ", "shota"}, {"大輔", "ダイスケ", "daisuke"}, {"健太", "ケンタ", "kenta"},
	{"拓也", "タクヤ", "takuya"}, {"直樹", "ナオキ", "naoki"}, {"翔", "ショウ", "sho"},
	{"蓮", "レン", "ren"}, {"悠斗", "ユウト", "yuto"}, {"誠", "マコト", "makoto"},
	{"和也", "カズヤ", "kazuya"}, {"浩二", "コウジ", "koji"}, {"亮", "リョウ", "ryo"},
}

// customerMemos are the kind of notes a desk keeps about a regular.
var customerMemos = []string{
	"敏感肌のため薬剤はパッチテスト後に使用",
	"前回カラー：アッシュベージュ 8レベル",
	"首が弱いのでシャンプー台の角度に注意",
	"お子様連れのことあり（キッズスペース希望）",
	"駐車場利用（近隣コインパーキング案内済み）",
	"ヘッドスパ強め希望",
	"前髪は眉上NG",
	"会話少なめ希望",
	"まつげ：Cカール 10〜11mm",
	"妊娠中（仰向け長時間NG）",
}

// reservationMemos are 予約時メモ as customers write them on HPB or staff take them by phone.
var reservationMemos = []string{
	"前回と同じ色でお願いします",
	"肩につくくらいの長さにしたいです",
	"少し遅れるかもしれません",
	"駐車場を利用したいです",
	"白髪が気になるので相談したいです",
	"お子様連れでご来店",
	"カット後に撮影の予定あり",
	"電話にて予約。領収書希望",
}
