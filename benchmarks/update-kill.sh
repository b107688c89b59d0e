#!/usr/bin/env bash
# Issue 4's kill benchmark: a real agent (NativeAOT; AGENT=jit for the JIT build) flipping between three releases with real workloads, SIGKILLed at a random
# moment of each update, ITERATIONS times (AgentKillLoopTests with a larger count). Checks after every kill that
# `current` is one complete release and the journal agrees, then prints the outcome table (where the kills landed,
# old or desired release afterwards, repairs the next agent made).
#   benchmarks/update-kill.sh [iterations=1000] [seed=random] [max_delay_ms=60]
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${1:-1000}"; seed="${2:-$RANDOM$RANDOM}"; delay="${3:-60}"
report=$(mktemp /tmp/outpost-update-kill.XXXXXX.md)
dotnet build tests/Outpost.EndToEnd -nologo -v q >/dev/null
. benchmarks/lib/aot-agent.sh
trap 'rm -rf "$report" "$aot_dir"' EXIT
OUTPOST_KILL_ITERATIONS="$iterations" OUTPOST_KILL_SEED="$seed" OUTPOST_KILL_MAX_DELAY_MS="$delay" OUTPOST_KILL_REPORT="$report" \
  dotnet test --project tests/Outpost.EndToEnd --no-build -- --filter-class "*AgentKillLoopTests" >/dev/null \
  || { echo "kill loop failed (seed $seed); rerun with the same seed: $0 $iterations $seed $delay" >&2; exit 1; }
cat "$report"
