#!/usr/bin/env bash
# One command: bench/run.sh [SIZE_MB]. Generates a realistic nginx error log (default 1024 MiB), then times, on the same
# file in the same run with a warm page cache, best of 2 runs each:
#   baseline 1: grep -c upstream
#   baseline 2: the shell triage people use today (grep -oE on errno and message texts | sort | uniq -c)
#   nginx502bot diagnose        (report)
#   nginx502bot diagnose --json (every record)
# and prints wall time, MB/s, records/s and peak RSS side by side, with ratios to the baselines.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-1024}
out=bench/out
mkdir -p "$out"
bash scripts/install-deps.sh >/dev/null

dotnet build bench/LogGenerator -c Release -nologo -v q >/dev/null
# The bot as ./run.sh runs it: published ReadyToRun by scripts/publish-bot.sh. BOT_DIR=dir times another build on the
# same file (a copy of an earlier artifacts/bot, or src/Bot/bin/Release/net10.0 for the JIT-only build the tests use).
bot_dir=${BOT_DIR:-$(dirname "$(bash scripts/publish-bot.sh)")}
# The name carries the generator's version: a changed generator must not time an old file (v2: upstream fields match messages).
log="$out/error-${size_mb}m-v2.log"
if [ ! -f "$log" ]; then
  echo "generating $log (${size_mb} MiB)..."
  dotnet bench/LogGenerator/bin/Release/net10.0/loggen.dll "$log" "$size_mb"
fi
bytes=$(stat -c %s "$log")
cat "$log" > /dev/null
bot=(dotnet "$bot_dir/nginx502bot.dll")
records=$( { "${bot[@]}" diagnose --json "$log" || true; } | tail -c 200 | sed -E 's/.*"records":([0-9]+).*/\1/')

measure() { # name, command...
  local name=$1; shift
  local best="" rss=0 cpu=""
  for _ in 1 2; do
    # Output goes to a file: GNU grep stops at the first match when stdout is /dev/null.
    /usr/bin/time -f "%e %M %U %S" -o "$out/time.txt" bash -c "$*" > "$out/stdout.txt" 2>"$out/stderr.txt" || true
    read -r secs kb user sys < <(tail -n 1 "$out/time.txt")
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
    local c; c=$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u + s}')
    if [ -z "$cpu" ] || awk "BEGIN{exit !($c < $cpu)}"; then cpu=$c; fi
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  echo "$name|$best|$rss|$cpu"
}

triage="grep -oE '\\([0-9]+: [^)]*\\)|upstream timed out|no live upstreams|upstream prematurely closed connection|upstream sent [a-z ]+|could not be resolved' '$log' | sort | uniq -c"
load=$(cut -d' ' -f1-3 /proc/loadavg)
results=(
  "$(measure "grep -c upstream" "grep -c upstream '$log'")"
  "$(measure "shell triage: grep -oE, sort, uniq -c" "$triage")"
  "$(measure "nginx502bot diagnose" "${bot[*]} diagnose --no-color '$log'")"
  "$(measure "nginx502bot diagnose --json" "${bot[*]} diagnose --json '$log'")"
)

grep_secs=$(echo "${results[0]}" | cut -d'|' -f2)
triage_secs=$(echo "${results[1]}" | cut -d'|' -f2)
echo
echo "bot: $bot_dir; load average before: $load"
echo "file: $log, $((bytes / 1048576)) MiB, $records records; machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf "%-42s %9s %9s %13s %10s %10s %10s %9s\n" "command" "wall s" "MB/s" "records/s" "peak RSS" "x grep -c" "x triage" "CPU s"
for r in "${results[@]}"; do
  IFS='|' read -r name secs kb cpu <<<"$r"
  awk -v n="$name" -v s="$secs" -v kb="$kb" -v b="$bytes" -v rec="$records" -v g="$grep_secs" -v t="$triage_secs" -v c="$cpu" \
    'BEGIN { s2 = (s > 0 ? s : 0.001); printf "%-42s %9.2f %9.0f %13.0f %8.0f MB %10.2f %10.2f %9.2f\n", n, s, b/1e6/s2, rec/s2, kb/1024, s/g, s/t, c }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
