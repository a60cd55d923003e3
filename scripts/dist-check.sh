#!/usr/bin/env bash
# make dist-check: checks the files `make dist` built.
#  1. packaging/distcheck's Go test on dist/: the installer is a complete NSIS
#     installer, the exe (alone and inside the installer) is a 64-bit GUI exe that
#     imports only Windows' own DLLs, with the version and icon in its resources.
#  2. The Linux tarball unpacks (binary, .desktop file, icons, licences), its binary
#     says its version and starts --demo in a real window under Xvfb (scripts/smoke.sh).
#  3. Under wine (scripts/dist-wine.sh): silent install, upgrade, refused downgrade,
#     uninstall keeping the data, uninstall /REMOVEDATA removing it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/dist-env.sh"
setup="$dist/SalonDesk-Setup-$VERSION.exe"
tarball="$dist/SalonDesk-$VERSION-linux-amd64.tar.xz"
for f in "$setup" "$dist/SalonDesk-$VERSION-windows-amd64.exe" "$tarball"; do
  [ -f "$f" ] || { echo "dist-check: FAIL: $f missing: run make dist first"; exit 1; }
done
scripts/need-debs.sh p7zip-full xz-utils xvfb xauth xdotool imagemagick dbus

echo "== 1. Windows files (packaging/distcheck)"
SALONDESK_DIST="$dist" SALONDESK_VERSION="$VERSION" \
  go test -count=1 -v -run 'TestWindows' ./packaging/distcheck/

echo "== 2. Linux tarball"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
tar -C "$t" -xJf "$tarball"
pkg="$t/SalonDesk"
(cd "$t" && find . -type f | sort)
desktop=$(ls "$pkg"/usr/local/share/applications/*.desktop)
grep -q '^Exec=SalonDesk' "$desktop" && grep -q '^Icon=' "$desktop" && grep -q '^Type=Application' "$desktop" ||
  { echo "dist-check: FAIL: $desktop lacks Exec/Icon/Type"; cat "$desktop"; exit 1; }
[ -f "$pkg/usr/local/share/doc/salondesk/NOTICE.txt" ] || { echo "dist-check: FAIL: no NOTICE.txt"; exit 1; }
# `make install` into a scratch prefix puts everything where a desktop looks for it.
make -s -C "$pkg" install DESTDIR="$t/root" PREFIX=/usr >/dev/null
for f in bin/SalonDesk share/applications/jp.salondesk.desk.desktop share/icons/hicolor/16x16/apps/jp.salondesk.desk.png \
  share/icons/hicolor/512x512/apps/jp.salondesk.desk.png share/doc/salondesk/NOTICE.txt; do
  [ -f "$t/root/usr/$f" ] || { echo "dist-check: FAIL: make install did not install $f"; exit 1; }
done
said=$("$pkg/usr/local/bin/SalonDesk" version)
[ "$said" = "SalonDesk $VERSION" ] || { echo "dist-check: FAIL: the binary says \"$said\", want SalonDesk $VERSION"; exit 1; }
echo "binary says: $said"
scripts/smoke.sh "$pkg/usr/local/bin/SalonDesk" out/dist-check

echo "== 3. Windows installer under wine"
scripts/dist-wine.sh "$setup"
echo "dist-check: OK"
