#!/usr/bin/env bash
# Starts the built WAR on Payara Micro with the embedded defaults (file-based H2 in $MCPEE_DATA_DIR), or on
# PostgreSQL with MCPEE_DB=postgresql (and MCPEE_DB_HOST, _PORT, _NAME, _USER, _PASSWORD).
# Called by "mvn package -Prun", which sets the variables below; usable on its own after "mvn package". Arguments
# are handed to Payara Micro after its own (e.g. "--deploy other.war:/other" to deploy one more application).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${PAYARA_MICRO_JAR:-$root/src/demo/target/payara-micro.jar}"
war="${MCPEE_WAR:-$root/src/demo/target/mcp-ee-demo.war}"
port="${MCPEE_HTTP_PORT:-8080}"
data="${MCPEE_DATA_DIR:-$root/data}"
mkdir -p "$data"
# Payara's own instance files go beside the data, not in a temporary folder, and are made afresh at each start: a
# folder kept from the last run still lists its deployment, which Payara would start, then replace with --deploy
rm -rf "$data/payara"
database=(--postbootcommandfile "$here/h2.asadmin")
case "${MCPEE_DB:-h2}" in
  h2)
    echo "mcp-ee: embedded H2 database in $data" ;;
  postgresql)
    # the connection settings go to Payara in a file only this user can read, never on the command line (ps)
    props="$data/postgresql.properties"
    (umask 077 && printf '%s\n' \
      "mcpee.db.host=${MCPEE_DB_HOST:-localhost}" "mcpee.db.port=${MCPEE_DB_PORT:-5432}" \
      "mcpee.db.name=${MCPEE_DB_NAME:-mcpee}" "mcpee.db.user=${MCPEE_DB_USER:-mcpee}" \
      "mcpee.db.password=${MCPEE_DB_PASSWORD:?MCPEE_DB_PASSWORD is required with MCPEE_DB=postgresql}" >"$props")
    database=(--addlibs "${POSTGRESQL_JAR:-$root/src/demo/target/postgresql.jar}" --systemproperties "$props"
              --postbootcommandfile "$here/postgresql.asadmin")
    echo "mcp-ee: PostgreSQL database ${MCPEE_DB_NAME:-mcpee} at ${MCPEE_DB_HOST:-localhost}:${MCPEE_DB_PORT:-5432}" ;;
  *)
    echo "mcp-ee: MCPEE_DB must be h2 or postgresql, not ${MCPEE_DB}" >&2
    exit 2 ;;
esac
echo "mcp-ee: MCP endpoint will be at http://localhost:$port/mcp (REST API at http://localhost:$port/api/)"
# A bounded heap (see the README's "Reliability"): the JVM would otherwise take up to a quarter of the machine.
# MCPEE_JAVA_OPTS replaces these options.
read -r -a java_options <<<"${MCPEE_JAVA_OPTS:--Xms256m -Xmx512m}"
exec java "${java_options[@]}" -Dmcpee.data.dir="$data" -jar "$jar" \
  --deploy "$war" --contextroot / --port "$port" --nocluster \
  --rootdir "$data/payara" --prebootcommandfile "$here/preboot.asadmin" --postdeploycommandfile "$here/postdeploy.asadmin" \
  "${database[@]}" "$@"
