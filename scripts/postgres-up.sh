#!/usr/bin/env bash
# Starts a throwaway PostgreSQL from the preinstalled binaries in a temporary folder, bound to 127.0.0.1.
# Prints `export` lines for OUTPOST_TEST_POSTGRES and OUTPOST_PG_DIR; stop it with scripts/postgres-down.sh.
# initdb refuses to run as root, so when we are root the cluster belongs to the `postgres` user. That user must
# be able to reach the folder and its current directory, which a CI sandbox may not allow everywhere (a private
# /tmp, a checkout under a root-only folder): candidates are tried in turn, and every failure says why on stderr.
set -euo pipefail
port="${1:-55432}"
# The folder of the real binaries (initdb on PATH may be a symlink into it), where pg_ctl and pg_isready live too.
bin=$(command -v initdb >/dev/null 2>&1 && dirname "$(readlink -f "$(command -v initdb)")" || ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then echo "postgres-up: no PostgreSQL binaries (initdb) found" >&2; exit 1; fi
root=false; [ "$(id -u)" = 0 ] && root=true
if $root && ! id postgres >/dev/null 2>&1; then echo "postgres-up: running as root but there is no 'postgres' user" >&2; exit 1; fi

as_owner() {
  # Runs a command as the cluster's owner from a folder that owner can enter.
  if $root; then (cd / && su postgres -s /bin/bash -c "$*"); else (cd / && bash -c "$*"); fi
}

dir=""
for parent in /tmp /var/tmp /dev/shm; do
  [ -d "$parent" ] || continue
  candidate=$(mktemp -d "$parent/outpost-pg.XXXXXX" 2>/dev/null) || continue
  if $root; then chown postgres "$candidate"; fi
  if as_owner "test -w '$candidate'" 2>/dev/null; then dir=$candidate; break; fi
  echo "postgres-up: $candidate is not writable by the cluster owner; trying another folder" >&2
  rm -rf "$candidate"
done
# On failure the half-made cluster folder goes too: nothing is left behind for the caller to clean.
trap '[ $? -eq 0 ] || rm -rf "$dir"' EXIT
if [ -z "$dir" ]; then echo "postgres-up: no temporary folder the cluster owner can write (tried /tmp, /var/tmp, /dev/shm)" >&2; exit 1; fi

if ! as_owner "'$bin/initdb' -D '$dir/data' -A trust -U postgres >'$dir/initdb.log' 2>&1"; then
  echo "postgres-up: initdb failed; its log:" >&2; cat "$dir/initdb.log" >&2 || true; exit 1
fi
if ! as_owner "'$bin/pg_ctl' -D '$dir/data' -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on\" -l '$dir/log' -w -t 60 start >/dev/null"; then
  echo "postgres-up: PostgreSQL did not start on 127.0.0.1:$port; its log:" >&2; cat "$dir/log" >&2 || true; exit 1
fi
for _ in $(seq 1 100); do
  if "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q 2>/dev/null; then
    echo "export OUTPOST_PG_DIR='$dir'"
    echo "export OUTPOST_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres'"
    exit 0
  fi
  sleep 0.2
done
echo "postgres-up: PostgreSQL started but does not answer on 127.0.0.1:$port; its log:" >&2; cat "$dir/log" >&2; exit 1
