#!/usr/bin/env bash
# One command: bench/bot.sh [AGENT_COUNTS]. Issue 4's bot targets, printed beside the measured figures:
#   ack latency p50/p99 of signed /502 slash commands sent open-loop at 200 requests/s for 10 s (2,000 requests) to the
#   real bot host (BotHost.Build, Slack configured, Web API pointed at a local recorder on loopback);
#   time from command to the final chat.update with 1, 10 and 100 real agent processes (default AGENT_COUNTS=1,10,100),
#   each in its own UTS namespace (unshare --uts) so it reports its own host name.
# Every loop is bounded; agent processes are killed by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${1:-1,10,100}
dotnet build src/Agent -c Release -nologo -v q >/dev/null
dotnet build bench/Bot -c Release -nologo -v q >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load:$(uptime | sed 's/.*load average//')"
dotnet bench/Bot/bin/Release/net10.0/Nginx502Bot.Bot.Bench.dll \
  "$PWD/src/Agent/bin/Release/net10.0/nginx502bot-agent.dll" "$PWD/tests/Agent.Tests/Fixtures/host" "$counts"
echo "load after:$(uptime | sed 's/.*load average//')"
