#!/usr/bin/env bash
# Server check-ins per second over mutual TLS, SQLite and PostgreSQL, against the ceiling of this machine measured
# in the same run (a minimal Kestrel endpoint that requires a client certificate and returns a constant).
#   benchmarks/checkin-throughput.sh [connections=100] [seconds=10] [devices=500]
set -euo pipefail
cd "$(dirname "$0")/.."
connections="${1:-100}"; seconds="${2:-10}"; devices="${3:-500}"
out=$(mktemp -d /tmp/outpost-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  [ -n "${OUTPOST_PG_DIR:-}" ] && scripts/postgres-down.sh "$OUTPOST_PG_DIR" >/dev/null 2>&1 || true; rm -rf "$out"; }
trap cleanup EXIT

dotnet build src/Outpost.Server -c Release -nologo -v q -o "$out/server" >/dev/null
dotnet build benchmarks/Outpost.LoadGen -c Release -nologo -v q -o "$out/loadgen" >/dev/null
loadgen() { dotnet "$out/loadgen/outpost-loadgen.dll" "$@"; }
wait_line() { for _ in $(seq 1 600); do grep -q "$2" "$1" && return 0; sleep 0.1; done; echo "timeout waiting for $2 in $1" >&2; cat "$1" >&2; exit 1; }

echo "== ceiling: minimal Kestrel mTLS endpoint returning a constant"
dotnet "$out/loadgen/outpost-loadgen.dll" ceiling-server >"$out/ceiling.log" 2>&1 & pids+=($!)
wait_line "$out/ceiling.log" "ceiling-server: url="
ceiling_url=$(sed -n 's/ceiling-server: url=//p' "$out/ceiling.log")
ceiling=$(loadgen ceiling --url "$ceiling_url" --connections "$connections" --seconds "$seconds")
echo "$ceiling"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

run_server() { # name, extra args...
  local name=$1; shift
  dotnet "$out/server/outpost-server.dll" --Outpost:DataDirectory="$out/data-$name" \
    --Outpost:DeviceApi:Url=https://127.0.0.1:0 --Outpost:AdminApi:Url=http://127.0.0.1:0 \
    --Logging:LogLevel:Default=Warning "$@" >"$out/$name.log" 2>&1 & pids+=($!)
  wait_line "$out/$name.log" "^outpost-server: ready"
  local device admin token fp
  device=$(sed -n 's/^outpost-server: device-api=//p' "$out/$name.log")
  admin=$(sed -n 's/^outpost-server: admin-api=//p' "$out/$name.log")
  token=$(sed -n 's/^outpost-server: initial-admin-token=//p' "$out/$name.log")
  echo "== outpost-server on $name"
  loadgen checkins --device-api "$device" --admin-api "$admin" --admin-token "$token" \
    --devices "$devices" --connections "$connections" --seconds "$seconds" | tee "$out/$name.result"
  kill -TERM "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
}
run_server sqlite; sqlite=$(cat "$out/sqlite.result")
if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  eval "$(scripts/postgres-up.sh 55499)"
  psql -h 127.0.0.1 -p 55499 -U postgres -qc 'create database outpost_bench' >/dev/null
  run_server postgres --Outpost:Storage:Provider=postgres \
    "--Outpost:Storage:ConnectionString=Host=127.0.0.1;Port=55499;Username=postgres;Database=outpost_bench;Maximum Pool Size=100"
  postgres=$(cat "$out/postgres.result")
fi

rate() { sed -n 's/.*: \([0-9]*\) req\/s.*/\1/p' <<<"$1" | tail -n1; }
echo
echo "== summary ($connections keep-alive mTLS connections, $seconds s each, same machine for load and server)"
printf '%-10s %8s req/s\n' ceiling "$(rate "$ceiling")"
printf '%-10s %8s req/s  %5.1f%% of ceiling\n' sqlite "$(rate "$sqlite")" "$(echo "100*$(rate "$sqlite")/$(rate "$ceiling")" | bc -l)"
[ -n "${postgres:-}" ] && printf '%-10s %8s req/s  %5.1f%% of ceiling\n' postgres "$(rate "$postgres")" "$(echo "100*$(rate "$postgres")/$(rate "$ceiling")" | bc -l)"
