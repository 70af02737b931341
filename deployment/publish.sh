#!/usr/bin/env bash
# Builds a folder that runs SmbBot on a Linux server: the host (self-contained, so the server needs no .NET),
# the root appsettings.json, the knowledge folder and the systemd unit.
#   usage: deployment/publish.sh [output-folder]     (default: artifacts/smbbot)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$repo/artifacts/smbbot}
rid=${SMBBOT_RID:-linux-x64}

rm -rf "$out"
dotnet publish "$repo/src/SmbBot.Host/SmbBot.Host.csproj" -c Release -r "$rid" --self-contained true -o "$out" -p:DebugType=none
cp -r "$repo/knowledge" "$out/knowledge"
cp "$repo/deployment/smbbot.service" "$repo/deployment/install.sh" "$out/"
echo "published to $out ($(du -sh "$out" | cut -f1)); on the server run: sudo ./install.sh"
