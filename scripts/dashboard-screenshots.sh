#!/usr/bin/env bash
# Refreshes docs/screenshots/*.png from the dashboard browser tests (real server, simulated fleet, Chromium):
# each page the docs show is written there when the test visits it and the page answers 200.
#   scripts/dashboard-screenshots.sh        (CONFIGURATION=Debug to reuse a Debug build)
# Needs /usr/bin/chromium (apt-get install -y chromium) or OUTPOST_CHROMIUM. Test failures are printed, not fatal:
# pages that exist still get their screenshot.
set -uo pipefail
cd "$(dirname "$0")/.."
config="${CONFIGURATION:-Release}"
dotnet build tests/Outpost.EndToEnd -c "$config" -nologo -v q >/dev/null || exit 1
OUTPOST_DOCS_SCREENSHOTS="$PWD/docs/screenshots" \
  dotnet test --project tests/Outpost.EndToEnd -c "$config" --no-build -- \
  --filter-class "*DashboardPagesBrowserTests" --filter-class "*DashboardRolloutBrowserTests" | tail -8
ls -l docs/screenshots
