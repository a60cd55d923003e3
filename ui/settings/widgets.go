package settings

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"salondesk/app"
	"salondesk/app/secrets"
)

// mask is how a stored secret shows: its length is not told.
const mask = "********"

// secretField is a password or token: typed into a masked entry, stored only in the
// keychain. An empty entry means "keep what is stored".
type secretField struct {
	key     string
	entry   *widget.Entry
	state   *widget.Label
	stored  bool
	content fyne.CanvasObject
}

func newSecretField(key string) *secretField {
	f := &secretField{key: key, entry: widget.NewPasswordEntry(), state: widget.NewLabel("")}
	f.state.Importance = widget.LowImportance
	f.content = container.NewBorder(nil, nil, nil, f.state, f.entry)
	return f
}

func (f *secretField) checking() {
	f.state.SetText(lang.X("settings.secret.checking", "確認中…"))
}

// setStored shows whether the keychain holds a value; avail is the keychain's state.
func (f *secretField) setStored(stored bool, avail error) {
	f.stored = stored
	switch {
	case avail != nil:
		f.state.SetText(lang.X("settings.secret.unavailable", "キーチェーン利用不可"))
		f.entry.SetPlaceHolder("")
	case stored:
		f.state.SetText(lang.X("settings.secret.stored", "設定済み"))
		f.entry.SetPlaceHolder(mask)
	default:
		f.state.SetText(lang.X("settings.secret.not_stored", "未設定"))
		f.entry.SetPlaceHolder(lang.X("settings.secret.placeholder", "入力してください"))
	}
}

// typed is what was typed (a password may start or end with a space: kept as is).
func (f *secretField) typed() string { return f.entry.Text }

// saved clears the entry after its value went to the keychain.
func (f *secretField) saved(v string) {
	f.entry.SetText("")
	f.setStored(v != "", nil)
}

// keychainNotice is the banner a tab shows while the keychain cannot be used.
type keychainNotice struct {
	label   *widget.Label
	content fyne.CanvasObject
}

func newKeychainNotice() *keychainNotice {
	n := &keychainNotice{label: widget.NewLabel("")}
	n.label.Wrapping = fyne.TextWrapWord
	n.label.Importance = widget.WarningImportance
	n.content = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, n.label)
	n.content.Hide()
	return n
}

func (n *keychainNotice) show(err error) {
	if err == nil {
		n.content.Hide()
		return
	}
	n.label.SetText(err.Error())
	n.content.Show()
}

// TestTimeout bounds one 接続テスト.
const TestTimeout = 30 * time.Second

// connTest is a 接続テスト button with its progress bar and its result line.
type connTest struct {
	s       *screen
	btn     *widget.Button
	bar     *busyBar
	result  *widget.Label
	prepare func() (func(ctx context.Context) error, error)
	content fyne.CanvasObject
}

// newConnTest: prepare runs on the UI goroutine (reads and checks the form); the func it
// returns runs in the background. available false shows the button disabled.
func newConnTest(s *screen, label string, available bool, prepare func() (func(ctx context.Context) error, error)) *connTest {
	c := &connTest{s: s, bar: newBusyBar(), result: widget.NewLabel(""), prepare: prepare}
	c.btn = widget.NewButtonWithIcon(label, theme.MediaPlayIcon(), c.run)
	c.result.Wrapping = fyne.TextWrapWord
	if !available {
		c.btn.Disable()
		c.result.SetText(lang.X("settings.test.not_wired", "この接続テストはまだ組み込まれていません。"))
	}
	c.content = container.NewVBox(container.NewHBox(c.btn), c.bar.box, c.result)
	return c
}

func (c *connTest) run() {
	fn, err := c.prepare()
	if err != nil {
		c.s.showError(err)
		return
	}
	c.btn.Disable()
	c.bar.start()
	c.result.Importance = widget.MediumImportance
	c.result.SetText(lang.X("settings.test.running", "接続しています…"))
	c.s.background(func() {
		ctx, cancel := context.WithTimeout(context.Background(), TestTimeout)
		defer cancel()
		err := fn(ctx)
		if errors.Is(err, context.DeadlineExceeded) {
			err = &app.UserError{Key: "settings.test.timeout", Args: map[string]any{"Seconds": int(TestTimeout.Seconds())}}
		}
		c.s.do(func() { c.done(err) })
	})
}

func (c *connTest) done(err error) {
	c.bar.stop()
	c.btn.Enable()
	if err != nil {
		c.result.Importance = widget.DangerImportance
		c.result.SetText(lang.X("settings.test.failed", "接続できませんでした。{{.Reason}}", map[string]any{"Reason": err.Error()}))
		return
	}
	c.result.Importance = widget.SuccessImportance
	c.result.SetText(lang.X("settings.test.ok", "接続できました。"))
}

// secretFor is the secret a test or a save uses: the typed one, else the stored one.
// Runs in the background (it may ask the keychain).
func secretFor(st *secrets.Store, f *secretField, typed string) (string, error) {
	if typed != "" {
		return typed, nil
	}
	v, err := st.Get(f.key)
	if errors.Is(err, secrets.ErrNotFound) {
		return "", nil
	}
	return v, err
}

// number reads a whole number typed in a field (full-width digits from an IME too).
// What is not a number reads as -1, which every range check refuses with the field's
// own message: one place (app/settings) says what is allowed.
func number(e *widget.Entry) int {
	n, err := strconv.Atoi(norm.NFKC.String(strings.TrimSpace(e.Text)))
	if err != nil {
		return -1
	}
	return n
}

// heading is a bold section title inside a tab.
func heading(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
