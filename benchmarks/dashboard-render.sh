#!/usr/bin/env bash
# Dashboard time to first render with N devices in the database, measured in Chromium (server time from
# Server-Timing and Navigation Timing; page load: responseEnd, DOMContentLoaded, load, First Contentful Paint),
# median and p95 over LOADS loads per page, against a 100-device baseline and the login page in the same run.
# The engine is the end-to-end test DashboardRenderBenchmarkTests (skipped unless OUTPOST_DASHBOARD_BENCH_DEVICES).
#   benchmarks/dashboard-render.sh [devices=10000] [loads=30]      (CONFIGURATION=Debug to reuse a Debug build)
# Needs /usr/bin/chromium (apt-get install -y chromium) or OUTPOST_CHROMIUM.
set -euo pipefail
cd "$(dirname "$0")/.."
devices="${1:-10000}"; loads="${2:-30}"
result=$(mktemp /tmp/outpost-dashboard-bench.XXXXXX)
trap 'rm -f "$result" "$result.log"' EXIT
dotnet build tests/Outpost.EndToEnd -c "${CONFIGURATION:-Release}" -nologo -v q >/dev/null
OUTPOST_DASHBOARD_BENCH_DEVICES="$devices" OUTPOST_DASHBOARD_BENCH_LOADS="$loads" OUTPOST_BENCH_RESULT="$result" \
  dotnet test --project tests/Outpost.EndToEnd -c "${CONFIGURATION:-Release}" --no-build -- \
  --filter-method "*DashboardRender_OverviewAndDevicesPages*" >"$result.log" 2>&1 || { cat "$result.log"; exit 1; }
echo "command: benchmarks/dashboard-render.sh $devices $loads"
cat "$result"
