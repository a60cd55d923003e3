# Sourced by scripts/dist*.sh: the version, the pinned tools and the work dirs of
# `make dist`. Nothing here is tracked output: out/ and dist/ are ignored by git.
# shellcheck shell=bash
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command -v go >/dev/null || export PATH=$PATH:/usr/local/go/bin

VERSION=$(scripts/version.sh)        # X.Y.Z: go build -X main.version, installer, tarball
VERSION4=$(scripts/version.sh --win) # X.Y.Z.B: Windows' file and product version
BUILD=$(scripts/version.sh --build)  # B: fyne package --app-build
export VERSION VERSION4 BUILD

# Pinned build tools, installed once into out/tools (outside go.mod: they are not linked).
FYNE_TOOL=fyne.io/tools/cmd/fyne@v1.7.4
WINRES_TOOL=github.com/tc-hib/go-winres@v0.3.3
tools="$root/out/tools"
dist="$root/dist"
work="$root/out/dist-work"
mkdir -p "$tools" "$dist" "$work"

# need_tool NAME MODULE@VERSION: installs the tool unless the pinned version is there.
need_tool() {
  local name=$1 pkg=$2 want=${2##*@}
  if [ -x "$tools/$name" ] && go version -m "$tools/$name" | grep -q "[[:space:]]mod[[:space:]].*[[:space:]]$want[[:space:]]"; then
    return
  fi
  echo "dist: installing $pkg"
  GOWORK=off GOBIN="$tools" go install "$pkg"
}

# timed LABEL CMD...: runs CMD and prints how long it took (make dist's figures).
timed() {
  local label=$1 start
  shift
  start=$(date +%s)
  "$@"
  echo "dist: $label took $(( $(date +%s) - start )) s"
}
