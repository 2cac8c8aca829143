#!/usr/bin/env bash
# One command: bench/agent.sh [LOG_MB]. Issue 3's agent targets, printed beside the measured figures:
#   start-up (exec to first /healthz answer, median of 5) and idle RSS (VmRSS after 2 s) of `nginx502bot-agent serve`
#   (h2c on loopback, bearer token), framework-dependent Release build and the NativeAOT build;
#   Diagnose latency p50/p95 (50 sequential calls through our gRPC client) on a generated host with 1,000 server blocks,
#   1,000 upstreams and a LOG_MB (default 50) MiB error log; peak RSS (VmHWM) during those diagnoses;
#   one client fanning out Health and Diagnose to 200 agents (200 real agent hosts on loopback ports in one process).
# Every loop is bounded; agent processes are killed by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
log_mb=${1:-50}
out=bench/out
mkdir -p "$out"

for project in bench/LogGenerator src/Agent bench/Agent; do
  dotnet build "$project" -c Release -nologo -v q > "$out/build.log" 2>&1 || { grep -E 'error' "$out/build.log" | sort -u; exit 1; }
done
log="$out/error-${log_mb}m-v2.log"  # the generator's version, as in run.sh
[ -f "$log" ] || dotnet bench/LogGenerator/bin/Release/net10.0/loggen.dll "$log" "$log_mb"

# The NativeAOT build operators install (net9.0 ILCompiler: .NET 10's NativeAOT pack is not in our registry).
# AGENT_BENCH_AOT=0 skips it (a publish from scratch takes minutes on two cores).
aot=-
note="skipped (AGENT_BENCH_AOT=0)"
if [ "${AGENT_BENCH_AOT:-1}" != 0 ]; then
  if ! aot=$(timeout 900 scripts/publish-agent-aot.sh "$out/agent-aot" 2> "$out/publish-aot.log"); then
    aot=-
    note="NativeAOT publish failed: $(grep -m1 -oE 'error [A-Z0-9]+: [^[]{0,160}' "$out/publish-aot.log" || echo 'see bench/out/publish-aot.log')"
  fi
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load:$(uptime | sed 's/.*load average//')"
dotnet bench/Agent/bin/Release/net10.0/Nginx502Bot.Agent.Bench.dll \
  src/Agent/bin/Release/net10.0/nginx502bot-agent.dll "$log" "$PWD/tests/Agent.Tests/Fixtures/host" "$aot" "$note"
echo "load after:$(uptime | sed 's/.*load average//')"
