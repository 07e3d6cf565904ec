#!/bin/bash
# One fleet start measured with the Thai shop titles: warm-up (dev titles, then Thai), then ROUNDS times a paced run
# (~200 req/s) and a saturated one, each with CPU per request (fleet-cpu.sh); then the fleet is stopped.
# Environment: KB (knowledge-base directory, default /tmp/kb), DEV_WARMUP / THAI_WARMUP (wrk durations, default
# 120s / 30s), ROUNDS (default 2); MLI_CASCADE_* and MLI_FLEET_JAVA_OPTS reach the services, for A/B runs.
# Usage: docs/bench/fleet-thai.sh                       (the session-8 figures)
#        DEV_WARMUP=60s ROUNDS=1 MLI_CASCADE_THAI_IN_PARALLEL=true docs/bench/fleet-thai.sh
set -eu
cd "$(dirname "$0")/../.."
bench=docs/bench
bin/mli up --detach --kb "${KB:-/tmp/kb}" > run/fleet-thai-up.log 2>&1 || { tail run/fleet-thai-up.log; exit 1; }
grep -E "ready in" run/fleet-thai-up.log
TITLES=../shared/data/dev.jsonl wrk -t2 -c8 -d"${DEV_WARMUP:-120s}" -s $bench/wrk-inference.lua http://localhost:8080 \
  | grep Requests/sec
export TITLES=../shared/data/thai-titles.jsonl LIMIT=5000
wrk -t2 -c8 -d"${THAI_WARMUP:-30s}" -s $bench/wrk-inference.lua http://localhost:8080 > /dev/null
for _ in $(seq "${ROUNDS:-2}"); do
  echo "== thai $(date +%T)"; /usr/bin/time -f "CPU probe %U s" python3 -c "sum(i*i for i in range(3*10**7))"
  WRK_DELAY_MS=45 $bench/fleet-cpu.sh -t1 -c10 -d30s --latency -s $bench/wrk-inference.lua http://localhost:8080
  $bench/fleet-cpu.sh -t2 -c32 -d30s --latency -s $bench/wrk-inference.lua http://localhost:8080
done
bin/mli down
