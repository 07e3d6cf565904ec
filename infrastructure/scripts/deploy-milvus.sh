#!/usr/bin/env bash
# Step 4: runs Milvus standalone (with its etcd and MinIO sidecars, data on EFS) as exactly one task: registers the
# task definition from infrastructure/ecs/task-definitions/milvus.json when the image changed, updates the service
# (the old task stops before the new one starts: never two on the same data), pins it to one task and checks the
# :9091/healthz container health check. Running it again with the same tag changes nothing.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=SCRIPTDIR/lib/ecs.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/ecs.sh"

usage() {
  cat <<USAGE
Usage: $(basename "$0") [--dry-run] [--tag TAG] [--help]

Deploys Milvus to the cluster of stack '$STACK_NAME' (run setup-milvus-storage.sh first).

  --dry-run   read the stack and the service, render the JSON files, print what would change
  --tag TAG   tag of the Milvus image (docker/Dockerfile.milvus; default: IMAGE_TAG, else the current git commit)
  --help      this text

Environment: AWS_PROFILE (default ml-sandbox), AWS_DEFAULT_REGION (default us-east-1), STACK_NAME,
ENVIRONMENT_NAME, ETCD_IMAGE, MINIO_IMAGE. Needs the AWS CLI and jq.
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --help | -h) usage; exit 0 ;;
    --tag) [ $# -ge 2 ] || die "--tag needs a value"; IMAGE_TAG=$2; shift ;;
    *) common_option "$1" || { usage >&2; die "unknown option $1"; } ;;
  esac
  shift
done

require_aws
require_tool jq "Install jq (apt-get install jq, brew install jq)."
load_stack_settings
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
log "cluster $CLUSTER_NAME, Milvus image tag $IMAGE_TAG, profile $AWS_PROFILE, region $AWS_DEFAULT_REGION"
deploy_service milvus "$WORK"
if [ "$DRY_RUN" != true ]; then
  TASK=$(aws ecs list-tasks --cluster "$CLUSTER_NAME" --service-name "$ENVIRONMENT_NAME-milvus" \
    --query 'taskArns[0]' --output text)
  HEALTH=$(aws ecs describe-tasks --cluster "$CLUSTER_NAME" --tasks "$TASK" \
    --query "tasks[0].containers[?name=='milvus'].healthStatus" --output text)
  log "Milvus container health: $HEALTH"
  [ "$HEALTH" = HEALTHY ] || die "Milvus runs but is not healthy yet; see /ecs/$ENVIRONMENT_NAME-milvus in CloudWatch Logs"
fi
log "Milvus: milvus.multilingual-inference.local:19530 (health :9091/healthz)"
