#!/usr/bin/env bash
# make dist: everything a salon or a packager gets, in dist/ (ignored by git):
#   SalonDesk-Setup-<version>.exe            Windows installer (NSIS, Japanese, per user)
#   SalonDesk-<version>-windows-amd64.exe    the Windows exe on its own
#   SalonDesk-<version>-linux-amd64.tar.xz   fyne package's tarball (+ icons, licences)
# The version comes from scripts/version.sh. The work tree is left as it was
# (FyneApp.toml's Build counter is restored, the .syso removed).
# Then `make dist-check` checks the files (scripts/dist-check.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/dist-env.sh"
start=$(date +%s)
echo "dist: SalonDesk $VERSION (Windows file version $VERSION4)"
scripts/dist-windows.sh
scripts/dist-linux.sh
if [ -n "$(git status --porcelain)" ] && [ -z "${DIST_ALLOW_DIRTY:-}" ]; then
  echo "dist: note: the work tree has changes (this build is not of a clean commit):"
  git status --short
fi
echo "dist: done in $(( $(date +%s) - start )) s"
ls -l "$dist"
