package distcheck

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"os"
)

// nsisMagic is NSIS's first header: flags, then 0xDEADBEEF and "NullsoftInst".
var nsisMagic = append([]byte{0xef, 0xbe, 0xad, 0xde}, "NullsoftInst"...)

// Installer is what makes a file an NSIS installer: the stub's PE image, then the
// compressed data, announced by the first header right after the image.
type Installer struct {
	Stub       Exe
	DataOffset int64 // where the first header starts (the end of the stub's image)
	DataLength int64 // what the first header says follows it
	Size       int64
}

// ReadInstaller checks that path is an NSIS installer whose data is complete.
func ReadInstaller(path string) (Installer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Installer{}, err
	}
	stub, err := ReadExe(path)
	if err != nil {
		return Installer{}, err
	}
	f, err := pe.NewFile(bytes.NewReader(b))
	if err != nil {
		return Installer{}, err
	}
	var end int64
	for _, s := range f.Sections {
		end = max(end, int64(s.Offset)+int64(s.Size))
	}
	f.Close()
	// NSIS searches from the end of the image in 512-byte steps.
	i := bytes.Index(b[end:], nsisMagic)
	if i < 4 {
		return Installer{}, fmt.Errorf("%s: no NSIS header after the executable image: not an NSIS installer", path)
	}
	hdr := end + int64(i) - 4 // the flags word precedes the magic
	if int(hdr)+28 > len(b) {
		return Installer{}, fmt.Errorf("%s: truncated NSIS header", path)
	}
	length := int64(binary.LittleEndian.Uint32(b[hdr+24:]))
	in := Installer{Stub: stub, DataOffset: hdr, DataLength: length, Size: int64(len(b))}
	if hdr+length > in.Size {
		return in, fmt.Errorf("%s: NSIS data is cut short: header says %d bytes from %d, file has %d", path, length, hdr, in.Size)
	}
	return in, nil
}
