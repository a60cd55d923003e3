//go:build ignore

// gen draws the app icon once: a rounded square in the theme's primary blue with a
// white pair of open scissors. Run from the repository root:
//
//	go run ./assets/icons/gen.go
//
// It writes assets/icons/icon.png (512×512), which assets/icon.go embeds.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/vector"
)

const size = 512

var (
	blue  = color.NRGBA{R: 0x1f, G: 0x6f, B: 0xb2, A: 0xff} // ui/theme's primary colour
	white = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
)

type pt struct{ x, y float64 }

func main() {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	fill(img, blue, func(z *vector.Rasterizer) { roundedSquare(z, 24, 24, size-48, 108) })
	// Two blades crossing at the pivot, each running on into the opposite handle. Each
	// shape is filled on its own so that their windings cannot cancel where they overlap.
	pivot := pt{256, 268}
	left, right := pt{178, 398}, pt{334, 398}
	fill(img, white, func(z *vector.Rasterizer) { blade(z, pt{150, 78}, pivot, toward(right, pivot, 50)) })
	fill(img, white, func(z *vector.Rasterizer) { blade(z, pt{362, 78}, pivot, toward(left, pivot, 50)) })
	fill(img, white, func(z *vector.Rasterizer) { ring(z, left, 62, 38) })
	fill(img, white, func(z *vector.Rasterizer) { ring(z, right, 62, 38) })
	// The screw at the pivot, in the background colour.
	fill(img, blue, func(z *vector.Rasterizer) { circle(z, pt{256, 268}, 13, false) })

	f, err := os.Create("assets/icons/icon.png")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
}

func fill(dst *image.RGBA, c color.Color, path func(z *vector.Rasterizer)) {
	z := vector.NewRasterizer(size, size)
	path(z)
	z.Draw(dst, dst.Bounds(), image.NewUniform(c), image.Point{})
}

// k places cubic control points so that four curves approximate a circle.
const k = 0.5522847498

func roundedSquare(z *vector.Rasterizer, x, y, w, r float64) {
	z.MoveTo(float32(x+r), float32(y))
	z.LineTo(float32(x+w-r), float32(y))
	z.CubeTo(float32(x+w-r+k*r), float32(y), float32(x+w), float32(y+r-k*r), float32(x+w), float32(y+r))
	z.LineTo(float32(x+w), float32(y+w-r))
	z.CubeTo(float32(x+w), float32(y+w-r+k*r), float32(x+w-r+k*r), float32(y+w), float32(x+w-r), float32(y+w))
	z.LineTo(float32(x+r), float32(y+w))
	z.CubeTo(float32(x+r-k*r), float32(y+w), float32(x), float32(y+w-r+k*r), float32(x), float32(y+w-r))
	z.LineTo(float32(x), float32(y+r))
	z.CubeTo(float32(x), float32(y+r-k*r), float32(x+r-k*r), float32(y), float32(x+r), float32(y))
	z.ClosePath()
}

// circle adds a circle; reverse winds it the other way, which cuts a hole in a shape.
func circle(z *vector.Rasterizer, c pt, r float64, reverse bool) {
	s := 1.0
	if reverse {
		s = -1
	}
	p := func(dx, dy float64) (float32, float32) { return float32(c.x + dx), float32(c.y + s*dy) }
	z.MoveTo(p(r, 0))
	cx1, cy1 := p(r, k*r)
	cx2, cy2 := p(k*r, r)
	x, y := p(0, r)
	z.CubeTo(cx1, cy1, cx2, cy2, x, y)
	cx1, cy1 = p(-k*r, r)
	cx2, cy2 = p(-r, k*r)
	x, y = p(-r, 0)
	z.CubeTo(cx1, cy1, cx2, cy2, x, y)
	cx1, cy1 = p(-r, -k*r)
	cx2, cy2 = p(-k*r, -r)
	x, y = p(0, -r)
	z.CubeTo(cx1, cy1, cx2, cy2, x, y)
	cx1, cy1 = p(k*r, -r)
	cx2, cy2 = p(r, -k*r)
	x, y = p(r, 0)
	z.CubeTo(cx1, cy1, cx2, cy2, x, y)
	z.ClosePath()
}

// toward is the point d away from c in the direction of p.
func toward(c, p pt, d float64) pt {
	dx, dy := p.x-c.x, p.y-c.y
	l := math.Hypot(dx, dy)
	return pt{c.x + dx/l*d, c.y + dy/l*d}
}

func ring(z *vector.Rasterizer, c pt, outer, inner float64) {
	circle(z, c, outer, false)
	circle(z, c, inner, true)
}

// blade is a pointed blade from tip to the pivot, then a shank of even width to end
// (where the handle ring takes over).
func blade(z *vector.Rasterizer, tip, pivot, end pt) {
	dx, dy := pivot.x-tip.x, pivot.y-tip.y
	l := math.Hypot(dx, dy)
	nx, ny := -dy/l, dx/l // unit normal of the blade
	const wide, shank = 30.0, 19.0
	// The cutting edge is straight, the back curves from the tip to the widest point.
	mid := pt{tip.x + dx*0.55, tip.y + dy*0.55}
	z.MoveTo(float32(tip.x), float32(tip.y))
	z.QuadTo(float32(mid.x+nx*wide*1.1), float32(mid.y+ny*wide*1.1), float32(pivot.x+nx*wide), float32(pivot.y+ny*wide))
	ex, ey := end.x-pivot.x, end.y-pivot.y
	el := math.Hypot(ex, ey)
	mx, my := -ey/el, ex/el
	z.LineTo(float32(end.x+mx*shank), float32(end.y+my*shank))
	z.LineTo(float32(end.x-mx*shank), float32(end.y-my*shank))
	z.LineTo(float32(pivot.x-nx*wide*0.35), float32(pivot.y-ny*wide*0.35))
	z.ClosePath()
}
