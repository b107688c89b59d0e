# Sourced by benchmark scripts: publishes the NativeAOT agent (as it runs on a device) into a temporary folder and
# exports OUTPOST_AGENT_BINARY, which the end-to-end tests use instead of the JIT build (Binaries.AgentCommand).
# AGENT=jit keeps the JIT build. The caller removes "$aot_dir" on exit.
if [ "${AGENT:-aot}" = aot ]; then
  aot_dir=$(mktemp -d /tmp/outpost-aot-agent.XXXXXX)
  dotnet publish src/Outpost.Agent -c Release -r linux-x64 -nologo -v q -o "$aot_dir" >/dev/null
  export OUTPOST_AGENT_BINARY="$aot_dir/outpost-agent"
else
  aot_dir=""
fi
