package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// The committed icon files are what the generator makes of the committed source: a
// redrawn icon.png without `go run ./cmd/iconset` fails here.
func TestCommittedIconsMatchTheSource(t *testing.T) {
	root := filepath.Join("..", "..", "assets", "icons")
	out := t.TempDir()
	if err := run(filepath.Join(root, "icon.png"), out, ""); err != nil {
		t.Fatal(err)
	}
	files := []string{"icon.ico"}
	for _, px := range hicolorSizes {
		files = append(files, filepath.Join("hicolor", fmt.Sprintf("%dx%d", px, px), "apps", "salondesk.png"))
	}
	for _, f := range files {
		want, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatalf("%s is not committed (run go run ./cmd/iconset): %v", f, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("assets/icons/%s is stale: run go run ./cmd/iconset and commit", f)
		}
	}
}

// The .ico is read the way Windows reads it: a directory of six entries whose
// sizes, offsets and lengths point at a 256 px PNG and 32-bit bitmaps.
func TestICOHoldsEverySizeWindowsUses(t *testing.T) {
	src, err := readPNG(filepath.Join("..", "..", "assets", "icons", "icon.png"))
	if err != nil {
		t.Fatal(err)
	}
	ico, err := encodeICO(src, icoSizes)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	if le.Uint16(ico[2:]) != 1 || int(le.Uint16(ico[4:])) != len(icoSizes) {
		t.Fatalf("header: type %d count %d", le.Uint16(ico[2:]), le.Uint16(ico[4:]))
	}
	for i, px := range icoSizes {
		e := ico[6+16*i:]
		w := int(e[0])
		if w == 0 {
			w = 256
		}
		size, off := le.Uint32(e[8:]), le.Uint32(e[12:])
		if w != px || int(e[1]) != int(e[0]) || le.Uint16(e[6:]) != 32 {
			t.Errorf("entry %d: %d×%d at %d bpp, want %d", i, e[0], e[1], le.Uint16(e[6:]), px)
		}
		data := ico[off : off+size]
		if px == 256 {
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil || img.Bounds().Dx() != 256 {
				t.Errorf("256 entry is not a 256 px PNG: %v", err)
			}
			continue
		}
		if int(le.Uint32(data[4:])) != px || int(le.Uint32(data[8:])) != 2*px {
			t.Errorf("bitmap %d: header %d×%d", px, le.Uint32(data[4:]), le.Uint32(data[8:]))
		}
		// The centre pixel (the screw at the pivot area is blue or white, never clear).
		want := resize(src, px).NRGBAAt(px/2, px/2)
		row := px - 1 - px/2 // bottom-up
		p := data[40+(row*px+px/2)*4:]
		if p[0] != want.B || p[1] != want.G || p[2] != want.R || p[3] != want.A || p[3] == 0 {
			t.Errorf("bitmap %d: centre % x, want %v", px, p[:4], want)
		}
	}
}

// Area averaging keeps a flat colour flat and the transparent corners transparent.
func TestResizeKeepsColourAndCorners(t *testing.T) {
	src, err := readPNG(filepath.Join("..", "..", "assets", "icons", "icon.png"))
	if err != nil {
		t.Fatal(err)
	}
	small := resize(src, 24)
	if c := small.NRGBAAt(0, 0); c.A != 0 {
		t.Errorf("corner %v, want transparent", c)
	}
	// Just inside the rounded square's edge, left middle: the theme's blue.
	if c := small.NRGBAAt(3, 12); c.R != 0x1f || c.G != 0x6f || c.B != 0xb2 || c.A != 0xff {
		t.Errorf("edge %v, want opaque #1f6fb2", c)
	}
}
