#!/usr/bin/env bash
# A catalog of 1,000 tools (bench/README.md): a generated application with CATALOG_METHODS JAX-RS resource methods
# (bench/catalog/generate.py), deployed on Payara Micro with mcp-ee and without it, CATALOG_STARTS times each,
# alternately, on a fresh H2 each time: the median deployment times and what mcp-ee adds; then, on the last server
# with mcp-ee, tools/list, every page in turn, under load (bench/catalog.lua): p50 and p99.
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
METHODS="${CATALOG_METHODS:-1000}"
STARTS="${CATALOG_STARTS:-3}"
PORT="${BENCH_PORT:-8790}"
CONNECTIONS="${CONNECTIONS:-4}"
WARMUP_SECONDS="${WARMUP_SECONDS:-60}"
SECONDS_PER_ROUND="${SECONDS_PER_ROUND:-30}"
SKIP_BUILD="${SKIP_BUILD:-0}"
log() { echo "catalog: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for tool in wrk jq curl python3; do command -v "$tool" >/dev/null || die "$tool is needed"; done

jar="$root/src/demo/target/payara-micro.jar"
if [[ "$SKIP_BUILD" != 1 || ! -f "$jar" ]]; then
    log "building and installing mcp-ee (mvn -B -q install -DskipTests)"
    (cd "$root" && mvn -B -q install -DskipTests) >&2
fi
version="$(cd "$root" && mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null | sed "s/\x1b\[[0-9;]*m//g" | tail -n 1)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/mcpee-catalog.XXXXXX")"
server_pid=""
stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
trap 'stop_server; rm -rf "$tmp"' EXIT

log "generating an application with $METHODS resource methods"
python3 "$here/catalog/generate.py" "$tmp/app" "$METHODS" "$version"
(cd "$tmp/app" && mvn -B -q package -Pmcpee && cp target/catalog.war "$tmp/with-mcp-ee.war" \
    && mvn -B -q clean package && cp target/catalog.war "$tmp/without-mcp-ee.war") >&2 || die "the build failed"

hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
admin_token="mcp_$(hex 8)_$(hex 32)"
base="http://127.0.0.1:$PORT"
# start <war> <n>: a fresh server on a fresh H2 (its pid in server_pid); sets deploy_ms to the deployment's own time.
# Called directly, never in $(...): a subshell would keep server_pid from stop_server.
start() {
    local log_file="$tmp/payara-$2.log" started=$SECONDS
    # the listing budget raised, as the agent's own rate limit is: the benchmark measures the server, not throttling
    MCPEE_JAVA_OPTS="-Xms256m -Xmx512m -Dmcpee.throttle.listing=999999999/second" \
    MCPEE_HTTP_PORT="$PORT" MCPEE_DATA_DIR="$tmp/data-$2" PAYARA_MICRO_JAR="$jar" MCPEE_WAR="$1" \
        MCPEE_BOOTSTRAP_ADMIN_TOKEN="$admin_token" "$root/server-config/payara/run.sh" >"$log_file" 2>&1 &
    server_pid=$!
    until grep -q "Payara Micro .* ready in" "$log_file" 2>/dev/null; do
        kill -0 "$server_pid" 2>/dev/null || die "Payara Micro exited during start (see $log_file)"
        ((SECONDS - started < 300)) || die "Payara Micro not ready after 300 s"
        sleep 1
    done
    grep -q "Exception while loading the app" "$log_file" && { cat "$log_file" >&2; die "the deployment failed"; }
    deploy_ms="$(sed 's/\x1b\[[0-9;]*m//g' "$log_file" \
        | sed -n 's/.* was successfully deployed in \([0-9,]*\) milliseconds.*/\1/p' | tr -d , | head -n 1)"
    [[ -n "$deploy_ms" ]] || die "no deployment time in $log_file"
}

with=()
without=()
for n in $(seq 1 "$STARTS"); do
    start "$tmp/without-mcp-ee.war" "without-$n"
    stop_server
    without+=("$deploy_ms")
    start "$tmp/with-mcp-ee.war" "with-$n"
    with+=("$deploy_ms")
    # mcp-ee's own share of it: the extension's build of the tool catalog, as its startup line says
    built_ms="$(sed -n 's/.*mcp-ee: [0-9]* tools from [0-9]* resource classes (built in \([0-9]*\) ms).*/\1/p' \
        "$tmp/payara-with-$n.log" | head -n 1)"
    log "start $n: without mcp-ee ${without[-1]} ms, with ${with[-1]} ms (mcp-ee's tool catalog built in ${built_ms:-?} ms)"
    ((n == STARTS)) || stop_server
done
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
with_ms="$(printf '%s\n' "${with[@]}" | median)"
without_ms="$(printf '%s\n' "${without[@]}" | median)"

# the last server (with mcp-ee) is still up: an agent token with the catalog's roles, a session, every page
secret="$(curl -sS --fail-with-body -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $admin_token" \
    -d '{"name":"catalog","owner":"bench","permissions":["catalog:read","catalog:write"],"rateLimit":"999999999/second"}' \
    "$base/mcp-ee/api/tokens" | jq -er .secret)" || die "creating the agent token failed"
headers=(-H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream'
         -H 'MCP-Protocol-Version: 2025-11-25' -H "Authorization: Bearer $secret")
curl -sS --fail-with-body -D "$tmp/init-headers.txt" -o /dev/null "${headers[@]}" -d \
    '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"catalog","version":"1"}}}' \
    "$base/mcp" || die "initialize failed"
session="$(awk 'tolower($1) == "mcp-session-id:" { sub(/\r$/, "", $2); print $2 }' "$tmp/init-headers.txt")"
curl -sS -o /dev/null "${headers[@]}" -H "Mcp-Session-Id: $session" \
    -d '{"jsonrpc":"2.0","method":"notifications/initialized"}' "$base/mcp"
cursors=()
tools=0
cursor=""
while :; do
    params="{}"
    [[ -z "$cursor" ]] || params="{\"cursor\":\"$cursor\"}"
    page="$(curl -sS --fail-with-body "${headers[@]}" -H "Mcp-Session-Id: $session" \
        -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":$params}" "$base/mcp")" \
        || die "tools/list failed: $page"
    listed="$(jq -er '.result.tools | length' <<<"$page")" || die "tools/list did not answer a page: $page"
    tools=$((tools + listed))
    cursor="$(jq -r '.result.nextCursor // empty' <<<"$page")"
    [[ -n "$cursor" ]] || break
    cursors+=("$cursor")
