#!/usr/bin/env bash
# Real-IME test: types Japanese through fcitx5 + Mozc (XIM) into cmd/imeprobe, a Fyne
# window built with the same patched GLFW as the app, under Xvfb, and asserts what the
# field holds and whether OnSubmitted ran. It proves that keys the IME consumed (the
# Return that confirms a conversion, a BackSpace inside the preedit) do not reach the
# field (docs/ime.md).
#
# Usage: scripts/ime-test.sh             build the probe with patched GLFW, run the cases
#        scripts/ime-test.sh --both      also build it with unpatched GLFW and require
#                                        that build to FAIL the leak cases (b, c): proof
#                                        that the test can see the bug it guards against
#        scripts/ime-test.sh --unpatched only the unpatched run (shows the bug; exits 1)
#
# Needs the Debian packages: fcitx5 fcitx5-mozc xvfb xauth xdotool x11-utils dbus.
# mozc_server refuses to run as root, so as root the X session runs as nobody (65534)
# with HOME and XDG dirs in a temporary directory that user owns.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

mode=${1:-patched}
case "$mode" in
  patched | --both | --unpatched) ;;
  *) echo "usage: scripts/ime-test.sh [--both|--unpatched]" >&2; exit 2 ;;
esac

# --- the programs it needs -------------------------------------------------------
debs="fcitx5 fcitx5-mozc xvfb xauth xdotool x11-utils dbus"
missing=()
for p in fcitx5 /usr/lib/mozc/mozc_server xvfb-run xauth xdotool xprop dbus-run-session; do
  command -v "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] || [ "${CI:-}" = true ]; then
    echo "ime-test: FAIL: missing ${missing[*]}; install: apt-get install -y $debs" >&2
    exit 1
  fi
  echo "ime-test: SKIP: missing ${missing[*]} (sudo apt-get install -y $debs)"
  exit 0
fi

# --- build the probe ----------------------------------------------------------------
mkdir -p out/ime
build() { # variant output
  local t0=$(date +%s)
  if [ "$1" = patched ]; then
    scripts/patched-modules.sh
    go build -tags migrated_fynedo -o "$2" ./cmd/imeprobe
  else
    GOWORK=off go build -tags migrated_fynedo -o "$2" ./cmd/imeprobe
  fi
  echo "ime-test: built $1 probe in $(( $(date +%s) - t0 )) s"
}

# --- one X session with fcitx5 + Mozc and the cases -----------------------------------
# The session script runs as the unprivileged user; $1 is the probe binary. It prints
# one PASS/FAIL line per check and ends with "RESULT <passed> <failed> <failed ids>".
session_script='#!/usr/bin/env bash
set -u
cd "$W"
bin=$1
fcitx5 -D --disable=all --enable=xim,xcb,mozc,keyboard,dbus,classicui >"$W/fcitx5.log" 2>&1 &
fcitx=$!
# Up to 90 s: on a loaded CI machine fcitx5 and Mozc take long to come up.
for _ in $(seq 900); do xprop -root XIM_SERVERS 2>/dev/null | grep -q "@server=fcitx" && break; sleep 0.1; done
if ! xprop -root XIM_SERVERS 2>/dev/null | grep -q "@server=fcitx"; then
  echo "FAIL: fcitx5 never announced its XIM server"; cat "$W/fcitx5.log"; echo "RESULT 0 1 setup"; exit 0
fi

passed=0 failed=0 failed_ids=""
probe=""
state="$W/state"

