#!/usr/bin/env bash
# Install everything the tests need, start the services they use, and run them.
# Usage: bash scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

# System packages: PostgreSQL 15 with PostGIS for the postgis index driver.
if command -v apt-get >/dev/null 2>&1; then
    if ! dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1; then
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-postgis-3 >/dev/null
    fi
fi

# Start PostgreSQL if it is down.
if command -v pg_ctlcluster >/dev/null 2>&1; then
    if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
        as_root pg_ctlcluster --skip-systemctl-redirect 15 main start
        for _ in $(seq 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
    fi
fi

# The postgis tests connect over TCP as a superuser ($TERRACUBE_TEST_PG). A fresh cluster asks
# for a password there: give postgres one and tell the tests.
if [ -z "${TERRACUBE_TEST_PG:-}" ] && command -v psql >/dev/null 2>&1; then
    if ! psql -w -h 127.0.0.1 -U postgres -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1; then
        as_root runuser -u postgres -- psql -qc "ALTER USER postgres PASSWORD 'postgres'" >/dev/null
        export TERRACUBE_TEST_PG=postgresql://postgres:postgres@127.0.0.1:5432/postgres
    fi
fi

python3 -m pip install -q --disable-pip-version-check -e '.[all]'

ruff check src tests bench
ruff format --check src tests bench
python3 -m mypy
python3 -m pytest "$@"
