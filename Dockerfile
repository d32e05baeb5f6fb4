# One image per service, from the jars the Maven build made:
#   ./mvnw -DskipTests install && docker build --build-arg SERVICE=gateway-service -t vectorless/gateway-service .
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 vectorless
WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar /app/app.jar
USER vectorless
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
