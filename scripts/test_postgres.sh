#!/usr/bin/env bash
# Start the PostgreSQL server the workshop storage tests use, creating it on first run.
#
# A dedicated cluster (Debian's postgresql-common: pg_createcluster / pg_ctlcluster, no systemd)
# on a non-default port, so it never touches a "main" cluster. Idempotent: a second run only
# checks that the cluster is online and the role and database exist. Installs Debian's
# `postgresql` package when pg_ctlcluster is missing (root, or through sudo).
# Reads TEST_DATABASE_URL (postgresql://user:password@127.0.0.1:port/database; the Makefile sets
# it) and prints it on stdout once the server accepts connections.
set -euo pipefail

URL=${TEST_DATABASE_URL:-postgresql://tfa_test:tfa_test@127.0.0.1:54329/tfa_test}
CLUSTER=tfa_test
PATTERN='^postgresql(\+psycopg)?://([a-z_][a-z0-9_]*):([A-Za-z0-9_]+)@(127\.0\.0\.1|localhost):([0-9]+)/([a-z_][a-z0-9_]*)$'
if [[ ! $URL =~ $PATTERN ]]; then
    echo "test_postgres.sh: TEST_DATABASE_URL must look like" \
        "postgresql://user:password@127.0.0.1:port/database (got: $URL)" >&2
    exit 2
fi
ROLE=${BASH_REMATCH[2]} PASSWORD=${BASH_REMATCH[3]} PORT=${BASH_REMATCH[5]} DB=${BASH_REMATCH[6]}

SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
if ! command -v pg_ctlcluster >/dev/null; then
    echo "test_postgres.sh: installing Debian's postgresql package" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
status=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $4}')
if [ -z "$status" ]; then
    echo "test_postgres.sh: creating cluster $VERSION/$CLUSTER on port $PORT" >&2
    $SUDO pg_createcluster "$VERSION" "$CLUSTER" -p "$PORT" >/dev/null
fi
case "$status" in
    online*) ;;
    *) $SUDO pg_ctlcluster "$VERSION" "$CLUSTER" start ;;
esac

psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" "$@"; }
for _ in $(seq 1 30); do
    psql_admin -d postgres -c 'SELECT 1' >/dev/null 2>&1 && break
    sleep 1
done
if [ -z "$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" ]; then
    psql_admin -d postgres -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'"
fi
if [ -z "$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
    psql_admin -d postgres -c "CREATE DATABASE $DB OWNER $ROLE"
fi
echo "$URL"
