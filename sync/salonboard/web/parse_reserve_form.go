package web

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The registration form (/KLP/reserve/ext/extReserveRegist/) and the change
// form of a YG reservation (#extReserveChange). Only the field names are
// facts of the spec; the registration form is found as the one holding
// nmSeiKana, and each field by its name. How the forms offer menus and
// coupons was never captured: read here as selects (menuIdList,
// netCouponId, extCouponIdList) whose options may carry the category code
// and serial number (data-category-cd, data-sno) of the parallel lists.

const (
	registFormPage = "registForm"
	changeFormPage = "changeForm"
)

// ReserveForm is a registration or change form as a browser would submit it.
type ReserveForm struct {
	Action     string     // as written (may be relative)
	Stamp      string     // rlastupdate carried by the registration form
	ReserveID  string     // the change form's reservation, "" when the page does not show it
	Values     url.Values // what the browser sends untouched: hidden fields, selected options, checked boxes, texts
	Fields     map[string]bool
	Staff      []FormOption // staffId: Mark ○ (free) or × (busy)
	Equipment  []FormOption
	Routes     []FormOption
	Hours      []FormOption // rsvHour (registration)
	Minutes    []FormOption // rsvMinute (registration)
	Times      []FormOption // rsvtime, HHMM (change)
	TermHours  []FormOption // rsvTermHour
	TermMins   []FormOption // rsvTermMinute
	Designate  string       // the value of the 指名 checkbox (rsvType)
	Menus      []MenuOption // menuIdList
	NetCoupons []FormOption // netCouponId
	ExtCoupons []MenuOption // extCouponIdList
}

// FormOption is one option of a select.
type FormOption struct {
	Value    string
	Label    string // without the ○/× mark
	Mark     string // "○", "×" or ""
	Selected bool
}

// MenuOption is a menu or salon coupon the form offers, with what its
// parallel lists need (empty when the option does not say).
type MenuOption struct {
	FormOption
	Category string // data-category-cd
	Sno      string // data-sno
}

// registFields must all be on the registration form; the client sets each.
var registFields = []string{"staffId", "rsvHour", "rsvMinute", "rsvTermHour", "rsvTermMinute",
	"rsvRouteId", "rsvType", "nmSeiKana", "nmMeiKana", "nmSei", "nmMei", "tel", "rsvEtc"}

// changeFields must all be on the change form: the spec's, with the date
// and time in lower case.
var changeFields = []string{TokenField, "staffId", "rsvdate", "rsvtime", "rsvTermHour", "rsvTermMinute",
	"rsvRouteId", "rsvType", "nmSeiKana", "nmMeiKana", "nmSei", "nmMei", "tel", "rsvEtc"}

// ParseRegistForm reads the registration form. A page without the form, one
// of registFields or the rlastupdate stamp is *ErrPageChanged.
func ParseRegistForm(body []byte) (ReserveForm, error) {
	f, err := parseReserveForm(registFormPage, body, "", registFields)
	if err != nil {
		return ReserveForm{}, err
	}
	if f.Stamp = f.Values.Get("rlastupdate"); !stampRe.MatchString(f.Stamp) {
		return ReserveForm{}, pageChanged(registFormPage, "no rlastupdate stamp in the form")
	}
	return f, nil
}

// ParseChangeForm reads the change form (#extReserveChange) of a YG
// reservation. ReserveID is the reservation number the page shows, "" when
// it shows none.
func ParseChangeForm(body []byte) (ReserveForm, error) {
	f, err := parseReserveForm(changeFormPage, body, "extReserveChange", changeFields)
	if err != nil {
		return ReserveForm{}, err
	}
	if f.ReserveID = f.Values.Get("reserveId"); f.ReserveID == "" {
		if doc, err := parseHTML(body); err == nil {
			f.ReserveID = idInTextRe.FindString(pageText(doc))
		}
	}
	return f, nil
}

func parseReserveForm(page string, body []byte, id string, required []string) (ReserveForm, error) {
	doc, err := parseHTML(body)
	if err != nil {
		return ReserveForm{}, pageChanged(page, "unparsable HTML")
	}
	if err := checkSession(page, doc); err != nil {
		return ReserveForm{}, err
	}
	var form *html.Node
	if id != "" {
		form = find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Form && attr(n, "id") == id })
	}
	if form == nil {
		kana := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Input && attr(n, "name") == "nmSeiKana" })
		form = ancestor(orEmpty(kana), atom.Form)
	}
	if form == nil {
		return ReserveForm{}, pageChanged(page, "no form with nmSeiKana")
	}
	f := ReserveForm{Action: strings.TrimSpace(attr(form, "action")), Fields: map[string]bool{}}
	if f.Action == "" {
		return ReserveForm{}, pageChanged(page, "the form has no action")
	}
	f.Values, f.Fields = formValues(form)
	for _, name := range required {
		if !f.Fields[name] {
			return ReserveForm{}, pageChanged(page, "no field %s", name)
		}
	}
	f.Staff = selectOptions(form, "staffId", true)
	f.Equipment = selectOptions(form, "equipmentId", false)
	f.Routes = selectOptions(form, "rsvRouteId", false)
	f.Hours = selectOptions(form, "rsvHour", false)
	f.Minutes = selectOptions(form, "rsvMinute", false)
	f.Times = selectOptions(form, "rsvtime", false)
	f.TermHours = selectOptions(form, "rsvTermHour", false)
	f.TermMins = selectOptions(form, "rsvTermMinute", false)
	f.Menus = menuOptions(form, "menuIdList")
	f.NetCoupons = selectOptions(form, "netCouponId", false)
	f.ExtCoupons = menuOptions(form, "extCouponIdList")
	if box := find(form, func(n *html.Node) bool {
		return n.DataAtom == atom.Input && attr(n, "name") == "rsvType" && strings.EqualFold(attr(n, "type"), "checkbox")
	}); box != nil {
		f.Designate = attr(box, "value")
		if !hasAttr(box, "value") {
			f.Designate = "on"
		}
	}
	if f.Designate == "" {
		return ReserveForm{}, pageChanged(page, "no 指名 checkbox (rsvType)")
	}
	return f, nil
}