done
((tools == METHODS)) || die "tools/list listed $tools tools, not $METHODS"
pages=$((${#cursors[@]} + 1))
log "$tools tools in $pages pages; warming up tools/list for $WARMUP_SECONDS s"
load() {
    wrk -t1 -c"$CONNECTIONS" -d"$1s" --latency -s "$here/catalog.lua" "$base/mcp" -- "$session" "$secret" \
        "$(IFS=,; echo "${cursors[*]}")" | grep -m1 '^BENCH rps='
}
warm="$(load "$WARMUP_SECONDS")"
line="$(load "$SECONDS_PER_ROUND")"
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
bad=$(( $(field non200 "$line") + $(field rpc_error "$line") + $(field unexpected "$line") + $(field socket_errors "$line")
        + $(field non200 "$warm") + $(field rpc_error "$warm") + $(field unexpected "$warm") ))
stop_server

echo
echo "mcp-ee catalog benchmark: $METHODS resource methods in $((METHODS / 10)) classes; $(nproc) cores;" \
     "commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "deployment (Payara's 'successfully deployed in', fresh H2, $STARTS starts each, alternating):" \
     "without mcp-ee ${without[*]} ms, with mcp-ee ${with[*]} ms"
awk -v a="$without_ms" -v b="$with_ms" 'BEGIN { printf "median deployment: without %d ms, with %d ms: mcp-ee adds %.1f %%\n", a, b, (b - a) * 100 / a }'
echo "tools/list: $tools tools in $pages pages, every page in turn, c=$CONNECTIONS, ${WARMUP_SECONDS} s warm-up," \
     "${SECONDS_PER_ROUND} s measured (latency at the client, over loopback): $(field rps "$line") req/s," \
     "p50 $(field p50_ms "$line") ms, p99 $(field p99_ms "$line") ms, $bad failed"
((bad == 0)) || exit 1
