#!/usr/bin/env bash
# Throughput of one customer lookup, (a) as REST (GET /api/customers/{id}) and (b) as an MCP tool call
# (tools/call retrieve_customer) through mcp-ee, and (c) as the same tool served by the official MCP Java SDK's
# servlet transport (bench/sdk-war, no authentication, no audit), deployed beside the demo on the same Payara Micro
# and data (a fresh H2 database by default). See bench/README.md.
# The last line printed is "ratio mcp/rest=<(b)/(a)> mcp/sdk=<(b)/(c)>", of the median throughputs.
set -euo pipefail
export LC_ALL=C

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

PORT="${BENCH_PORT:-8780}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
WARMUP_SECONDS="${WARMUP_SECONDS:-120}"
ROUNDS="${ROUNDS:-3}"
SECONDS_PER_ROUND="${SECONDS_PER_ROUND:-30}"
SKIP_BUILD="${SKIP_BUILD:-0}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-240}"
BENCH_OUT="${BENCH_OUT:-}"   # when set: a folder that keeps the wrk outputs and the Payara log
BENCH_DB="${BENCH_DB:-h2}"   # h2 (fresh, in a temporary folder) or postgresql (MCPEE_DB_* as for run.sh)
BENCH_CHAIN="${BENCH_CHAIN:-full}"   # full (the product as shipped) or no-audit (a copy of the WAR without the audit guard)
BENCH_PROFILE="${BENCH_PROFILE:-0}"
BENCH_TOKENS="${BENCH_TOKENS:-1}"   # >1: REST only, with one token in the table and then with BENCH_TOKENS
BENCH_FILL="${BENCH_FILL:-tokens}"   # with BENCH_TOKENS: tokens, or control (as many refused admin requests: audit only)   # 1: record JFR execution samples and print where each target's CPU goes

for name in PORT CONNECTIONS THREADS WARMUP_SECONDS ROUNDS SECONDS_PER_ROUND STARTUP_TIMEOUT BENCH_TOKENS; do
    [[ "${!name}" =~ ^[0-9]+$ && "${!name}" -gt 0 ]] || { echo "bench: $name must be a positive integer" >&2; exit 2; }
done

