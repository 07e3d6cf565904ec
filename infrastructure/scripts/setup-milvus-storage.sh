#!/usr/bin/env bash
# Step 3: makes sure Milvus's EFS storage (created by the storage stack) is ready: encrypted, a mount target
# available in each private subnet, automatic backups on (AWS Backup, 35 days), both access points (data, logs)
# present. Safe to run any number of times; it only changes the backup policy when it is off.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
Usage: $(basename "$0") [--dry-run] [--help]

Checks the EFS file system of stack '$STACK_NAME' for Milvus and turns automatic backups on when they are off.

  --dry-run   check only, change nothing
  --help      this text

Environment: AWS_PROFILE (default ml-sandbox), AWS_DEFAULT_REGION (default us-east-1), STACK_NAME.
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --help | -h) usage; exit 0 ;;
    *) common_option "$1" || { usage >&2; die "unknown option $1"; } ;;
  esac
  shift
done

require_aws
require_credentials >/dev/null
[ -s "$INFRA_DIR/milvus/milvus.yaml" ] ||
  log "warning: infrastructure/milvus/milvus.yaml is missing; docker/Dockerfile.milvus needs it to build the Milvus image"

FS_ID=$(require_stack_output FileSystemId)
DATA_AP=$(require_stack_output MilvusDataAccessPointId)
LOGS_AP=$(require_stack_output MilvusLogsAccessPointId)
log "file system $FS_ID (access points: data $DATA_AP, logs $LOGS_AP)"

ENCRYPTED=$(aws efs describe-file-systems --file-system-id "$FS_ID" --query 'FileSystems[0].Encrypted' --output text)
[ "$ENCRYPTED" = True ] || [ "$ENCRYPTED" = true ] || die "file system $FS_ID is not encrypted at rest"

# Mount targets: two (one per private subnet), all available. They take a minute or two after creation.
for attempt in $(seq 1 30); do
  STATES=$(aws efs describe-mount-targets --file-system-id "$FS_ID" --query 'MountTargets[].LifeCycleState' --output text)
  COUNT=$(wc -w <<<"$STATES")
  AVAILABLE=$(grep -o available <<<"$STATES" | wc -l || true)
  if [ "$COUNT" -ge 2 ] && [ "$AVAILABLE" -eq "$COUNT" ]; then
    log "mount targets: $AVAILABLE available"
    break
  fi
  [ "$attempt" -lt 30 ] || die "mount targets of $FS_ID not available after 5 minutes: $STATES"
  log "mount targets: $STATES (waiting)"
  sleep 10
done

BACKUP=$(aws efs describe-backup-policy --file-system-id "$FS_ID" --query 'BackupPolicy.Status' --output text 2>/dev/null || echo DISABLED)
if [ "$BACKUP" = ENABLED ]; then
  log "automatic backups: on"
else
  log "automatic backups: $BACKUP, turning them on"
  run aws efs put-backup-policy --file-system-id "$FS_ID" --backup-policy Status=ENABLED >/dev/null
fi

for ap in "$DATA_AP" "$LOGS_AP"; do
  PATH_ON_EFS=$(aws efs describe-access-points --access-point-id "$ap" --query 'AccessPoints[0].RootDirectory.Path' --output text)
  log "access point $ap: $PATH_ON_EFS"
done
log "Milvus storage is ready"
