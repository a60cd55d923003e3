package theme

import (
	"bytes"
	"reflect"
	"runtime"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"

	"salondesk/assets"
)

// memFont offers go-text the font's bytes (opentype.BytesResource), as Fyne's patched
// loadMeasureFont does (build/fyne/font-once.patch): the patched go-text then reads its
// tables in place. Unpatched, it is a plain reader and the test compares two copies.
type memFont struct {
	*bytes.Reader
	b []byte
}

func (m memFont) Bytes() []byte { return m.b }

// Reading the font's tables in place (build/go-text/lazy-glyf.patch) must give every
// glyph the same outline and advance as reading them from copies, and its bytes must
// come out unchanged: they are the binary's read-only data.
func TestFontReadInPlaceDrawsLikeCopies(t *testing.T) {
	raw := assets.FontBytes()
	before := bytes.Clone(raw)
	inPlace, err := font.ParseTTF(memFont{bytes.NewReader(raw), raw})
	if err != nil {
		t.Fatal(err)
	}
	copied, err := font.ParseTTF(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	drawn := 0
	n := numGlyphs(copied)
	for gid := font.GID(0); int(gid) < n; gid++ {
		a, b := inPlace.GlyphData(gid), copied.GlyphData(gid)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("glyph %d: outline read in place differs from the copy's", gid)
		}
		if o, ok := a.(font.GlyphOutline); ok && len(o.Segments) > 0 {
			drawn++
		}
		if inPlace.HorizontalAdvance(gid) != copied.HorizontalAdvance(gid) {
			t.Fatalf("glyph %d: advance differs", gid)
		}
	}
	// IPAex Gothic draws kana, JIS level 1-2 kanji and more: thousands of outlines.
	if drawn < 10000 {
		t.Errorf("only %d glyphs have an outline", drawn)
	}
	for _, r := range "予約アラート髙﨑" {
		if _, ok := inPlace.NominalGlyph(r); !ok {
			t.Errorf("no glyph for %q", r)
		}
	}
	if !bytes.Equal(raw, before) {
		t.Error("parsing changed the embedded font's bytes")
	}
}

// numGlyphs counts the glyphs: GlyphData is nil past the last one (an empty glyph, like
// the space, is an empty outline).
func numGlyphs(f *font.Face) int {
	n := 0
	for f.GlyphData(font.GID(n)) != nil {
		n++
	}
	return n
}

// Glyphs parsed on first use (build/go-text/lazy-glyf.patch) must measure as go-text's
// own eager parse of the whole 'glyf' table does, glyph by glyph.
func TestFontGlyphsParsedOnUseMatchTheEagerParse(t *testing.T) {
	raw := assets.FontBytes()
	eager := eagerGlyf(t, raw)
	face, err := font.ParseTTF(memFont{bytes.NewReader(raw), raw})
	if err != nil {
		t.Fatal(err)
	}
	if n := numGlyphs(face); n != len(eager) {
		t.Fatalf("%d glyphs, the eager parse has %d", n, len(eager))
	}
	for gid, g := range eager {
		ext, ok := face.GlyphExtents(font.GID(gid))
		if !ok {
			t.Fatalf("glyph %d: no extents", gid)
		}
		if ext.YBearing != float32(max(g.YMin, g.YMax)) || ext.Width != float32(max(g.XMin, g.XMax)-min(g.XMin, g.XMax)) ||
			ext.Height != float32(min(g.YMin, g.YMax)-max(g.YMin, g.YMax)) {
			t.Fatalf("glyph %d: extents %+v, the eager parse's box is %d,%d-%d,%d", gid, ext, g.XMin, g.YMin, g.XMax, g.YMax)
		}
	}
}

// eagerGlyf parses every glyph of the font's 'glyf' table at once, as unpatched go-text
// does when it loads a font.
func eagerGlyf(t *testing.T, raw []byte) tables.Glyf {
	t.Helper()
	ld, err := ot.NewLoader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	table := func(tag string) []byte {
		b, err := ld.RawTable(ot.MustNewTag(tag))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	head, _, err := tables.ParseHead(table("head"))
	if err != nil {
		t.Fatal(err)
	}
	maxp, _, err := tables.ParseMaxp(table("maxp"))
	if err != nil {
		t.Fatal(err)
	}
	loca, err := tables.ParseLoca(table("loca"), int(maxp.NumGlyphs), head.IndexToLocFormat == 1)
	if err != nil {
		t.Fatal(err)
	}
	glyf, err := tables.ParseGlyf(table("glyf"), loca)
	if err != nil {
		t.Fatal(err)
	}
	return glyf
}

// BenchmarkParseFont reports the heap one parse of the embedded font keeps, the way
// Fyne loads it (in place). Before the go-text and Fyne patches: ~19 MB a parse, once
// per text style.
func BenchmarkParseFont(b *testing.B) {
	raw := assets.FontBytes()
	var kept *font.Face
	var ms0, ms1 runtime.MemStats
	for i := 0; i < b.N; i++ {
		runtime.GC()
		runtime.ReadMemStats(&ms0)
		f, err := font.ParseTTF(memFont{bytes.NewReader(raw), raw})
		if err != nil {
			b.Fatal(err)
		}
		kept = f
		runtime.GC()
		runtime.ReadMemStats(&ms1)
	}
	b.ReportMetric(float64(ms1.HeapAlloc-ms0.HeapAlloc)/(1<<20), "heap-MB/parse")
	runtime.KeepAlive(kept)
}
