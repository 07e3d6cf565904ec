#!/usr/bin/env bash
# Container health check for the JVM services, without curl in the image: an HTTP/1.0 GET over bash's /dev/tcp.
# Healthy (exit 0) only when the service answers 200; its /health answers 503 while it is not ready.
# Usage: healthcheck PORT [PATH]   (used by the Dockerfiles' HEALTHCHECK and the ECS task definitions)
set -euo pipefail
port=${1:?usage: healthcheck PORT [PATH]}
path=${2:-/health}
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 4 status <&3 || exit 1
case "$status" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) echo "unhealthy: ${status%$'\r'}" >&2; exit 1 ;;
esac
