#!/bin/sh
# PostgreSQL for the tests (and a council's own server): installed from Debian's packages if missing,
# a cluster of its own started on port 54329, and a role and database for the tests:
#   postgresql://lineofsight:lineofsight@127.0.0.1:54329/lineofsight_test
# Idempotent: run it again and it only starts what is not running. Needs root or sudo.
set -e
PORT="${LINEOFSIGHT_PG_PORT:-54329}"
CLUSTER=lineofsight
SUDO=""; AS_POSTGRES="runuser -u postgres --"
[ "$(id -u)" = 0 ] || { SUDO="sudo"; AS_POSTGRES="sudo -u postgres"; }
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$CLUSTER"; then
    $SUDO pg_createcluster "$VERSION" "$CLUSTER" -p "$PORT" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
fi
if ! pg_lsclusters -h | awk -v c="$CLUSTER" '$2 == c {print $4}' | grep -qx online; then
    $SUDO pg_ctlcluster "$VERSION" "$CLUSTER" start
fi
psql_admin() { $AS_POSTGRES psql -p "$PORT" -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'lineofsight'")" != 1 ]; then
    psql_admin -c "CREATE ROLE lineofsight LOGIN CREATEDB PASSWORD 'lineofsight'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'lineofsight_test'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE lineofsight_test OWNER lineofsight"
fi
echo "PostgreSQL $VERSION on port $PORT: postgresql://lineofsight:lineofsight@127.0.0.1:$PORT/lineofsight_test"
