#!/usr/bin/env bash
# Time for a full rollout with zero bake time over N simulated devices (the engine's overhead), whole process:
# a Release outpost-server on SQLite, N virtual devices from `outpost sim` (real identities, own mTLS connections, the
# agent's check-in code) in 20 sites, a signed release pushed with the CLI, then `outpost rollout create` with the
# default phases (5% -> 25% -> 100%), bakeTime 0 and simulated install steps of 0 s, timed until `completed`.
#   benchmarks/rollout-time.sh [devices=1000] [interval_seconds=5] [tick=00:00:01]
# WORK_DIR=DIR keeps the server's data, the signing keys and the devices' identities there (as sim-10k.sh's
# SIM_WORK_DIR, which it may be): a second run skips enrolling. RAMP=SECONDS spreads the devices' start (default: one
# interval); 10,000 devices need a few minutes of ramp on this machine (every first check-in is a TLS handshake).
# SERVER_ENV="NAME=VALUE ..." sets environment variables for the server only (runtime knobs for an experiment).
# A device learns its desired release on a check-in and reports the commit on the next one, so each phase needs about
# two check-in intervals whatever the engine does; the script prints that floor next to the measured time.
set -euo pipefail
cd "$(dirname "$0")/.."
devices="${1:-1000}"; interval="${2:-5}"; tick="${3:-00:00:01}"; ramp="${RAMP:-$interval}"
if [ -n "${WORK_DIR:-}" ]; then out=$WORK_DIR; mkdir -p "$out"; keep=1; else out=$(mktemp -d /tmp/outpost-rollout-time.XXXXXX); keep=0; fi
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; [ "$keep" = 1 ] || rm -rf "$out"; }
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "== $devices devices, check-in interval ${interval}s, engine tick $tick; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

dotnet build src/Outpost.Server -c Release -nologo -v q -o "$out/server" >/dev/null
dotnet build src/Outpost.Cli -c Release -nologo -v q -o "$out/cli" >/dev/null
wait_line() { for _ in $(seq 1 600); do grep -q "$2" "$1" && return 0; sleep 0.1; done; echo "timeout waiting for $2 in $1" >&2; cat "$1" >&2; exit 1; }

env ${SERVER_ENV:-} dotnet "$out/server/outpost-server.dll" --Outpost:DataDirectory="$out/data" \
  --Outpost:DeviceApi:Url=https://127.0.0.1:0 --Outpost:AdminApi:Url=http://127.0.0.1:0 \
  --Outpost:Devices:CheckInInterval="$(printf '00:00:%02d' "$interval")" --Outpost:Rollouts:TickInterval="$tick" \
  --Logging:LogLevel:Default=Warning >"$out/server.log" 2>&1 & pids+=($!)
server_pid=$!
ticks() { awk '{print $14+$15}' "/proc/$server_pid/stat"; }
wait_line "$out/server.log" "^outpost-server: ready"
value() { sed -n "s/^outpost-server: $1=//p" "$out/server.log"; }
admin_api=$(value admin-api)
# The first admin token is printed only on the first start of a data folder; a kept one is in admin-token.
token=$(value initial-admin-token); [ -n "$token" ] && echo "$token" >"$out/admin-token"; token=$(cat "$out/admin-token")
export OUTPOST_CONFIG="$out/cli.json"
cli() { dotnet "$out/cli/outpost.dll" "$@"; }
api() { curl -sf -H "Authorization: Bearer $token" "${admin_api%/}$1"; }
cli login --server "$admin_api" --token "$token" >/dev/null
[ -d "$out/repo" ] || cli keys init --dir "$out/repo" >/dev/null
echo simulated >"$out/app.bin"
# Versions new to this run, so a kept repository takes them. In a kept folder the devices' desired release is
# still the previous run's target: they start on it.
run=$(date +%s); new="cam@2.0.$run"
versions=("2.0.$run")
if [ -s "$out/last-release" ]; then old=$(cat "$out/last-release"); else old="cam@1.0.$run"; versions=("1.0.$run" "${versions[@]}"); fi
for v in "${versions[@]}"; do
  cli release create --dir "$out/repo" --name cam --version "$v" --device-class sim --artifact "app=$out/app.bin" >/dev/null
  cli release push --dir "$out/repo" "cam@$v" >/dev/null
