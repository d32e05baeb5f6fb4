# One image per service, from the jars the Maven build made:
#   ./mvnw -DskipTests install && docker build --build-arg SERVICE=gateway-service -t vectorless/gateway-service .
# The jar is unpacked into Spring Boot's layers (dependencies, loader, snapshot dependencies, application), one image
# layer each, so a code change rebuilds and ships only the small application layer.
FROM eclipse-temurin:17-jre AS layers
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 vectorless && useradd --system --uid 10001 --gid 10001 vectorless
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
