package distcheck

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
)

// Resource type IDs (winuser.h).
const (
	rtGroupIcon = 14
	rtVersion   = 16
)

// Version is an executable's version resource: what Explorer's プロパティ → 詳細 shows.
type Version struct {
	File, Product   [4]uint16 // VS_FIXEDFILEINFO's numbers
	Strings         map[string]string
	IconGroupImages int // images in the first RT_GROUP_ICON (0: no icon)
}

// ReadVersion reads the version resource and the icon group of an executable.
func ReadVersion(path string) (Version, error) {
	f, err := pe.Open(path)
	if err != nil {
		return Version{}, err
	}
	defer f.Close()
	sec := f.Section(".rsrc")
	if sec == nil {
		return Version{}, fmt.Errorf("%s: no .rsrc section (no resources)", path)
	}
	data, err := sec.Data()
	if err != nil {
		return Version{}, err
	}
	r := rsrc{data: data, base: sec.VirtualAddress}
	blob, err := r.first(rtVersion)
	if err != nil {
		return Version{}, fmt.Errorf("%s: version resource: %w", path, err)
	}
	v, err := parseVersion(blob)
	if err != nil {
		return v, fmt.Errorf("%s: %w", path, err)
	}
	if grp, err := r.first(rtGroupIcon); err == nil && len(grp) >= 6 {
		v.IconGroupImages = int(binary.LittleEndian.Uint16(grp[4:]))
	}
	return v, nil
}

// rsrc walks a resource section: type → name → language → data.
type rsrc struct {
	data []byte
	base uint32 // the section's virtual address (data entries hold RVAs)
}

// first returns the data of the first resource of this type (any name, any language).
func (r rsrc) first(typ uint32) ([]byte, error) {
	off, err := r.entry(0, func(id uint32) bool { return id == typ })
	if err != nil {
		return nil, err
	}
	for level := 0; level < 2; level++ { // name, then language: take the first
		if off, err = r.entry(off, func(uint32) bool { return true }); err != nil {
			return nil, err
		}
	}
	if int(off)+8 > len(r.data) {
		return nil, errors.New("resource data entry out of range")
	}
	rva, size := binary.LittleEndian.Uint32(r.data[off:]), binary.LittleEndian.Uint32(r.data[off+4:])
	start := int64(rva) - int64(r.base)
	if start < 0 || start+int64(size) > int64(len(r.data)) {
		return nil, errors.New("resource data out of the section")
	}
	return r.data[start : start+int64(size)], nil
}

// entry finds, in the directory at off, the first entry whose id matches and returns
// the offset it points at (high bit set: another directory).
func (r rsrc) entry(off uint32, match func(id uint32) bool) (uint32, error) {
	if int(off)+16 > len(r.data) {
		return 0, errors.New("resource directory out of range")
	}
	le := binary.LittleEndian
	n := int(le.Uint16(r.data[off+12:])) + int(le.Uint16(r.data[off+14:])) // named + id entries
	for i := 0; i < n; i++ {
		e := int(off) + 16 + 8*i
		if e+8 > len(r.data) {
			break
		}
		if match(le.Uint32(r.data[e:])) {
			return le.Uint32(r.data[e+4:]) &^ 0x80000000, nil
		}
	}
	return 0, errors.New("not found")
}

// parseVersion reads VS_VERSIONINFO: the fixed numbers after the 0xFEEF04BD signature
// and each StringFileInfo value (UTF-16 key, NUL, padding to 32 bits, UTF-16 value).
func parseVersion(b []byte) (Version, error) {
	v := Version{Strings: map[string]string{}}
	le := binary.LittleEndian
	sig := []byte{0xbd, 0x04, 0xef, 0xfe}
	i := bytes.Index(b, sig)
	if i < 0 || i+52 > len(b) {
		return v, errors.New("no VS_FIXEDFILEINFO in the version resource")
	}
	fixed := b[i+8:]
	for k, dst := range []*[4]uint16{&v.File, &v.Product} {
		ms, ls := le.Uint32(fixed[8*k:]), le.Uint32(fixed[8*k+4:])
		*dst = [4]uint16{uint16(ms >> 16), uint16(ms), uint16(ls >> 16), uint16(ls)}
	}
	for _, key := range []string{"ProductVersion", "FileVersion", "ProductName", "FileDescription", "OriginalFilename"} {
		if val, ok := stringValue(b, key); ok {
			v.Strings[key] = val
		}
	}
	return v, nil
}

func stringValue(b []byte, key string) (string, bool) {
	k := utf16Bytes(key + "\x00")
	i := bytes.Index(b, k)
	if i < 0 {
		return "", false
	}
	p := (i + len(k) + 3) &^ 3 // values start 32-bit aligned
	var units []uint16
	for ; p+1 < len(b); p += 2 {
		u := binary.LittleEndian.Uint16(b[p:])
		if u == 0 {
			break
		}
		units = append(units, u)
	}
	return string(utf16.Decode(units)), true
}

func utf16Bytes(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = binary.LittleEndian.AppendUint16(out, u)
	}
	return out
}

// Dotted is "X.Y.Z.B".
func Dotted(n [4]uint16) string { return fmt.Sprintf("%d.%d.%d.%d", n[0], n[1], n[2], n[3]) }
