#!/usr/bin/env bash
# The demo (README's first command): builds the three programs, starts outpost-server on SQLite in ./.demo,
# enrolls AGENTS agents as separate processes with their own keys and certificates, shows the fleet, and
# keeps everything running until Ctrl-C, which stops every process this script started.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
demo="$root/.demo"
agents="${AGENTS:-3}"
admin_port="${ADMIN_PORT:-8080}"
device_port="${DEVICE_PORT:-8443}"
mkdir -p "$demo/bin" "$demo/logs"

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "demo: stopping ${#pids[@]} processes"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup INT TERM EXIT

echo "demo: building (Release) ..."
dotnet build src/Outpost.Server -c Release -nologo -v q -o "$demo/bin/server" >/dev/null
dotnet build src/Outpost.Cli -c Release -nologo -v q -o "$demo/bin/cli" >/dev/null
if [ "${DEMO_AOT:-1}" = 1 ]; then
  echo "demo: publishing outpost-agent with NativeAOT ..."
  dotnet publish src/Outpost.Agent -c Release -r linux-x64 -nologo -v q -o "$demo/bin/agent" >/dev/null
  agent=("$demo/bin/agent/outpost-agent")
else
  dotnet build src/Outpost.Agent -c Release -nologo -v q -o "$demo/bin/agent" >/dev/null
  agent=(dotnet "$demo/bin/agent/outpost-agent.dll")
fi
outpost() { OUTPOST_CONFIG="$demo/cli-config.json" dotnet "$demo/bin/cli/outpost.dll" "$@"; }

echo "demo: starting outpost-server (SQLite in $demo/server)"
dotnet "$demo/bin/server/outpost-server.dll" \
  --Outpost:DataDirectory="$demo/server" \
  --Outpost:DeviceApi:Url="https://127.0.0.1:$device_port" \
  --Outpost:AdminApi:Url="http://127.0.0.1:$admin_port" \
  --Outpost:Devices:CheckInInterval=00:00:10 \
  --Outpost:Bootstrap:AdminTokenFile="$demo/admin-token" \
  >"$demo/logs/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do grep -q '^outpost-server: ready' "$demo/logs/server.log" && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "demo: server exited:"; tail -n 30 "$demo/logs/server.log"; exit 1; }
  sleep 0.1; done
grep -q '^outpost-server: ready' "$demo/logs/server.log" || { echo "demo: server not ready"; exit 1; }
admin_url=$(sed -n 's/^outpost-server: admin-api=//p' "$demo/logs/server.log" | tail -n1)
device_url=$(sed -n 's/^outpost-server: device-api=//p' "$demo/logs/server.log" | tail -n1)
fingerprint=$(sed -n 's/^outpost-server: ca-fingerprint=//p' "$demo/logs/server.log" | tail -n1)
token=$(cat "$demo/admin-token")

outpost login --server "$admin_url" --token "$token" >/dev/null

# Offline signing keys (root 2-of-3, targets) and the repository's root, once per demo folder.
repo="$demo/repo"
if [ ! -f "$repo/root.json" ]; then
  echo "demo: creating offline TUF keys in $repo and uploading root v1"
  outpost keys init --dir "$repo" >"$demo/logs/keys.log" 2>&1 || { cat "$demo/logs/keys.log"; exit 1; }
fi
for i in $(seq 1 "$agents"); do
  dir="$demo/agents/agent-$i"
  if [ ! -f "$dir/device.crt" ]; then
    enroll=$(outpost tokens create --site "site-$(( (i - 1) % 2 + 1 ))" --tag demo --uses 1 --expires 10m --json \
      | sed -n 's/.*"token": *"\([^"]*\)".*/\1/p' | head -n1)
    "${agent[@]}" enroll --server "$device_url" --token "$enroll" --ca-fingerprint "$fingerprint" \
      --tuf-root "$repo/root.json" --data-dir "$dir" --device-class demo-x86 >"$demo/logs/agent-$i.enroll.log" 2>&1 \
      || { echo "demo: enrollment of agent $i failed:"; cat "$demo/logs/agent-$i.enroll.log"; exit 1; }
  fi
  # --boot-window 0: on a machine that booted minutes ago the agent would spread its first check-in over the
  # interval, as a device of a site powering on does; the demo's agents are not such a site.
  "${agent[@]}" run --data-dir "$dir" --boot-window 00:00:00 >"$demo/logs/agent-$i.log" 2>&1 &
  pids+=($!)
