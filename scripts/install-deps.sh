#!/usr/bin/env bash
# Installs, from Debian's packages, everything the tests, the lab and the local run need:
# PostgreSQL, nginx, PHP-FPM, gunicorn, python3-grpcio (the independent gRPC peer),
# Chromium (incident-page tests), hyperfine (benchmarks) and the native linker NativeAOT needs (gcc, zlib). Idempotent; safe to re-run.
# Services are never started by apt: our own scripts start them on loopback, by PID.
set -euo pipefail

packages=(
  postgresql postgresql-contrib
  nginx-light
  php8.2-fpm php8.2-cli
  gunicorn python3-grpcio python3-protobuf
  chromium
  hyperfine
  openssl curl procps iproute2 time
  gcc zlib1g-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

# Keep package scripts from starting system daemons (nginx on :80, php-fpm, postgres).
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
  created_policy=1
fi
cleanup() { [ "$created_policy" -eq 1 ] && $sudo rm -f "$policy"; }
trap cleanup EXIT

echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
