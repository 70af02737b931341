#!/usr/bin/env bash
# Stops what start.sh started (nginx, both hosts, PostgreSQL); the data stays in FOLDER.
# Usage: deployment/two-hosts/stop.sh [FOLDER]   (default /tmp/smbbot-two-hosts)
set -uo pipefail
ROOT=$(realpath -m "${1:-/tmp/smbbot-two-hosts}")
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -f "$ROOT/nginx/nginx.pid" ] && "$NGINX" -c "$ROOT/nginx/nginx.conf" -p "$ROOT/nginx" -s quit
for n in 1 2; do
  [ -f "$ROOT/host$n/pid" ] && kill -TERM "$(cat "$ROOT/host$n/pid")" 2>/dev/null
done
sleep 2
as_db() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ -f "$ROOT/pg/postmaster.pid" ] && as_db /usr/lib/postgresql/15/bin/pg_ctl -D "$ROOT/pg" -m fast -w stop >/dev/null
echo "stopped (data kept in $ROOT)"
