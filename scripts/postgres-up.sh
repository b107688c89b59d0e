#!/usr/bin/env bash
# Starts a throwaway PostgreSQL from the preinstalled binaries in a temporary folder, bound to 127.0.0.1.
# Prints `export` lines for OUTPOST_TEST_POSTGRES and OUTPOST_PG_DIR; stop it with scripts/postgres-down.sh.
# initdb refuses to run as root, so when we are root the cluster belongs to the `postgres` user.
set -euo pipefail
port="${1:-55432}"
bin=$(command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
dir=$(mktemp -d /tmp/outpost-pg.XXXXXX)
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
run "'$bin/initdb' -D '$dir/data' -A trust -U postgres >'$dir/initdb.log' 2>&1"
run "'$bin/pg_ctl' -D '$dir/data' -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on\" -l '$dir/log' -w start >/dev/null"
for _ in $(seq 1 50); do
  if "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q 2>/dev/null || psql -h 127.0.0.1 -p "$port" -U postgres -c 'select 1' >/dev/null 2>&1; then
    echo "export OUTPOST_PG_DIR='$dir'"
    echo "export OUTPOST_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres'"
    exit 0
  fi
  sleep 0.2
done
echo "postgres did not start; log:" >&2; cat "$dir/log" >&2; exit 1
