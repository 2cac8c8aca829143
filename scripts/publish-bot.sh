#!/usr/bin/env bash
# Publishes the bot (`nginx502bot`: diagnose, serve, migrate) precompiled (ReadyToRun) and prints the path of its dll:
#   scripts/publish-bot.sh [OUT_DIR]   (relative to the repository; default artifacts/bot)
# It publishes only when a file the bot is built from is newer than its last publish here: `./run.sh diagnose FILE`
# then starts in a fraction of a second, where `dotnet run` or a `dotnet build` that finds nothing to do takes seconds
# (and `dotnet run` runs the unoptimised Debug build). ReadyToRun code also starts a diagnosis 0.2–0.3 s sooner than
# the JIT does (docs/benchmarks.md, "Start-up"). Its own artifacts folder keeps the RID-specific restore away from the
# obj/ folders the tests build in.
set -euo pipefail
self=$(realpath "$0")
cd "$(dirname "$self")/.."
out=${1:-artifacts/bot}
dll="$out/nginx502bot.dll"
stamp="$out/.published"
case "$(uname -m)" in
  aarch64 | arm64) rid=linux-arm64 ;;
  *) rid=linux-x64 ;;
esac

mkdir -p "$out"
exec 9>"$out/.lock"
flock 9

# What the publish reads: every project under src/ (the bot references most of them), the repository-wide build
# settings and this script. A file added or removed changes its folder's time, so folders count too.
changed() {
  find src Directory.Build.props Directory.Packages.props global.json "$self" \
    \( -name bin -o -name obj \) -prune -o -newer "$stamp" -print -quit
}

if [ ! -f "$stamp" ] || [ ! -f "$dll" ] || [ -n "$(changed)" ]; then
  echo "publishing nginx502bot to $out (sources changed or first run; a minute or two the first time)" >&2
  # Stamped before the publish starts: a file saved while it runs makes the next call publish again.
  touch "$stamp.next"
  if ! log=$(dotnet publish src/Bot/Nginx502Bot.Bot.csproj -c Release -r "$rid" --self-contained false \
      -p:PublishReadyToRun=true --artifacts-path artifacts/bot-build -o "$out" -nologo -v q 2>&1); then
    printf '%s\n' "$log" >&2
    echo "publishing nginx502bot failed" >&2
    exit 1
  fi
  mv "$stamp.next" "$stamp"
fi

echo "$(realpath "$dll")"
