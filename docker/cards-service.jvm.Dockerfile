# syntax=docker/dockerfile:1
####
# cards-service in JVM mode. Builds the module from source with the Maven wrapper, so a host needs
# nothing but Docker, then runs the aot-jar on a Red Hat OpenJDK 25 runtime image as uid 185.
#
# Build (from the repository root, which is the build context):
#   docker build -f docker/cards-service.jvm.Dockerfile -t cards/cards-service .
#
# Run (the prod profile needs PostgreSQL and the auth-service's JWKS; see docker/README.md):
#   docker run --rm -p 8082:8082 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db.example:5432/cards_cards \
#     -e QUARKUS_DATASOURCE_USERNAME=cards_cards -e QUARKUS_DATASOURCE_PASSWORD="$CARDS_DB_PASSWORD" \
#     -e MP_JWT_VERIFY_PUBLICKEY_LOCATION=http://auth.example:8081/.well-known/jwks.json \
#     -e MP_JWT_VERIFY_ISSUER=http://auth.example:8081 -e MP_JWT_VERIFY_AUDIENCES=cards-service \
#     cards/cards-service
#
# Everything together (PostgreSQL, both services): docker compose -f docker/compose.yaml up --build
####

## Base images are build arguments: the defaults are the production ones; docker/standins makes
## stand-ins from Debian packages where no registry is reachable (docker/e2e builds with them).
## The runtime image needs only `java` (JDK 25) on the PATH and a uid 185 that may read /deployments.
ARG BUILD_IMAGE=registry.access.redhat.com/ubi9/openjdk-25:1.24
ARG RUNTIME_IMAGE=registry.access.redhat.com/ubi9/openjdk-25-runtime:1.24

## Stage 1: build with the Maven wrapper on the runtime's own JDK 25, so that the AOT cache it
## records (JEP 483; Quarkus starts the application once, to the end of its static init) belongs to
## the JVM that will map it. A JVM that finds the cache foreign says so and starts without it.
FROM ${BUILD_IMAGE} AS build
USER root
# One cache for the wrapper's Maven and the local repository, kept between builds.
ENV MAVEN_USER_HOME=/m2
WORKDIR /build
COPY --chmod=0755 mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
# Maven reads every module's pom to set up the reactor, even with -pl.
COPY http-support/pom.xml http-support/
COPY test-support/pom.xml test-support/
COPY auth-service/pom.xml auth-service/
COPY cards-service/pom.xml cards-service/
COPY cards-client/pom.xml cards-client/
COPY cards-client/library/pom.xml cards-client/library/
COPY cards-client/cli/pom.xml cards-client/cli/
COPY cards-client/example-app/pom.xml cards-client/example-app/
COPY interop/quarkus-oidc-client-app/pom.xml interop/quarkus-oidc-client-app/
COPY bench/pom.xml bench/
COPY http-support/src/ http-support/src/
COPY test-support/src/ test-support/src/
# The web app served at / is in src/main/resources (axios from its WebJar): Maven alone builds it.
COPY cards-service/src/ cards-service/src/
# !auth-service-first: that profile (active when no packaged auth-service exists, as here) only
# orders the reactor for a test that runs the auth-service; tests are skipped, so build just this.
RUN --mount=type=cache,target=/m2 \
    ./mvnw -B -pl cards-service -am package -DskipTests -Dmaven.repo.local=/m2/repository \
      -P '!auth-service-first' -Dlocal-app.skip=true \
      -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=AOT -Dquarkus.package.jar.aot.phase=BUILD \
      -Dquarkus.package.jar.aot.additional-recording-args=-XX:+UseSerialGC

## Stage 2: run the aot-jar with its AOT cache; the library layer stays cached across code changes
FROM ${RUNTIME_IMAGE}
# The AOT cache was recorded with the jar started from its own directory: start it from there too.
WORKDIR /deployments
ENV LANGUAGE='en_US:en'
COPY --from=build --chown=185 /build/cards-service/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=185 /build/cards-service/target/quarkus-app/*.jar /deployments/
COPY --from=build --chown=185 /build/cards-service/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=185 /build/cards-service/target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --from=build --chown=185 /build/cards-service/target/quarkus-app/app.aot /deployments/
EXPOSE 8082
USER 185
ENV QUARKUS_HTTP_HOST=0.0.0.0
# A small heap is plenty: requests allocate little and nothing lives long; a small code cache, two
# compiler threads and two malloc arenas trim the memory outside it (README "JVM memory").
ENV MALLOC_ARENA_MAX=2
ENV JAVA_OPTS_APPEND="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -XX:AOTCache=/deployments/app.aot -XX:+UseSerialGC -Xms16m -Xmx64m -XX:ReservedCodeCacheSize=32m -XX:CICompilerCount=2 -Xss512k"
# `java` itself, not the UBI image's run-java.sh: the options above are all the JVM gets, on any base.
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS_APPEND -jar quarkus-run.jar"]
