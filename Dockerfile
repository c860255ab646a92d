# The service built from this repository (used by docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY schema schema
COPY cypher cypher
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/perfgraph.jar /app/perfgraph.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/perfgraph.jar"]
