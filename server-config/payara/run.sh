#!/usr/bin/env bash
# Starts the built WAR on Payara Micro with the embedded defaults (file-based H2 in $MCPEE_DATA_DIR), or on
# PostgreSQL with MCPEE_DB=postgresql (and MCPEE_DB_HOST, _PORT, _NAME, _USER, _PASSWORD). With MCPEE_HTTPS_KEYSTORE
# (a PKCS12 file; MCPEE_HTTPS_KEYSTORE_PASSWORD, MCPEE_HTTPS_ALIAS default mcpee, MCPEE_HTTPS_PORT default 8443) it
# serves HTTPS only: the plain HTTP listener never opens.
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
# secrets (database and keystore passwords) go to Payara in a file only this user can read, never on the command
# line (ps)
props="$data/secrets.properties"
(umask 077 && : >"$props")
database=(--postbootcommandfile "$here/h2.asadmin")
case "${MCPEE_DB:-h2}" in
  h2)
    echo "mcp-ee: embedded H2 database in $data" ;;
  postgresql)
    printf '%s\n' \
      "mcpee.db.host=${MCPEE_DB_HOST:-localhost}" "mcpee.db.port=${MCPEE_DB_PORT:-5432}" \
      "mcpee.db.name=${MCPEE_DB_NAME:-mcpee}" "mcpee.db.user=${MCPEE_DB_USER:-mcpee}" \
      "mcpee.db.password=${MCPEE_DB_PASSWORD:?MCPEE_DB_PASSWORD is required with MCPEE_DB=postgresql}" >>"$props"
    database=(--addlibs "${POSTGRESQL_JAR:-$root/src/demo/target/postgresql.jar}"
              --postbootcommandfile "$here/postgresql.asadmin")
    echo "mcp-ee: PostgreSQL database ${MCPEE_DB_NAME:-mcpee} at ${MCPEE_DB_HOST:-localhost}:${MCPEE_DB_PORT:-5432}" ;;
  *)
    echo "mcp-ee: MCPEE_DB must be h2 or postgresql, not ${MCPEE_DB}" >&2
    exit 2 ;;
esac
listener=(--port "$port" --postdeploycommandfile "$here/postdeploy.asadmin")
url="http://localhost:$port"
if [ -n "${MCPEE_HTTPS_KEYSTORE:-}" ]; then
  # HTTPS only: the certificate's alias in the operator's PKCS12 keystore; the plain listener stays closed
  # (postdeploy-https.asadmin opens only the HTTPS one), and mcp-ee sends Strict-Transport-Security on every answer
  printf '%s\n' "javax.net.ssl.keyStore=$MCPEE_HTTPS_KEYSTORE" "javax.net.ssl.keyStoreType=PKCS12" \
    "javax.net.ssl.keyStorePassword=${MCPEE_HTTPS_KEYSTORE_PASSWORD:?MCPEE_HTTPS_KEYSTORE_PASSWORD is required with MCPEE_HTTPS_KEYSTORE}" \
    >>"$props"
  # (the closed plain listener keeps the port it is given: nothing binds it)
  listener=(--port "$port" --sslPort "${MCPEE_HTTPS_PORT:-8443}" --sslCert "${MCPEE_HTTPS_ALIAS:-mcpee}"
            --postdeploycommandfile "$here/postdeploy-https.asadmin")
  url="https://localhost:${MCPEE_HTTPS_PORT:-8443}"
fi
echo "mcp-ee: MCP endpoint will be at $url/mcp (REST API at $url/api/)"
# A bounded heap (see the README's "Reliability"): the JVM would otherwise take up to a quarter of the machine.
# MCPEE_JAVA_OPTS replaces these options.
read -r -a java_options <<<"${MCPEE_JAVA_OPTS:--Xms256m -Xmx512m}"
exec java "${java_options[@]}" -Dmcpee.data.dir="$data" -jar "$jar" \
  --deploy "$war" --contextroot / "${listener[@]}" --nocluster --systemproperties "$props" \
  --rootdir "$data/payara" --prebootcommandfile "$here/preboot.asadmin" \
  "${database[@]}" "$@"
