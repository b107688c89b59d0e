#!/usr/bin/env bash
# Agent footprint: NativeAOT binary size, then PSS/RSS (from /proc/PID/smaps_rollup) and CPU seconds per hour of a
# real agent checking in every 30 s against a real server.   benchmarks/agent-footprint.sh [minutes=3] [interval=30]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-3}"; interval="${2:-30}"
out=$(mktemp -d /tmp/outpost-footprint.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

dotnet publish src/Outpost.Agent -c Release -r linux-x64 -nologo -v q -o "$out/agent" >/dev/null
dotnet build src/Outpost.Server -c Release -nologo -v q -o "$out/server" >/dev/null
bin="$out/agent/outpost-agent"
echo "binary: $(stat -c %s "$bin") bytes ($(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$bin")/1048576}") MiB) $bin"
others=$(find "$out/agent" -maxdepth 1 -type f ! -name outpost-agent ! -name '*.dbg' -printf '%f (%s bytes) ' || true)
[ -n "$others" ] && echo "other files shipped: $others"

dotnet "$out/server/outpost-server.dll" --Outpost:DataDirectory="$out/server-data" \
  --Outpost:DeviceApi:Url=https://127.0.0.1:0 --Outpost:AdminApi:Url=http://127.0.0.1:0 \
  --Outpost:Devices:CheckInInterval="00:00:$(printf %02d "$interval")" >"$out/server.log" 2>&1 & pids+=($!)
for _ in $(seq 1 600); do grep -q '^outpost-server: ready' "$out/server.log" && break; sleep 0.1; done
device=$(sed -n 's/^outpost-server: device-api=//p' "$out/server.log")
admin=$(sed -n 's/^outpost-server: admin-api=//p' "$out/server.log")
token=$(sed -n 's/^outpost-server: initial-admin-token=//p' "$out/server.log")
fp=$(sed -n 's/^outpost-server: ca-fingerprint=//p' "$out/server.log")
enroll=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"site":"bench","maxUses":1}' "$admin/v1/enrollment-tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
"$bin" enroll --server "$device" --token "$enroll" --ca-fingerprint "$fp" --data-dir "$out/agent-data" >/dev/null
"$bin" run --data-dir "$out/agent-data" >"$out/agent.log" 2>&1 & agent=$!; pids+=($agent)
tick=$(getconf CLK_TCK)
cpu() { awk -v t="$tick" '{print ($14+$15)/t}' "/proc/$agent/stat"; }
sleep 5; c0=$(cpu); t0=$(date +%s.%N)
echo "running the agent for $minutes min at a ${interval}s check-in interval ..."
sleep $((minutes * 60))
c1=$(cpu); t1=$(date +%s.%N)
pss=$(awk '/^Pss:/{print $2}' "/proc/$agent/smaps_rollup"); rss=$(awk '/^Rss:/{print $2}' "/proc/$agent/smaps_rollup")
checkins=$(grep -ci 'check' "$out/agent.log" || true)
echo "PSS: $((pss / 1024)) MiB ($pss kB)   RSS: $((rss / 1024)) MiB ($rss kB)"
awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" 'BEGIN{printf "CPU: %.3f s over %.0f s = %.1f CPU-seconds per hour\n", c1-c0, t1-t0, (c1-c0)*3600/(t1-t0)}'
echo "goal: PSS <= 12 MiB, binary <= 12 MiB"
