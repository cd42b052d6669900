#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 (installed, not running, on these machines) and creates an empty database
# "mcpee" owned by the role "mcpee" (password "mcpee"): what the tests' PostgreSQL execution expects.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi
if ! pg_lsclusters -h | grep -q '^15 *main'; then
  pg_createcluster 15 main >/dev/null
fi
pg_lsclusters -h | grep -q '^15 *main *5432 *online' || pg_ctlcluster 15 main start
for _ in $(seq 1 30); do pg_isready -q -h localhost -p 5432 && break; sleep 1; done
pg_isready -h localhost -p 5432
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DROP DATABASE IF EXISTS mcpee;
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mcpee') THEN
    CREATE ROLE mcpee LOGIN PASSWORD 'mcpee';
  END IF;
END $$;
CREATE DATABASE mcpee OWNER mcpee;
SQL
echo "PostgreSQL ready: database mcpee"
