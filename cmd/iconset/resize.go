package main

import (
	"image"
	"image/color"
	"image/draw"
	"math"
)

// resize scales a square image to px×px by area averaging: each target pixel is the
// mean of the source area it covers (fractional edges weighted), in premultiplied
// alpha so that the transparent corners do not darken the rounded edge. Good for the
// downscaling icons need; no dependency beyond the standard library.
func resize(src image.Image, px int) *image.NRGBA {
	// Premultiplied 8-bit pixels read straight from Pix: At() per sample is slow.
	pre := image.NewRGBA(image.Rect(0, 0, src.Bounds().Dx(), src.Bounds().Dy()))
	draw.Draw(pre, pre.Bounds(), src, src.Bounds().Min, draw.Src)
	scale := float64(pre.Bounds().Dx()) / float64(px)
	dst := image.NewNRGBA(image.Rect(0, 0, px, px))
	for y := 0; y < px; y++ {
		y0, y1 := float64(y)*scale, float64(y+1)*scale
		for x := 0; x < px; x++ {
			x0, x1 := float64(x)*scale, float64(x+1)*scale
			dst.SetNRGBA(x, y, average(pre, x0, x1, y0, y1))
		}
	}
	return dst
}

func average(src *image.RGBA, x0, x1, y0, y1 float64) color.NRGBA {
	var r, g, b, a, total float64
	for sy := int(y0); float64(sy) < y1; sy++ {
		wy := overlap(float64(sy), y0, y1)
		row := src.Pix[sy*src.Stride:]
		for sx := int(x0); float64(sx) < x1; sx++ {
			w := wy * overlap(float64(sx), x0, x1)
			p := row[4*sx : 4*sx+4]
			r += w * float64(p[0])
			g += w * float64(p[1])
			b += w * float64(p[2])
			a += w * float64(p[3])
			total += w
		}
	}
	if a == 0 {
		return color.NRGBA{}
	}
	// Un-premultiply: colour channels over alpha, alpha over the area.
	return color.NRGBA{R: to8(r / a * 255), G: to8(g / a * 255), B: to8(b / a * 255), A: to8(a / total)}
}

// overlap is how much of the unit cell [i, i+1) lies inside [lo, hi).
func overlap(i, lo, hi float64) float64 {
	return math.Max(0, math.Min(i+1, hi)-math.Max(i, lo))
}

func to8(v float64) uint8 { return uint8(math.Round(math.Min(255, math.Max(0, v)))) }
