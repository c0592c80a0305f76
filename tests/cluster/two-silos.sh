#!/usr/bin/env bash
# A real cluster on this machine, for people (the automated version: tests/IvpSim.Cli.Tests/Cluster):
#   Redis, one silo process, then two; the same run in one process, on 1 silo and on 2 silos, with wall times;
#   the bytes of projections.csv, targets.csv and budget.csv compared; then the run again with one silo killed
#   (SIGKILL) half-way, and compared again.
#   Then the silo that holds the coordinator killed, and the client killed and resumed with --resume.
# Usage: tests/cluster/two-silos.sh [RUNS] [SCENARIO]   (defaults: 1000000 scenarios/ivp-plan.yaml)
# Needs redis-server (apt-get install -y redis-server). Leaves its files in a temporary folder it names.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-1000000}"
scenario="${2:-$here/scenarios/ivp-plan.yaml}"
work="$(mktemp -d /tmp/ivpsim-cluster-XXXX)"
redis_port=$((20000 + RANDOM % 20000))
cluster="redis://127.0.0.1:$redis_port"
silos=()
redis_pid=""
# Silos first (they sign off in Redis), then Redis.
cleanup() {
  for p in "${silos[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${silos[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null || true
}
trap cleanup EXIT

"$here/run-sim.sh" --help >/dev/null   # builds on first use
dll="$here/src/IvpSim.Cli/bin/Release/net10.0/ivpsim.dll"
ivpsim() { IVPSIM_HOME="$here" dotnet "$dll" "$@"; }

redis-server --port $redis_port --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 & redis_pid=$!
until redis-cli -p $redis_port ping >/dev/null 2>&1; do sleep 0.1; done

silo() { # silo NAME PORT GATEWAY
  # exec: the background job is the silo itself, so that kill -9 below hits the silo and not a shell around it
  (IVPSIM_HOME="$here" exec dotnet "$dll" silo --cluster "$cluster" --cluster-id "$1" --port "$2" --gateway-port "$3" >"$work/$1-$2.log" 2>&1) & silos+=($!)
  until grep -q "doet mee in cluster" "$work/$1-$2.log"; do sleep 0.2; done
  echo $! >"$work/$1-$2.pid"
}
timed() { # timed LABEL ARGS… : prints the wall time of one run
  local start end; start=$(date +%s.%N)
  ivpsim run "$scenario" --runs "$runs" --no-charts "${@:2}" >"$work/$1.out" 2>&1
  end=$(date +%s.%N); printf '%-28s %6.1f s\n' "$1" "$(echo "$end - $start" | bc)"
}
same() { # same DIR_A DIR_B
  for f in projections.csv targets.csv budget.csv; do cmp -s "$1/$f" "$2/$f" || { echo "VERSCHIL in $f ($1 vs $2)"; return 1; }; done
  echo "identiek: projections.csv, targets.csv, budget.csv ($(basename "$1") = $(basename "$2"))"
}

echo "Scenario $(basename "$scenario"), $runs trajecten, $(nproc) kernen; bestanden in $work"
timed "één proces (lokaal)" --out "$work/local"
silo one 11211 30200
timed "1 silo-proces" --out "$work/one" --cluster "$cluster" --cluster-id one
silo two 11221 30210
silo two 11222 30211
timed "2 silo-processen" --out "$work/two" --cluster "$cluster" --cluster-id two
grep trajectories_on_silo "$work/two/run.txt"
same "$work/local" "$work/one"
same "$work/local" "$work/two"

echo "Nu met een silo die halverwege wordt gedood (SIGKILL) …"
ivpsim run "$scenario" --runs "$runs" --no-charts --out "$work/killed" --cluster "$cluster" --cluster-id two >"$work/killed.out" 2>&1 &
client=$!
until grep -hq "coördinator op" "$work"/two-1122[12].log 2>/dev/null && [ "$(grep -hc 'coördinator op' "$work"/two-1122[12].log | paste -sd+ | bc)" -ge 2 ]; do sleep 0.1; done
coordinator_port=$(grep -h "coördinator op" "$work"/two-1122[12].log | tail -1 | sed -E 's/.*S127\.0\.0\.1:([0-9]+):.*/\1/')
victim=11221; [ "$coordinator_port" = 11221 ] && victim=11222
sleep "${KILL_AFTER:-3}"
kill -9 "$(cat "$work/two-$victim.pid")"
echo "silo $victim gedood om $(date +%T)"
wait $client
grep -E "trajectories_on_silo|batches_retried" "$work/killed/run.txt"
same "$work/local" "$work/killed"

# The coordinator's own silo killed: a fresh coordinator on the other silo continues from the checkpoint in Redis.
silo three 11231 30220
silo three 11232 30221
echo "Nu met de silo van de coördinator gedood (SIGKILL) na ${KILL_AFTER:-3} s …"
start=$(date +%s.%N)
(IVPSIM_HOME="$here" exec dotnet "$dll" run "$scenario" --runs "$runs" --no-charts --out "$work/coordinator-killed" --cluster "$cluster" --cluster-id three >"$work/coordinator-killed.out" 2>&1) &
client=$!
until grep -hq "coördinator op" "$work"/three-1123[12].log 2>/dev/null; do sleep 0.1; done
coordinator_port=$(grep -h "coördinator op" "$work"/three-1123[12].log | tail -1 | sed -E 's/.*S127\.0\.0\.1:([0-9]+):.*/\1/')
sleep "${KILL_AFTER:-3}"
kill -9 "$(cat "$work/three-$coordinator_port.pid")"
echo "silo $coordinator_port (coördinator) gedood om $(date +%T)"
wait $client
printf '%-28s %6.1f s\n' "coördinator gedood" "$(echo "$(date +%s.%N) - $start" | bc)"
grep -h "verder vanaf de tussenstand" "$work"/three-1123[12].log || true
same "$work/local" "$work/coordinator-killed"

# The client killed (SIGKILL) and the same command again with --resume.
silo three 11233 30222
echo "Nu de client gedood (SIGKILL) na ${KILL_AFTER:-3} s en hervat met --resume …"
(IVPSIM_HOME="$here" exec dotnet "$dll" run "$scenario" --runs "$runs" --no-charts --out "$work/client-killed" --cluster "$cluster" --cluster-id three >"$work/client-killed-1.out" 2>&1) &
client=$!
sleep "$((${KILL_AFTER:-3} + 2))"
kill -9 $client || true
timed "hervat (--resume)" --out "$work/client-killed" --cluster "$cluster" --cluster-id three --resume
grep -h "Verder vanaf" "$work/hervat (--resume).out" || true
same "$work/local" "$work/client-killed"
