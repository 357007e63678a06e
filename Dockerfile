# clusternews as a container image, for docker-compose.yml (not exercised by the test suite: no Docker engine there).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests install

FROM eclipse-temurin:17-jre
WORKDIR /opt/clusternews
COPY --from=build /src/modules/app/target/clusternews.jar ./
COPY --from=build /src/modules/app/target/lib ./lib
COPY --from=build /src/seeds ./seeds
ENV CLUSTERNEWS_HOME=/opt/clusternews
ENTRYPOINT ["java", "-Dclusternews.home=/opt/clusternews", "-jar", "/opt/clusternews/clusternews.jar"]
CMD ["up"]
