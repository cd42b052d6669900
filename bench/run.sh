#!/usr/bin/env bash
# Throughput of one customer lookup, (a) as REST (GET /api/customers/{id}) and (b) as an MCP tool call
# (tools/call retrieve_customer), on Payara Micro with a fresh H2 database. See bench/README.md.
# The last line printed is the ratio (b)/(a) of the median throughputs.
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
BENCH_PROFILE="${BENCH_PROFILE:-0}"   # 1: record JFR execution samples and print where each target's CPU goes

for name in PORT CONNECTIONS THREADS WARMUP_SECONDS ROUNDS SECONDS_PER_ROUND STARTUP_TIMEOUT; do
    [[ "${!name}" =~ ^[0-9]+$ && "${!name}" -gt 0 ]] || { echo "bench: $name must be a positive integer" >&2; exit 2; }
done

log() { echo "bench: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

jar="$root/src/demo/target/payara-micro.jar"
war="$root/src/demo/target/mcp-ee-demo.war"
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
    "$root/server-config/payara/run.sh" >"$tmp/payara.log" 2>&1 &
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
        rest*) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$here/rest.lua" \
                   "$base/api/customers/$customer_id" -- "$customer_id" "$token" >"$out" 2>&1 & ;;
        mcp*)  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$here/mcp.lua" \
                   "$base/mcp" -- "$session" "$customer_id" "$token" >"$out" 2>&1 & ;;
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
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
bad() {  # failed responses in a summary line
    local line=$1
    echo $(( $(field non200 "$line") + $(field is_error "$line") + $(field rpc_error "$line")
             + $(field unexpected "$line") + $(field socket_errors "$line") ))
}

total_bad=0
log "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); c=$CONNECTIONS, t=$THREADS"
for target in rest mcp; do
    log "warming up $target for $WARMUP_SECONDS s"
    run_wrk "$target-warmup" "$WARMUP_SECONDS"
    total_bad=$((total_bad + $(bad "$line")))
    log "  warm-up $target: $(field rps "$line") req/s, p99 $(field p99_ms "$line") ms, $(bad "$line") failed;" \
        "cores used: server $(field server_cores "$line"), wrk $(field wrk_cores "$line"), others $(field other_cores "$line")"
done

rows=()
for round in $(seq 1 "$ROUNDS"); do
    for target in rest mcp; do
        log "round $round/$ROUNDS: $target, $SECONDS_PER_ROUND s"
        run_wrk "$target-$round" "$SECONDS_PER_ROUND"
        rows+=("$round $target $(field rps "$line") $(field p50_ms "$line") $(field p99_ms "$line") \
$(field requests "$line") $(bad "$line") $(field server_cores "$line") $(field wrk_cores "$line") \
$(field other_cores "$line")")
        total_bad=$((total_bad + $(bad "$line")))
    done
done

# --- 4. report ----------------------------------------------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() { printf '%s\n' "${rows[@]}" | awk -v t="$1" -v c="$2" '$2 == t { print $c }'; }

echo
echo "mcp-ee benchmark: database $BENCH_DB, chain $BENCH_CHAIN, customer $customer_id, c=$CONNECTIONS t=$THREADS, warm-up ${WARMUP_SECONDS} s each," \
     "$ROUNDS rounds x ${SECONDS_PER_ROUND} s, interleaved rest/mcp; $(nproc) cores; commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "  (a) rest = GET /api/customers/$customer_id (${#rest_body} B)   (b) mcp = tools/call retrieve_customer (${#mcp_body} B)"
echo "  cores = CPU used during the round by the server / wrk / all other processes ($(nproc) cores in all)"
printf '%-6s %-5s %11s %9s %9s %10s %7s  %s\n' round target "req/s" "p50 ms" "p99 ms" requests failed \
    "cores srv/wrk/other"
for row in "${rows[@]}"; do
    read -r r t rps p50 p99 n failed srv client other <<<"$row"
    printf '%-6s %-5s %11.1f %9.2f %9.2f %10d %7d  %.2f/%.2f/%.2f\n' "$r" "$t" "$rps" "$p50" "$p99" "$n" "$failed" \
        "$srv" "$client" "$other"
done
for target in rest mcp; do
    printf '%-12s %11.1f %9.2f %9.2f\n' "median $target" "$(column_of "$target" 3 | median)" \
        "$(column_of "$target" 4 | median)" "$(column_of "$target" 5 | median)"
done
rest_rps="$(column_of rest 3 | median)"
mcp_rps="$(column_of mcp 3 | median)"
rest_p99="$(column_of rest 5 | median)"
mcp_p99="$(column_of mcp 5 | median)"
busiest_other="$(column_of rest 10; column_of mcp 10)"
busiest_other="$(sort -g <<<"$busiest_other" | tail -n 1)"
if awk -v o="$busiest_other" 'BEGIN { exit !(o > 0.25) }'; then
    echo "WARNING: other processes used up to $busiest_other cores during a round: the host was shared, so these" \
         "figures are not comparable with figures from an idle host"
fi
if ((total_bad > 0)); then
    echo "INVALID: $total_bad failed responses (non-200, isError, JSON-RPC error, wrong body or socket errors)," \
         "warm-ups included; the first bad response of each run is printed above"
    echo "ratio mcp/rest throughput: INVALID ($total_bad failed responses)"
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
awk -v a="$rest_rps" -v b="$mcp_rps" -v pa="$rest_p99" -v pb="$mcp_p99" 'BEGIN {
    printf "ratio mcp/rest throughput: %.2f (p99 rest %.1f ms, mcp %.1f ms)\n", b / a, pa, pb }'