log() { echo "bench: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

jar="$root/src/demo/target/payara-micro.jar"
war="$root/src/demo/target/mcp-ee-demo.war"
sdk_war="$here/sdk-war/target/mcp-sdk-bench.war"
tmp=""
server_pid=""

stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        log "stopping Payara Micro (pid $server_pid)"
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$server_pid" 2>/dev/null; then
            log "Payara Micro (pid $server_pid) did not stop in 30 s: SIGKILL"
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
        wait "$server_pid" 2>/dev/null || true
    fi
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n "${wrk_pid:-}" ]] && kill -0 "$wrk_pid" 2>/dev/null; then
        kill -TERM "$wrk_pid" 2>/dev/null || true
        wait "$wrk_pid" 2>/dev/null || true
    fi
    stop_server
    if [[ -n "$tmp" && -d "$tmp" ]]; then
        if [[ $status -ne 0 && -f "$tmp/payara.log" ]]; then
            log "last lines of the Payara log:"
            tail -n 40 "$tmp/payara.log" >&2 || true
        fi
        if [[ -n "$BENCH_OUT" ]]; then
            mkdir -p "$BENCH_OUT" && cp "$tmp"/*.log "$tmp"/*.txt "$tmp"/*.jfr "$BENCH_OUT"/ 2>/dev/null || true
            log "logs kept in $BENCH_OUT"
        fi
        rm -rf -- "$tmp"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. tools, build, server ------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    log "installing ${missing[*]} with apt-get"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi
command -v java >/dev/null || die "java (17) is not on the PATH"

if [[ "$SKIP_BUILD" != 1 || ! -f "$war" || ! -f "$jar" ]]; then
    log "building the WAR (mvn -B -q package -DskipTests)"
    (cd "$root" && mvn -B -q package -DskipTests) >&2
fi
[[ -f "$war" && -f "$jar" ]] || die "the build did not leave $war and $jar"
if [[ "$SKIP_BUILD" != 1 || ! -f "$sdk_war" ]]; then
    log "building the SDK target (mvn -B -q -f bench/sdk-war/pom.xml package)"
    (cd "$root" && mvn -B -q -f bench/sdk-war/pom.xml package) >&2
fi
[[ -f "$sdk_war" ]] || die "the build did not leave $sdk_war"

port_in_use() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }
if port_in_use "$PORT"; then
    [[ -z "${BENCH_PORT:-}" ]] || die "port $PORT (BENCH_PORT) is in use"
    for candidate in $(seq $((PORT + 1)) $((PORT + 100))); do
        if ! port_in_use "$candidate"; then
            log "port $PORT is in use, taking $candidate"
            PORT=$candidate
            break
        fi
    done
    port_in_use "$PORT" && die "no free port in $PORT..$((PORT + 100))"
fi
base="http://127.0.0.1:$PORT"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/mcpee-bench.XXXXXX")"
# the same start as server-config/payara/run.sh (which execs java, so $! is the JVM's pid), on a fresh data dir
[[ "$BENCH_DB" == h2 || "$BENCH_DB" == postgresql ]] || die "BENCH_DB must be h2 or postgresql"
[[ "$BENCH_CHAIN" == full || "$BENCH_CHAIN" == no-audit ]] || die "BENCH_CHAIN must be full or no-audit"
[[ "$BENCH_PROFILE" == 0 || "$BENCH_PROFILE" == 1 ]] || die "BENCH_PROFILE must be 0 or 1"
server_options="${JAVA_TOOL_OPTIONS:-}"
if [[ "$BENCH_PROFILE" == 1 ]]; then
    command -v jfr >/dev/null && command -v python3 >/dev/null || die "BENCH_PROFILE=1 needs jfr (JDK) and python3"
    # recording from the JVM's start: a recording started later makes the JIT recompile, and measures that
    server_options+=" -XX:FlightRecorderOptions=stackdepth=512"
    server_options+=" -XX:StartFlightRecording=settings=$here/cpu.jfc,filename=$tmp/profile.jfr,dumponexit=true"
fi
served="$war"
if [[ "$BENCH_CHAIN" == no-audit ]]; then
    # the product has no switch to turn its audit off; for measuring what the audit costs, a copy of the WAR whose
    # mcp-ee jar has a beans.xml that excludes the audit guard from discovery (everything else, the other guards too,
    # stays)
    served="$tmp/mcp-ee.war"
    cp "$war" "$served"
    library="$(unzip -Z1 "$served" | grep -E '^WEB-INF/lib/mcp-ee-[^/]*\.jar$')" || die "no mcp-ee jar in $war"
    mkdir -p "$tmp/war/jar"
    (cd "$tmp/war" && jar xf "$served" "$library" && cd jar && jar xf "../$library" META-INF/beans.xml) \
        || die "cannot read META-INF/beans.xml of $library"
    sed -i 's#</beans>#    <scan><exclude name="io.mcpee.audit.AuditGuard"/></scan>\n</beans>#' "$tmp/war/jar/META-INF/beans.xml"
    grep -q 'exclude name="io.mcpee.audit.AuditGuard"' "$tmp/war/jar/META-INF/beans.xml" || die "cannot edit beans.xml"
    (cd "$tmp/war/jar" && jar uf "../$library" META-INF/beans.xml && cd .. && jar uf "$served" "$library") \
        || die "cannot update the WAR copy (jar)"
    log "chain without the audit guard: $served"
fi
log "starting Payara Micro on port $PORT, database $BENCH_DB, data in $tmp/data"
# a fresh admin token for this run only, handed over as the bootstrap token
hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
admin_token="mcp_$(hex 8)_$(hex 32)"
JAVA_TOOL_OPTIONS="$server_options" MCPEE_HTTP_PORT="$PORT" MCPEE_DATA_DIR="$tmp/data" PAYARA_MICRO_JAR="$jar" \
    MCPEE_WAR="$served" MCPEE_BOOTSTRAP_ADMIN_TOKEN="$admin_token" MCPEE_DB="$BENCH_DB" \
    MCPEE_DB_PASSWORD="${MCPEE_DB_PASSWORD:-mcpee}" \
    "$root/server-config/payara/run.sh" --deploy "$sdk_war:/sdk" >"$tmp/payara.log" 2>&1 &
server_pid=$!

started=$SECONDS
until grep -q "Payara Micro .* ready in" "$tmp/payara.log" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || die "Payara Micro exited during start"
    ((SECONDS - started < STARTUP_TIMEOUT)) || die "Payara Micro not ready after $STARTUP_TIMEOUT s"
    sleep 1
done
grep -q "Exception while loading the app" "$tmp/payara.log" && die "the deployment failed (see the log)"
log "Payara Micro ready after $((SECONDS - started)) s (pid $server_pid)"

json_post() {  # url body [extra curl args...]: prints the body, fails unless 2xx
    local url=$1 body=$2
    shift 2
    curl -sS --fail-with-body -X POST -H 'Content-Type: application/json' -d "$body" "$@" "$url"
}

# both targets authenticate with the same agent token: the full path of a real call, on both sides; the benchmark
# measures the server, not its throttling, so the token's rate limit is as high as a token's can be
issued="$(json_post "$base/mcp-ee/api/tokens" \
    '{"name":"bench","owner":"bench","permissions":["customers:read","customers:write"],"rateLimit":"999999999/second"}' \
    -H "Authorization: Bearer $admin_token")" || die "creating the agent token failed: $issued"
token="$(jq -er '.secret' <<<"$issued")" || die "no secret in the created token"
auth=(-H "Authorization: Bearer $token")
created="$(json_post "$base/api/customers" '{"name":"Bench","email":"bench@example.com"}' "${auth[@]}")" \
    || die "POST /api/customers failed: $created"
customer_id="$(jq -er '.id' <<<"$created")" || die "no id in the created customer: $created"
rest_body="$(curl -sS --fail-with-body -H 'Accept: application/json' "${auth[@]}" \
    "$base/api/customers/$customer_id")" \
    || die "GET /api/customers/$customer_id failed: $rest_body"
log "customer $customer_id created; REST body ${#rest_body} bytes"

# --- 2. MCP session -------------------------------------------------------------------------------------------
mcp_headers=(-H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-11-25' "${auth[@]}")
init_body='{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25",'
init_body+='"capabilities":{},"clientInfo":{"name":"mcp-ee-bench","version":"1"}}}'
json_post "$base/mcp" "$init_body" "${mcp_headers[@]}" -D "$tmp/initialize-headers.txt" -o "$tmp/initialize.txt" \
    || die "initialize failed: $(cat "$tmp/initialize.txt" 2>/dev/null)"
session="$(awk 'tolower($1) == "mcp-session-id:" { sub(/\r$/, "", $2); print $2 }' "$tmp/initialize-headers.txt")"
[[ -n "$session" ]] || die "initialize gave no Mcp-Session-Id header"
status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' "${mcp_headers[@]}" \
    -H "Mcp-Session-Id: $session" -d '{"jsonrpc":"2.0","method":"notifications/initialized"}' "$base/mcp")"
[[ "$status" == 202 ]] || die "notifications/initialized answered HTTP $status, not 202"
call_body="{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"retrieve_customer\","
call_body+="\"arguments\":{\"id\":$customer_id}}}"
mcp_body="$(json_post "$base/mcp" "$call_body" "${mcp_headers[@]}" -H "Mcp-Session-Id: $session")" \
    || die "tools/call failed: $mcp_body"
jq -e --argjson id "$customer_id" '.result.isError == false and .result.structuredContent.id == $id' \
    <<<"$mcp_body" >/dev/null || die "tools/call retrieve_customer did not return customer $customer_id: $mcp_body"
log "MCP session open; tools/call body ${#mcp_body} bytes"
# the chain measured is the chain meant: an audit entry per call, or none at all
audited="$(curl -sS --fail-with-body -H "Authorization: Bearer $admin_token" \
    "$base/mcp-ee/api/audit?user=bench&tool=retrieve_customer&limit=1")" || die "GET /mcp-ee/api/audit failed: $audited"
case "$BENCH_CHAIN" in
    full)     jq -e '.items | length == 1' <<<"$audited" >/dev/null || die "no audit entry for the tool call" ;;
    no-audit) jq -e '.items | length == 0' <<<"$audited" >/dev/null || die "the audit guard is still on" ;;
esac

# --- 2b. the SDK's session (target c: no credentials) -----------------------------------------------------------
sdk_headers=(-H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-11-25')
json_post "$base/sdk/mcp" "$init_body" "${sdk_headers[@]}" -D "$tmp/sdk-initialize-headers.txt" \
    -o "$tmp/sdk-initialize.txt" || die "initialize at the SDK target failed: $(cat "$tmp/sdk-initialize.txt" 2>/dev/null)"
sdk_session="$(awk 'tolower($1) == "mcp-session-id:" { sub(/\r$/, "", $2); print $2 }' "$tmp/sdk-initialize-headers.txt")"
[[ -n "$sdk_session" ]] || die "initialize at the SDK target gave no Mcp-Session-Id header"
status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' "${sdk_headers[@]}" \
    -H "Mcp-Session-Id: $sdk_session" -d '{"jsonrpc":"2.0","method":"notifications/initialized"}' "$base/sdk/mcp")"
[[ "$status" == 202 ]] || die "notifications/initialized at the SDK target answered HTTP $status, not 202"
sdk_body="$(json_post "$base/sdk/mcp" "$call_body" "${sdk_headers[@]}" -H "Mcp-Session-Id: $sdk_session")" \
    || die "tools/call at the SDK target failed: $sdk_body"
# the SDK answers a request as an event stream: the JSON-RPC message is the data of its one event
sdk_message="$(sed -n 's/^data: *//p' <<<"$sdk_body")"
[[ -n "$sdk_message" ]] || sdk_message="$sdk_body"
jq -e --argjson id "$customer_id" '.result.isError == false and .result.structuredContent.id == $id' \
    <<<"$sdk_message" >/dev/null || die "the SDK's retrieve_customer did not return customer $customer_id: $sdk_body"
