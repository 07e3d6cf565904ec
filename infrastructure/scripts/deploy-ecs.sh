#!/usr/bin/env bash
# Step 5: rolls the orchestrator and the four agents out with the images of one tag: registers each task
# definition from infrastructure/ecs/task-definitions (only when the image changed), updates the service from
# infrastructure/ecs/services, applies infrastructure/ecs/autoscaling (target tracking and the off-hours schedule)
# and waits until each service is stable. Running it again with the same tag changes nothing.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=SCRIPTDIR/lib/ecs.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/ecs.sh"

usage() {
  cat <<USAGE
Usage: $(basename "$0") [--dry-run] [--tag TAG] [--service NAME]... [--help]

Deploys to the cluster of stack '$STACK_NAME': ${AGENT_SERVICES[*]} (Milvus: deploy-milvus.sh).

  --dry-run        read the stack and the services, render the JSON files, print what would change
  --tag TAG        image tag (default: IMAGE_TAG, else the current git commit)
  --service NAME   only this service (repeatable)
  --help           this text

Environment: AWS_PROFILE (default ml-sandbox), AWS_DEFAULT_REGION (default us-east-1), STACK_NAME,
ENVIRONMENT_NAME, SCHEDULE_TIMEZONE (default UTC). Needs the AWS CLI and jq.
USAGE
}

declare -a SELECTED=()
while [ $# -gt 0 ]; do
  case "$1" in
    --help | -h) usage; exit 0 ;;
    --tag) [ $# -ge 2 ] || die "--tag needs a value"; IMAGE_TAG=$2; shift ;;
    --service)
      [[ " ${AGENT_SERVICES[*]} " == *" ${2:-} "* ]] || die "--service must be one of: ${AGENT_SERVICES[*]}"
      SELECTED+=("$2"); shift ;;
    *) common_option "$1" || { usage >&2; die "unknown option $1"; } ;;
  esac
  shift
done
[ ${#SELECTED[@]} -gt 0 ] || SELECTED=("${AGENT_SERVICES[@]}")

require_aws
require_tool jq "Install jq (apt-get install jq, brew install jq)."
load_stack_settings
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
log "cluster $CLUSTER_NAME, tag $IMAGE_TAG, profile $AWS_PROFILE, region $AWS_DEFAULT_REGION"
for service in "${SELECTED[@]}"; do
  deploy_service "$service" "$WORK"
done
log "done: the orchestrator is behind $(stack_output LoadBalancerUrl) and $(stack_output ApiInferenceUrl)"
