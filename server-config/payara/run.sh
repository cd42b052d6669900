#!/usr/bin/env bash
# Starts the built WAR on Payara Micro with the embedded defaults (file-based H2 in $MCPEE_DATA_DIR).
# Called by "mvn package -Prun", which sets the variables below; usable on its own after "mvn package".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${PAYARA_MICRO_JAR:-$root/target/payara-micro.jar}"
war="${MCPEE_WAR:-$root/target/mcp-ee.war}"
port="${MCPEE_HTTP_PORT:-8080}"
data="${MCPEE_DATA_DIR:-$root/data}"
mkdir -p "$data"
# Payara's own instance files go beside the data, not in a temporary folder
echo "mcp-ee: MCP endpoint will be at http://localhost:$port/mcp (REST API at http://localhost:$port/api/)"
echo "mcp-ee: embedded H2 database in $data"
exec java -Dmcpee.data.dir="$data" -jar "$jar" \
  --deploy "$war" --contextroot / --port "$port" --nocluster \
  --rootdir "$data/payara" \
  --postbootcommandfile "$here/h2.asadmin"
