#!/usr/bin/env bash
# Runs the product on a fresh Debian machine that has only the .NET SDK:
#   ./run.sh                 local PostgreSQL + a host agent + the bot, with its web console on http://127.0.0.1:8502,
#                            and a deliberately broken demo nginx to try it on (see the printed instructions)
#   ./run.sh diagnose FILE   the command-line diagnosis (any nginx502bot command and arguments work the same way;
#                            stdin is passed through: journalctl -u nginx | ./run.sh diagnose)
# Everything listens on 127.0.0.1 only. Ctrl-C stops what this script started (by PID).
set -euo pipefail
cd "$(dirname "$0")"
repo=$(pwd)
run="$repo/.run"
mkdir -p "$run"

# The bot, precompiled and republished only when its sources changed (scripts/publish-bot.sh): a command such as
# `./run.sh diagnose FILE` needs nothing else, so it installs nothing and starts at once.
bot=(dotnet "$(bash scripts/publish-bot.sh)")
if [ $# -gt 0 ]; then
  exec "${bot[@]}" "$@"
fi
bash scripts/install-deps.sh
dotnet build src/Agent -c Release -nologo -v q >/dev/null
agent=(dotnet "$repo/src/Agent/bin/Release/net10.0/nginx502bot-agent.dll")

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$run/demo/nginx.pid" ] && kill "$(cat "$run/demo/nginx.pid")" 2>/dev/null || true
  bash scripts/postgres.sh stop || true
}
trap cleanup EXIT INT TERM

# 1. PostgreSQL for the incident timelines.
bash scripts/postgres.sh start
eval "$(bash scripts/postgres.sh env)"
"${bot[@]}" migrate

# 2. A broken site to diagnose: nginx dials 127.0.0.1:8000, the app listens on 127.0.0.1:8001 (a wrong_target).
demo="$run/demo"
mkdir -p "$demo/logs" "$demo/www"
: > "$demo/logs/error.log"
echo "hello from the demo app on :8001" > "$demo/www/index.html"
cat > "$demo/nginx.conf" <<CONF
worker_processes 1;
pid $demo/nginx.pid;
error_log $demo/logs/error.log info;
events { worker_connections 64; }
http {
    access_log $demo/logs/access.log;
    client_body_temp_path $demo/tmp_body;
    proxy_temp_path $demo/tmp_proxy;
    fastcgi_temp_path $demo/tmp_fastcgi;
    uwsgi_temp_path $demo/tmp_uwsgi;
    scgi_temp_path $demo/tmp_scgi;
    server {
        listen 127.0.0.1:8080;
        server_name shop.demo;
        location / {
            proxy_pass http://127.0.0.1:8000;
        }
    }
}
CONF
/usr/bin/python3 -m http.server 8001 --bind 127.0.0.1 --directory "$demo/www" >"$demo/logs/app.log" 2>&1 &
pids+=($!)
/usr/sbin/nginx -p "$demo" -c "$demo/nginx.conf"

# 3. The host agent, h2c on loopback with a fresh token, pointed at the demo nginx.
token_file="$run/agent.token"
head -c 32 /dev/urandom | base64 | tr -d '\n=+/' > "$token_file"
chmod 600 "$token_file"
NGINX502BOT_Serve__Insecure=true NGINX502BOT_Serve__Port=50051 NGINX502BOT_Serve__TokenFile="$token_file" \
NGINX502BOT_Agent__NginxConfigPath="$demo/nginx.conf" NGINX502BOT_Agent__NginxPrefix="$demo" \
  "${agent[@]}" serve >"$run/agent.log" 2>&1 &
pids+=($!)

# 4. The bot: no Slack credentials, so it serves the local console.
NGINX502BOT_Agents__Endpoints__0__Name=localhost NGINX502BOT_Agents__Endpoints__0__Address=http://127.0.0.1:50051 \
NGINX502BOT_Agents__Endpoints__0__TokenFile="$token_file" \
  "${bot[@]}" serve >"$run/bot.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 100); do
  curl -fs http://127.0.0.1:8502/healthz >/dev/null 2>&1 && break
  sleep 0.2
done
curl -s -o /dev/null http://127.0.0.1:8080/ || true

cat <<TXT

Nginx502Bot is running (logs in $run):
  console      http://127.0.0.1:8502      type /502 help, or paste nginx error-log lines
  demo site    http://127.0.0.1:8080      answers 502: nginx dials :8000, the app listens on :8001
  agent        127.0.0.1:50051 (gRPC, token in $token_file)
  PostgreSQL   $NGINX502BOT_DB

Try it: open the console and paste the demo's error log:
  cat $demo/logs/error.log
The answer names the root cause, the config file:line to change and the fix; "Show timeline" leads to the incident
and its post-mortem page. Ctrl-C stops everything.
TXT
wait "${pids[@]}"
