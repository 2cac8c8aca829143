#!/usr/bin/env bash
# A throwaway local PostgreSQL 15 for development and tests: its own data directory, listening ONLY on
# 127.0.0.1, never the system cluster. Usage: scripts/postgres.sh start|stop|status|env
#
#   NGINX502BOT_PG_PORT  port (default 55432)
#   NGINX502BOT_PG_DATA  data directory (default <repo>/.run/pg-<port>, gitignored)
#   NGINX502BOT_PG_BIN   PostgreSQL binaries (default /usr/lib/postgresql/15/bin)
#
# Authentication: `trust` for TCP connections from 127.0.0.1/::1 only (pg_hba.conf below). That is acceptable for
# this dev/test cluster because it listens on loopback alone and holds no real data; never copy it to production.
#
# The PostgreSQL binaries refuse to run as root, so as root they run as the `postgres` OS user (runuser);
# as any other user they run as that user. `start` is idempotent (a running cluster is left alone) and
# `stop` signals the PID recorded in postmaster.pid, never a process found by name.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${NGINX502BOT_PG_PORT:-55432}"
data="${NGINX502BOT_PG_DATA:-$repo/.run/pg-$port}"
bin="${NGINX502BOT_PG_BIN:-/usr/lib/postgresql/15/bin}"
db="nginx502bot"

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pid_of_cluster() {
  # First line of postmaster.pid is the postmaster's PID; it only counts if that process is alive.
  [ -f "$data/postmaster.pid" ] || return 1
  local pid
  pid="$(head -n 1 "$data/postmaster.pid")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

init_cluster() {
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
  chmod 700 "$data"
  as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  cat >"$data/pg_hba.conf" <<'EOF'
# Dev/test cluster: trust on loopback only (see scripts/postgres.sh).
local all all              trust
host  all all 127.0.0.1/32 trust
host  all all ::1/128      trust
EOF
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data/pg_hba.conf"
  return 0
}

wait_ready() {
  for _ in $(seq 1 100); do
    as_pg "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && return 0
    sleep 0.1
  done
  echo "postgres on 127.0.0.1:$port did not become ready; see $data/server.log" >&2
  return 1
}

create_database() {
  local exists
  exists="$(as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$db'")"
  [ "$exists" = "1" ] || as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
}

start() {
  if pid_of_cluster >/dev/null; then
    wait_ready
    create_database
    return 0
  fi
  [ -f "$data/PG_VERSION" ] || init_cluster
  rm -f "$data/postmaster.pid"
  # unix_socket_directories points into the data dir so we never need /var/run/postgresql.
  as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data -c max_connections=200" >/dev/null
  wait_ready
  create_database
}

stop() {
  local pid
  pid="$(pid_of_cluster)" || return 0
  # SIGINT = PostgreSQL's "fast" shutdown: roll back open transactions, close sessions, checkpoint.
  kill -INT "$pid"
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "postgres (pid $pid) did not stop within 30 s" >&2
  return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if pid="$(pid_of_cluster)"; then echo "running pid $pid on 127.0.0.1:$port ($data)"; else echo "stopped"; exit 3; fi ;;
  env) echo "export NGINX502BOT_DB='Host=127.0.0.1;Port=$port;Username=postgres;Database=$db'" ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
