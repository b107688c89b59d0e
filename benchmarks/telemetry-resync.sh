#!/usr/bin/env bash
# Resync throughput after an outage over loopback (events/s): N events wait in a real agent's outbox while the device
# is cut off, then the agent (the NativeAOT build, as on a device) comes back and the time until the warm server
# (SQLite) has stored all N is measured, with each side's CPU per event. The engine is the end-to-end test
# ResyncBenchmarkTests.ResyncAfterOutage_EventsPerSecond (skipped unless OUTPOST_RESYNC_EVENTS).
#   benchmarks/telemetry-resync.sh [events=100000] [runs=1]      (CONFIGURATION=Debug to reuse a Debug build; AGENT=jit)
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-100000}"; runs="${2:-1}"
result=$(mktemp /tmp/outpost-resync.XXXXXX)
dotnet build tests/Outpost.EndToEnd -c "${CONFIGURATION:-Release}" -nologo -v q >/dev/null
. benchmarks/lib/aot-agent.sh
trap 'rm -rf "$result" "$result.log" "$aot_dir"' EXIT
for _ in $(seq 1 "$runs"); do
  OUTPOST_RESYNC_EVENTS="$events" OUTPOST_DRILL_RESULT="$result" \
    dotnet test --project tests/Outpost.EndToEnd -c "${CONFIGURATION:-Release}" --no-build -- \
    --filter-method "*ResyncAfterOutage*" >"$result.log" 2>&1 || { cat "$result.log"; exit 1; }
done
cat "$result"
