#!/usr/bin/env bash
# Runs every fuzz target of the SALON BOARD web parsers for FUZZTIME each
# (default 30s) and prints the closing exec counts.
# -fuzzminimizetime is capped: regexp's internal pools make coverage vary a
# little from run to run, and the default 60 s minimisation of each "new"
# input would otherwise eat the whole fuzz time.
set -euo pipefail
cd "$(dirname "$0")/.."
t="${FUZZTIME:-30s}"
for f in FuzzParseLoginResult FuzzParseReserveListForm FuzzParseReserveList FuzzParseSchedule FuzzParseReserveDetail; do
	echo "== $f"
	LANG=ja_JP.UTF-8 go test -run '^$' -fuzz "^$f\$" -fuzztime "$t" -fuzzminimizetime 10x -parallel 2 \
		./sync/salonboard/web 2>&1 | grep -E '^fuzz: elapsed' | tail -1
done
