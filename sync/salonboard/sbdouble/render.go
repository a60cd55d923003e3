package sbdouble

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"sync"
)

// The markup lives in templates/ so that it can be read side by side with
// the spec. layout.html holds the frame (and the 予約管理 navigation of a
// logged-in page); every other file defines "content".

//go:embed templates/*.html
var templateFS embed.FS

var (
	tmplOnce sync.Once
	tmpls    map[string]*template.Template
)

var pageFiles = []string{
	"login.html", "captcha.html", "password_change.html", "top.html", "group_top.html",
	"error.html", "reserve_list.html", "schedule.html", "detail_net.html", "detail_ext.html",
	"changed.html",
	"regist_form.html", "regist_confirm.html", "regist_complete.html", "not_registered.html",
	"change_form.html", "change_complete.html", "system_error.html",
}

func templates() map[string]*template.Template {
	tmplOnce.Do(func() {
		tmpls = map[string]*template.Template{}
		for _, f := range pageFiles {
			tmpls[f] = template.Must(template.New("layout.html").ParseFS(templateFS, "templates/layout.html", "templates/menus.html", "templates/"+f))
		}
	})
	return tmpls
}

// page is what layout.html needs; Data is the page's own view.
type page struct {
	Title     string
	FullTitle string // the whole <title>, when it is not "Title | SALON BOARD"
	Nav       bool   // the logged-in frame with 予約管理
	Data      any
}

func (d *Double) render(w http.ResponseWriter, name string, p page) {
	var buf bytes.Buffer
	if err := templates()[name].Execute(&buf, p); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	_, _ = w.Write(buf.Bytes())
}

// Titles of the site's error pages (spec §2): the client knows an error page
// by them.
const (
	TitleError       = "SALON BOARD : エラー"
	TitleSystemError = "SALON BOARD\u3000システムエラー"
)

// errorPage is SALON BOARD's error page: a KPCL code and a message, no
// navigation.
func (d *Double) errorPage(w http.ResponseWriter, code, msg string) {
	d.render(w, "error.html", page{Title: "エラー", FullTitle: TitleError, Data: struct{ Code, Message string }{code, msg}})
}

// systemErrorPage is the site's system error: no code, no navigation.
func (d *Double) systemErrorPage(w http.ResponseWriter) {
	d.render(w, "system_error.html", page{Title: "システムエラー", FullTitle: TitleSystemError,
		Data: "システムエラーが発生しました。しばらく時間をおいてから再度お試しください。"})
}
