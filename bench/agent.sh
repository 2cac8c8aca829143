#!/usr/bin/env bash
# One command: bench/agent.sh [LOG_MB]. Issue 3's agent targets, printed beside the measured figures:
#   start-up (exec to first /healthz answer, median of 5) and idle RSS (VmRSS after 2 s) of `nginx502bot-agent serve`
#   (h2c on loopback, bearer token), framework-dependent Release build and, if it publishes, a trimmed self-contained one;
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
log="$out/error-${log_mb}m.log"
[ -f "$log" ] || dotnet bench/LogGenerator/bin/Release/net10.0/loggen.dll "$log" "$log_mb"

# A trimmed self-contained publish (PublishAot off: its ILCompiler runtime pack is not in our registry).
# AGENT_BENCH_TRIMMED=0 skips it (the publish alone takes minutes on two cores).
trimmed=-
note="skipped (AGENT_BENCH_TRIMMED=0)"
if [ "${AGENT_BENCH_TRIMMED:-1}" != 0 ]; then
  if timeout 900 dotnet publish src/Agent -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true -p:PublishAot=false \
       -o "$out/agent-trimmed" -nologo -v q > "$out/publish-trimmed.log" 2>&1; then
    trimmed="$out/agent-trimmed/nginx502bot-agent"
  else
    note="dotnet publish failed: $(grep -m1 -oE 'error [A-Z0-9]+: [^[]{0,160}' "$out/publish-trimmed.log" || echo 'see bench/out/publish-trimmed.log')"
  fi
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load:$(uptime | sed 's/.*load average//')"
dotnet bench/Agent/bin/Release/net10.0/Nginx502Bot.Agent.Bench.dll \
  src/Agent/bin/Release/net10.0/nginx502bot-agent.dll "$log" "$PWD/tests/Agent.Tests/Fixtures/host" "$trimmed" "$note"
echo "load after:$(uptime | sed 's/.*load average//')"