log "SDK session open; tools/call body ${#sdk_body} bytes"

# --- 3. load ------------------------------------------------------------------------------------------------------
# CPU time so far, in clock ticks: the whole host (busy, all processes), the server, and the waited-for children
# of this shell (the wrk runs). Differences over a run tell whether other processes competed for the cores.
cpu_snapshot() {
    local host server children
    host="$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)"
    server="$(sed 's/^.*) //' "/proc/$server_pid/stat" | awk '{ print $12 + $13 }')"
    children="$(sed 's/^.*) //' "/proc/$$/stat" | awk '{ print $14 + $15 }')"
    echo "$host $server $children $(date +%s.%N)"
}

# run_wrk <label> <seconds>: one wrk run; sets $line to its BENCH summary line (see common.lua) plus the cores
# used meanwhile by the server, by wrk and by everything else. wrk runs in the background and is waited for, so
# that a signal reaches the trap at once, not after the run.
wrk_pid=""
run_wrk() {
    local label=$1 seconds=$2 out="$tmp/wrk-$1.txt" status=0 before after started
    before="$(cpu_snapshot)"
    started="$(date -u +%H:%M:%S.%3N)"
    case "$label" in
        rest*|filled*) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$here/rest.lua" \
                   "$base/api/customers/$customer_id" -- "$customer_id" "$token" >"$out" 2>&1 & ;;
        mcp*)  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$here/mcp.lua" \
                   "$base/mcp" -- "$session" "$customer_id" "$token" >"$out" 2>&1 & ;;
        sdk*)  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$here/mcp.lua" \
                   "$base/sdk/mcp" -- "$sdk_session" "$customer_id" >"$out" 2>&1 & ;;
    esac
    wrk_pid=$!
    wait "$wrk_pid" || status=$?
    wrk_pid=""
    after="$(cpu_snapshot)"
    ((status == 0)) || { cat "$out" >&2; die "wrk failed ($label, exit $status)"; }
    grep '^BENCH first bad response' "$out" >&2 || true
    line="$(grep -m1 '^BENCH rps=' "$out")" || { cat "$out" >&2; die "no summary from wrk ($label)"; }
    if [[ "$label" != *-warmup ]]; then
        # the measured window, for the profile (BENCH_PROFILE=1)
        echo "${label%%-*} $started $(date -u +%H:%M:%S.%3N) $(field requests "$line")" >>"$tmp/windows.txt"
    fi
    line+="$(awk -v hz="$(getconf CLK_TCK)" -v b="$before" -v a="$after" 'BEGIN {
        split(b, x, " "); split(a, y, " "); t = (y[4] - x[4]) * hz
        server = (y[2] - x[2]) / t; client = (y[3] - x[3]) / t; other = (y[1] - x[1]) / t - server - client
        printf " server_cores=%.2f wrk_cores=%.2f other_cores=%.2f", server, client, other < 0 ? 0 : other }')"
    # the server's resident memory as the run ends (under load until then)
    line+=" rss_mb=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$server_pid/status")"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
