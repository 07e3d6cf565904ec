# shellcheck shell=bash
# Rolls a service out from infrastructure/ecs/{task-definitions,services,autoscaling}/<service>.json (sourced by
# deploy-ecs.sh and deploy-milvus.sh, after lib/common.sh). The JSON files carry ${NAME} placeholders, filled from
# the parent stack's outputs and parameters by load_stack_settings.

ETCD_IMAGE="${ETCD_IMAGE:-quay.io/coreos/etcd:v3.5.18}"
MINIO_IMAGE="${MINIO_IMAGE:-minio/minio:RELEASE.2024-12-18T13-15-44Z}"

# stack_parameter KEY: a parameter value of the parent stack.
stack_parameter() {
  aws cloudformation describe-stacks --stack-name "$STACK_NAME" \
    --query "Stacks[0].Parameters[?ParameterKey=='$1'].ParameterValue" --output text 2>/dev/null | sed 's/^None$//'
}

# load_stack_settings: sets the placeholder variables the JSON files use.
load_stack_settings() {
  ACCOUNT_ID=$(require_credentials)
  AWS_REGION=$AWS_DEFAULT_REGION
  IMAGE_TAG=$(image_tag)
  CLUSTER_NAME=$(require_stack_output ClusterName)
  TASK_EXECUTION_ROLE_ARN=$(require_stack_output TaskExecutionRoleArn)
  SERVICE_TASK_ROLE_ARN=$(require_stack_output ServiceTaskRoleArn)
  LLM_TASK_ROLE_ARN=$(require_stack_output LlmTaskRoleArn)
  MILVUS_TASK_ROLE_ARN=$(require_stack_output MilvusTaskRoleArn)
  AUTOSCALING_ROLE_ARN=$(require_stack_output AutoScalingRoleArn)
  FILE_SYSTEM_ID=$(require_stack_output FileSystemId)
  MILVUS_DATA_ACCESS_POINT_ID=$(require_stack_output MilvusDataAccessPointId)
  MILVUS_LOGS_ACCESS_POINT_ID=$(require_stack_output MilvusLogsAccessPointId)
  MINIO_SECRET_ARN=$(require_stack_output MinioSecretArn)
  LOG_LEVEL=$(stack_parameter LogLevel)
  LOG_LEVEL=${LOG_LEVEL:-INFO}
  METRICS_NAMESPACE=$(stack_parameter MetricsNamespace)
  METRICS_NAMESPACE=${METRICS_NAMESPACE:-MultilingualInference}
  BEDROCK_MODEL_ID=$(stack_parameter BedrockModelId)
  BEDROCK_MODEL_ID=${BEDROCK_MODEL_ID:-amazon.nova-pro-v1:0}
  local kb_prefix
  kb_prefix=$(stack_parameter KnowledgeBasePrefix)
  MLI_KB_URI=""
  if [ -n "$kb_prefix" ]; then MLI_KB_URI="s3://$(require_stack_output ModelBucketName)/$kb_prefix"; fi
  export ACCOUNT_ID AWS_REGION IMAGE_TAG CLUSTER_NAME TASK_EXECUTION_ROLE_ARN SERVICE_TASK_ROLE_ARN LLM_TASK_ROLE_ARN \
    MILVUS_TASK_ROLE_ARN AUTOSCALING_ROLE_ARN FILE_SYSTEM_ID MILVUS_DATA_ACCESS_POINT_ID MILVUS_LOGS_ACCESS_POINT_ID \
    MINIO_SECRET_ARN LOG_LEVEL METRICS_NAMESPACE BEDROCK_MODEL_ID MLI_KB_URI ENVIRONMENT_NAME SCHEDULE_TIMEZONE \
    ETCD_IMAGE MINIO_IMAGE
}

