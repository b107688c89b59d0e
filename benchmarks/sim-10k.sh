#!/usr/bin/env bash
# 10,000 simulated devices (outpost sim: real identities, own mTLS connections, the agent's own check-in code) against
# one Release outpost-server on SQLite, in one run per jitter setting:
#   1. connect: the agents start spread over RAMP seconds (default 240; each first check-in is a full mutual-TLS
#      handshake, and this machine's two cores make about 250-370 of those per second with both ends on them —
#      MtlsHandshakeBenchmark), then one interval to settle;
#   2. steady state for steady_seconds: check-in latency (the measurement window of outpost sim), server CPU and RSS;
#   3. thundering herd: every device powered off for 15 s, then all powered on at the same instant (a power cut over
#      the whole fleet); each agent spreads its first check-in after boot over one interval (CheckInSchedule.AtStart),
#      and --no-jitter shows the same fleet without it; check-ins, errors and p99 per second afterwards.
# The same run with --no-jitter shows what the agent's jitter does for the herd.
#   benchmarks/sim-10k.sh [devices=10000] [steady_seconds=180] [interval_seconds=30]     (RAMP=240 by default)
# SIM_WORK_DIR=DIR keeps the server's data folder and the devices' identities there, so a second run skips the
# enrollment of 10,000 devices (about 8 minutes on a busy 2-core machine).
set -euo pipefail
cd "$(dirname "$0")/.."
devices="${1:-10000}"; steady="${2:-180}"; interval="${3:-30}"; ramp="${RAMP:-240}"
if [ -n "${SIM_WORK_DIR:-}" ]; then out=$SIM_WORK_DIR; mkdir -p "$out"; keep=1; else out=$(mktemp -d /tmp/outpost-sim10k.XXXXXX); keep=0; fi
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; [ "$keep" = 1 ] || rm -rf "$out"; }
trap cleanup EXIT
# Every device holds a keep-alive TLS connection: two descriptors per device (sim side and server side) plus slack.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
ulimit -n 1048576 2>/dev/null || ulimit -n 262144 2>/dev/null || true
echo "== ulimit -n $(ulimit -n); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

dotnet build src/Outpost.Server -c Release -nologo -v q -o "$out/server" >/dev/null
dotnet build src/Outpost.Cli -c Release -nologo -v q -o "$out/cli" >/dev/null
wait_line() { for _ in $(seq 1 600); do grep -q "$2" "$1" && return 0; sleep 0.1; done; echo "timeout waiting for $2 in $1" >&2; cat "$1" >&2; exit 1; }

dotnet "$out/server/outpost-server.dll" --Outpost:DataDirectory="$out/data" \
  --Outpost:DeviceApi:Url=https://127.0.0.1:0 --Outpost:AdminApi:Url=http://127.0.0.1:0 \
  --Outpost:Devices:CheckInInterval="$(printf '00:00:%02d' "$interval")" --Logging:LogLevel:Default=Warning >"$out/server.log" 2>&1 & pids+=($!)
server_pid=${pids[-1]}
wait_line "$out/server.log" "^outpost-server: ready"
value() { sed -n "s/^outpost-server: $1=//p" "$out/server.log"; }
# The first admin token is printed only on the first start of a data folder; later runs find every device enrolled.
admin_token=$(value initial-admin-token); [ -n "$admin_token" ] && echo "$admin_token" >"$out/admin-token"
admin=(--server "$(value admin-api)" --token "$(cat "$out/admin-token")")
sim() { dotnet "$out/cli/outpost.dll" sim "${admin[@]}" \
  --device-api "$(value device-api)" --ca-fingerprint "$(value ca-fingerprint)" --state-dir "$out/state" \
  --interval "${interval}s" --enroll-concurrency 16 "$@"; }