bad() {  # failed responses in a summary line
    local line=$1
    echo $(( $(field non200 "$line") + $(field is_error "$line") + $(field rpc_error "$line")
             + $(field unexpected "$line") + $(field socket_errors "$line") ))
}

total_bad=0
log "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); c=$CONNECTIONS, t=$THREADS"
# warm_up <target> <seconds>; measure <target...>: ROUNDS interleaved rounds of the targets, into rows
warm_up() {
    log "warming up $1 for $2 s"
    run_wrk "$1-warmup" "$2"
    total_bad=$((total_bad + $(bad "$line")))
    log "  warm-up $1: $(field rps "$line") req/s, p99 $(field p99_ms "$line") ms, $(bad "$line") failed;" \
        "cores used: server $(field server_cores "$line"), wrk $(field wrk_cores "$line"), others $(field other_cores "$line")"
}
rows=()
measure() {
    local round target
    for round in $(seq 1 "$ROUNDS"); do
        for target in "$@"; do
            log "round $round/$ROUNDS: $target, $SECONDS_PER_ROUND s"
            run_wrk "$target-$round" "$SECONDS_PER_ROUND"
            rows+=("$round $target $(field rps "$line") $(field p50_ms "$line") $(field p99_ms "$line") \
$(field requests "$line") $(bad "$line") $(field server_cores "$line") $(field wrk_cores "$line") \
$(field other_cores "$line") $(field rss_mb "$line")")
            total_bad=$((total_bad + $(bad "$line")))
        done
    done
}