done

cat >"$out/scenario.yaml" <<YAML
sites: [$(for i in $(seq 1 20); do printf '{name: site-%02d, devices: %d}%s' "$i" $((devices / 20 + (i <= devices % 20 ? 1 : 0))) "$([ "$i" -lt 20 ] && echo ,)"; done)]
install: {download: 0s, verify: 0s, installing: 0s, healthCheck: 0s}
YAML
echo "== enrolling and starting $devices devices"
# Not through cli(): $! must be the simulator itself, so the cleanup stops it.
dotnet "$out/cli/outpost.dll" sim --server "$admin_api" --token "$token" --device-api "$(value device-api)" --ca-fingerprint "$(value ca-fingerprint)" \
  --state-dir "$out/state" --scenario "$out/scenario.yaml" --initial-release "$old" --interval "${interval}s" \
  --start-spread "${ramp}s" --enroll-concurrency 8 --duration 60m --report-every 10s >"$out/sim.log" 2>&1 & pids+=($!)
count_on() { api "/v1/devices?release=$1&limit=1${2:-}" | python3 -c "import json,sys; print(json.load(sys.stdin)['total'])"; }
# Every device online on the old release, after the whole ramp (a kept folder's devices already show that release).
sleep "$ramp"
for _ in $(seq 1 1800); do [ "$(count_on "$old" "&status=online" 2>/dev/null || echo 0)" = "$devices" ] && break; sleep 1; done
[ "$(count_on "$old" "&status=online")" = "$devices" ] || { echo "devices did not all check in" >&2; tail -5 "$out/sim.log" >&2; exit 1; }
sleep "$interval" # one quiet interval: the ramp's handshakes are over

cat >"$out/spec.yaml" <<YAML
release: $new
target: {deviceClass: sim}
bakeTime: 0
YAML
t0=$(ticks); sim_lines=$(wc -l <"$out/sim.log")
start=$(date +%s.%N)
id=$(cli rollout create -f "$out/spec.yaml" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
while :; do
  state=$(api "/v1/rollouts/$id" | python3 -c "import json,sys; print(json.load(sys.stdin)['state'].lower())")
  case "$state" in completed|halted|rollingback|rolledback|aborted|paused) break;; esac
  sleep 0.2
done
end=$(date +%s.%N)
elapsed=$(echo "$end - $start" | bc -l)
cpu=$(echo "100 * ($(ticks) - $t0) / $(getconf CLK_TCK) / $elapsed" | bc -l)
[ "$state" = completed ] && echo "$new" >"$out/last-release"
echo "== rollout $id: $state after $(printf '%.1f' "$elapsed") s; devices on $new: $(count_on "$new")/$devices"
api "/v1/rollouts/$id/decisions" | python3 -c "
import json, sys
from datetime import datetime
items = json.load(sys.stdin)['items']
t0 = datetime.fromisoformat(items[0]['at'])
for d in items:
    print(f\"  +{(datetime.fromisoformat(d['at']) - t0).total_seconds():6.1f}s  {d['action']:<16} {d['reason'][:100]}\")"
echo "floor: 3 phases x ~2 check-in intervals = ~$((6 * interval)) s (jitter shortens each interval by up to 20 %)"
printf 'server CPU during the rollout: %.1f %% of one core\n' "$cpu"
echo "check-ins during the rollout, per 10-second line of the simulator (check-ins, errors, p99 of that line):"
tail -n +"$((sim_lines + 1))" "$out/sim.log" | sed -n 's/^t= *\([0-9.]*\)s.*check-ins *\([0-9]*\) *errors *\([0-9]*\) *p99 *\([0-9.-]*\) ms.*/  t=\1s \2 \3 \4 ms/p'
errors=$(grep -cE '^(fail|crit):' "$out/server.log" || true)
echo "== server log: $errors error lines"
[ "$errors" = 0 ] || grep -E '^(fail|crit):' "$out/server.log" | head -5
