#!/usr/bin/env bash
# Start-up harness (docs/benchmarks.md): runs the one-node hello-world app with no agent, with a
# no-op agent (premain registers one empty ClassFileTransformer) and with kailash-secrets, in one
# loop whose order rotates each round so that machine noise hits all three alike. Prints medians of
# wall time, CPU time (user + sys) and peak RSS, the two differences that matter (any agent vs none,
# kailash-secrets vs the no-op agent), and the classes loaded (-Xlog:class+load, one extra run each;
# they do not vary between runs).
# With BASELINE_AGENT=<another kailash-secrets.jar> (an earlier build) it is run in the same loop as
# a fourth kind, so that a change is measured against its baseline in one run.
# Usage: benchmarks/startup.sh [runs] [java] [agent properties]
#   runs        rounds of the three kinds (default 31)
#   java        the java launcher (default: java on PATH)
#   properties  the agent's configuration (default benchmarks/hello-world.properties)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-31}
java=${2:-java}
config=${3:-benchmarks/hello-world.properties}
agent=agent/target/kailash-secrets.jar
app=benchmarks/target/benchmarks.jar
noop=$(ls benchmarks/target/kailash-secrets-benchmarks-*-noop-agent.jar 2>/dev/null | head -n 1 || true)
for f in "$agent" "$app" "$noop" "$config"; do
  [ -f "$f" ] || { echo "missing ${f:-the no-op agent jar}: run 'mvn -B -ntp -q package -DskipTests' first" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 1; }
export KAILASH_SECRET_HELLO_TOKEN=startup-bench-token   # a benchmark value; the app never prints it

command_for() {
  local -a cmd=("$java" -Xshare:auto)
  case "$1" in
    noop) cmd+=("-javaagent:$noop") ;;
    agent) cmd+=("-javaagent:$agent=config=$config") ;;
    baseline) cmd+=("-javaagent:$BASELINE_AGENT=config=$config") ;;
  esac
  # APP_CLASSPATH / APP_MAIN: another application (benchmarks/scale.sh); default the hello world
  cmd+=(-cp "${APP_CLASSPATH:-$app}" ${APP_MAIN:-io.kailash.benchmarks.startup.HelloWorldApp})
  printf '%s\n' "${cmd[@]}"
}

# run KIND: prints "<wall ms> <cpu ms> <peak RSS KiB>"
run() {
  local -a cmd
  mapfile -t cmd < <(command_for "$1")
  local start end out
  start=$(date +%s%N)
  out=$(/usr/bin/time -f '%U %S %M' "${cmd[@]}" 2>&1 >/dev/null | tail -n 1)
  end=$(date +%s%N)
  read -r user sys rss <<<"$out"
  echo "$(((end - start) / 1000000)) $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}') $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

kinds=(none noop agent)
[ -n "${BASELINE_AGENT:-}" ] && kinds+=(baseline)
n=${#kinds[@]}
declare -A wall cpu rss
for k in "${kinds[@]}"; do
  run "$k" >/dev/null   # warm the page cache
  wall[$k]="" cpu[$k]="" rss[$k]=""
done
for ((i = 0; i < runs; i++)); do
  for ((j = 0; j < n; j++)); do
    k=${kinds[$(((i + j) % n))]}
    read -r w c r < <(run "$k")
    wall[$k]+="$w " cpu[$k]+="$c " rss[$k]+="$r "
  done
done

# classes KIND: "<loaded> <from the CDS archive>"
classes() {
  local -a cmd
  mapfile -t cmd < <(command_for "$1")
  local log
  log=$("${cmd[@]:0:1}" -Xlog:class+load:stdout "${cmd[@]:1}" 2>/dev/null | grep -F '[class,load]' || true)
  echo "$(grep -c . <<<"$log") $(grep -c 'shared objects file' <<<"$log")"
}

m() { tr ' ' '\n' <<<"$1" | grep . | median; }
echo "java:       $("$java" -version 2>&1 | head -n 1)"
echo "config:     $config"
echo "app:        ${APP_MAIN:-io.kailash.benchmarks.startup.HelloWorldApp}"
echo "rounds:     $runs (${kinds[*]}; order rotating)"
printf '%-16s %9s %9s %12s %9s %9s\n' kind "wall ms" "cpu ms" "peak RSS KiB" classes "from CDS"
for k in "${kinds[@]}"; do
  read -r n s < <(classes "$k")
  eval "mw_$k=$(m "${wall[$k]}") mc_$k=$(m "${cpu[$k]}") mr_$k=$(m "${rss[$k]}") cl_$k=$n"
  name=$k; [ "$k" = noop ] && name="no-op agent"; [ "$k" = agent ] && name="kailash-secrets"
  [ "$k" = baseline ] && name="baseline agent"
  printf '%-16s %9s %9s %12s %9s %9s\n' "$name" "$(eval echo \$mw_$k)" "$(eval echo \$mc_$k)" "$(eval echo \$mr_$k)" "$n" "$s"
done
echo "any agent vs none:        wall $((mw_noop - mw_none)) ms, cpu $((mc_noop - mc_none)) ms, RSS $(((mr_noop - mr_none) / 1024)) MiB"
if [ -n "${BASELINE_AGENT:-}" ]; then
  echo "baseline agent vs no-op:  wall $((mw_baseline - mw_noop)) ms, cpu $((mc_baseline - mc_noop)) ms, RSS $(((mr_baseline - mr_noop) / 1024)) MiB ($((mr_baseline - mr_noop)) KiB), classes +$((cl_baseline - cl_noop)) ($BASELINE_AGENT)"
fi
echo "kailash-secrets vs no-op: wall $((mw_agent - mw_noop)) ms, cpu $((mc_agent - mc_noop)) ms, RSS $(((mr_agent - mr_noop) / 1024)) MiB ($((mr_agent - mr_noop)) KiB), classes +$((cl_agent - cl_noop))"
