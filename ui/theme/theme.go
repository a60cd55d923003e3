// Package theme is SalonDesk's Fyne theme: the embedded Japanese font for every text
// style (so that screens and golden images look the same on every machine), light
// colours, and the colours of the schedule's badges and icons.
package theme

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"salondesk/assets"
)

// Salon colours used beyond Fyne's named colours.
var (
	ColorBadge          = color.NRGBA{R: 0xe3, G: 0xf0, B: 0xfb, A: 0xff} // a reservation badge
	ColorBadgeBorder    = color.NRGBA{R: 0x5b, G: 0x9b, B: 0xd5, A: 0xff}
	ColorBadgeHPB       = color.NRGBA{R: 0xfd, G: 0xe8, B: 0xef, A: 0xff} // came from HOT PEPPER Beauty
	ColorBadgeHPBBorder = color.NRGBA{R: 0xe0, G: 0x5a, B: 0x84, A: 0xff}
	ColorBadgeDone      = color.NRGBA{R: 0xee, G: 0xee, B: 0xee, A: 0xff} // arrived / paid
	ColorProvisional    = color.NRGBA{R: 0xff, G: 0xf4, B: 0xd6, A: 0xff}
	ColorAlert          = color.NRGBA{R: 0xd9, G: 0x30, B: 0x25, A: 0xff} // × and 予約アラート
	ColorAlertSoft      = color.NRGBA{R: 0xfd, G: 0xec, B: 0xea, A: 0xff}
	ColorGridLine       = color.NRGBA{R: 0xdd, G: 0xdd, B: 0xdd, A: 0xff}
	ColorGridHeader     = color.NRGBA{R: 0xf3, G: 0xf5, B: 0xf7, A: 0xff}
	ColorFull           = color.NRGBA{R: 0xf6, G: 0xd8, B: 0xd5, A: 0xff} // slot at capacity
	ColorIconHPB        = color.NRGBA{R: 0xe0, G: 0x5a, B: 0x84, A: 0xff}
	ColorIconDesignated = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	ColorIconNew        = color.NRGBA{R: 0xef, G: 0x8a, B: 0x00, A: 0xff}
	ColorIconProvision  = color.NRGBA{R: 0x8d, G: 0x6e, B: 0x63, A: 0xff}
	ColorSidebar        = color.NRGBA{R: 0x2f, G: 0x3b, B: 0x4c, A: 0xff}
)

type salonTheme struct{ base fyne.Theme }

// New is the app's theme: Fyne's light theme drawn with the Japanese font.
func New() fyne.Theme { return &salonTheme{base: theme.DefaultTheme()} }

func (t *salonTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	// Front desks are bright rooms: always the light variant.
	switch n {
	case theme.ColorNamePrimary:
		return color.NRGBA{R: 0x1f, G: 0x6f, B: 0xb2, A: 0xff}
	}
	return t.base.Color(n, theme.VariantLight)
}

func (t *salonTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.base.Font(s)
	}
	// One face: bold and italic are synthesised by the renderer.
	return assets.Font
}

func (t *salonTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

func (t *salonTheme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }
