#!/usr/bin/env bash
# Two SmbBot hosts on one PostgreSQL database behind nginx, on this machine (issue 19's two-host setup):
#   - PostgreSQL from Debian's packages (postgresql, 15) as a normal cluster of its own in FOLDER/pg, loopback only,
#     password authentication, database "smbbot";
#   - two hosts (the built SmbBot.Host) on ports 5101 and 5102, each with its own data folder, one shared Direct Line
#     secret and the same knowledge folder;
#   - nginx (Debian's nginx) on port 8080, round robin with no sticky sessions, WebSockets passed.
# Usage: deployment/two-hosts/start.sh [FOLDER]   (default /tmp/smbbot-two-hosts); stop with stop.sh [FOLDER].
# Needs: dotnet (the host is built if missing), postgresql and nginx (apt-get install postgresql nginx).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(realpath -m "${1:-/tmp/smbbot-two-hosts}")
PG_PORT=${PG_PORT:-55432}; PORT=${PORT:-8080}; HOST1=${HOST1:-5101}; HOST2=${HOST2:-5102}
PG_BIN=/usr/lib/postgresql/15/bin
HOST_DLL=${SMBBOT_HOST_DLL:-src/SmbBot.Host/bin/Release/net10.0/SmbBot.Host.dll}
KNOWLEDGE=${KNOWLEDGE:-$(pwd)/knowledge}

[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL 15 is not installed: apt-get install postgresql"; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is not installed: apt-get install nginx"; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -f "$HOST_DLL" ] || dotnet build src/SmbBot.Host -c Release -v q
mkdir -p "$ROOT"/{nginx,host1,host2}
# The folder is private; as root the cluster runs as postgres, which must reach $ROOT/pg (the secrets stay 0600).
if [ "$(id -u)" -eq 0 ]; then chmod 755 "$ROOT"; else chmod 700 "$ROOT"; fi

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres account Debian's package made.
as_db() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$ROOT/pg/PG_VERSION" ]; then
  python3 -c 'import secrets; print(secrets.token_urlsafe(24))' > "$ROOT/db-password"
  python3 -c 'import secrets; print(secrets.token_urlsafe(32))' > "$ROOT/directline-secret"
  chmod 600 "$ROOT/db-password" "$ROOT/directline-secret"
  mkdir -p "$ROOT/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$ROOT/pg"
  pwfile=$(mktemp); cat "$ROOT/db-password" > "$pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
  as_db "$PG_BIN/initdb" -D "$ROOT/pg" -U smbbot --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi
as_db "$PG_BIN/pg_ctl" -D "$ROOT/pg" -l "$ROOT/pg/server.log" -w \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp -c max_connections=200" start >/dev/null
PASSWORD=$(cat "$ROOT/db-password")
PGPASSWORD=$PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U smbbot -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = 'smbbot'" | grep -q 1 \
  || PGPASSWORD=$PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U smbbot -d postgres -qc "CREATE DATABASE smbbot"

start_host() {
  local n=$1 port=$2
  Storage__Provider=PostgreSql \
  Storage__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=smbbot;Username=smbbot;Password=$PASSWORD" \
  Storage__DataPath="$ROOT/host$n/data" Knowledge__Path="$KNOWLEDGE" Urls="http://127.0.0.1:$port" \
  DirectLine__Secret="$(cat "$ROOT/directline-secret")" DirectLine__PublicUrl="http://127.0.0.1:$PORT" \
  Proxy__KnownProxies=127.0.0.1 AllowedHosts="*" \
    setsid nohup dotnet "$HOST_DLL" > "$ROOT/host$n/host.log" 2>&1 &
  echo $! > "$ROOT/host$n/pid"
}
start_host 1 "$HOST1"
start_host 2 "$HOST2"
for port in "$HOST1" "$HOST2"; do
  for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the host on port $port did not get ready; see $ROOT/host*/host.log"; exit 1; }
done

sed -e "s#@ROOT@#$ROOT#g" -e "s#@PORT@#$PORT#g" -e "s#@HOST1@#$HOST1#g" -e "s#@HOST2@#$HOST2#g" \
  deployment/two-hosts/nginx.conf.template > "$ROOT/nginx/nginx.conf"
"$NGINX" -c "$ROOT/nginx/nginx.conf" -p "$ROOT/nginx" -g "daemon on;"
echo "SmbBot on http://127.0.0.1:$PORT (hosts on $HOST1 and $HOST2, PostgreSQL on $PG_PORT, files in $ROOT)"
