#!/usr/bin/env bash
# Scale benchmark (docs/benchmarks.md): what each node class and each plain class costs the agent.
# Generates (once) 1,000 node classes, each declaring one secret, and 10,000 plain classes, then
# runs benchmarks/startup.sh on three applications: the hello world (the fixed cost), one that runs
# each node class once, one that loads every plain class. Per-class cost = (kailash-secrets minus the
# no-op agent on the big app, minus the same on the hello world) / number of classes.
# With BASELINE_AGENT=<earlier kailash-secrets.jar> each run has it as a fourth kind (startup.sh)
# and the per-class figures of that build are printed too, from the same runs.
# Usage: benchmarks/scale.sh [runs] [java] [nodes] [plain]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-15}
java=${2:-java}
nodes=${3:-1000}
plain=${4:-10000}
out=benchmarks/target/scale-$nodes-$plain
if [ ! -d "$out/classes/scale" ]; then
  "$java" -cp benchmarks/target/benchmarks.jar io.kailash.benchmarks.scale.ScaleAppGenerator \
    "$out" "$nodes" "$plain"
fi
export KAILASH_SECRET_SCALE_KEY=scale-bench-value   # a benchmark value; never printed

# overhead RESULT_FILE: "<wall ms> <cpu ms> <RSS KiB>" of kailash-secrets over the no-op agent
overhead() {
  sed -n 's/^kailash-secrets vs no-op: wall \(-\{0,1\}[0-9]*\) ms, cpu \(-\{0,1\}[0-9]*\) ms, RSS .* (\(-\{0,1\}[0-9]*\) KiB).*/\1 \2 \3/p' "$1"
}

benchmarks/startup.sh "$runs" "$java" | tee "$out/hello.txt"
APP_CLASSPATH="benchmarks/target/benchmarks.jar:$out/classes" \
  APP_MAIN="io.kailash.benchmarks.scale.ScaleApp nodes $nodes" \
  benchmarks/startup.sh "$runs" "$java" | tee "$out/nodes.txt"
APP_CLASSPATH="benchmarks/target/benchmarks.jar:$out/classes" \
  APP_MAIN="io.kailash.benchmarks.scale.ScaleApp plain $plain" \
  benchmarks/startup.sh "$runs" "$java" | tee "$out/plain.txt"

# baseline_overhead RESULT_FILE: the same for BASELINE_AGENT (an earlier build), when given
baseline_overhead() {
  sed -n 's/^baseline agent vs no-op:  wall \(-\{0,1\}[0-9]*\) ms, cpu \(-\{0,1\}[0-9]*\) ms, RSS .* (\(-\{0,1\}[0-9]*\) KiB).*/\1 \2 \3/p' "$1"
}

read -r hw hc hr < <(overhead "$out/hello.txt")
read -r nw nc nr < <(overhead "$out/nodes.txt")
read -r pw pc pr < <(overhead "$out/plain.txt")
echo
echo "fixed cost (hello world):   wall $hw ms, cpu $hc ms, RSS $hr KiB"
echo "$nodes node classes:        wall +$((nw - hw)) ms, cpu +$((nc - hc)) ms, RSS +$((nr - hr)) KiB beyond it;" \
  "per class $(awk -v d=$((nw - hw)) -v n="$nodes" 'BEGIN {printf "%.0f", d * 1000 / n}') µs wall," \
  "$(awk -v d=$((nc - hc)) -v n="$nodes" 'BEGIN {printf "%.0f", d * 1000 / n}') µs cpu," \
  "$(awk -v d=$((nr - hr)) -v n="$nodes" 'BEGIN {printf "%.1f", d / n}') KiB"
echo "$plain plain classes:      wall +$((pw - hw)) ms, cpu +$((pc - hc)) ms, RSS +$((pr - hr)) KiB beyond it;" \
  "per class $(awk -v d=$((pw - hw)) -v n="$plain" 'BEGIN {printf "%.1f", d * 1000 / n}') µs wall," \
  "$(awk -v d=$((pc - hc)) -v n="$plain" 'BEGIN {printf "%.1f", d * 1000 / n}') µs cpu"
if [ -n "${BASELINE_AGENT:-}" ]; then
  read -r bhw bhc bhr < <(baseline_overhead "$out/hello.txt")
  read -r bnw bnc bnr < <(baseline_overhead "$out/nodes.txt")
  read -r bpw bpc bpr < <(baseline_overhead "$out/plain.txt")
  echo "baseline agent ($BASELINE_AGENT), same runs:"
  echo "  fixed cost: wall $bhw ms, cpu $bhc ms, RSS $bhr KiB"
  echo "  $nodes node classes: per class" \
    "$(awk -v d=$((bnw - bhw)) -v n="$nodes" 'BEGIN {printf "%.0f", d * 1000 / n}') µs wall," \
    "$(awk -v d=$((bnc - bhc)) -v n="$nodes" 'BEGIN {printf "%.0f", d * 1000 / n}') µs cpu," \
    "$(awk -v d=$((bnr - bhr)) -v n="$nodes" 'BEGIN {printf "%.1f", d / n}') KiB"
  echo "  $plain plain classes: per class" \
    "$(awk -v d=$((bpc - bhc)) -v n="$plain" 'BEGIN {printf "%.1f", d * 1000 / n}') µs cpu"
fi
