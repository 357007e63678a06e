# syntax=docker/dockerfile:1
# clusternews as a container image: the `clusternews` command, run against your Kafka cluster and schema registry.
# Used by docker-compose.yml and deploy/kubernetes/. No Docker engine runs in the test suite: ComposeAndImageTest
# checks this file (layers, non-root user, entrypoint) and the compose file against the build instead.
#
#   docker build -t clusternews .
#   docker run --rm -e KAFKA_BOOTSTRAP_SERVERS=broker:9092 -e CLUSTERNEWS_SCHEMA_REGISTRY_URL=http://registry:8081 \
#     -p 127.0.0.1:8080:8080 clusternews
#
# Without a cluster it stops at once, saying how to name one (there is no embedded default in the image).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# 1. dependencies: only the poms, so this layer is rebuilt only when a pom changes, not on every source edit
COPY .mvn .mvn
COPY pom.xml ./
COPY modules/schemas/pom.xml modules/schemas/
COPY modules/registry/pom.xml modules/registry/
COPY modules/topics/pom.xml modules/topics/
COPY modules/local/pom.xml modules/local/
COPY modules/testing/pom.xml modules/testing/
COPY modules/ingest/pom.xml modules/ingest/
COPY modules/pipeline/pom.xml modules/pipeline/
COPY modules/history/pom.xml modules/history/
COPY modules/serve/pom.xml modules/serve/
COPY modules/bench/pom.xml modules/bench/
COPY modules/app/pom.xml modules/app/
COPY modules/reliability/pom.xml modules/reliability/
COPY modules/faults/pom.xml modules/faults/
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl modules/app -am dependency:go-offline -DexcludeReactor=true
# 2. the sources, then the application jar and its libraries (modules/app/target/{clusternews.jar,lib/})
COPY schemas schemas
COPY modules modules
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl modules/app -am -DskipTests package

FROM eclipse-temurin:17-jre
# a fixed numeric non-root user, so Kubernetes' runAsNonRoot can verify it
RUN groupadd --system --gid 10001 clusternews \
    && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/clusternews --no-create-home clusternews \
    && mkdir -p /var/lib/clusternews && chown 10001:10001 /var/lib/clusternews
WORKDIR /opt/clusternews
# layers from the least to the most often changed: libraries, reference data, the application's own jar
COPY --from=build /src/modules/app/target/lib ./lib
COPY seeds ./seeds
COPY --from=build /src/modules/app/target/clusternews.jar ./
USER 10001:10001
ENV CLUSTERNEWS_HOME=/opt/clusternews
VOLUME /var/lib/clusternews
EXPOSE 8080
# clusternews.embedded=false: no embedded broker or registry in a container; `up` without a cluster says what to set
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dclusternews.home=/opt/clusternews", "-Dclusternews.embedded=false", "-jar", "/opt/clusternews/clusternews.jar"]
CMD ["up", "--http-host", "0.0.0.0", "--data-dir", "/var/lib/clusternews"]
