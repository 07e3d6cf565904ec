#!/usr/bin/env bash
# Step 1: packages the nested templates and deploys infrastructure/cloudformation/main-stack.yaml through a change
# set. --dry-run creates and describes the change set without executing it.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
Usage: $(basename "$0") [--dry-run] [--run-services] [--image-tag TAG] [--parameter KEY=VALUE]... [--help]

Deploys the parent stack '$STACK_NAME' (nested: storage, load balancer + API Gateway, ECS, monitoring).

  --dry-run            create and describe a change set, do not execute it (the artifact bucket is created if
                       missing, because the change set needs the packaged templates)
  --run-services       RunServices=true: run the services at their minimum size with autoscaling (after
                       build-and-push-images.sh); otherwise a new stack starts with no tasks and an existing
                       stack keeps its previous value
  --image-tag TAG      ImageTag parameter (default: IMAGE_TAG, else the current git commit)
  --parameter K=V      any other parameter of main-stack.yaml, e.g. --parameter AlarmEmail=ops@example.com
  --help               this text

Environment: AWS_PROFILE (default ml-sandbox), AWS_DEFAULT_REGION (default us-east-1), STACK_NAME and
ENVIRONMENT_NAME (default multilingual-inference). Running it again with nothing changed does nothing.
EOF
}

RUN_SERVICES=""
declare -a EXTRA_PARAMS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --help | -h) usage; exit 0 ;;
    --run-services) RUN_SERVICES=true ;;
    --image-tag) [ $# -ge 2 ] || die "--image-tag needs a value"; IMAGE_TAG=$2; shift ;;
    --parameter) [[ ${2:-} == *=* ]] || die "--parameter needs KEY=VALUE"; EXTRA_PARAMS+=("$2"); shift ;;
    *) common_option "$1" || { usage >&2; die "unknown option $1"; } ;;
  esac
  shift
done

require_aws
ACCOUNT_ID=$(require_credentials)
TAG=$(image_tag)
TEMPLATE_DIR="$INFRA_DIR/cloudformation"
ARTIFACT_BUCKET="${ENVIRONMENT_NAME}-cfn-artifacts-${ACCOUNT_ID}-${AWS_DEFAULT_REGION}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

log "stack $STACK_NAME, account $ACCOUNT_ID, region $AWS_DEFAULT_REGION, profile $AWS_PROFILE, image tag $TAG"

# The artifact bucket for the packaged nested templates (private, encrypted), created once.
if ! aws s3api head-bucket --bucket "$ARTIFACT_BUCKET" >/dev/null 2>&1; then
  log "creating the artifact bucket $ARTIFACT_BUCKET"
  if [ "$AWS_DEFAULT_REGION" = us-east-1 ]; then
    aws s3api create-bucket --bucket "$ARTIFACT_BUCKET" >/dev/null
  else
    aws s3api create-bucket --bucket "$ARTIFACT_BUCKET" \
      --create-bucket-configuration "LocationConstraint=$AWS_DEFAULT_REGION" >/dev/null
  fi
  aws s3api put-public-access-block --bucket "$ARTIFACT_BUCKET" --public-access-block-configuration \
    BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
  aws s3api put-bucket-encryption --bucket "$ARTIFACT_BUCKET" --server-side-encryption-configuration \
    '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}'
fi

aws cloudformation package --template-file "$TEMPLATE_DIR/main-stack.yaml" --s3-bucket "$ARTIFACT_BUCKET" \
  --s3-prefix "$STACK_NAME" --output-template-file "$WORK/packaged.yaml" >/dev/null
PACKAGED_KEY="$STACK_NAME/main-stack-$TAG-$(date +%Y%m%d%H%M%S).yaml"
aws s3 cp --only-show-errors "$WORK/packaged.yaml" "s3://$ARTIFACT_BUCKET/$PACKAGED_KEY"
TEMPLATE_URL="https://$ARTIFACT_BUCKET.s3.$AWS_DEFAULT_REGION.amazonaws.com/$PACKAGED_KEY"

