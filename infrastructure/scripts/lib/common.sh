# shellcheck shell=bash
# Shared by the deployment scripts (sourced, not run). Settles the AWS profile and region, checks tools and
# credentials with a clear message, reads the stack's outputs, and runs changing commands unless --dry-run.

export AWS_PROFILE="${AWS_PROFILE:-ml-sandbox}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
ENVIRONMENT_NAME="${ENVIRONMENT_NAME:-multilingual-inference}"
STACK_NAME="${STACK_NAME:-$ENVIRONMENT_NAME}"
SCHEDULE_TIMEZONE="${SCHEDULE_TIMEZONE:-UTC}"
DRY_RUN=false
MLI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
# These three are read by the scripts that source this file.
# shellcheck disable=SC2034
INFRA_DIR="$MLI_ROOT/infrastructure"
# The services deployed by deploy-ecs.sh (Milvus has its own script).
# shellcheck disable=SC2034
AGENT_SERVICES=(orchestrator ner rag llm hybrid)
# shellcheck disable=SC2034
ALL_IMAGES=(orchestrator ner rag llm hybrid milvus)

log() { printf '%s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# require_tool NAME HINT: stops with a message saying how to get the tool.
require_tool() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed or not on PATH. $2"
}

require_aws() {
  require_tool aws "Install the AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"
}

# require_credentials: prints the account id, or stops when the profile has no usable credentials.
require_credentials() {
  local account
  if ! account=$(aws sts get-caller-identity --query Account --output text 2>/dev/null) || [ -z "$account" ]; then
    die "no usable AWS credentials for profile '$AWS_PROFILE' in $AWS_DEFAULT_REGION. Run 'aws sso login --profile $AWS_PROFILE' (or 'aws configure --profile $AWS_PROFILE'), or set AWS_PROFILE to another profile."
  fi
  printf '%s\n' "$account"
}

# run CMD...: runs a command that changes something; with --dry-run it only says what it would run.
run() {
  if [ "$DRY_RUN" = true ]; then
    log "dry-run: would run: $*"
  else
    "$@"
  fi
}

# stack_output KEY: one output of the parent stack (empty when the stack or output does not exist).
stack_output() {
  aws cloudformation describe-stacks --stack-name "$STACK_NAME" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text 2>/dev/null | sed 's/^None$//'
}

# require_stack_output KEY: like stack_output, but stops when it is missing.
require_stack_output() {
  local value
  value=$(stack_output "$1")
  [ -n "$value" ] || die "stack '$STACK_NAME' has no output $1 in $AWS_DEFAULT_REGION: run infrastructure/scripts/deploy-cloudformation.sh first."
  printf '%s\n' "$value"
}

# image_tag: IMAGE_TAG, else the current git commit (12 characters).
image_tag() {
  if [ -n "${IMAGE_TAG:-}" ]; then
    printf '%s\n' "$IMAGE_TAG"
  else
    require_tool git "Install git, or set IMAGE_TAG."
    git -C "$MLI_ROOT" rev-parse --short=12 HEAD
  fi
}

# render FILE: prints FILE with every ${NAME} placeholder replaced by the value of the shell variable NAME; stops
# when one is unset, so that no placeholder reaches AWS.
render() {
  local text name value
  text=$(<"$1")
  while [[ $text =~ \$\{([A-Z0-9_]+)\} ]]; do
    name=${BASH_REMATCH[1]}
    [ -n "${!name+set}" ] || die "$1 needs \${$name}, which is not set"
    value=${!name}
    # Quoted pattern and replacement: literal, whatever characters the value holds.
    text=${text//"\${$name}"/"$value"}
  done
  printf '%s\n' "$text"
}

# common_option ARG: handles the options every script shares; returns 1 for an unknown one.
common_option() {
  case "$1" in
    --dry-run) DRY_RUN=true ;;
    *) return 1 ;;
  esac
}
