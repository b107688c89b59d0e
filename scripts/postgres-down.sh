#!/usr/bin/env bash
# Stops the PostgreSQL started by postgres-up.sh and removes its folder.
set -euo pipefail
dir="${1:-${OUTPOST_PG_DIR:?set OUTPOST_PG_DIR or pass the folder}}"
bin=$(command -v pg_ctl >/dev/null 2>&1 && dirname "$(readlink -f "$(command -v pg_ctl)")" || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
if [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/bash -c "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null) || true
else "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
rm -rf "$dir"