# deploy_service NAME WORKDIR: registers the task definition (when the image changed), updates the service,
# applies its autoscaling and waits until it is stable.
deploy_service() {
  local name=$1 work=$2 service current_td desired current_image image td_arn i count
  service="$ENVIRONMENT_NAME-$name"
  image="$ACCOUNT_ID.dkr.ecr.$AWS_REGION.amazonaws.com/$ENVIRONMENT_NAME/$name:$IMAGE_TAG"

  [ "$(aws ecs describe-services --cluster "$CLUSTER_NAME" --services "$service" \
      --query 'services[0].status' --output text 2>/dev/null)" = ACTIVE ] ||
    die "service $service is not in cluster $CLUSTER_NAME: run deploy-cloudformation.sh first"
  if ! aws ecr describe-images --repository-name "$ENVIRONMENT_NAME/$name" --image-ids "imageTag=$IMAGE_TAG" >/dev/null 2>&1; then
    if [ "$DRY_RUN" = true ]; then
      log "warning: $ENVIRONMENT_NAME/$name:$IMAGE_TAG is not in ECR yet (build-and-push-images.sh)"
    else
      die "$ENVIRONMENT_NAME/$name:$IMAGE_TAG is not in ECR: run build-and-push-images.sh first"
    fi
  fi

  render "$INFRA_DIR/ecs/task-definitions/$name.json" >"$work/$name-task.json"
  if [ -z "$MLI_KB_URI" ]; then
    # No published knowledge base: leave MLI_KB_URI unset so the service uses its starter knowledge base.
    jq 'del(.containerDefinitions[].environment[]? | select(.name == "MLI_KB_URI"))' "$work/$name-task.json" \
      >"$work/$name-task.tmp" && mv "$work/$name-task.tmp" "$work/$name-task.json"
  fi

  read -r current_td desired < <(aws ecs describe-services --cluster "$CLUSTER_NAME" --services "$service" \
    --query 'services[0].[taskDefinition,desiredCount]' --output text)
  current_image=$(aws ecs describe-task-definition --task-definition "$current_td" \
    --query "taskDefinition.containerDefinitions[?name=='$name'].image" --output text 2>/dev/null || true)
  if [ "$current_image" = "$image" ]; then
    log "$service already runs $image"
  else
    log "$service: ${current_image:-nothing} -> $image"
    if [ "$DRY_RUN" = true ]; then
      td_arn="arn:aws:ecs:$AWS_REGION:$ACCOUNT_ID:task-definition/$service:NEW"
    else
      td_arn=$(aws ecs register-task-definition --cli-input-json "file://$work/$name-task.json" \
        --query taskDefinition.taskDefinitionArn --output text)
    fi
    # Never scale a running service down: keep the larger of its current and its minimum desired count.
    TASK_DEFINITION_ARN=$td_arn render "$INFRA_DIR/ecs/services/$name.json" |
      jq --argjson current "${desired:-0}" '.desiredCount = ([.desiredCount, $current] | max)' >"$work/$name-service.json"
    if [ "$DRY_RUN" = true ]; then
      log "dry-run: would register $work/$name-task.json and update $service with $work/$name-service.json"
    else
      aws ecs update-service --cli-input-json "file://$work/$name-service.json" >/dev/null
    fi
  fi

  # Autoscaling: every call below is an upsert, so running it again changes nothing.
  render "$INFRA_DIR/ecs/autoscaling/$name.json" >"$work/$name-scaling.json"
  run aws application-autoscaling register-scalable-target --cli-input-json "$(jq -c .scalableTarget "$work/$name-scaling.json")"
  count=$(jq '.scalingPolicies | length' "$work/$name-scaling.json")
  for ((i = 0; i < count; i++)); do
    run aws application-autoscaling put-scaling-policy --cli-input-json "$(jq -c ".scalingPolicies[$i]" "$work/$name-scaling.json")"
  done
  count=$(jq '.scheduledActions | length' "$work/$name-scaling.json")
  for ((i = 0; i < count; i++)); do
    run aws application-autoscaling put-scheduled-action --cli-input-json "$(jq -c ".scheduledActions[$i]" "$work/$name-scaling.json")"
  done

  if [ "$DRY_RUN" != true ]; then
    log "waiting for $service to be stable ..."
    aws ecs wait services-stable --cluster "$CLUSTER_NAME" --services "$service"
  fi
}
