#!/usr/bin/env bash
# The test command (README): builds everything and runs every test project.
# Tests that need PostgreSQL read OUTPOST_TEST_POSTGRES; without it they skip on a laptop and fail under CI=true.
# Run `scripts/postgres-up.sh` first (or `.ci/run`) to include them.
set -uo pipefail
cd "$(dirname "$0")"
config="${CONFIGURATION:-Release}"
log=$(mktemp)
dotnet build Outpost.slnx -c "$config" -nologo -v q -warnaserror || exit 1
dotnet test --solution Outpost.slnx -c "$config" --no-build --no-progress "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# One plain summary line for CI logs: "N passed, N failed, N skipped".
awk '/^ *total:/{t=$2} /^ *failed:/{f=$2} /^ *succeeded:/{s=$2} /^ *skipped:/{k=$2}
     END{ if (t!="") printf "tests: %d passed, %d failed, %d skipped\n", s, f, k }' "$log"
rm -f "$log"
exit "$rc"
