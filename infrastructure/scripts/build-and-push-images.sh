#!/usr/bin/env bash
# Step 2: builds the linux/arm64 images (docker/Dockerfile.<service>) with buildx and pushes them to ECR, tagged
# with the git commit. Creates the ECR repositories when missing; skips an image whose tag is already in ECR (the
# repositories' tags are immutable), so running it twice on the same commit pushes nothing the second time.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
Usage: $(basename "$0") [--dry-run] [--tag TAG] [--service NAME]... [--help]

Builds and pushes ${ENVIRONMENT_NAME}/<service>:<tag> for: ${ALL_IMAGES[*]}

  --dry-run        check tools, credentials and ECR, print the builds it would run, change nothing
  --tag TAG        image tag (default: IMAGE_TAG, else the current git commit)
  --service NAME   only this service (repeatable)
  --help           this text

Environment: AWS_PROFILE (default ml-sandbox), AWS_DEFAULT_REGION (default us-east-1), ENVIRONMENT_NAME.
Needs docker with buildx (and QEMU/binfmt when the build machine is not arm64), the AWS CLI and git.
EOF
}

declare -a SELECTED=()
while [ $# -gt 0 ]; do
  case "$1" in
    --help | -h) usage; exit 0 ;;
    --tag) [ $# -ge 2 ] || die "--tag needs a value"; IMAGE_TAG=$2; shift ;;
    --service)
      [[ " ${ALL_IMAGES[*]} " == *" ${2:-} "* ]] || die "--service must be one of: ${ALL_IMAGES[*]}"
      SELECTED+=("$2"); shift ;;
    *) common_option "$1" || { usage >&2; die "unknown option $1"; } ;;
  esac
  shift
done
[ ${#SELECTED[@]} -gt 0 ] || SELECTED=("${ALL_IMAGES[@]}")

require_aws
require_tool docker "Install Docker (https://docs.docker.com/get-docker/)."
docker buildx version >/dev/null 2>&1 || die "docker buildx is missing: install the buildx plugin (Docker Desktop has it)."
ACCOUNT_ID=$(require_credentials)
TAG=$(image_tag)
REGISTRY="$ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com"
LIFECYCLE='{"rules":[{"rulePriority":1,"description":"keep the 30 newest images","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":30},"action":{"type":"expire"}}]}'

log "registry $REGISTRY, tag $TAG, profile $AWS_PROFILE"
if [ "$DRY_RUN" = true ]; then
  log "dry-run: would log docker in to $REGISTRY"
else
  aws ecr get-login-password | docker login --username AWS --password-stdin "$REGISTRY" >/dev/null
fi

for service in "${SELECTED[@]}"; do
  repo="$ENVIRONMENT_NAME/$service"
  if [ "$service" = milvus ] && [ ! -s "$INFRA_DIR/milvus/milvus.yaml" ]; then
    [ "$DRY_RUN" = true ] || die "infrastructure/milvus/milvus.yaml is missing: docker/Dockerfile.milvus bakes it in"
    log "warning: infrastructure/milvus/milvus.yaml is missing: the Milvus build would fail"
  fi
  if ! aws ecr describe-repositories --repository-names "$repo" >/dev/null 2>&1; then
    log "creating ECR repository $repo"
    run aws ecr create-repository --repository-name "$repo" --image-tag-mutability IMMUTABLE \
      --image-scanning-configuration scanOnPush=true --encryption-configuration encryptionType=AES256
    run aws ecr put-lifecycle-policy --repository-name "$repo" --lifecycle-policy-text "$LIFECYCLE"
  elif aws ecr describe-images --repository-name "$repo" --image-ids "imageTag=$TAG" >/dev/null 2>&1; then
    log "$repo:$TAG is already in ECR: skipped"
    continue
  fi
  log "building $repo:$TAG for linux/arm64"
  run docker buildx build --platform linux/arm64 --file "$MLI_ROOT/docker/Dockerfile.$service" \
    --tag "$REGISTRY/$repo:$TAG" --provenance=false --push "$MLI_ROOT"
done
log "done: images tagged $TAG"
