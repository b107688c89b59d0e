#!/usr/bin/env bash
# Issue 4's closing-note figures on loopback (UpdateFiguresTests): desired-release change → the new release's workload
# running, split into waiting for the next check-in, download + TUF verification + staging, and the install overhead
# beyond the download (install check, switch, workload start). One row per model size; then the bytes the server sent
# for an update whose connection was cut mid-download, against an uncut one.
#   benchmarks/update-figures.sh [model sizes in bytes...]   (default: 1 MiB, 16 MiB, 64 MiB)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1048576 16777216 67108864)
report=$(mktemp /tmp/outpost-update-figures.XXXXXX.md)
trap 'rm -f "$report"' EXIT
dotnet build tests/Outpost.EndToEnd -nologo -v q >/dev/null
for size in "${sizes[@]}"; do
  OUTPOST_FIGURES_MODEL_BYTES="$size" OUTPOST_FIGURES_REPORT="$report" \
    dotnet test --project tests/Outpost.EndToEnd --no-build -- --filter-class "*UpdateFiguresTests" >/dev/null
done
# Bytes fetched again after a connection cut 5 MiB into an 8 MiB model (DownloadCutTests, through a counting proxy).
OUTPOST_FIGURES_REPORT="$report" dotnet test --project tests/Outpost.EndToEnd --no-build -- --filter-class "*DownloadCutTests" >/dev/null
cat "$report"
