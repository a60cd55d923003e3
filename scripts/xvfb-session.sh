#!/usr/bin/env bash
# Runs a command on its own Xvfb display, which the X server picks itself (-displayfd):
# `xvfb-run -a` guesses a free number from lock files, and two scripts started at the same
# moment on a shared machine can both pick :99 and take each other's display away.
# Usage: scripts/xvfb-session.sh COMMAND [ARGS…]   (1280x800x24, no TCP)
set -euo pipefail
fifo=$(mktemp -u) && mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -f "$fifo"' EXIT
read -r -t 60 display <"$fifo" || { echo "xvfb-session: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$display"
unset XAUTHORITY
"$@"
