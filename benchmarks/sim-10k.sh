#!/usr/bin/env bash
# 10,000 simulated devices (outpost sim: real identities, own mTLS connections, the agent's own check-in code) against
# one Release outpost-server on SQLite: server CPU and RSS, check-in latency, and a thundering herd (every device
# cut off from the server for 15 s, then all links back at the same instant) with the agent's jitter against --no-jitter.
#   benchmarks/sim-10k.sh [devices=10000] [steady_seconds=180] [interval_seconds=30]
# SIM_WORK_DIR=DIR keeps the server's data folder and the devices' identities there, so a second run skips the
# enrollment of 10,000 devices (about 8 minutes on a busy 2-core machine).
set -euo pipefail
cd "$(dirname "$0")/.."
devices="${1:-10000}"; steady="${2:-180}"; interval="${3:-30}"
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

echo "== steady state: $devices devices, server interval ${interval}s, ${steady}s (agents start spread over one interval)"
t0=$(ticks); w0=$(date +%s.%N); peak_rss=0
( while sleep 5; do r=$(rss_mib); echo "$r"; done ) >"$out/rss.txt" & rss_pid=$!
sim --devices "$devices" --sites 20 --duration "${steady}s" --report-every 10s --json >"$out/steady.json"
kill "$rss_pid" 2>/dev/null || true
t1=$(ticks); w1=$(date +%s.%N)
peak_rss=$(sort -n "$out/rss.txt" | tail -n1)
cpu=$(echo "100 * ($t1 - $t0) / $hz / ($w1 - $w0)" | bc -l)
python3 - "$out/steady.json" "$cpu" "$peak_rss" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); s = r["summary"]; l = s["latency"]
print(f"check-ins {s['checkIns']}  errors {s['errors']}  p50 {l.get('p50Ms')} ms  p95 {l.get('p95Ms')} ms  p99 {l.get('p99Ms')} ms  max {l.get('maxMs')} ms")
print(f"server CPU {float(sys.argv[2]):.1f} % of one core (whole run)  server RSS peak {sys.argv[3]} MiB")
print("errors by kind:", s.get("errorsByKind") or "-")
print("timeline (check-ins per 10 s):", [e["checkIns"] for e in r["timeline"]])
PY

herd() { # label, extra flags...
  local label=$1; shift
  cat >"$out/herd.yaml" <<YAML
sites: [$(for i in $(seq 1 20); do printf '{name: site-%02d, devices: %d}%s' "$i" $((devices / 20 + (i <= devices % 20 ? 1 : 0))) "$([ "$i" -lt 20 ] && echo ,)"; done)]
offline:
  - {at: 45s, for: 15s, mode: partition}
YAML
  sim --scenario "$out/herd.yaml" --duration $((60 + 3 * interval))s --report-every 1s --json "$@" >"$out/herd-$label.json"
  python3 - "$out/herd-$label.json" "$label" "$interval" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); label = sys.argv[2]; interval = int(sys.argv[3])
rows = [e for e in r["timeline"] if e["elapsedSeconds"] > 60]
per_s = [e["checkIns"] for e in rows]
s = r["summary"]; l = s["latency"]
print(f"[{label}] after the link of all {s['devices']} devices returns at t=60 s: peak {max(per_s)} check-ins/s, "
      f"errors {s['errors']} ({s.get('errorsByKind') or '-'}), whole-run p50 {l.get('p50Ms')} ms p99 {l.get('p99Ms')} ms")
for start in range(0, len(per_s), interval):
    chunk = per_s[start:start + interval]
    print(f"  t=+{start:>3}..{start + len(chunk):>3}s  " + " ".join(f"{n:>4}" for n in chunk))
PY
}
echo "== thundering herd: every device loses the server at t=45 s (a server or WAN outage: agents keep running, their"
echo "   check-ins fail and back off), all links back at t=60 s; with the agent's full jitter, then with --no-jitter"
herd jitter
herd no-jitter --no-jitter

errors=$(grep -cE '^(fail|crit):' "$out/server.log" || true)
echo "== server log: $errors error lines"
[ "$errors" = 0 ] || grep -E '^(fail|crit):' "$out/server.log" | head -5
