// Command iconset writes every icon size the platforms need from the one source
// image, assets/icons/icon.png (drawn by assets/icons/gen.go):
//
//	go run ./cmd/iconset                      assets/icons/icon.ico + assets/icons/hicolor/
//	go run ./cmd/iconset -iconset DIR         also DIR (a macOS .iconset for iconutil)
//
// Run it from the repository root after redrawing the icon, and commit what it
// writes; a test fails when the committed files no longer match the source.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
)

// Sizes Windows picks from in a .ico: the title bar and tray (16, 24 at 150 %), the
// taskbar (32, 48), Explorer's views (48, 64, 256).
var icoSizes = []int{16, 24, 32, 48, 64, 256}

// Sizes of the freedesktop hicolor theme a .desktop file's Icon= is looked up in.
var hicolorSizes = []int{16, 24, 32, 48, 64, 128, 256, 512}

// macOS .iconset names: each point size at 1x and 2x (iconutil -c icns DIR).
var iconsetSizes = []struct {
	name string
	px   int
}{
	{"icon_16x16.png", 16}, {"icon_16x16@2x.png", 32},
	{"icon_32x32.png", 32}, {"icon_32x32@2x.png", 64},
	{"icon_128x128.png", 128}, {"icon_128x128@2x.png", 256},
	{"icon_256x256.png", 256}, {"icon_256x256@2x.png", 512},
	{"icon_512x512.png", 512},
}

const appName = "salondesk" // the .desktop file's Icon= name

func main() {
	src := flag.String("src", "assets/icons/icon.png", "the source image (square, 512×512)")
	out := flag.String("out", "assets/icons", "where icon.ico and hicolor/ go")
	iconset := flag.String("iconset", "", "also write a macOS .iconset directory here")
	flag.Parse()
	if err := run(*src, *out, *iconset); err != nil {
		fmt.Fprintln(os.Stderr, "iconset:", err)
		os.Exit(1)
	}
}

func run(srcPath, out, iconset string) error {
	src, err := readPNG(srcPath)
	if err != nil {
		return err
	}
	ico, err := encodeICO(src, icoSizes)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "icon.ico"), ico, 0o644); err != nil {
		return err
	}
	for _, px := range hicolorSizes {
		dir := filepath.Join(out, "hicolor", fmt.Sprintf("%dx%d", px, px), "apps")
		if err := writePNG(filepath.Join(dir, appName+".png"), resize(src, px)); err != nil {
			return err
		}
	}
	if iconset == "" {
		return nil
	}
	for _, s := range iconsetSizes {
		if err := writePNG(filepath.Join(iconset, s.name), resize(src, s.px)); err != nil {
			return err
		}
	}
	return nil
}

func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if b := img.Bounds(); b.Dx() != b.Dy() || b.Dx() < 256 {
		return nil, fmt.Errorf("%s: the source must be square and at least 256 px, not %v", path, b.Size())
	}
	return img, nil
}

func writePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
