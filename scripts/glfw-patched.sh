#!/usr/bin/env bash
# Points our builds at a copy of go-gl/glfw with build/glfw/ime-keys.patch applied, so
# that keys an input method consumed (the Return that confirms a conversion, a
# BackSpace inside the preedit) do not also reach the app. See docs/ime.md.
#
# It copies the module (the version go.mod requires, downloaded if needed) to
# out/glfw-patched, applies the patch (failing loudly if it does not apply), and
# writes go.work (`use .` + a replace to that copy). Nothing of it is tracked by git.
# When everything is already in place it only checks and exits (well under a second).
#
# Usage: scripts/glfw-patched.sh          prepare (idempotent)
#        scripts/glfw-patched.sh --remove delete go.work, go.work.sum and the copy
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

mod=github.com/go-gl/glfw/v3.3/glfw
patch_file=build/glfw/ime-keys.patch
dest=out/glfw-patched
stamp_go=zz_salondesk_ime_patch.go

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$dest" go.work go.work.sum
  echo "glfw-patched: removed $dest and go.work"
  exit 0
fi

# Read go.mod without any go.work, whatever state an earlier run left.
export GOWORK=off
version=$(go list -m -f '{{.Version}}' "$mod")
goversion=$(go list -m -f '{{.GoVersion}}')
if command -v sha256sum >/dev/null; then
  patch_sum=$(sha256sum "$patch_file" | cut -d' ' -f1)
else # macOS
  patch_sum=$(shasum -a 256 "$patch_file" | cut -d' ' -f1)
fi
want_stamp="$mod@$version patch-sha256:$patch_sum"

want_work="go $goversion

use .

// Written by scripts/glfw-patched.sh (untracked): build GLFW with our IME patch.
replace $mod => ./$dest
"

if [ "$(cat "$dest/.salondesk-stamp" 2>/dev/null)" != "$want_stamp" ]; then
  src=$(go mod download -json "$mod@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  if [ -z "$src" ] || [ ! -d "$src" ]; then
    echo "glfw-patched: FAIL: could not download $mod@$version" >&2
    exit 1
  fi
  tmp="$dest.tmp"
  rm -rf "$tmp"
  mkdir -p "$(dirname "$dest")"
  cp -R "$src" "$tmp"
  chmod -R u+w "$tmp"   # the module cache is read-only
  # GIT_CEILING_DIRECTORIES keeps git from treating out/ as part of this repository:
  # inside a repository `git apply` silently skips paths outside the current directory.
  if ! (cd "$tmp" && GIT_CEILING_DIRECTORIES="$root/out" git apply --whitespace=nowarn "$root/$patch_file"); then
    echo "glfw-patched: FAIL: $patch_file does not apply to $mod@$version." >&2
    echo "  If upstream changed these files, refresh the patch (docs/ime.md), or drop it" >&2
    echo "  if upstream fixed the bug." >&2
    rm -rf "$tmp"
    exit 1
  fi
  (cd "$tmp" && GIT_CEILING_DIRECTORIES="$root/out" git apply --reverse --check "$root/$patch_file") || {
    echo "glfw-patched: FAIL: the patch did not end up applied in $tmp" >&2; exit 1; }
  # The Go build cache does not hash the C files this package #includes
  # (go-gl/glfw#269): a Go file that names the patch makes a patched build, and every
  # new version of the patch, a different cache entry from the plain module.
  cat > "$tmp/$stamp_go" <<EOF
package glfw

// Written by salondesk's scripts/glfw-patched.sh: the C sources of this copy carry
// build/glfw/ime-keys.patch. This constant keeps the Go build cache from reusing an
// object compiled from other C sources (go-gl/glfw#269).
const salondeskIMEPatch = "$want_stamp"
EOF
  printf '%s' "$want_stamp" > "$tmp/.salondesk-stamp"
  rm -rf "$dest"
  mv "$tmp" "$dest"
  echo "glfw-patched: $mod@$version patched into $dest"
fi

if [ "$(cat go.work 2>/dev/null)" != "$(printf '%s' "$want_work")" ]; then
  printf '%s' "$want_work" > go.work
  echo "glfw-patched: wrote go.work (replace $mod => ./$dest)"
fi
