#!/usr/bin/env bash
# Publishes the host agent as a NativeAOT binary and prints its absolute path:
#   scripts/publish-agent-aot.sh [OUT_DIR]   (relative to the repository; default artifacts/agent-aot)
# .NET 10's NativeAOT runtime pack is not in our package registry; .NET 9's ILCompiler (which carries its own runtime)
# is, and the agent's code builds for both, so the AOT binary targets net9.0. Its own artifacts folder keeps the net9.0
# restore away from the net10.0 obj/ folders the tests build in. Needs clang or gcc and zlib (scripts/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/agent-aot}
dotnet publish src/Agent/Nginx502Bot.Agent.csproj -c Release -r linux-x64 -nologo -v q \
  -p:AotTargetFramework=net9.0 --artifacts-path artifacts/aot-build -o "$out" >&2
echo "$(realpath "$out")/nginx502bot-agent"
