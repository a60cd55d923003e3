#!/usr/bin/env bash
# The one place SalonDesk's version comes from: a git tag vX.Y.Z on the checked-out
# commit, else FyneApp.toml's [Details] Version. Everything else (go build's
# -X main.version, the Windows version resource, the installer, the tarball and the
# macOS bundle) asks this script.
#
# Usage: scripts/version.sh          X.Y.Z
#        scripts/version.sh --build  the build number: commits on HEAD (only grows)
#        scripts/version.sh --win    X.Y.Z.B (Windows' four-part file version)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

version() {
  local tag
  tag=$(git describe --tags --exact-match --match 'v[0-9]*.[0-9]*.[0-9]*' HEAD 2>/dev/null || true)
  if [[ $tag =~ ^v([0-9]+\.[0-9]+\.[0-9]+)$ ]]; then
    echo "${BASH_REMATCH[1]}"
    return
  fi
  local v
  v=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml | head -1)
  if ! [[ $v =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    echo "version.sh: FyneApp.toml's Version \"$v\" is not X.Y.Z" >&2
    exit 1
  fi
  echo "$v"
}

build() { git rev-list --count HEAD 2>/dev/null || echo 1; }

case "${1:-}" in
  "") version ;;
  --build) build ;;
  --win) echo "$(version).$(build)" ;;
  *) echo "usage: $0 [--build|--win]" >&2; exit 2 ;;
esac
