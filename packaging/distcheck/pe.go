// Package distcheck checks the files `make dist` built, the way Windows will read
// them: the exe's header, imports and version resource, and the NSIS installer's
// layout. Its test (dist_test.go) runs on dist/ from `make dist-check`.
package distcheck

import (
	"debug/pe"
	"fmt"
	"slices"
	"strings"
)

// Exe is what Windows reads from an executable's headers.
type Exe struct {
	PE32Plus bool     // a 64-bit image
	GUI      bool     // subsystem WINDOWS_GUI: no console window opens with it
	Imports  []string // DLL names, lower case
}

// ReadExe reads an executable's headers and import table.
func ReadExe(path string) (Exe, error) {
	f, err := pe.Open(path)
	if err != nil {
		return Exe{}, err
	}
	defer f.Close()
	var e Exe
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		e.PE32Plus, e.GUI = true, h.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_GUI
	case *pe.OptionalHeader32:
		e.GUI = h.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_GUI
	default:
		return e, fmt.Errorf("%s: no optional header (not an executable)", path)
	}
	// debug/pe's ImportedLibraries is unimplemented (returns nothing); the symbols
	// come as "name:dll".
	syms, err := f.ImportedSymbols()
	if err != nil {
		return e, fmt.Errorf("%s: imports: %w", path, err)
	}
	for _, s := range syms {
		if _, dll, ok := strings.Cut(s, ":"); ok {
			e.Imports = append(e.Imports, strings.ToLower(dll))
		}
	}
	slices.Sort(e.Imports)
	e.Imports = slices.Compact(e.Imports)
	return e, nil
}

// systemDLLs ship with every Windows 10/11. msvcrt.dll is the system's C runtime the
// mingw-w64 toolchain links against (not a redistributable like msvcr120.dll).
var systemDLLs = map[string]bool{
	"advapi32.dll": true, "comctl32.dll": true, "comdlg32.dll": true, "crypt32.dll": true,
	"dwmapi.dll": true, "gdi32.dll": true, "imm32.dll": true, "kernel32.dll": true,
	"msvcrt.dll": true, "ntdll.dll": true, "ole32.dll": true, "oleaut32.dll": true,
	"opengl32.dll": true, "shell32.dll": true, "shlwapi.dll": true, "user32.dll": true,
	"userenv.dll": true, "uxtheme.dll": true, "version.dll": true, "winmm.dll": true,
	"ws2_32.dll": true, "bcrypt.dll": true, "secur32.dll": true, "iphlpapi.dll": true,
	"dnsapi.dll": true, "netapi32.dll": true, "powrprof.dll": true, "setupapi.dll": true,
}

// NonSystemImports are the imported DLLs a clean Windows does not have (e.g.
// libgcc_s_seh-1.dll or libwinpthread-1.dll when the C runtime was not linked in).
func (e Exe) NonSystemImports() []string {
	var bad []string
	for _, l := range e.Imports {
		if !systemDLLs[l] && !strings.HasPrefix(l, "api-ms-win-") {
			bad = append(bad, l)
		}
	}
	return bad
}