start() { # initial-text [--kana]
  rm -f "$state"
  "$bin" --state "$state" --text "$1" ${2:-} >>"$W/probe.log" 2>&1 &
  probe=$!
  local wid
  # A search can die on BadWindow when a window it walks goes away (one of the previous probe,
  # or a transient one at start): try again a few times.
  for _ in 1 2 3 4 5; do
    wid=$(timeout 30 xdotool search --sync --onlyvisible --name "^imeprobe\$" 2>/dev/null | tail -1)
    [ -n "$wid" ] && xdotool getwindowname "$wid" >/dev/null 2>&1 && break
    wid=""
    sleep 0.5
  done
  if [ -z "$wid" ]; then
    echo "       the probe window never appeared; its log:"; tail -n 20 "$W/probe.log" | sed "s/^/       /"
    return
  fi
  for _ in $(seq 600); do grep -q "^ready=1" "$state" 2>/dev/null && break; sleep 0.05; done
  # --sync waits for the focus without a limit: a window that went away meanwhile hung the
  # whole session until its 120 s timeout (seen once in CI). Try a few times, 5 s each.
  for _ in 1 2 3; do timeout 5 xdotool windowfocus --sync "$wid" 2>/dev/null && break; done
  xdotool mousemove --window "$wid" 100 20 click 1   # the field is at the top
  sleep 0.3   # let the input context take the focus
}
stop() {
  kill -TERM "$probe" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$probe" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$probe" 2>/dev/null
  wait "$probe" 2>/dev/null
}
typ() { xdotool type --delay 60 "$1"; }
keys() { xdotool key --delay 150 "$@"; }
field() { sed -n "s/^$1=//p" "$state" 2>/dev/null; }
# settle waits for the IME and the app to finish with the keys sent (xdotool returns
# before they are processed): until the state shows the expected text and submit
# count and has not changed for 0.5 s (a late leaked key would still show), or, when
# it does not match, until it has not changed for 2 s (at most 10 s).
settle() { # want-text want-submits
  local prev="" cur stable=0
  for _ in $(seq 100); do
    cur=$(cat "$state" 2>/dev/null)
    if [ "$cur" = "$prev" ]; then stable=$((stable + 1)); else stable=0; fi
    prev=$cur
    if [ "$(field text)" = "$1" ] && [ "$(field submits)" = "$2" ]; then
      [ $stable -ge 5 ] && return
    elif [ $stable -ge 20 ]; then
      return
    fi
    sleep 0.1
  done
}
expect() { # id description want-text want-submits
  settle "$3" "$4"
  local text submits
  text=$(field text) submits=$(field submits)
  if [ "$text" = "$3" ] && [ "$submits" = "$4" ]; then
    passed=$((passed + 1)); echo "PASS $1: $2"
  else
    failed=$((failed + 1)); failed_ids="$failed_ids $1"
    echo "FAIL $1: $2"
    echo "       want text=「$3」 submits=$4"
    echo "       saw  text=「$text」 submits=$submits submitted=「$(field submitted)」"
    echo "            keys that reached the field: $(field keys)"
    echo "            characters that reached it:  「$(field runes)」"
    [ -s "$W/probe.log" ] && tail -n 5 "$W/probe.log" | sed "s/^/       probe log: /"
  fi
}

start ""
typ yamada; keys space Return
expect a "yamada space Return commits 山田, OnSubmitted does not run" "山田" 0
stop

start ""
typ tanaka; keys space Return
expect b "Return confirming a conversion (田中) in a field with OnSubmitted: it must not run" "田中" 0
keys Return
expect b2 "a later Return with no conversion open still runs OnSubmitted once" "田中" 1
stop

start "abc"
typ yamada; keys BackSpace space Return
expect c "with abc in the field: yamada BackSpace space Return gives abc山 (abc stays whole)" "abc山" 0
keys BackSpace
expect c2 "a later BackSpace with no conversion open still deletes (abc)" "abc" 0
stop

start ""
typ yamada; keys Return
expect d "yamada Return commits the hiragana やまだ" "やまだ" 0
stop

start "" --kana
typ yamada; keys Return Tab
expect e "kana field: yamada Return (やまだ), focus leaves: ヤマダ, never submits" "ヤマダ" 0
stop