STATUS=$(aws cloudformation describe-stacks --stack-name "$STACK_NAME" --query 'Stacks[0].StackStatus' \
  --output text 2>/dev/null || echo NONE)
case "$STATUS" in
  NONE | REVIEW_IN_PROGRESS) CHANGE_SET_TYPE=CREATE ;;
  ROLLBACK_COMPLETE) die "stack $STACK_NAME is in ROLLBACK_COMPLETE: delete it (aws cloudformation delete-stack --stack-name $STACK_NAME) and run again" ;;
  *_IN_PROGRESS) die "stack $STACK_NAME is busy ($STATUS): wait for it and run again" ;;
  *) CHANGE_SET_TYPE=UPDATE ;;
esac

# Parameters: the ones given here; on an update every other existing one keeps its previous value.
declare -A GIVEN=([EnvironmentName]="$ENVIRONMENT_NAME" [ImageTag]="$TAG")
if [ -n "$RUN_SERVICES" ]; then GIVEN[RunServices]=$RUN_SERVICES; fi
for kv in "${EXTRA_PARAMS[@]}"; do GIVEN[${kv%%=*}]=${kv#*=}; done
declare -a PARAMS=()
for key in "${!GIVEN[@]}"; do PARAMS+=("ParameterKey=$key,ParameterValue=${GIVEN[$key]}"); done
if [ "$CHANGE_SET_TYPE" = UPDATE ]; then
  for key in $(aws cloudformation describe-stacks --stack-name "$STACK_NAME" \
      --query 'Stacks[0].Parameters[].ParameterKey' --output text); do
    [ -n "${GIVEN[$key]+set}" ] || PARAMS+=("ParameterKey=$key,UsePreviousValue=true")
  done
fi

CHANGE_SET="deploy-$(date +%Y%m%d%H%M%S)"
log "creating change set $CHANGE_SET ($CHANGE_SET_TYPE)"
aws cloudformation create-change-set --stack-name "$STACK_NAME" --change-set-name "$CHANGE_SET" \
  --change-set-type "$CHANGE_SET_TYPE" --template-url "$TEMPLATE_URL" --parameters "${PARAMS[@]}" \
  --capabilities CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND --include-nested-stacks \
  --tags "Key=project,Value=$ENVIRONMENT_NAME" >/dev/null

if ! aws cloudformation wait change-set-create-complete --stack-name "$STACK_NAME" --change-set-name "$CHANGE_SET"; then
  REASON=$(aws cloudformation describe-change-set --stack-name "$STACK_NAME" --change-set-name "$CHANGE_SET" \
    --query StatusReason --output text)
  if [[ $REASON == *"didn't contain changes"* || $REASON == *"No updates are to be performed"* ]]; then
    log "nothing to change: the stack is up to date"
    aws cloudformation delete-change-set --stack-name "$STACK_NAME" --change-set-name "$CHANGE_SET"
    exit 0
  fi
  die "change set $CHANGE_SET failed: $REASON"
fi

aws cloudformation describe-change-set --stack-name "$STACK_NAME" --change-set-name "$CHANGE_SET" \
  --query 'Changes[].ResourceChange.[Action,LogicalResourceId,ResourceType,Replacement]' --output table

if [ "$DRY_RUN" = true ]; then
  log "dry-run: change set $CHANGE_SET was not executed. Execute it with:"
  log "  aws cloudformation execute-change-set --stack-name $STACK_NAME --change-set-name $CHANGE_SET"
  log "or delete it with:"
  log "  aws cloudformation delete-change-set --stack-name $STACK_NAME --change-set-name $CHANGE_SET"
  exit 0
fi

aws cloudformation execute-change-set --stack-name "$STACK_NAME" --change-set-name "$CHANGE_SET"
log "waiting for the stack (20-30 minutes on the first run) ..."
if [ "$CHANGE_SET_TYPE" = CREATE ]; then
  aws cloudformation wait stack-create-complete --stack-name "$STACK_NAME"
else
  aws cloudformation wait stack-update-complete --stack-name "$STACK_NAME"
fi
aws cloudformation describe-stacks --stack-name "$STACK_NAME" \
  --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output table
