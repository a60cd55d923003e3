#!/usr/bin/env bash
# Runs the Windows installer under wine (Debian's wine64: the installer is a 64-bit
# NSIS stub) in a fresh prefix, silently, and shows what a salon PC would get:
#   install /S            files, shortcuts, 「アプリと機能」 and Run registry entries
#   the installed exe      says its version (wine passes the console through)
#   downgrade              an installed newer version makes /S stop with code 3
#   upgrade (same again)   /S over the installed one: the salon's data stays
#   uninstall /S           app, shortcuts and registry gone; data and backups stay
#   uninstall /REMOVEDATA  the data goes too
# Usage: scripts/dist-wine.sh dist/SalonDesk-Setup-X.Y.Z.exe
set -euo pipefail
setup=$(readlink -f "${1:?usage: dist-wine.sh SETUP.exe}")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/need-debs.sh" wine64
export PATH=$PATH:/usr/lib/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
WINEPREFIX=$(mktemp -d)/prefix
export WINEPREFIX
trap 'wineserver -k 2>/dev/null || true; rm -rf "$(dirname "$WINEPREFIX")"' EXIT

fail() { echo "dist-wine: FAIL: $*"; exit 1; }
# run CMD...: a wine program, waiting for every process it starts (NSIS's uninstaller
# copies itself to %TEMP% and returns before the copy has finished).
run() { local rc=0; timeout 180 wine64 "$@" || rc=$?; wineserver -w; return $rc; }
reg_get() { wine64 reg query "$1" /v "$2" 2>/dev/null | tr -d '\r' | awk -v k="$2" '$1 == k {print $3}'; }

uninst='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\SalonDesk'
runkey='HKCU\Software\Microsoft\Windows\CurrentVersion\Run'

echo "wine: $(wine64 --version), new prefix"
t0=$(date +%s)
wine64 wineboot --init >/dev/null 2>&1 || true
wineserver -w
echo "wine: prefix ready in $(( $(date +%s) - t0 )) s"
user_dir="$WINEPREFIX/drive_c/users/$(whoami)"
app="$user_dir/AppData/Local/Programs/SalonDesk"
data="$user_dir/AppData/Roaming/SalonDesk"
desktop=$(readlink -f "$user_dir/Desktop")

echo "== install /S"
run "$setup" /S || fail "the installer exited with $?"
ls -l "$app"
for f in SalonDesk.exe NOTICE.txt uninstall.exe; do [ -f "$app/$f" ] || fail "$f not installed"; done
[ -f "$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/SalonDesk.lnk" ] || fail "no Start menu shortcut"
[ -f "$desktop/SalonDesk.lnk" ] || fail "no desktop shortcut"
wine64 reg query "$uninst" | tr -d '\r'
version=$(reg_get "$uninst" DisplayVersion)
[ -n "$version" ] || fail "not registered in アプリと機能"
[ -n "$(reg_get "$runkey" SalonDesk)" ] || fail "no Run entry (Windows の起動時に開く)"
echo "Run: $(reg_get "$runkey" SalonDesk)"
said=$(timeout 60 wine64 "$app/SalonDesk.exe" version 2>/dev/null | tr -d '\r' || true)
echo "installed exe says: ${said:-(nothing: wine gave it no console)}"
[ -z "$said" ] || [ "$said" = "SalonDesk $version" ] || fail "the exe says \"$said\", the registry $version"

# The salon's data, as the app leaves it (main.go dataDir: %APPDATA%\SalonDesk).
mkdir -p "$data/backups"
echo db > "$data/salondesk.db"
echo backup > "$data/backups/salondesk-20250620-090000.db"

echo "== downgrade refused"
wine64 reg add "$uninst" /v DisplayVersion /d 99.0.0 /f >/dev/null
rc=0; run "$setup" /S || rc=$?
[ "$rc" = 3 ] || fail "installing $version over 99.0.0 exited with $rc, want 3 (refused)"
[ "$(reg_get "$uninst" DisplayVersion)" = 99.0.0 ] || fail "the refused downgrade changed the registry"
echo "refused with exit code 3, nothing changed"
wine64 reg add "$uninst" /v DisplayVersion /d "$version" /f >/dev/null

echo "== upgrade (the same version again) /S /NOAUTOSTART"
run "$setup" /S /NOAUTOSTART || fail "the reinstall exited with $?"
[ -f "$data/salondesk.db" ] && [ -f "$data/backups/salondesk-20250620-090000.db" ] || fail "the upgrade lost the data"
[ -z "$(reg_get "$runkey" SalonDesk)" ] || fail "/NOAUTOSTART left the Run entry"
echo "data kept; Run entry removed as asked"

echo "== uninstall /S (keeps the data)"
run "$app/uninstall.exe" /S || fail "the uninstaller exited with $?"
[ ! -e "$app" ] || { ls -la "$app"; fail "the app folder is still there"; }
[ ! -e "$desktop/SalonDesk.lnk" ] || fail "the desktop shortcut is still there"
wine64 reg query "$uninst" >/dev/null 2>&1 && fail "still in アプリと機能"
find "$data" -type f | sed "s|$user_dir|%USERPROFILE%|"
[ -f "$data/salondesk.db" ] && [ -f "$data/backups/salondesk-20250620-090000.db" ] || fail "the uninstaller removed the data"
echo "app removed, data and backups kept"

echo "== uninstall /S /REMOVEDATA"
run "$setup" /S || fail "the installer exited with $?"
run "$app/uninstall.exe" /S /REMOVEDATA || fail "the uninstaller exited with $?"
[ ! -e "$data" ] || fail "/REMOVEDATA left $data"
echo "app and data removed"
echo "dist-wine: OK"
