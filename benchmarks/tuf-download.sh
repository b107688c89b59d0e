#!/usr/bin/env bash
# TUF artifact download throughput: `outpost-agent tuf ... download` (fresh metadata and target folders, so a full
# metadata refresh and the hash check are included) against `curl` fetching the same target URL from the same
# server in the same run. Goal: agent/curl >= 0.9.
#   benchmarks/tuf-download.sh [size_mib=256] [repetitions=5]
# OUTPOST_BENCH_AGENT=dll uses the JIT agent (dotnet outpost-agent.dll) instead of the NativeAOT binary.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib="${1:-256}"; reps="${2:-5}"
out=$(mktemp -d /tmp/outpost-tufbench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT
wait_line() { for _ in $(seq 1 600); do grep -q "$2" "$1" && return 0; sleep 0.1; done; echo "timeout waiting for $2 in $1" >&2; cat "$1" >&2; exit 1; }
now() { date +%s.%N; }

echo "== building server, CLI (Release) and agent (${OUTPOST_BENCH_AGENT:-NativeAOT})" >&2
dotnet build src/Outpost.Server -c Release -nologo -v q -o "$out/server" >/dev/null
dotnet build src/Outpost.Cli -c Release -nologo -v q -o "$out/cli" >/dev/null
if [ "${OUTPOST_BENCH_AGENT:-aot}" = dll ]; then
  dotnet build src/Outpost.Agent -c Release -nologo -v q -o "$out/agent" >/dev/null
  agent() { dotnet "$out/agent/outpost-agent.dll" "$@"; }
else
  dotnet publish src/Outpost.Agent -c Release -r linux-x64 -nologo -v q -o "$out/agent" >/dev/null
  agent() { "$out/agent/outpost-agent" "$@"; }
fi
export OUTPOST_CONFIG="$out/cli-config.json" XDG_CONFIG_HOME="$out/xdg"
outpost() { dotnet "$out/cli/outpost.dll" "$@"; }

dotnet "$out/server/outpost-server.dll" --Outpost:DataDirectory="$out/data" \
  --Outpost:DeviceApi:Url=https://127.0.0.1:0 --Outpost:AdminApi:Url=http://127.0.0.1:0 \
  --Logging:LogLevel:Default=Warning >"$out/server.log" 2>&1 & pids+=($!)
wait_line "$out/server.log" "^outpost-server: ready"
admin=$(sed -n 's/^outpost-server: admin-api=//p' "$out/server.log" | tail -n1)
token=$(sed -n 's/^outpost-server: initial-admin-token=//p' "$out/server.log" | tail -n1)

outpost login --server "$admin" --token "$token" >/dev/null
outpost keys init --dir "$out/repo" >/dev/null
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$out/artifact.bin"
outpost release create --dir "$out/repo" --name bench --version 1.0.0 --device-class bench --artifact "file=$out/artifact.bin" >/dev/null
outpost release push --dir "$out/repo" bench@1.0.0 >/dev/null 2>&1

# The target as the server's current signed metadata lists it (consistent snapshots: N.snapshot.json, N.targets.json).
meta="$admin/v1/tuf/metadata"
snapshot_version=$(curl -sf "$meta/timestamp.json" | jq -r '.signed.meta["snapshot.json"].version')
targets_version=$(curl -sf "$meta/$snapshot_version.snapshot.json" | jq -r '.signed.meta["targets.json"].version')
read -r target sha256 < <(curl -sf "$meta/$targets_version.targets.json" \
  | jq -r '.signed.targets | to_entries[] | select(.key | endswith("artifact.bin")) | "\(.key) \(.value.hashes.sha256)"')
url="$admin/v1/tuf/targets/$(dirname "$target")/$sha256.$(basename "$target")"
curl -sf "$meta/1.root.json" >"$out/root.json"
echo "== target $target ($size_mib MiB), $reps repetitions each, server at $admin" >&2

declare -a curl_s agent_s refresh_s
for i in $(seq 1 "$reps"); do
  rm -f "$out/curl.bin"
  t0=$(now); curl -sf -o "$out/curl.bin" "$url"; t1=$(now)
  curl_s+=("$(echo "$t1 - $t0" | bc -l)")
  rm -rf "$out/agent-md" "$out/agent-targets"
  agent tuf --metadata-dir "$out/agent-md" init "$out/root.json" >/dev/null
  t0=$(now)
  agent tuf --metadata-dir "$out/agent-md" --metadata-url "$meta/" --target-name "$target" \
    --target-base-url "$admin/v1/tuf/targets/" --target-dir "$out/agent-targets" download >/dev/null
  t1=$(now)
  agent_s+=("$(echo "$t1 - $t0" | bc -l)")
  # Metadata refresh alone (fresh metadata folder), to show what part of the download time it is.
  rm -rf "$out/agent-md"
  agent tuf --metadata-dir "$out/agent-md" init "$out/root.json" >/dev/null
  t0=$(now); agent tuf --metadata-dir "$out/agent-md" --metadata-url "$meta/" refresh >/dev/null; t1=$(now)
  refresh_s+=("$(echo "$t1 - $t0" | bc -l)")
done
got=$(find "$out/agent-targets" -type f | head -n1)
cmp -s "$got" "$out/artifact.bin" || { echo "agent's target differs from the artifact" >&2; exit 1; }
cmp -s "$out/curl.bin" "$out/artifact.bin" || { echo "curl's file differs from the artifact" >&2; exit 1; }

best() { printf '%s\n' "$@" | sort -g | head -n1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mibs() { echo "$size_mib / $1" | bc -l; }
cb=$(best "${curl_s[@]}"); cm=$(median "${curl_s[@]}")
ab=$(best "${agent_s[@]}"); am=$(median "${agent_s[@]}")
rb=$(best "${refresh_s[@]}"); rm_=$(median "${refresh_s[@]}")
echo
echo "== summary: $size_mib MiB target over http://127.0.0.1 (admin listener), $reps runs, same machine"
printf '%-28s %8s %8s   %s\n' "" best median "(MiB/s; time in s)"
printf '%-28s %8.1f %8.1f   %.3f / %.3f s\n' "curl -o" "$(mibs "$cb")" "$(mibs "$cm")" "$cb" "$cm"
printf '%-28s %8.1f %8.1f   %.3f / %.3f s\n' "outpost-agent tuf download" "$(mibs "$ab")" "$(mibs "$am")" "$ab" "$am"
printf '%-28s %8s %8s   %.3f / %.3f s (included above)\n' "  of which refresh alone" "" "" "$rb" "$rm_"
printf 'ratio agent/curl: best %.2f, median %.2f (goal >= 0.9)\n' "$(echo "$cb / $ab" | bc -l)" "$(echo "$cm / $am" | bc -l)"
