#!/usr/bin/env bash
# Milvus health check: runs `mli milvus health` against the fleet's Milvus and, with --publish, reports the result
# to CloudWatch as the metric mli.milvus.healthy (1 healthy, 0 not) that the dashboard shows and the
# <env>-milvus-unhealthy alarm watches. Run it from inside the VPC (Milvus only accepts the agents' security
# groups), e.g. as a scheduled task with the agents' security group, or locally against a port-forward.
# Exit status: that of `mli milvus health` (0 healthy).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MLI_BIN="${MLI_BIN:-$ROOT/bin/mli}"
URI="${MILVUS_URI:-http://${MILVUS_HOST:-milvus.multilingual-inference.local}:${MILVUS_PORT:-19530}}"
COLLECTION="${MILVUS_COLLECTION:-}"
EXPECT_ROWS=""
JSON=false
PUBLISH=false
DRY_RUN=false
NAMESPACE="${MLI_METRICS_NAMESPACE:-MultilingualInference}"
export AWS_PROFILE="${AWS_PROFILE:-ml-sandbox}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"

usage() {
  cat <<USAGE
Usage: $(basename "$0") [--uri URI] [--collection NAME] [--expect-rows N] [--json] [--publish] [--dry-run] [--help]

  --uri URI          Milvus address (default: MILVUS_URI, else http://MILVUS_HOST:MILVUS_PORT,
                     i.e. $URI)
  --collection NAME  also check this collection (default: MILVUS_COLLECTION when set)
  --expect-rows N    and that it holds at least N rows
  --json             print the result as JSON
  --publish          put the result into CloudWatch: $NAMESPACE / mli.milvus.healthy (needs the AWS CLI)
  --dry-run          print the commands, run nothing
  --help             this text

Environment: MLI_BIN (default bin/mli), AWS_PROFILE (default ml-sandbox), AWS_DEFAULT_REGION (default us-east-1),
MLI_METRICS_NAMESPACE (default MultilingualInference).
USAGE
}

die() {
  printf 'error: %s\n' "$*" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --help | -h) usage; exit 0 ;;
    --uri) [ $# -ge 2 ] || die "--uri needs a value"; URI=$2; shift ;;
    --collection) [ $# -ge 2 ] || die "--collection needs a value"; COLLECTION=$2; shift ;;
    --expect-rows) [[ ${2:-} =~ ^[0-9]+$ ]] || die "--expect-rows needs a number"; EXPECT_ROWS=$2; shift ;;
    --json) JSON=true ;;
    --publish) PUBLISH=true ;;
    --dry-run) DRY_RUN=true ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
  shift
done

declare -a CMD=("$MLI_BIN" milvus health --uri "$URI")
[ -z "$COLLECTION" ] || CMD+=(--collection "$COLLECTION")
[ -z "$EXPECT_ROWS" ] || CMD+=(--expect-rows "$EXPECT_ROWS")
[ "$JSON" = false ] || CMD+=(--json)

if [ "$DRY_RUN" = true ]; then
  echo "dry-run: would run: ${CMD[*]}"
  [ "$PUBLISH" = false ] || echo "dry-run: would run: aws cloudwatch put-metric-data --namespace $NAMESPACE --metric-name mli.milvus.healthy --value 0|1 --unit Count"
  exit 0
fi
[ -x "$MLI_BIN" ] || die "$MLI_BIN not found: set MLI_BIN to the mli command"
if [ "$PUBLISH" = true ]; then
  command -v aws >/dev/null 2>&1 || die "'aws' is not installed or not on PATH (needed by --publish)"
fi

status=0
"${CMD[@]}" || status=$?
if [ "$PUBLISH" = true ]; then
  value=0
  [ "$status" -ne 0 ] || value=1
  aws cloudwatch put-metric-data --namespace "$NAMESPACE" --metric-name mli.milvus.healthy --value "$value" --unit Count
fi
exit "$status"
