#!/bin/bash
# Runs wrk with the given arguments against a fleet started by `bin/mli up --detach`, prints wrk's summary and each
# service's CPU milliseconds per request (utime + stime from /proc/<pid>/stat, before and after the run).
# Usage: docs/bench/fleet-cpu.sh -t2 -c32 -d30s --latency -s docs/bench/wrk-inference.lua http://localhost:8080
set -eu
cd "$(dirname "$0")/../.."
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
pids=$(awk '!/^#/{print $2}' run/fleet.pids); names=$(awk '!/^#/{print $1}' run/fleet.pids)
declare -A before; for p in $pids; do before[$p]=$(cpu "$p"); done
out=$(wrk "$@")
echo "$out" | grep -E "Requests/sec|requests in|50%|90%|99%|Non-2xx|Socket" || true
n=$(echo "$out" | grep "requests in" | awk '{print $1}')
set -- $names
for p in $pids; do
  d=$(( $(cpu "$p") - ${before[$p]} )); echo -n " $1:$(echo "scale=2; $d*10/$n" | bc)ms"; shift
done
echo
