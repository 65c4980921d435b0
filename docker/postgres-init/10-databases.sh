#!/usr/bin/env bash
# Runs once, on the first start of an empty data volume (the postgres image's initdb hook), as the
# superuser POSTGRES_USER. One database per service, each owned by a role of its own with its own
# password, so that whoever holds one service's credentials cannot open the other's database (the
# cards-service's credentials must not reach the refresh sessions). PostgreSQL grants CONNECT on a
# new database to PUBLIC, i.e. to every role: REVOKE it, leaving the owner (and the superuser).
# The passwords come from the postgres container's environment (docker/compose.yaml), the same
# variables each service's QUARKUS_DATASOURCE_PASSWORD reads; `bash docker/check` verifies that.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v auth_password="$AUTH_DB_PASSWORD" -v cards_password="$CARDS_DB_PASSWORD" <<'SQL'
CREATE ROLE cards_auth LOGIN PASSWORD :'auth_password';
CREATE ROLE cards_cards LOGIN PASSWORD :'cards_password';
CREATE DATABASE cards_auth OWNER cards_auth;
CREATE DATABASE cards_cards OWNER cards_cards;
REVOKE CONNECT, TEMPORARY ON DATABASE cards_auth FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE cards_cards FROM PUBLIC;
SQL
