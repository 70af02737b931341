#!/usr/bin/env bash
# Measures time from process start to /health/ready and the host's peak memory (VmHWM), cold (empty data folder:
# embed the FAQ, train the classifier) and warm (saved vectors and model), on the Release build with the sample
# knowledge. Also sends 200 customer messages after the warm start so the peak includes serving.
#   usage: tests/Benchmarks/startup.sh [runs]     (default 3 of each)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
port=3987
dotnet build "$repo/src/SmbBot.Host" -c Release -v q -nologo >/dev/null
dll="$repo/src/SmbBot.Host/bin/Release/net10.0/SmbBot.Host.dll"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

message() {
  printf '{"type":"message","deliveryMode":"expectReplies","channelId":"bench","serviceUrl":"http://127.0.0.1:9/","id":"m","from":{"id":"u"},"recipient":{"id":"b"},"conversation":{"id":"c%s"},"text":"%s"}' "$1" "$2"
}

one() { # $1 = cold|warm
  [ "$1" = cold ] && rm -rf "${data:?}"/*
  local start; start=$(date +%s.%N)
  Storage__DataPath="$data" Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning dotnet "$dll" >/dev/null 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.05; done
  local ready; ready=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN {print a - b}')
  local hwm_ready; hwm_ready=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  if [ "$1" = warm ]; then
    for i in $(seq 200); do
      curl -sf -H 'content-type: application/json' -d "$(message "$i" "how much is delivery to germany $i")" "http://127.0.0.1:$port/api/messages" >/dev/null
    done
  fi
  local hwm; hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  printf '%s ready_s=%.2f peak_rss_at_ready_mb=%d peak_rss_mb=%d\n' "$1" "$ready" $((hwm_ready / 1024)) $((hwm / 1024))
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%d)"
for r in $(seq "$runs"); do one cold; one warm; done
