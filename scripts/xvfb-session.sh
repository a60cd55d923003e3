#!/usr/bin/env bash
# Runs a command on its own Xvfb display, which the X server picks itself (-displayfd):
# `xvfb-run -a` guesses a free number from lock files, and two scripts started at the same
# moment on a shared machine can both pick :99 and take each other's display away.
# -noreset: by default an X server resets itself whenever its last client leaves, and a
# program connecting meanwhile can be refused. perf runs, where each program ends before the
# next starts, lost the display 3 times today ("X11: Failed to open display :0" with the
# server still running and silent); the reset is the likely cause, not proven: 24 quick
# restarts of the bare window did not reproduce it, with or without -noreset.
# Usage: scripts/xvfb-session.sh COMMAND [ARGS…]   (1280x800x24, no TCP)
# When the command fails, it says whether the X server was still running and prints the
# end of the server's own log: a client that cannot open the display then shows why.
set -euo pipefail
fifo=$(mktemp -u) && mkfifo "$fifo"
xlog=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$fifo" >"$xlog" 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -f "$fifo" "$xlog"' EXIT
read -r -t 60 display <"$fifo" || { echo "xvfb-session: Xvfb did not start" >&2; cat "$xlog" >&2; exit 1; }
export DISPLAY=":$display"
unset XAUTHORITY
rc=0
"$@" || rc=$?
if [ "$rc" -ne 0 ]; then
  if kill -0 "$xvfb" 2>/dev/null; then state="still running"; else state="gone"; fi
  echo "xvfb-session: the command failed (rc=$rc); Xvfb on $DISPLAY is $state. Its log ends:" >&2
  tail -n 30 "$xlog" >&2
fi
exit "$rc"
