#!/usr/bin/env bash
# The agent SIGKILL drill at benchmark scale: a real server and a real agent (NativeAOT; AGENT=jit for the JIT build), the agent killed N times while a
# workload appends events through the local API and uploads run every 100 ms; at the end every acknowledged event
# must be stored at the server exactly once. The engine is the end-to-end test
# TelemetryDrillTests.AgentSigkilledRepeatedlyMidUpload_NoAcknowledgedEventLostNoneDuplicated.
#   benchmarks/telemetry-kill.sh [kills=1000]      (CONFIGURATION=Debug to reuse a Debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-1000}"
result=$(mktemp /tmp/outpost-kill.XXXXXX)
dotnet build tests/Outpost.EndToEnd -c "${CONFIGURATION:-Release}" -nologo -v q >/dev/null
. benchmarks/lib/aot-agent.sh
trap 'rm -rf "$result" "$aot_dir"' EXIT
start=$(date +%s)
OUTPOST_DRILL_AGENT_KILLS="$kills" OUTPOST_DRILL_RESULT="$result" \
  dotnet test --project tests/Outpost.EndToEnd -c "${CONFIGURATION:-Release}" --no-build -- \
  --filter-method "*AgentSigkilledRepeatedlyMidUpload*" >"$result.log" 2>&1 || { cat "$result.log"; rm -f "$result.log"; exit 1; }
rm -f "$result.log"
cat "$result"
echo "wall time of the test run (server start, enrollment, kills, final check): $(( $(date +%s) - start )) s"
