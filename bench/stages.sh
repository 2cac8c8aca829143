#!/usr/bin/env bash
# One command: bench/stages.sh [SIZE_MB] [PASSES]. Where the engine's time goes on one core: splitting lines, reading
# records (unwrap, join, parse, classify) and the finding aggregator, on the head of the bench log held in memory; then
# the report path on each line shape alone (plain records, FastCGI records with their lines, records behind a syslog or
# a container prefix, PHP-FPM's own lines): which shapes the time goes to.
# Run bench/run.sh once first (it generates the log).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-256}
passes=${2:-5}
log=bench/out/error-1024m-v2.log
[ -f "$log" ] || { echo "no $log: run bench/run.sh first" >&2; exit 2; }
dotnet build bench/Stages -c Release -nologo -v q >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Stages/bin/Release/net10.0/stages.dll "$log" "$size_mb" "$passes"
