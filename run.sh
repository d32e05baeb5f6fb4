#!/usr/bin/env bash
# Builds everything and starts the whole system on this machine: a Kafka broker, a MongoDB wire-protocol server,
# an S3 server and the four services. Needs only JDK 17 (Maven comes through the wrapper). Data: ./data
# (VECTORLESS_DATA_DIR). Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -ntp -DskipTests install
exec java ${JAVA_OPTS:--Xmx3g} -jar deploy/local-stack/target/local-stack.jar "$@"
