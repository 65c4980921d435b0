# syntax=docker/dockerfile:1
####
# cards-service as a native executable. Compiles it from source on the Mandrel builder image (so a
# host needs nothing but Docker; the build wants about 6 GB of memory and several minutes), then runs
# it on the Quarkus micro image as uid 185, the same user as the JVM image, so one secret-file owner
# fits both.
#
# Build (from the repository root, which is the build context):
#   docker build -f docker/cards-service.native.Dockerfile -t cards/cards-service:native .
#
# Run (the prod profile needs PostgreSQL and the auth-service's JWKS; see docker/README.md):
#   docker run --rm -p 8082:8082 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db.example:5432/cards_cards \
#     -e QUARKUS_DATASOURCE_USERNAME=cards_cards -e QUARKUS_DATASOURCE_PASSWORD="$CARDS_DB_PASSWORD" \
#     -e MP_JWT_VERIFY_PUBLICKEY_LOCATION=http://auth.example:8081/.well-known/jwks.json \
#     -e MP_JWT_VERIFY_ISSUER=http://auth.example:8081 -e MP_JWT_VERIFY_AUDIENCES=cards-service \
#     cards/cards-service:native
#
# With compose: docker compose -f docker/compose.yaml -f docker/compose.native.yaml up --build
####

## Base images are build arguments (defaults: the production ones), as in the JVM Dockerfile.
ARG BUILD_IMAGE=quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-21
ARG RUNTIME_IMAGE=quay.io/quarkus/ubi9-quarkus-micro-image:2.0

## Stage 1: build the native executable with the Maven wrapper on Mandrel
FROM ${BUILD_IMAGE} AS build
# A throw-away stage: build as root so the copied sources and target/ need no ownership changes.
USER root
# One cache for the wrapper's Maven and the local repository, kept between builds.
ENV MAVEN_USER_HOME=/m2
WORKDIR /code
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
      -P 'native,!auth-service-first'

## Stage 2: the executable alone on a micro image (glibc, libstdc++, zlib)
FROM ${RUNTIME_IMAGE}
WORKDIR /work/
RUN chown 185:0 /work && chmod g+rwX /work
COPY --from=build --chown=185:0 --chmod=0755 /code/cards-service/target/*-runner /work/application
EXPOSE 8082
USER 185
ENV QUARKUS_HTTP_HOST=0.0.0.0
ENTRYPOINT ["./application"]
