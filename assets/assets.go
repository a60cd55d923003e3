// Package assets embeds what SalonDesk ships inside its binary: the Japanese font (IPAex
// Gothic, IPA Font License, see fonts/LICENSE-ipaexg.txt), the app icon and the
// translations (ja default, en second).
package assets

import (
	"embed"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

//go:embed fonts/ipaexg.ttf
var fontBytes []byte

//go:embed translations
var translations embed.FS

// Font is the single-face Japanese font every text of the app is drawn with.
var Font = fyne.NewStaticResource("ipaexg.ttf", fontBytes)

// FontBytes is the raw TrueType font (for the PDF printout).
func FontBytes() []byte { return fontBytes }

var loadOnce sync.Once

// Languages the UI offers.
const (
	LangJapanese = "ja"
	LangEnglish  = "en"
)

// UseLanguage loads the translations and picks the UI language ("ja" unless "en" is asked
// for), whatever the system locale says: salon PCs are Japanese, and so is a test run.
func UseLanguage(code string) error {
	if code != LangEnglish {
		code = LangJapanese
	}
	var err error
	loadOnce.Do(func() { err = lang.AddTranslationsFS(translations, "translations") })
	if err != nil {
		return err
	}
	// Fyne picks the language from the environment each time translations are added:
	// point it at ours for that moment only, so that C locale settings (which the IME
	// needs) stay as they are.
	restore := setEnv(map[string]string{"LC_ALL": code, "LC_MESSAGES": "", "LANG": "", "LANGUAGE": code})
	defer restore()
	return lang.AddTranslationsForLocale([]byte("{}"), fyne.Locale(code))
}

func setEnv(vals map[string]string) (restore func()) {
	old := map[string]*string{}
	for k, v := range vals {
		if prev, ok := os.LookupEnv(k); ok {
			p := prev
			old[k] = &p
		} else {
			old[k] = nil
		}
		os.Setenv(k, v)
	}
	return func() {
		for k, v := range old {
			if v == nil {
				os.Unsetenv(k)
			} else {
				os.Setenv(k, *v)
			}
		}
	}
}
