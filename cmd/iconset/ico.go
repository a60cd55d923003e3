package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/png"
)

// encodeICO writes a Windows .ico holding src at each size: 256 as PNG (how Windows
// stores large icons since Vista), the small ones as 32-bit BGRA bitmaps with an AND
// mask, which every consumer reads (NSIS, the resource compiler, old shells).
func encodeICO(src image.Image, sizes []int) ([]byte, error) {
	images := make([][]byte, len(sizes))
	for i, px := range sizes {
		img := resize(src, px)
		if px >= 256 {
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				return nil, err
			}
			images[i] = buf.Bytes()
		} else {
			images[i] = dib(img)
		}
	}
	var out bytes.Buffer
	le := binary.LittleEndian
	w := func(v any) { _ = binary.Write(&out, le, v) }
	w([3]uint16{0, 1, uint16(len(sizes))}) // ICONDIR: reserved, type 1 = icon, count
	offset := 6 + 16*len(sizes)
	for i, px := range sizes {
		dim := uint8(px)
		if px >= 256 {
			dim = 0 // 0 means 256
		}
		w([4]uint8{dim, dim, 0, 0}) // width, height, palette size, reserved
		w([2]uint16{1, 32})         // colour planes, bits per pixel
		w(uint32(len(images[i])))   // bytes of the image
		w(uint32(offset))           // where it starts
		offset += len(images[i])
	}
	for _, b := range images {
		out.Write(b)
	}
	return out.Bytes(), nil
}

// dib is an icon bitmap: BITMAPINFOHEADER (height doubled for the mask), BGRA rows
// bottom-up, then a 1-bit AND mask (rows padded to 4 bytes) set where fully transparent.
func dib(img *image.NRGBA) []byte {
	px := img.Bounds().Dx()
	maskRow := (px + 31) / 32 * 4
	var out bytes.Buffer
	le := binary.LittleEndian
	_ = binary.Write(&out, le, struct {
		Size                   uint32
		Width, Height          int32
		Planes, BitCount       uint16
		Compression, ImageSize uint32
		XPPM, YPPM             int32
		ClrUsed, ClrImportant  uint32
	}{40, int32(px), int32(2 * px), 1, 32, 0, uint32(px*px*4 + maskRow*px), 0, 0, 0, 0})
	for y := px - 1; y >= 0; y-- {
		for x := 0; x < px; x++ {
			c := img.NRGBAAt(x, y)
			out.Write([]byte{c.B, c.G, c.R, c.A})
		}
	}
	for y := px - 1; y >= 0; y-- {
		row := make([]byte, maskRow)
		for x := 0; x < px; x++ {
			if img.NRGBAAt(x, y).A == 0 {
				row[x/8] |= 0x80 >> (x % 8)
			}
		}
		out.Write(row)
	}
	return out.Bytes()
}
