#!/usr/bin/env bash
# Points our builds at patched copies of the modules listed in build/patches.txt:
#   - go-gl/glfw with build/glfw/ime-keys.patch, so that keys an input method consumed (the
#     Return that confirms a conversion, a BackSpace inside the preedit) do not also reach
#     the app (docs/ime.md);
#   - Fyne with build/fyne/*.patch: its loop sleeps while nothing moves on screen, a font
#     file is parsed once for every text style, and what a scroll container holds out of
#     view is not painted (docs/idle.md);
#   - go-text with build/go-text/lazy-glyf.patch: glyphs parsed on first use, tables of a
#     font in memory read in place (docs/idle.md).
#
# For each module it copies the version go.mod requires (downloaded if needed) to out/NAME,
# applies the patches (failing loudly if one does not apply), and writes go.work
# (`use .` + one replace per module). Nothing of it is tracked by git. When everything is
# already in place it only checks and exits (well under a second).
#
# Usage: scripts/patched-modules.sh          prepare (idempotent)
#        scripts/patched-modules.sh --remove delete go.work, go.work.sum and the copies
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
list=build/patches.txt

entries() { grep -v '^[[:space:]]*\(#\|$\)' "$list"; }

if [ "${1:-}" = "--remove" ]; then
  while read -r _ dest _; do rm -rf "out/$dest"; done < <(entries)
  rm -rf go.work go.work.sum out/glfw-patched
  echo "patched-modules: removed the copies in out/ and go.work"
  exit 0
fi

sha() { if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi; }

# Read go.mod without any go.work, whatever state an earlier run left.
export GOWORK=off
goversion=$(go list -m -f '{{.GoVersion}}')

# prepare MODULE DEST PATCH…: out/DEST holds MODULE (go.mod's version) with the patches.
prepare() {
  local mod=$1 dest=out/$2; shift 2
  local patches=("$@") version want_stamp src tmp p
  version=$(go list -m -f '{{.Version}}' "$mod")
  want_stamp="$mod@$version patch-sha256:$(sha "${patches[@]}" | cut -d' ' -f1 | paste -sd, -)"
  [ "$(cat "$dest/.salondesk-stamp" 2>/dev/null)" = "$want_stamp" ] && return 0

  src=$(go mod download -json "$mod@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  if [ -z "$src" ] || [ ! -d "$src" ]; then
    echo "patched-modules: FAIL: could not download $mod@$version" >&2
    exit 1
  fi
  tmp="$dest.tmp"
  rm -rf "$tmp"
  mkdir -p "$(dirname "$dest")"
  cp -R "$src" "$tmp"
  chmod -R u+w "$tmp"   # the module cache is read-only
  for p in "${patches[@]}"; do
    # GIT_CEILING_DIRECTORIES keeps git from treating out/ as part of this repository:
    # inside a repository `git apply` silently skips paths outside the current directory.
    if ! (cd "$tmp" && GIT_CEILING_DIRECTORIES="$root/out" git apply --whitespace=nowarn "$root/$p"); then
      echo "patched-modules: FAIL: $p does not apply to $mod@$version." >&2
      echo "  If upstream changed these files, refresh the patch (see build/patches.txt for" >&2
      echo "  its document), or drop it if upstream fixed what it fixes." >&2
      rm -rf "$tmp"
      exit 1
    fi
    (cd "$tmp" && GIT_CEILING_DIRECTORIES="$root/out" git apply --reverse --check "$root/$p") || {
      echo "patched-modules: FAIL: $p did not end up applied in $tmp" >&2; exit 1; }
  done
  if [ "$mod" = github.com/go-gl/glfw/v3.3/glfw ]; then
    # The Go build cache does not hash the C files this package #includes
    # (go-gl/glfw#269): a Go file that names the patch makes a patched build, and every
    # new version of the patch, a different cache entry from the plain module.
    cat > "$tmp/zz_salondesk_ime_patch.go" <<GO
package glfw

// Written by salondesk's scripts/patched-modules.sh: the C sources of this copy carry
// build/glfw/ime-keys.patch. This constant keeps the Go build cache from reusing an
// object compiled from other C sources (go-gl/glfw#269).
const salondeskIMEPatch = "$want_stamp"
GO
  fi
  printf '%s' "$want_stamp" > "$tmp/.salondesk-stamp"
  rm -rf "$dest"
  mv "$tmp" "$dest"
  echo "patched-modules: $mod@$version patched into $dest"
}

replaces=""
while read -r mod dest rest; do
  read -r -a words <<<"$rest"
  unset 'words[${#words[@]}-1]'   # the last word is the document
  prepare "$mod" "$dest" "${words[@]}"
  replaces+="replace $mod => ./out/$dest"$'\n'
done < <(entries)

want_work="go $goversion

use .

// Written by scripts/patched-modules.sh (untracked): the modules of build/patches.txt
// built from patched copies.
$replaces"

if [ "$(cat go.work 2>/dev/null)" != "$(printf '%s' "$want_work")" ]; then
  printf '%s' "$want_work" > go.work
  echo "patched-modules: wrote go.work ($(entries | wc -l) replaces)"
fi