if ((BENCH_TOKENS == 1)); then
    targets=(rest mcp sdk)
    for target in "${targets[@]}"; do
        warm_up "$target" "$WARMUP_SECONDS"
    done
    measure "${targets[@]}"
else
    # the token-table mode: REST with the one bench token in the table, then with BENCH_TOKENS in it (made through
    # the admin API), the same token presented throughout; the two phases cannot be interleaved
    targets=(rest filled)
    warm_up rest "$WARMUP_SECONDS"
    measure rest
    log "creating $((BENCH_TOKENS - 1)) more tokens through the admin API"
    [[ "$BENCH_FILL" == tokens || "$BENCH_FILL" == control ]] || die "BENCH_FILL must be tokens or control"
    python3 "$here/fill_tokens.py" "$base" "$admin_token" "$((BENCH_TOKENS - 1))" 8 \
        "$([[ "$BENCH_FILL" == control ]] && echo control)" >"$tmp/fill.txt" 2>&1 \
        || { cat "$tmp/fill.txt" >&2; die "filling the token table failed"; }
    grep '^BULK first failure' "$tmp/fill.txt" >&2 || true
    read -r made refused fill_seconds <<<"$(sed -n 's/^BULK created=\([0-9]*\) failed=\([0-9]*\) seconds=\([0-9.]*\)$/\1 \2 \3/p' "$tmp/fill.txt")"
    [[ -n "$made" && "$refused" == 0 ]] || die "filling the token table failed: $(tail -3 "$tmp/fill.txt")"
    log "$made admin requests answered as expected ($BENCH_FILL) in $fill_seconds s"
    warm_up filled 30
    measure filled
fi

# --- 4. report ----------------------------------------------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() { printf '%s\n' "${rows[@]}" | awk -v t="$1" -v c="$2" '$2 == t { print $c }'; }

