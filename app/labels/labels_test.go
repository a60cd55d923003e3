package labels

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"salondesk/assets"
	"salondesk/data"
)

// Every status, route, sync state and reason has its own words in Japanese and in
// English, and every key the package asks for is in both translation files.
func TestEveryLabelInBothLanguages(t *testing.T) {
	src, err := os.ReadFile("labels.go")
	if err != nil {
		t.Fatal(err)
	}
	keys := regexp.MustCompile(`lang\.X\("(labels\.[a-z_.]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(keys) < len(Statuses)+len(Routes)+len(SyncStates)+len(Reasons) {
		t.Fatalf("only %d keys found in labels.go", len(keys))
	}
	for _, file := range []string{"labels.ja.json", "labels.en.json"} {
		words := readJSON(t, "../../assets/translations/"+file)
		for _, k := range keys {
			if words[k[1]] == "" {
				t.Errorf("%s lacks %s", file, k[1])
			}
		}
		if len(words) != len(keys) {
			t.Errorf("%s has %d keys, labels.go asks for %d", file, len(words), len(keys))
		}
	}
	for _, language := range []string{"ja", "en"} {
		t.Run(language, func(t *testing.T) {
			t.Setenv("LANG", "ja_JP.UTF-8")
			if err := assets.UseLanguage(language); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { assets.UseLanguage("ja") })
			seen := map[string]bool{}
			check := func(code, got string) {
				if got == "" || got == code || seen[got] {
					t.Errorf("%s: %q is missing or not its own", code, got)
				}
				seen[got] = true
			}
			for _, s := range Statuses {
				check(string(s), Status(s))
			}
			for _, r := range Routes {
				check(string(r), Route(r))
			}
			for _, r := range Reasons {
				check(r, Reason(r))
			}
			for _, s := range SyncStates[1:] {
				check(string(s), Sync(s, ""))
			}
		})
	}
}

// The words the seed uses, and the shape of 失敗(reason).
func TestJapaneseWords(t *testing.T) {
	t.Setenv("LANG", "ja_JP.UTF-8")
	if err := assets.UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
	for reason, want := range map[string]string{
		data.ReasonTimeout:  "失敗(例外またはタイムアウトが発生しました)",
		data.ReasonCapacity: "失敗(予約受付可能数を超えています)",
		data.ReasonMismatch: "失敗(予約されたクーポン・メニュー名が一致しませんでした)",
		"":                  "失敗",
		"HTTP 503":          "失敗(HTTP 503)", // an unknown reason shows as its text
	} {
		if got := Sync(data.SyncFailed, reason); got != want {
			t.Errorf("Sync(failed, %q) = %q, want %q", reason, got, want)
		}
	}
	if Sync(data.SyncNone, "") != "—" || Sync(data.SyncTranscribed, "") != "転記済み" {
		t.Error("sync states")
	}
	if Status(data.StatusNoShow) != "無断キャンセル" || Route(data.RouteWalkIn) != "店頭" {
		t.Error("status or route")
	}
	if !KnownReason(data.ReasonPageChanged) || KnownReason("HTTP 503") || KnownReason("") {
		t.Error("KnownReason")
	}
}

func readJSON(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
