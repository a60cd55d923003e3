package distcheck

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Go's own PE test files: a console program gcc/mingw built for amd64.
func goPE(t *testing.T, name string) string {
	p := filepath.Join(runtime.GOROOT(), "src", "debug", "pe", "testdata", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("Go's debug/pe test files are not installed: %v", err)
	}
	return p
}

// A console exe is read as PE32+ but not GUI, with its mingw C runtime imports.
func TestReadExeOfAConsoleProgram(t *testing.T) {
	e, err := ReadExe(goPE(t, "gcc-amd64-mingw-exec"))
	if err != nil {
		t.Fatal(err)
	}
	if !e.PE32Plus || e.GUI {
		t.Errorf("PE32+ %v GUI %v, want a 64-bit console image", e.PE32Plus, e.GUI)
	}
	if strings.Join(e.Imports, ",") != "kernel32.dll,msvcrt.dll" || len(e.NonSystemImports()) != 0 {
		t.Errorf("imports %v, non-system %v", e.Imports, e.NonSystemImports())
	}
	e.Imports = append(e.Imports, "libwinpthread-1.dll")
	if got := e.NonSystemImports(); len(got) != 1 || got[0] != "libwinpthread-1.dll" {
		t.Errorf("non-system imports %v, want the mingw thread DLL", got)
	}
}

// A plain exe is no NSIS installer, and has no version resource.
func TestAPlainExeIsNoInstaller(t *testing.T) {
	p := goPE(t, "gcc-amd64-mingw-exec")
	if _, err := ReadInstaller(p); err == nil || !strings.Contains(err.Error(), "not an NSIS installer") {
		t.Errorf("ReadInstaller: %v", err)
	}
	if _, err := ReadVersion(p); err == nil {
		t.Error("ReadVersion found a version resource in a program without one")
	}
}

// The version strings are read the way the resource lays them out: UTF-16 key, NUL,
// padding to 32 bits, value.
func TestParseVersionBlock(t *testing.T) {
	var b []byte
	b = append(b, make([]byte, 6)...)
	b = append(b, utf16Bytes("VS_VERSION_INFO\x00")...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	b = append(b, 0xbd, 0x04, 0xef, 0xfe, 0, 0, 1, 0)               // signature, struct version
	b = append(b, 1, 0, 0, 0, 40, 0, 3, 0, 1, 0, 0, 0, 40, 0, 3, 0) // file 0.1.3.40 (MS: minor, major; LS: build, patch)
	b = append(b, make([]byte, 28)...)
	b = append(b, 0, 0, 0, 0, 1, 0) // a String header's lengths and type
	b = append(b, utf16Bytes("ProductVersion\x00")...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	b = append(b, utf16Bytes("0.1.3\x00")...)
	v, err := parseVersion(b)
	if err != nil {
		t.Fatal(err)
	}
	if Dotted(v.File) != "0.1.3.40" || Dotted(v.Product) != "0.1.3.40" || v.Strings["ProductVersion"] != "0.1.3" {
		t.Errorf("file %s product %s strings %v", Dotted(v.File), Dotted(v.Product), v.Strings)
	}
}
