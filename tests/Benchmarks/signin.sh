#!/usr/bin/env bash
# Sends N concurrent sign-ins with wrong passwords (unknown addresses) to the staff console of the Release host and
# prints the median and slowest answer time and the status codes. Extra settings for the host can be given as
# environment variables (e.g. Staff__SignInsPerMinutePerAddress=1000 to measure the hashing rather than the limit).
#   usage: tests/Benchmarks/signin.sh [count]     (default 80)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-80}
port=3988
dotnet build "$repo/src/SmbBot.Host" -c Release -v q -nologo >/dev/null
dll="$repo/src/SmbBot.Host/bin/Release/net10.0/SmbBot.Host.dll"
work=$(mktemp -d)
Storage__DataPath="$work/data" Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
  Staff__BootstrapAdmin__Email=admin@example.com Staff__BootstrapAdmin__Password=bench-admin-password \
  dotnet "$dll" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.1; done

base="http://127.0.0.1:$port/console/signin"
token=$(curl -s -c "$work/jar" "$base" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
for i in $(seq "$count"); do
  curl -s -o /dev/null -b "$work/jar" -w '%{http_code} %{time_total}\n' \
    --data-urlencode "Email=nobody$i@example.com" --data-urlencode "Password=wrong-password-$i" \
    --data-urlencode "__RequestVerificationToken=$token" "$base" >"$work/r$i" &
done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
cat "$work"/r* >"$work/all"
echo "$count concurrent wrong sign-ins, $(nproc) cores:"
awk '{print $1}' "$work/all" | sort | uniq -c | awk '{printf "  status %s: %s\n", $2, $1}'
sort -k2 -n "$work/all" | awk '{t[NR]=$2} END {m = (NR % 2) ? t[(NR+1)/2] : (t[NR/2] + t[NR/2+1]) / 2; printf "  median %.2f s, slowest %.2f s\n", m, t[NR]}'
