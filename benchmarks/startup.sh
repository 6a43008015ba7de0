#!/usr/bin/env bash
# Start-up harness: runs the demo application N times without and with the agent, alternating so
# that machine noise hits both alike, and prints medians, the overhead, the agent jar's size and
# the peak RSS of both. Usage: benchmarks/startup.sh [runs] [java]
#   runs  how many runs of each kind (default 21)
#   java  the java launcher (default: java on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-21}
java=${2:-java}
agent=agent/target/kailash-secrets.jar
demo=demo-app/target/kailash-secrets-demo.jar
config=demo-app/kailash-secrets.properties
for f in "$agent" "$demo" "$config"; do
  [ -f "$f" ] || { echo "missing $f: run 'mvn -B -ntp -q package -DskipTests' first" >&2; exit 1; }
done
# Demo values only; the demo never prints them.
export KAILASH_SECRET_JWT_SIGNING_KEY=startup-bench-signing-key-0123456789
export KAILASH_SECRET_API_TOKEN=startup-bench-api-token

gnu_time=""
[ -x /usr/bin/time ] && gnu_time=/usr/bin/time

# run KIND: prints "<wall ms> <peak RSS KiB>"
run() {
  local -a cmd=("$java")
  [ "$1" = agent ] && cmd+=("-javaagent:$agent=config=$config")
  cmd+=(-jar "$demo")
  # Without the agent the demo does the same work with LocalRuntime's own environment provider.
  [ "$1" = baseline ] && cmd+=(--with-runtime-provider)
  local start end rss=0
  start=$(date +%s%N)
  if [ -n "$gnu_time" ]; then
    rss=$("$gnu_time" -f %M "${cmd[@]}" 2>&1 >/dev/null | tail -n 1)
  else
    "${cmd[@]}" >/dev/null 2>&1
  fi
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

base_ms=() agent_ms=() base_rss=() agent_rss=()
run baseline >/dev/null; run agent >/dev/null   # warm the page cache
for ((i = 0; i < runs; i++)); do
  read -r ms rss < <(run baseline); base_ms+=("$ms"); base_rss+=("$rss")
  read -r ms rss < <(run agent); agent_ms+=("$ms"); agent_rss+=("$rss")
done

b=$(printf '%s\n' "${base_ms[@]}" | median)
a=$(printf '%s\n' "${agent_ms[@]}" | median)
br=$(printf '%s\n' "${base_rss[@]}" | median)
ar=$(printf '%s\n' "${agent_rss[@]}" | median)
size=$(stat -c %s "$agent")
echo "java:                 $("$java" -version 2>&1 | head -n 1)"
echo "runs of each:         $runs (alternating)"
echo "median wall, no agent: ${b} ms"
echo "median wall, agent:    ${a} ms"
echo "start-up overhead:     $((a - b)) ms (ratio $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}'))"
echo "agent jar:             $size bytes ($(awk -v s="$size" 'BEGIN {printf "%.1f", s / 1048576}') MiB)"
echo "median peak RSS:       no agent ${br} KiB, agent ${ar} KiB, overhead $(( (ar - br) / 1024 )) MiB"