echo
echo "mcp-ee benchmark: database $BENCH_DB, chain $BENCH_CHAIN, customer $customer_id, c=$CONNECTIONS t=$THREADS, warm-up ${WARMUP_SECONDS} s each," \
     "$ROUNDS rounds x ${SECONDS_PER_ROUND} s, interleaved ${targets[*]}; $(nproc) cores; commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "  (a) rest = GET /api/customers/$customer_id (${#rest_body} B)   (b) mcp = tools/call retrieve_customer (${#mcp_body} B)"
if ((BENCH_TOKENS == 1)); then
    echo "  (c) sdk = the same tool on the official MCP Java SDK's servlet transport, no authentication or audit (${#sdk_body} B)"
else
    if [[ "$BENCH_FILL" == control ]]; then
        echo "  filled = (a) again after $made refused admin requests (control: as many audit entries, no tokens)"
    else
        echo "  filled = (a) again after $made more tokens were created (rest: one token in the table; filled: $((made + 1)))"
    fi
fi
echo "  rss = the server's resident memory at the end of the round (one server for all targets)"
echo "  cores = CPU used during the round by the server / wrk / all other processes ($(nproc) cores in all)"
printf '%-6s %-5s %11s %9s %9s %10s %7s %7s  %s\n' round target "req/s" "p50 ms" "p99 ms" requests failed \
    "rss MB" "cores srv/wrk/other"
for row in "${rows[@]}"; do
    read -r r t rps p50 p99 n failed srv client other rss <<<"$row"
    printf '%-6s %-5s %11.1f %9.2f %9.2f %10d %7d %7d  %.2f/%.2f/%.2f\n' "$r" "$t" "$rps" "$p50" "$p99" "$n" \
        "$failed" "$rss" "$srv" "$client" "$other"
done
for target in "${targets[@]}"; do
    printf '%-12s %11.1f %9.2f %9.2f %10s %7s %7.0f\n' "median $target" "$(column_of "$target" 3 | median)" \
        "$(column_of "$target" 4 | median)" "$(column_of "$target" 5 | median)" "" "" "$(column_of "$target" 11 | median)"
done
rest_rps="$(column_of rest 3 | median)"
mcp_rps="$(column_of mcp 3 | median)"
rest_p99="$(column_of rest 5 | median)"
mcp_p99="$(column_of mcp 5 | median)"
sdk_rps="$(column_of sdk 3 | median)"
sdk_p99="$(column_of sdk 5 | median)"
busiest_other="$(printf '%s\n' "${rows[@]}" | awk '{ print $10 }')"
busiest_other="$(sort -g <<<"$busiest_other" | tail -n 1)"
if awk -v o="$busiest_other" 'BEGIN { exit !(o > 0.25) }'; then
    echo "WARNING: other processes used up to $busiest_other cores during a round: the host was shared, so these" \
         "figures are not comparable with figures from an idle host"
fi
if ((total_bad > 0)); then
    echo "INVALID: $total_bad failed responses (non-200, isError, JSON-RPC error, wrong body or socket errors)," \
         "warm-ups included; the first bad response of each run is printed above"
    if ((BENCH_TOKENS == 1)); then
        echo "ratio mcp/rest=INVALID mcp/sdk=INVALID ($total_bad failed responses)"
    else
        echo "ratio filled/rest=INVALID ($total_bad failed responses)"
    fi
    exit 1
fi
if [[ "$BENCH_PROFILE" == 1 ]]; then
    echo "(BENCH_PROFILE=1: measured with a JFR recording on; compare ratios only between runs that both profile)"
    stop_server   # the recording is written when the JVM exits
    TZ=UTC jfr print --events jdk.ExecutionSample --stack-depth 512 "$tmp/profile.jfr" >"$tmp/samples.txt" \
        || die "cannot read the recording $tmp/profile.jfr"
    python3 "$here/jfr_compare.py" "$tmp/samples.txt" "$tmp/windows.txt" || die "the profile could not be read"
    rm -f "$tmp/samples.txt"
fi
if ((BENCH_TOKENS > 1)); then
    awk -v a="$rest_rps" -v b="$(column_of filled 3 | median)" -v pa="$rest_p99" -v pb="$(column_of filled 5 | median)" \
        -v n="$((made + 1))" 'BEGIN {
        printf "p99: rest %.1f ms, filled %.1f ms\n", pa, pb
        printf "ratio filled/rest=%.2f (REST throughput with %d tokens in the table over that with 1)\n", b / a, n }'
    exit 0
fi
awk -v a="$rest_rps" -v b="$mcp_rps" -v c="$sdk_rps" -v pa="$rest_p99" -v pb="$mcp_p99" -v pc="$sdk_p99" 'BEGIN {
    printf "p99: rest %.1f ms, mcp %.1f ms, sdk %.1f ms\n", pa, pb, pc
    printf "ratio mcp/rest=%.2f mcp/sdk=%.2f\n", b / a, b / c }'