ticks() { awk '{print $14+$15}' "/proc/$server_pid/stat"; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$server_pid/status"; }
hz=$(getconf CLK_TCK)

echo "== enrolling $devices devices (20 sites; cached in the state folder for the runs below)"
start=$(date +%s.%N)
sim --devices "$devices" --sites 20 --duration 0s --json >/dev/null
echo "enrolled in $(echo "$(date +%s.%N) - $start" | bc -l | xargs printf '%.0f') s"

measure_from=$((ramp + interval)); outage_at=$((measure_from + steady)); duration=$((outage_at + 15 + 3 * interval))
cat >"$out/fleet.yaml" <<YAML
sites: [$(for i in $(seq 1 20); do printf '{name: site-%02d, devices: %d}%s' "$i" $((devices / 20 + (i <= devices % 20 ? 1 : 0))) "$([ "$i" -lt 20 ] && echo ,)"; done)]
offline:
  - {at: ${outage_at}s, for: 15s, mode: power-off}
YAML

run() { # label, extra sim flags...
  local label=$1; shift
  echo "== [$label] $devices devices, interval ${interval}s: connect over ${ramp}s, steady ${measure_from}..${outage_at}s, every device powered off ${outage_at}..$((outage_at + 15))s, until ${duration}s"
  # Server CPU and RSS over the steady window only (the connect ramp is the handshakes' cost, reported by the herd).
  ( sleep "$measure_from"; t0=$(ticks); w0=$(date +%s.%N); peak=0
    while [ "$(echo "$(date +%s.%N) - $w0 < $steady" | bc -l)" = 1 ]; do r=$(rss_mib); [ "$r" -gt "$peak" ] && peak=$r; sleep 5; done
    echo "$(echo "100 * ($(ticks) - $t0) / $hz / ($(date +%s.%N) - $w0)" | bc -l) $peak" >"$out/steady-$label.cpu" ) & local probe=$!
  sim --scenario "$out/fleet.yaml" --start-spread "${ramp}s" --measure-from "${measure_from}s" --measure-until "${outage_at}s" \
    --duration "${duration}s" --report-every 1s --json "$@" >"$out/run-$label.json"
  wait "$probe" || true
  python3 - "$out/run-$label.json" "$label" "$interval" "$outage_at" "$(cat "$out/steady-$label.cpu" 2>/dev/null)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); label, interval, cut = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
cpu, rss = (sys.argv[5].split() + ["?", "?"])[:2]
s = r["summary"]; w = s["window"]; l = w["latency"]
print(f"[{label}] steady state {w['fromSeconds']:.0f}..{w['untilSeconds']:.0f} s: {w['checkIns']} check-ins ({w['checkIns'] / (w['untilSeconds'] - w['fromSeconds']):.0f}/s), "
      f"{w['errors']} errors, p50 {l.get('p50Ms')} ms, p95 {l.get('p95Ms')} ms, p99 {l.get('p99Ms')} ms, max {l.get('maxMs')} ms")
print(f"[{label}] server during the steady state: CPU {float(cpu):.1f} % of one core, RSS peak {rss} MiB" if cpu != "?" else f"[{label}] server CPU: not sampled")
ramp = [e for e in r["timeline"] if e["elapsedSeconds"] <= w["fromSeconds"]]
print(f"[{label}] connect ramp: {sum(e['checkIns'] for e in ramp)} check-ins, {sum(e['errors'] for e in ramp)} errors, worst 1 s p99 {max((e['latency'].get('p99Ms') or 0) for e in ramp)} ms")
back = cut + 15
after = [e for e in r["timeline"] if e["elapsedSeconds"] > back]
per_s = [e["checkIns"] for e in after]
online = next((e["elapsedSeconds"] - back for e in after if e["online"] == s["devices"]), None)
print(f"[{label}] herd, every device powered on at t={back} s: peak {max(per_s)} check-ins/s, {sum(e['errors'] for e in after)} errors "
      f"({s.get('errorsByKind') or '-'}), all {s['devices']} online again after {online if online is not None else 'more than ' + str(len(after))} s")
for start in range(0, len(per_s), interval):
    chunk = after[start:start + interval]
    print(f"  t=+{start:>3}..{start + len(chunk):>3}s  check-ins " + " ".join(f"{e['checkIns']:>4}" for e in chunk))
    print(f"  {'':>14} p99 ms    " + " ".join(f"{(e['latency'].get('p99Ms') or 0):>4.0f}" for e in chunk))
PY
}
run jitter
run no-jitter --no-jitter

errors=$(grep -cE '^(fail|crit):' "$out/server.log" || true)
echo "== server log: $errors error lines"
[ "$errors" = 0 ] || grep -E '^(fail|crit):' "$out/server.log" | head -5
