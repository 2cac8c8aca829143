#!/usr/bin/env bash
# Runs every test on a fresh Debian machine that has only the .NET SDK: installs what the tests need from Debian's
# packages (PostgreSQL, nginx, PHP-FPM, gunicorn, python3-grpcio, Chromium), starts the local PostgreSQL, builds with
# warnings as errors, runs all test projects and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

bash scripts/install-deps.sh || { echo "dependency installation failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
if [ -f scripts/postgres.sh ]; then
  bash scripts/postgres.sh start || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
  eval "$(bash scripts/postgres.sh env)"
  export NGINX502BOT_DB
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! dotnet build Nginx502Bot.sln -c Release -nologo -v q 2>&1 | tee "$log" | grep -E "error|Warn|Elapsed"; then :; fi
if grep -qE "error (CS|MSB|NU|CA|IDE|NETSDK)" "$log"; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# The NativeAOT agent takes minutes to publish from scratch: published here, while nothing else runs, so that no test
# waits on it under load (the Aot tests' fixture runs the same script again and finds it up to date in seconds). A
# failure here is reported by those tests.
bash scripts/publish-agent-aot.sh >/dev/null || echo "the NativeAOT agent did not publish: the Aot tests will say why"
# The same for the ReadyToRun bot that ./run.sh runs (PublishedBotTests compare it with the build the tests run).
bash scripts/publish-bot.sh >/dev/null || echo "the ReadyToRun bot did not publish: PublishedBotTests will say why"

# One test assembly at a time (-m:1): the lab and end-to-end suites each run real nginx, PHP-FPM and gunicorn, and on a
# 2-core machine running them side by side turns their bounded waits into timeouts.
dotnet test Nginx502Bot.sln -c Release --no-build -nologo -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 142, Skipped: 0, Total: 142").
read -r passed failed skipped < <(grep -E "^(Passed|Failed)! +- Failed:" "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
assemblies=$(grep -cE "^(Passed|Failed)! +- Failed:" "$log")
projects=$(grep -c "Tests.csproj" Nginx502Bot.sln)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$assemblies" -lt "$projects" ]; then
  echo "only $assemblies of $projects test assemblies reported results"
  [ "$failed" -eq 0 ] && failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
