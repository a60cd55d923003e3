#!/usr/bin/env bash
# What SalonDesk costs a front-desk PC, measured from outside: the demo under Xvfb on each
# main screen and, in the same X and D-Bus session, a bare Fyne window (cmd/bareprobe) as
# the baseline, built with Fyne as published. Given a third binary (the same probe built
# with our Fyne patches, build/patches.txt) it measures that too, as "bare-patched", to show
# what the patches alone change; the ratios stay against the published bare window.
# For each it prints
#   - cold start: from exec to the window being mapped (start; polled every 20 ms, a fresh
#     data directory each run, so the demo salon is created as on a first start) and to
#     its first frame drawn (drawn; the "window drawn" line both programs log),
#   - idle CPU % over SAMPLE s after WARMUP s with nobody touching the window
#     (utime+stime of the process from /proc/PID/stat),
#   - resident memory (VmRSS) at the end of the sample,
# and the ratios to the baseline. Run by `make perf`, not by `make test`.
#
# Usage: scripts/perf-desk.sh ./salondesk ./bareprobe [./bareprobe-patched]
#   env WARMUP=20 SAMPLE=30 SCREENS="home schedule …" to change what is measured;
#   env PERF_DATA=DIR uses (and keeps) that data directory for every SalonDesk run
#   instead of a fresh demo each time (e.g. a big salon made with cmd/bigsalon).
set -euo pipefail
bin=$(readlink -f "${1:?usage: perf-desk.sh SALONDESK BAREPROBE}")
bare=$(readlink -f "${2:?usage: perf-desk.sh SALONDESK BAREPROBE}")
barepatched=$(if [ -n "${3:-}" ]; then readlink -f "$3"; fi)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export LANG=ja_JP.UTF-8 LC_CTYPE=C.UTF-8
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
export WARMUP=${WARMUP:-20} SAMPLE=${SAMPLE:-30} PERF_DATA=${PERF_DATA:-}
export SCREENS=${SCREENS:-home schedule reservations notifications customers sales settings}

cat > "$work/session.sh" <<'INNER'
#!/usr/bin/env bash
set -u
bin=$1 bare=$2 work=$3 barepatched=${4:-}
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }

# measure NAME TITLE-REGEX COMMAND…: appends "name start_ms cpu_pct rss_mb" to results
# (not stdout: services D-Bus starts for the app, like the keyring, print there).
measure() {
  local name=$1 title=$2; shift 2
  local log="$work/$name.log" t0 shown pid c0 c1 rss
  t0=$(date +%s%N)
  "$@" >"$log" 2>&1 &
  pid=$!
  shown=""
  for _ in $(seq 1 4500); do   # up to 90 s
    if xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; then shown=$(date +%s%N); break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
  done
  if [ -z "$shown" ]; then
    echo "perf-desk: $name: no window" >&2; cat "$log" >&2; kill -9 "$pid" 2>/dev/null; return 1
  fi
  # Drawn: Fyne paints the first frame when it shows the window, then starts its loop,
  # where both programs log "window drawn".
  drawn=""
  for _ in $(seq 1 4500); do
    if grep -q "window drawn" "$log" 2>/dev/null; then drawn=$(date +%s%N); break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
  done
  [ -n "$drawn" ] || { echo "perf-desk: $name: never logged 'window drawn'" >&2; drawn=$shown; }
  sleep "$WARMUP"
  c0=$(ticks "$pid"); sleep "$SAMPLE"; c1=$(ticks "$pid")
  rss=$(awk '/^VmRSS/{print $2}' "/proc/$pid/status")
  kill -TERM "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then echo "perf-desk: $name did not stop on SIGTERM" >&2; kill -9 "$pid"; fi
  wait "$pid" 2>/dev/null
  awk -v n="$name" -v s=$(( (shown - t0) / 1000000 )) -v dr=$(( (drawn - t0) / 1000000 )) -v d=$((c1 - c0)) \
    -v hz="$hz" -v T="$SAMPLE" -v r="$rss" \
    'BEGIN{printf "%s %d %.2f %.1f %d\n", n, s, d*100/hz/T, r/1024, dr}' >> "$work/results"
}

measure bare '^bareprobe$' "$bare" || exit 1
if [ -n "$barepatched" ]; then measure bare-patched '^bareprobe$' "$barepatched" || exit 1; fi
for s in $SCREENS; do
  data=${PERF_DATA:-$work/salon-$s}
  measure "$s" '^SalonDesk' "$bin" --demo --data "$data" --screen "$s" || exit 1
done
INNER
chmod +x "$work/session.sh"

echo "perf-desk: load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); warm-up ${WARMUP} s, sample ${SAMPLE} s"
"$(dirname "$0")/xvfb-session.sh" dbus-run-session -- \
  "$work/session.sh" "$bin" "$bare" "$work" "$barepatched" > "$work/session.log" 2>&1 || { cat "$work/session.log"; exit 1; }
echo "perf-desk: load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
  NR == 1 { bs = $2; bc = $3; bm = $4; bd = $5 }
  { rows[NR] = $0 }
  END {
    printf "%-14s %9s %7s %9s %7s %8s %8s %8s %9s\n", "screen", "start ms", "×bare", "drawn ms", "×bare", \
      "CPU %", "×bare", "RSS MB", "+bare MB"
    for (i = 1; i <= NR; i++) {
      split(rows[i], f, " ")
      printf "%-14s %9d %7s %9d %7s %8.2f %8s %8.1f %9s\n", f[1], f[2], (bs > 0 ? sprintf("%.1f", f[2] / bs) : "-"), \
        f[5], (bd > 0 ? sprintf("%.1f", f[5] / bd) : "-"), \
        f[3], (bc > 0 ? sprintf("%.1f", f[3] / bc) : "-"), f[4], (i == 1 ? "" : sprintf("%+.1f", f[4] - bm))
    }
  }' "$work/results"
