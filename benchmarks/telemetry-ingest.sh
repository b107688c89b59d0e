#!/usr/bin/env bash
# Server telemetry ingest rate (records/s) over mutual TLS with gzip metric batches, SQLite then PostgreSQL, and the
# bytes on the wire per metric sample.
#   benchmarks/telemetry-ingest.sh [connections=20] [seconds=10] [batch=500]
set -euo pipefail
cd "$(dirname "$0")/.."
connections="${1:-20}"; seconds="${2:-10}"; batch="${3:-500}"
out=$(mktemp -d /tmp/outpost-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  [ -n "${OUTPOST_PG_DIR:-}" ] && scripts/postgres-down.sh "$OUTPOST_PG_DIR" >/dev/null 2>&1 || true; rm -rf "$out"; }
trap cleanup EXIT

dotnet build src/Outpost.Server -c Release -nologo -v q -o "$out/server" >/dev/null
dotnet build benchmarks/Outpost.LoadGen -c Release -nologo -v q -o "$out/loadgen" >/dev/null
wait_line() { for _ in $(seq 1 600); do grep -q "$2" "$1" && return 0; sleep 0.1; done; echo "timeout waiting for $2 in $1" >&2; cat "$1" >&2; exit 1; }

run_server() { # name, extra args...
  local name=$1; shift
  dotnet "$out/server/outpost-server.dll" --Outpost:DataDirectory="$out/data-$name" \
    --Outpost:DeviceApi:Url=https://127.0.0.1:0 --Outpost:AdminApi:Url=http://127.0.0.1:0 \
    --Logging:LogLevel:Default=Warning "$@" >"$out/$name.log" 2>&1 & pids+=($!)
  wait_line "$out/$name.log" "^outpost-server: ready"
  local device admin token
  device=$(sed -n 's/^outpost-server: device-api=//p' "$out/$name.log")
  admin=$(sed -n 's/^outpost-server: admin-api=//p' "$out/$name.log")
  token=$(sed -n 's/^outpost-server: initial-admin-token=//p' "$out/$name.log")
  echo "== outpost-server on $name"
  dotnet "$out/loadgen/outpost-loadgen.dll" telemetry --device-api "$device" --admin-api "$admin" --admin-token "$token" \
    --connections "$connections" --seconds "$seconds" --batch "$batch" | tee "$out/$name.result"
  kill -TERM "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
}
run_server sqlite
if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  eval "$(scripts/postgres-up.sh "$port")"
  psql -h 127.0.0.1 -p "$port" -U postgres -qc 'create database outpost_bench' >/dev/null
  run_server postgres --Outpost:Storage:Provider=postgres \
    "--Outpost:Storage:ConnectionString=Host=127.0.0.1;Port=$port;Username=postgres;Database=outpost_bench;Maximum Pool Size=100"
fi
