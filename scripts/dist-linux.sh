#!/usr/bin/env bash
# The Linux half of `make dist`: builds SalonDesk with the version and packs it with
# `fyne package` (binary, .desktop file, icon), adding the hicolor icon sizes and the
# licence notice.
#   dist/SalonDesk-<version>-linux-amd64.tar.xz
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/dist-env.sh"

scripts/need-debs.sh git gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
  libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev xz-utils
scripts/patched-modules.sh
need_tool fyne "$FYNE_TOOL"

lw="$work/linux"
rm -rf "$lw"
mkdir -p "$lw"
bin="$lw/SalonDesk"
# -trimpath as fyne package would: no build machine paths in the shipped binary.
timed "linux binary" go build -trimpath -tags migrated_fynedo \
  -ldflags "-s -w -X main.version=$VERSION" -o "$bin" .

# fyne package bumps FyneApp.toml's Build on every run: keep the tracked file as it was.
cp FyneApp.toml "$lw/FyneApp.toml.orig"
trap 'cp "$lw/FyneApp.toml.orig" "$root/FyneApp.toml"' EXIT
(cd "$lw" && "$tools/fyne" package -os linux --release --exe "$bin" --name SalonDesk \
  --app-id jp.salondesk.desk --app-version "$VERSION" --app-build "$BUILD" \
  --icon "$root/assets/icons/icon.png" --src "$root")
cp "$lw/FyneApp.toml.orig" FyneApp.toml

# Add what fyne package does not: every icon size under the .desktop file's Icon=
# name, and the licences; its Makefile's `install` copies them too.
tree="$lw/tree"
mkdir -p "$tree"
tar -C "$tree" -xJf "$lw/SalonDesk.tar.xz"
pkg="$tree/SalonDesk" # fyne package's tarball has one top directory
icon=$(sed -n 's/^Icon=//p' "$pkg"/usr/local/share/applications/*.desktop)
for d in assets/icons/hicolor/*/apps; do
  mkdir -p "$pkg/usr/local/share/icons/hicolor/${d#assets/icons/hicolor/}"
  cp "$d/salondesk.png" "$pkg/usr/local/share/icons/hicolor/${d#assets/icons/hicolor/}/$icon.png"
done
mkdir -p "$pkg/usr/local/share/doc/salondesk"
cp assets/licenses/NOTICE.txt "$pkg/usr/local/share/doc/salondesk/NOTICE.txt"
awk '{ print }
  /install .*share\/pixmaps\/\$\(Icon\) \$\(DESTDIR\)\$\(PREFIX\)/ {
    print "\tfor f in $$(cd usr/local/share && find icons doc -type f); do install -Dm00644 usr/local/share/$$f $(DESTDIR)$(PREFIX)/share/$$f; done"
  }' "$pkg/Makefile" > "$lw/Makefile" && mv "$lw/Makefile" "$pkg/Makefile"
grep -q 'find icons doc' "$pkg/Makefile" || { echo "dist-linux: fyne's Makefile changed: icons not added to install"; exit 1; }
out="$dist/SalonDesk-$VERSION-linux-amd64.tar.xz"
tar -C "$tree" --owner=0 --group=0 --sort=name -cJf "$out" SalonDesk
ls -l "$out"
