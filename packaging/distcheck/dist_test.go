package distcheck

import (
	"bytes"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// distFiles are the files `make dist` built: SALONDESK_DIST (the dist directory) and
// SALONDESK_VERSION are set by scripts/dist-check.sh. Without them (a plain go test)
// there is nothing built to check.
func distFiles(t *testing.T) (dir, version string) {
	dir, version = os.Getenv("SALONDESK_DIST"), os.Getenv("SALONDESK_VERSION")
	if dir == "" || version == "" {
		t.Skip("checks the built installers: run make dist-check")
	}
	return dir, version
}

// The Windows exe: 64-bit, GUI subsystem (no console window), importing only what
// Windows ships, with the app's version and icon in its properties.
func TestWindowsExe(t *testing.T) {
	dir, version := distFiles(t)
	checkAppExe(t, filepath.Join(dir, "SalonDesk-"+version+"-windows-amd64.exe"), version)
}

func checkAppExe(t *testing.T, path, version string) {
	t.Helper()
	e, err := ReadExe(path)
	if err != nil {
		t.Fatal(err)
	}
	if !e.PE32Plus || !e.GUI {
		t.Errorf("%s: PE32+ %v, GUI %v; want a 64-bit GUI exe", path, e.PE32Plus, e.GUI)
	}
	if bad := e.NonSystemImports(); len(bad) > 0 {
		t.Errorf("%s imports DLLs Windows does not ship: %v (all: %v)", path, bad, e.Imports)
	}
	t.Logf("%s imports %v", filepath.Base(path), e.Imports)
	v, err := ReadVersion(path)
	if err != nil {
		t.Fatal(err)
	}
	if v.Strings["ProductVersion"] != version || v.Strings["FileVersion"] != version {
		t.Errorf("%s: version strings %v, want %s", path, v.Strings, version)
	}
	if !strings.HasPrefix(Dotted(v.File), version+".") || Dotted(v.Product) != Dotted(v.File) {
		t.Errorf("%s: fixed version file %s product %s, want %s.N", path, Dotted(v.File), Dotted(v.Product), version)
	}
	if v.IconGroupImages != 6 {
		t.Errorf("%s: icon with %d images, want the 6 sizes of assets/icons/icon.ico", path, v.IconGroupImages)
	}
}

// The installer: an NSIS installer, complete, 64-bit GUI, with its own version, and
// (when 7z can open it) carrying exactly the exe checked above and the notice.
func TestWindowsInstaller(t *testing.T) {
	dir, version := distFiles(t)
	path := filepath.Join(dir, "SalonDesk-Setup-"+version+".exe")
	in, err := ReadInstaller(path)
	if err != nil {
		t.Fatal(err)
	}
	if !in.Stub.GUI || !in.Stub.PE32Plus {
		t.Errorf("installer stub: PE32+ %v GUI %v", in.Stub.PE32Plus, in.Stub.GUI)
	}
	t.Logf("NSIS data: %d bytes at %d of %d", in.DataLength, in.DataOffset, in.Size)
	v, err := ReadVersion(path)
	if err != nil {
		t.Fatal(err)
	}
	if v.Strings["ProductVersion"] != version {
		t.Errorf("installer ProductVersion %q, want %s", v.Strings["ProductVersion"], version)
	}
	sevenZip, err := exec.LookPath("7z")
	if err != nil {
		t.Skip("7z (p7zip-full) not installed: the files inside are not compared")
	}
	out := t.TempDir()
	if b, err := exec.Command(sevenZip, "x", "-y", "-o"+out, path).CombinedOutput(); err != nil {
		t.Fatalf("7z x: %v\n%s", err, b)
	}
	inner := filepath.Join(out, "SalonDesk.exe")
	if sum(t, inner) != sum(t, filepath.Join(dir, "SalonDesk-"+version+"-windows-amd64.exe")) {
		t.Error("the exe inside the installer is not the exe dist built")
	}
	checkAppExe(t, inner, version)
	notice, err := os.ReadFile(filepath.Join(out, "NOTICE.txt"))
	if err != nil || !bytes.HasPrefix(notice, []byte("SalonDesk — ライセンス")) {
		t.Errorf("NOTICE.txt inside: %v", err)
	}
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}
