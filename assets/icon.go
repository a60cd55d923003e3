package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

// The icon is drawn by icons/gen.go (go run ./assets/icons/gen.go), not by hand, so that
// it can be redrawn in another colour or size.
//
//go:embed icons/icon.png
var iconBytes []byte

// Icon is the app icon: white scissors on the theme's primary blue.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", iconBytes)
