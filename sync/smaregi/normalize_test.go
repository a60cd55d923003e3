package smaregi_test

import (
	"reflect"
	"strings"
	"testing"

	"salondesk/sync/smaregi"
)

func TestNormalizeCustomerRepairsWhatItCan(t *testing.T) {
	in := smaregi.Customer{CustomerID: "１２３", LastName: " 山田 ", FirstName: "花子",
		LastKana: "やまだ", FirstKana: "ﾊﾅｺ ﾁｬﾝ", PhoneNumber: "03-1234-5678", MobileNumber: "０９０（１２３４）５６７８",
		PostCode: "〒150-0001", Sex: "２", BirthDate: "1990/04/01", MailAddress: " hanako@example.jp "}
	got, errs := smaregi.NormalizeCustomer(in)
	if len(errs) != 0 {
		t.Fatalf("refused: %v", errs)
	}
	want := smaregi.Customer{CustomerID: "123", CustomerCode: "123", LastName: "山田", FirstName: "花子",
		LastKana: "ヤマダ", FirstKana: "ハナコチャン", PhoneNumber: "0312345678", MobileNumber: "09012345678",
		PostCode: "1500001", Sex: "2", BirthDate: "1990-04-01", MailAddress: "hanako@example.jp"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestNormalizeCustomerSaysWhichFieldAndWhy(t *testing.T) {
	ok := smaregi.Customer{CustomerID: "1", LastName: "山田", FirstName: "花子"}
	cases := []struct {
		name  string
		edit  func(*smaregi.Customer)
		field string
		rule  string
		words string
	}{
		{"code not ascii", func(c *smaregi.Customer) { c.CustomerCode = "会員1" }, "customerCode", smaregi.RuleASCII, "会員コード"},
		{"code too long", func(c *smaregi.Customer) { c.CustomerCode = strings.Repeat("A", 21) }, "customerCode", smaregi.RuleTooLong, "20文字以内"},
		{"no last name", func(c *smaregi.Customer) { c.LastName = "  " }, "lastName", smaregi.RuleRequired, "「姓」が入力されていません"},
		{"long first name", func(c *smaregi.Customer) { c.FirstName = strings.Repeat("子", 86) }, "firstName", smaregi.RuleTooLong, "85文字以内"},
		{"latin kana", func(c *smaregi.Customer) { c.FirstKana = "Hanako" }, "firstKana", smaregi.RuleKana, "カタカナ"},
		{"phone letters", func(c *smaregi.Customer) { c.PhoneNumber = "03-1234-ABCD" }, "phoneNumber", smaregi.RuleDigits, "半角数字"},
		{"phone too long", func(c *smaregi.Customer) { c.PhoneNumber = strings.Repeat("0", 21) }, "phoneNumber", smaregi.RuleTooLong, "20文字以内"},
		{"post code long", func(c *smaregi.Customer) { c.PostCode = "12345678901" }, "postCode", smaregi.RuleTooLong, "郵便番号"},
		{"sex", func(c *smaregi.Customer) { c.Sex = "女" }, "sex", smaregi.RuleChoice, "性別"},
		{"birth date", func(c *smaregi.Customer) { c.BirthDate = "1990-02-30" }, "birthDate", smaregi.RuleDate, "誕生日"},
		{"no id", func(c *smaregi.Customer) { c.CustomerID = "" }, "customerId", smaregi.RuleRequired, "会員ID"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ok
			tc.edit(&c)
			_, errs := smaregi.NormalizeCustomer(c)
			if len(errs) == 0 {
				t.Fatal("accepted")
			}
			e := errs[0]
			if e.Field != tc.field || e.Rule != tc.rule || !strings.Contains(e.Message(), tc.words) {
				t.Errorf("got %s/%s %q", e.Field, e.Rule, e.Message())
			}
			if e.Key() != "smaregi.field."+tc.rule {
				t.Errorf("key %s", e.Key())
			}
		})
	}
}

func TestKatakana(t *testing.T) {
	for in, want := range map[string]string{
		"やまだ はなこ": "ヤマダハナコ", "ｶﾞｸﾄ": "ガクト", "ゔぁ": "ヴァ", "ヤマダ": "ヤマダ", "": "",
	} {
		if got := smaregi.Katakana(in); got != want {
			t.Errorf("Katakana(%q) = %q, want %q", in, got, want)
		}
	}
}