kill -TERM "$fcitx" 2>/dev/null; wait "$fcitx" 2>/dev/null
echo "RESULT $passed $failed$failed_ids"
'

# run_session BINARY LABEL: prints the cases; sets $result ("<passed> <failed> <ids>").
run_session() {
  local bin=$1 label=$2 work out status=0
  work=$(mktemp -d /tmp/ime-test.XXXXXX)
  mkdir -p "$work/config/fcitx5" "$work/data" "$work/cache" "$work/run"
  install -m 0755 "$bin" "$work/imeprobe"
  printf '%s' "$session_script" >"$work/session.sh"
  chmod 0755 "$work/session.sh" "$work"
  chmod 0700 "$work/run"
  cat >"$work/config/fcitx5/profile" <<'EOF'
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=mozc

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=mozc
Layout=

[GroupOrder]
0=Default
EOF
  printf '[Behavior]\nActiveByDefault=True\nShareInputState=No\n' >"$work/config/fcitx5/config"

  local as_user=()
  if [ "$(id -u)" -eq 0 ]; then
    chown -R 65534:65534 "$work"
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  fi
  echo "ime-test: $label GLFW (fcitx5 + Mozc over XIM, Xvfb, uid $([ ${#as_user[@]} -gt 0 ] && echo 65534 || id -u))"
  local t0=$(date +%s%N)
  out=$(cd "$work" && timeout 120 "${as_user[@]}" env -i PATH=/usr/local/bin:/usr/bin:/bin \
    HOME="$work" W="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR="$work/run" \
    LANG=ja_JP.UTF-8 LC_CTYPE=C.UTF-8 XMODIFIERS=@im=fcitx \
    "$root/scripts/xvfb-session.sh" \
    dbus-run-session -- "$work/session.sh" "$work/imeprobe" 2>&1) || status=$?
  printf '%s\n' "$out" | grep -v '^RESULT ' | grep -v 'Unable to set up transient service directory' || true
  echo "ime-test: $label run took $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  stop_mozc "$work"
  result=$(printf '%s\n' "$out" | sed -n 's/^RESULT //p')
  if [ -z "$result" ]; then
    echo "ime-test: the session ended early (exit $status); probe log:"; cat "$work/probe.log" 2>/dev/null || true
    result="0 1 session"
  fi
  rm -rf "$work"
}

# fcitx5 starts mozc_server detached; stop the one of this run (its HOME is our work
# dir), by its PID.
stop_mozc() {
  local pid
  for d in /proc/[0-9]*; do
    [ "$(readlink "$d/exe" 2>/dev/null)" = /usr/lib/mozc/mozc_server ] || continue
    tr '\0' '\n' <"$d/environ" 2>/dev/null | grep -qx "HOME=$1" || continue
    pid=${d#/proc/}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}

verdict=0
if [ "$mode" != --unpatched ]; then
  build patched out/ime/imeprobe
  run_session out/ime/imeprobe patched
  read -r p f ids <<<"$result"
  patched_line="$p passed, $f failed"
  [ "$f" -eq 0 ] || verdict=1
fi
if [ "$mode" != patched ]; then
  build unpatched out/ime/imeprobe-unpatched
  run_session out/ime/imeprobe-unpatched unpatched
  read -r up uf uids <<<"$result"
  echo "ime-test: unpatched GLFW: $up passed, $uf failed (failed:${uids:+ }${uids:-none})"
  if [ "$mode" = --unpatched ]; then
    [ "$uf" -eq 0 ] || verdict=1
  elif [[ " $uids " == *" b "* && " $uids " == *" c "* ]]; then
    echo "ime-test: as expected, unpatched GLFW fails the leak cases b and c"
  else
    echo "ime-test: FAIL: unpatched GLFW should fail the leak cases b and c; the test cannot see the bug"
    verdict=1
  fi
fi
if [ -n "${patched_line:-}" ]; then
  echo "ime-test: $patched_line"
fi
exit $verdict
