#!/usr/bin/env bash
# Builds everything and starts the whole system on this machine: a Kafka broker, a MongoDB wire-protocol server,
# an S3 server and the four services. Needs only JDK 17 (Maven comes through the wrapper). Data: ./data
# (VECTORLESS_DATA_DIR). Stop with Ctrl-C.
#   ./run.sh --indexers N [--ingesters M]   every service as its own JVM, N indexers in one consumer group;
#                                           logs under $VECTORLESS_DATA_DIR/logs/ (one file per service)
set -euo pipefail
cd "$(dirname "$0")"
echo "Building Vectorless RAG (the first build downloads its dependencies from Maven Central: a few minutes)..."
./mvnw -B -q -ntp -DskipTests install
case " $* " in
  *" --indexers"*) echo "Starting Kafka, MongoDB, S3, then each service as its own process..." ;;
  *) echo "Starting Kafka, MongoDB, S3 and the four services..." ;;
esac
exec java ${JAVA_OPTS:--Xmx3g} -jar deploy/local-stack/target/local-stack.jar "$@"