// menuOptions lists a menu or coupon select's options with their category
// code and serial number.
func menuOptions(form *html.Node, name string) []MenuOption {
	sel := find(form, func(n *html.Node) bool { return n.DataAtom == atom.Select && attr(n, "name") == name })
	if sel == nil {
		return nil
	}
	opts := selectOptions(form, name, false) // the same options, in the same order
	var out []MenuOption
	for i, o := range findAll(sel, byTag(atom.Option)) {
		out = append(out, MenuOption{FormOption: opts[i],
			Category: strings.TrimSpace(attr(o, "data-category-cd")), Sno: strings.TrimSpace(attr(o, "data-sno"))})
	}
	return out
}

// formValues is what a browser submits for form (no button pressed), and
// the names of every field it holds.
func formValues(form *html.Node) (url.Values, map[string]bool) {
	vals, fields := url.Values{}, map[string]bool{}
	for _, n := range findAll(form, func(n *html.Node) bool {
		return n.DataAtom == atom.Input || n.DataAtom == atom.Select || n.DataAtom == atom.Textarea
	}) {
		name := attr(n, "name")
		if name == "" || hasAttr(n, "disabled") {
			continue
		}
		fields[name] = true
		switch n.DataAtom {
		case atom.Textarea:
			vals.Add(name, rawText(n))
		case atom.Select:
			for _, o := range selectedOptions(n) {
				vals.Add(name, o)
			}
		default:
			switch strings.ToLower(attr(n, "type")) {
			case "submit", "button", "image", "reset", "file":
			case "checkbox", "radio":
				if hasAttr(n, "checked") {
					v := attr(n, "value")
					if !hasAttr(n, "value") {
						v = "on"
					}
					vals.Add(name, v)
				}
			default:
				vals.Add(name, attr(n, "value"))
			}
		}
	}
	return vals, fields
}

// rawText is the text content of n as written (a textarea's value).
func rawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return strings.TrimPrefix(b.String(), "\n")
}

// selectedOptions: the selected options' values; a single select with none
// selected sends its first option, a multiple one sends nothing.
func selectedOptions(sel *html.Node) []string {
	opts := findAll(sel, byTag(atom.Option))
	var out []string
	for _, o := range opts {
		if hasAttr(o, "selected") {
			out = append(out, optionValue(o))
		}
	}
	if hasAttr(sel, "multiple") {
		return out
	}
	if len(out) == 0 && len(opts) > 0 {
		return []string{optionValue(opts[0])}
	}
	if len(out) > 1 {
		out = out[len(out)-1:] // a browser keeps the last selected
	}
	return out
}

func optionValue(o *html.Node) string {
	if hasAttr(o, "value") {
		return attr(o, "value")
	}
	return collapse(rawText(o))
}

// selectOptions lists a select's options; marked splits the ○/× prefix off
// the label.
func selectOptions(form *html.Node, name string, marked bool) []FormOption {
	sel := find(form, func(n *html.Node) bool { return n.DataAtom == atom.Select && attr(n, "name") == name })
	if sel == nil {
		return nil
	}
	chosen := map[string]bool{}
	for _, v := range selectedOptions(sel) {
		chosen[v] = true
	}
	var out []FormOption
	for _, o := range findAll(sel, byTag(atom.Option)) {
		opt := FormOption{Value: optionValue(o), Label: text(o)}
		opt.Selected = chosen[opt.Value]
		if marked {
			opt.Mark, opt.Label = splitMark(opt.Label)
		}
		out = append(out, opt)
	}
	return out
}

// splitMark splits the free/busy mark off a staff option: ○ (or ◯) free,
// × (or ✕) busy.
func splitMark(label string) (string, string) {
	for _, m := range []struct{ in, mark string }{{"○", "○"}, {"◯", "○"}, {"×", "×"}, {"✕", "×"}} {
		if rest, ok := strings.CutPrefix(label, m.in); ok {
			return m.mark, strings.TrimSpace(rest)
		}
	}
	return "", label
}

// option finds the option whose value reads as the number n ("09" and "9"
// are both 9).
func option(opts []FormOption, n int) (string, bool) {
	for _, o := range opts {
		if v, ok := atoiStrict(o.Value); ok && v == n {
			return o.Value, true
		}
	}
	return "", false
}

func atoiStrict(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 4 || !digits(s) {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// optionByValue finds the option with the value.
func optionByValue(opts []FormOption, v string) (FormOption, bool) {
	for _, o := range opts {
		if o.Value == v {
			return o, true
		}
	}
	return FormOption{}, false
}
