# syntax=docker/dockerfile:1
####
# auth-service in JVM mode. Builds the module from source with the Maven wrapper, so a host needs
# nothing but Docker, then runs the aot-jar on a Red Hat OpenJDK 25 runtime image as uid 185.
#
# Build (from the repository root, which is the build context):
#   docker build -f docker/auth-service.jvm.Dockerfile -t cards/auth-service .
#
# Run (the prod profile needs PostgreSQL and a PKCS#8 PEM signing key; see docker/README.md):
#   docker run --rm -p 8081:8081 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db.example:5432/cards_auth \
#     -e QUARKUS_DATASOURCE_USERNAME=cards_auth -e QUARKUS_DATASOURCE_PASSWORD="$AUTH_DB_PASSWORD" \
#     -e AUTH_SIGNING_KEY_LOCATION=/run/secrets/signing.pem \
#     -v "$PWD/docker/secrets/signing.pem:/run/secrets/signing.pem:ro" \
#     cards/auth-service
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
COPY auth-service/src/ auth-service/src/
RUN --mount=type=cache,target=/m2 \
    ./mvnw -B -pl auth-service -am package -DskipTests -Dmaven.repo.local=/m2/repository -Dlocal-app.skip=true \
      -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=AOT -Dquarkus.package.jar.aot.phase=BUILD \
      -Dquarkus.package.jar.aot.additional-recording-args=--enable-native-access=ALL-UNNAMED,-XX:+UseSerialGC

## Stage 2: run the aot-jar with its AOT cache; the library layer stays cached across code changes
FROM ${RUNTIME_IMAGE}
# The AOT cache was recorded with the jar started from its own directory: start it from there too.
WORKDIR /deployments
ENV LANGUAGE='en_US:en'
COPY --from=build --chown=185 /build/auth-service/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=185 /build/auth-service/target/quarkus-app/*.jar /deployments/
COPY --from=build --chown=185 /build/auth-service/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=185 /build/auth-service/target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --from=build --chown=185 /build/auth-service/target/quarkus-app/app.aot /deployments/
EXPOSE 8081
USER 185
ENV QUARKUS_HTTP_HOST=0.0.0.0
# Argon2 runs in libargon2 (auth.password.implementation=auto), so its 19 MiB per hash is malloc'd
# outside the Java heap and freed at once: a small heap suffices (bench/, README "JVM memory").
# Two malloc arenas keep those buffers from spreading over one arena per thread; JNA needs native
# access on JDK 22+, and the cache was recorded with the same flag.
ENV MALLOC_ARENA_MAX=2
ENV JAVA_OPTS_APPEND="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -XX:AOTCache=/deployments/app.aot -XX:+UseSerialGC -Xms32m -Xmx96m -XX:CICompilerCount=2 --enable-native-access=ALL-UNNAMED"
# `java` itself, not the UBI image's run-java.sh: the options above are all the JVM gets, on any base.
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS_APPEND -jar quarkus-run.jar"]
