#!/usr/bin/env bash
# Real-window test of the single instance: start the app, hide its window (as closing it
# to the tray does), start it again on the same data directory: the second start must
# exit 0 at once, the first must still be the only one running, and its window must be
# shown again. Usage: scripts/instance-test.sh ./salondesk
set -euo pipefail
bin=$(readlink -f "${1:?usage: instance-test.sh BINARY}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LANG=ja_JP.UTF-8 LC_CTYPE=C.UTF-8
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"

cat > "$work/session.sh" <<'INNER'
#!/usr/bin/env bash
set -u
bin=$1 work=$2
mapped() { LC_ALL=C xwininfo -id "$wid" 2>/dev/null | grep -q "$1"; }
fail() { echo "FAIL: $*"; kill "$first" 2>/dev/null; echo "--- first:"; cat "$work/first.log"; exit 1; }
"$bin" --demo --data "$work/salon" >"$work/first.log" 2>&1 &
first=$!
wid=$(timeout 90 xdotool search --sync --onlyvisible --name '^SalonDesk' | head -1) || fail "the window never appeared"
xdotool windowunmap --sync "$wid"
mapped IsUnMapped || fail "could not hide the window"

start=$(date +%s%N)
timeout 20 "$bin" --demo --data "$work/salon" >"$work/second.log" 2>&1
code=$?
echo "second start exited $code after $(( ($(date +%s%N) - start) / 1000000 )) ms"
[ "$code" = 0 ] || { cat "$work/second.log"; fail "the second start exited $code"; }
kill -0 "$first" 2>/dev/null || fail "the first instance is gone"

for _ in $(seq 1 50); do
  mapped IsViewable && break
  sleep 0.1
done
mapped IsViewable || fail "the first window was not shown again"
n=$(xdotool search --onlyvisible --name '^SalonDesk' | wc -l)
[ "$n" = 1 ] || fail "$n visible SalonDesk windows"
echo "OK: one instance, its window raised"
# Wait until the app has gone before Xvfb is torn down (up to 30 s on a loaded machine).
kill -TERM "$first"
for _ in $(seq 1 300); do kill -0 "$first" 2>/dev/null || break; sleep 0.1; done
kill -0 "$first" 2>/dev/null && { kill -9 "$first"; echo "FAIL: the app did not stop on SIGTERM"; exit 1; }
exit 0
INNER
chmod +x "$work/session.sh"
"$(dirname "$0")/xvfb-session.sh" "$work/session.sh" "$bin" "$work"
