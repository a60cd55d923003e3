#!/usr/bin/env bash
# The Windows half of `make dist`: cross-builds SalonDesk.exe (GUI subsystem, static
# C runtime, version resource and icon from go-winres, GLFW with our patch as on
# Linux) and wraps it into the per-user NSIS installer.
#   dist/SalonDesk-<version>-windows-amd64.exe
#   dist/SalonDesk-Setup-<version>.exe
#
# GLFW patch on Windows: scripts/patched-modules.sh's go.work replace applies to this
# build too, but build/glfw/ime-keys.patch only changes x11_window.c and
# cocoa_window.m, so the Windows exe compiles GLFW's win32_window.c unchanged, which
# already drops WM_KEYDOWN with VK_PROCESSKEY (keys the IME used); see docs/ime.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/dist-env.sh"

scripts/need-debs.sh gcc-mingw-w64-x86-64 nsis
scripts/patched-modules.sh
need_tool go-winres "$WINRES_TOOL"
cp assets/licenses/NOTICE.txt "$work/NOTICE.txt" # the notice the exe embeds

# The version resource: packaging/windows/winres.json with this build's version, in
# out/dist-work, as deep as packaging/windows: go-winres reads the icon's path relative
# to the json file (even an absolute one), and ../../assets/… holds from both.
sed -e "s|\"0.0.0.0\"|\"$VERSION4\"|g" \
    -e "s|\"FileVersion\": \"\"|\"FileVersion\": \"$VERSION\"|" \
    -e "s|\"ProductVersion\": \"\"|\"ProductVersion\": \"$VERSION\"|" \
    packaging/windows/winres.json > "$work/winres.json"
# go build links every .syso of the main package's directory: put it there only for
# this build (rsrc_windows_amd64.syso is ignored by git and by non-Windows builds).
syso="$root/rsrc_windows_amd64.syso"
trap 'rm -f "$syso"' EXIT
"$tools/go-winres" make --in "$work/winres.json" --arch amd64 --out "$root/rsrc"

exe="$work/SalonDesk.exe"
# -static: libgcc and the mingw runtime inside the exe, so that it imports only
# Windows' own DLLs; -fstack-protector-strong: go-sqlite3's C needs __stack_chk_fail.
build_exe() {
  CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
    CGO_LDFLAGS="-static -static-libgcc -fstack-protector-strong" \
    go build -trimpath -tags migrated_fynedo \
    -ldflags "-H=windowsgui -s -w -X main.version=$VERSION" -o "$exe" .
}
timed "windows exe" build_exe
rm -f "$syso"
cp "$exe" "$dist/SalonDesk-$VERSION-windows-amd64.exe"

setup="$dist/SalonDesk-Setup-$VERSION.exe"
timed "nsis installer" makensis -V2 -INPUTCHARSET UTF8 \
  -DVERSION="$VERSION" -DVERSION4="$VERSION4" -DEXE="$exe" -DNOTICE="$work/NOTICE.txt" \
  -DICON="$root/assets/icons/icon.ico" -DOUTFILE="$setup" packaging/windows/installer.nsi
ls -l "$dist/SalonDesk-$VERSION-windows-amd64.exe" "$setup"
