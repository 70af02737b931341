#!/usr/bin/env bash
# Installs or upgrades SmbBot from a folder made by publish.sh. Run as root from inside that folder.
# Keeps the business's appsettings.json, knowledge/ and data/ when they already exist in the target.
#   usage: sudo ./install.sh [target]     (default: /opt/smbbot)
set -euo pipefail
src=$(cd "$(dirname "$0")" && pwd)
target=${1:-/opt/smbbot}
[ "$(id -u)" -eq 0 ] || { echo "run as root (sudo ./install.sh)"; exit 1; }

id smbbot >/dev/null 2>&1 || useradd --system --home-dir "$target" --shell /usr/sbin/nologin smbbot
mkdir -p "$target/data"
# Program files are replaced (old ones removed first); the business's own files are copied only on first install.
find "$target" -mindepth 1 -maxdepth 1 ! -name appsettings.json ! -name knowledge ! -name data -exec rm -rf {} +
for f in "$src"/*; do
  case "$(basename "$f")" in appsettings.json|knowledge|data|install.sh) ;; *) cp -a "$f" "$target/" ;; esac
done
[ -e "$target/appsettings.json" ] || cp "$src/appsettings.json" "$target/appsettings.json"
[ -e "$target/knowledge" ] || cp -r "$src/knowledge" "$target/knowledge"
chown -R root:root "$target"
chown -R smbbot:smbbot "$target/data"
chmod 700 "$target/data"   # tickets, conversations and staff password hashes: the service's account only
chmod 640 "$target/appsettings.json"; chgrp smbbot "$target/appsettings.json"

sed "s#/opt/smbbot#$target#g" "$src/smbbot.service" > /etc/systemd/system/smbbot.service
systemctl daemon-reload
systemctl enable smbbot
systemctl restart smbbot
echo "SmbBot installed in $target; status: systemctl status smbbot; logs: journalctl -u smbbot -f"