done

echo "demo: waiting for $agents agents to check in ..."
for _ in $(seq 1 150); do
  online=$(outpost devices ls --status online --json | grep -io '"status": *"online"' | wc -l || true)
  [ "$online" -ge "$agents" ] && break
  sleep 0.2
done

# A signed release: an app (a shell workload that reports an inference rate to the agent's local API), a model
# and a config, signed with the offline targets key, pushed, and rolled out in two phases with a health gate.
version="1.0.$(date +%s)"
mkdir -p "$demo/release"
cat >"$demo/release/app.sh" <<'APP'
#!/bin/sh
# Demo workload: reads its config and model from the paths the agent gives it and reports a rate every 5 s.
echo "demo-app: release $OUTPOST_RELEASE_ID, config $(cat "$OUTPOST_CONFIG_PATH")"
while true; do
  if command -v curl >/dev/null 2>&1; then
    curl -s --unix-socket "$OUTPOST_AGENT_SOCKET" -X POST http://agent/v1/metrics \
      -d '[{"name":"inference_fps","value":30}]' >/dev/null || true
  fi
  sleep 5
done
APP
head -c 262144 /dev/urandom >"$demo/release/model.bin"
printf '{"greeting":"hello from %s"}\n' "$version" >"$demo/release/config.json"
cat >"$demo/release/workload.json" <<'SPEC'
{ "healthWindowSeconds": 10,
  "processes": [ { "name": "app", "command": "/bin/sh", "args": ["app.sh"],
                   "probe": { "exec": { "command": "/bin/sh", "args": ["-c", "test -s \"$OUTPOST_CONFIG_PATH\""] },
                              "intervalSeconds": 2 } } ] }
SPEC
echo "demo: signing release demo-app@$version offline and pushing it"
outpost release create --dir "$repo" --name demo-app --version "$version" --device-class demo-x86 \
  --artifact app="$demo/release/app.sh" --artifact model="$demo/release/model.bin" \
  --artifact config="$demo/release/config.json" \
  --workload "$demo/release/workload.json" >"$demo/logs/release.log" 2>&1 || { cat "$demo/logs/release.log"; exit 1; }
outpost release push --dir "$repo" "demo-app@$version" >>"$demo/logs/release.log" 2>&1 || { cat "$demo/logs/release.log"; exit 1; }
cat >"$demo/rollout.yaml" <<SPEC
release: demo-app@$version
target:
  tags: [demo]
phases:
  - count: 1
  - percent: 100
bakeTime: 5s
gates:
  maxFailureRatio: 0
  minSample: 1
SPEC
rollout=$(outpost rollout create -f "$demo/rollout.yaml" --json | sed -n 's/^  "id": *"\([^"]*\)".*/\1/p' | head -n1)
echo "demo: rollout $rollout: canary on one device, then the rest, each health-checked on the device ..."
for _ in $(seq 1 240); do
  state=$(outpost rollout status "$rollout" --json | sed -n 's/^  "state": *"\([^"]*\)".*/\1/p' | head -n1 | tr 'A-Z' 'a-z')
  case "$state" in completed|rolledback|aborted|halted) break ;; esac
  sleep 1
done
echo
outpost rollout status "$rollout" || true
echo
outpost release ls
echo
outpost devices ls
echo
for id in $(outpost devices ls --json | sed -n 's/.*"id": *"\([^"]*\)".*/\1/p'); do
  printf '%s  %s\n' "$id" "$(outpost devices show "$id" | sed -n 's/^Update *//p')"
done
cat <<MSG

  Dashboard   $admin_url/dashboard   (log in with the admin token below)
  Admin API   $admin_url      (OpenAPI: $admin_url/openapi/v1.json)
  Device API  $device_url     (CA fingerprint $fingerprint)
  Admin token $token
  CLI         OUTPOST_CONFIG=$demo/cli-config.json dotnet $demo/bin/cli/outpost.dll devices ls
  Logs        $demo/logs/

Press Ctrl-C to stop the server and the $agents agents.
MSG
wait "${pids[0]}"
