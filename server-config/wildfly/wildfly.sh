#!/usr/bin/env bash
# Runs the built WAR on an unpacked WildFly (org.wildfly:wildfly-dist, unpacked into target/ by Maven).
#
#   wildfly.sh configure  write standalone-mcpee.xml: standalone.xml + h2.cli (+ the CLI files in
#                         MCPEE_EXTRA_CLI, e.g. postgresql.cli); skipped while it is newer than its inputs
#   wildfly.sh start      configure, deploy the WAR at /, start WildFly in the background and wait until the
#                         deployment is up (exit 1, with the server stopped again, if it is not)
#   wildfly.sh stop       stop the WildFly that "start" started (by the PID it recorded)
#   wildfly.sh run        configure, deploy, and run WildFly in the foreground (Ctrl-C stops it)
#
# Environment (Maven's pom.xml sets these; the defaults suit a manual run from the project folder):
#   WILDFLY_HOME       the unpacked distribution            (default: the one wildfly-* folder in target/)
#   MCPEE_WAR          the WAR to deploy                     (default: src/demo/target/mcp-ee-demo.war)
#   MCPEE_CONTEXT_ROOT where to deploy it: "/" or a name such as "notes" (default: /)
#   MCPEE_SERVER_DIR   this instance's own folder: configuration, deployments, logs, temporary files
#                      (jboss.server.base.dir): runs write nothing into the distribution
#                                                            (default: target/wildfly-server)
#   MCPEE_DATA_DIR     where the H2 database lives           (default: data/wildfly)
#   MCPEE_HTTP_PORT    HTTP port; every other port moves by the same offset from WildFly's defaults
#                      (management 9990 + offset)            (default: 8080)
#   MCPEE_HTTP_PORT_TRIES  "start" only: when a port is taken, try the next HTTP port (and offset), this many
#                      times in all                          (default: 1)
#   MCPEE_PROPERTIES_FILE  "start" only: where to write mcpee.wildfly.url=http://host:port/ once WildFly is up
#   MCPEE_BIND         address to listen on                  (default: 127.0.0.1)
#   MCPEE_SERVER_OPTS  more arguments for standalone.sh, e.g. -Dmcpee.mcp.page-size=5 or -P db.properties
#   MCPEE_EXTRA_CLI    CLI files to apply after h2.cli, separated by spaces (e.g. .../postgresql.cli)
#   MCPEE_CLI_OPTS     more arguments for jboss-cli.sh, e.g. -Dmcpee.postgresql.jar=/path/postgresql.jar
#   MCPEE_STOP_WITH_PARENT=true   "start" also stops WildFly when the process that called it ends (Maven does
#                      this, so an interrupted build leaves no server behind)
#   MCPEE_START_TIMEOUT seconds to wait for the deployment   (default: 240)
#   MCPEE_HTTPS_KEYSTORE  a PKCS12 keystore: serve HTTPS only, on 8443 + the offset (https.cli removes the HTTP
#                      listener); with MCPEE_HTTPS_KEYSTORE_PASSWORD and MCPEE_HTTPS_ALIAS (default: mcpee), which
#                      reach WildFly in a file of $MCPEE_SERVER_DIR only this user can read
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
self="$here/$(basename "${BASH_SOURCE[0]}")"
root="$(cd "$here/../.." && pwd)"

home="${WILDFLY_HOME:-}"
if [[ -z "$home" ]]; then
  home="$(find "$root/target" -maxdepth 1 -type d -name 'wildfly-[0-9]*' 2>/dev/null | sort | tail -n 1)"
fi
war="${MCPEE_WAR:-$root/src/demo/target/mcp-ee-demo.war}"
context="${MCPEE_CONTEXT_ROOT:-/}"
context="${context#/}"
deployed="${context:-ROOT}.war"
base="${MCPEE_SERVER_DIR:-$root/target/wildfly-server}"
data="${MCPEE_DATA_DIR:-$root/data/wildfly}"
http_port="${MCPEE_HTTP_PORT:-8080}"
bind="${MCPEE_BIND:-127.0.0.1}"
timeout="${MCPEE_START_TIMEOUT:-240}"
read -r -a server_opts <<< "${MCPEE_SERVER_OPTS:-}"
read -r -a extra_cli <<< "${MCPEE_EXTRA_CLI:-}"
read -r -a cli_opts <<< "${MCPEE_CLI_OPTS:-}"
https_keystore="${MCPEE_HTTPS_KEYSTORE:-}"
[[ -z "$https_keystore" ]] || extra_cli+=("$here/https.cli")

config=standalone-mcpee.xml
pidfile="$base/wildfly.pid"
watchfile="$base/watchdog.pid"
console="$base/log/console.log"

fail() {
  echo "wildfly.sh: $*" >&2
  exit 1
}

[[ -n "$home" && -x "$home/bin/standalone.sh" ]] \
  || fail "no WildFly in \"$home\": set WILDFLY_HOME, or let Maven unpack it (mvn verify)"
# WildFly's own ports all move by one offset: HTTP 8080, HTTPS 8443, management 9990 and 9993
use_port() {
  http_port="$1"
  (( http_port >= 8080 && http_port < 55000 )) \
    || fail "MCPEE_HTTP_PORT must be between 8080 and 55000 (it sets WildFly's port offset)"
  offset=$(( http_port - 8080 ))
  management_port=$(( 9990 + offset ))
  ports=("$http_port" $(( 8443 + offset )) "$management_port" $(( 9993 + offset )))
  url="http://$bind:$http_port"
  [[ -z "$https_keystore" ]] || url="https://$bind:$(( 8443 + offset ))"
}
use_port "$http_port"

# standalone-mcpee.xml is made afresh from the distribution's standalone.xml whenever one of its inputs changed
# (or the list of CLI files did), so a CLI file never runs twice against the same configuration.
configure() {
  local target="$home/standalone/configuration/$config"
  local stamp="$target.cli" inputs input stale=false
  inputs="$(printf '%s\n' "$here/h2.cli" "${extra_cli[@]}")"
  [[ -f "$target" && -f "$stamp" && "$(cat "$stamp")" == "$inputs" ]] || stale=true
  for input in "$home/standalone/configuration/standalone.xml" "$here/h2.cli" "${extra_cli[@]}" "$self"; do
    [[ "$input" -nt "$target" ]] && stale=true
  done
  if [[ "$stale" == false ]]; then
    echo "wildfly.sh: $target is up to date"
    return
  fi
  echo "wildfly.sh: writing $target"
  rm -f "$stamp"
  cp "$home/standalone/configuration/standalone.xml" "$target"
  local cli
  for cli in "$here/h2.cli" "${extra_cli[@]}"; do
    echo "wildfly.sh: applying $cli"
    if ! "$home/bin/jboss-cli.sh" "${cli_opts[@]}" --file="$cli"; then
      rm -f "$target"
      fail "$cli failed"
    fi
  done
  echo "$inputs" > "$stamp"
}

running() {
  [[ -f "$pidfile" ]] || return 1
  local pid
  pid="$(cat "$pidfile")"
  # only a process of this instance counts: a PID may have been reused since
  [[ -n "$pid" ]] && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-Djboss.server.base.dir=$base"
}

port_in_use() {
  (exec 3<>"/dev/tcp/$bind/$1") 2>/dev/null
}

# A fresh instance folder from the configured distribution, with the WAR as the only deployment (at /).
prepare() {
  [[ -f "$war" ]] || fail "no WAR at $war (mvn package builds it)"
  rm -rf "$base/configuration" "$base/deployments" "$base/tmp" "$base/log"
  mkdir -p "$base/configuration" "$base/deployments" "$base/log" "$data"
  # (explicit checks: "start" calls this where set -e does not apply)
  cp -r "$home/standalone/configuration/." "$base/configuration/" || fail "cannot copy the configuration to $base"
  cp "$war" "$base/deployments/$deployed" || fail "cannot copy $war to $base/deployments"
}

server_args() {
  printf '%s\n' -c "$config" -b "$bind" -bmanagement "$bind" \
    "-Djboss.socket.binding.port-offset=$offset" "-Dmcpee.data.dir=$data" "-Djboss.server.base.dir=$base"
  if [[ -n "$https_keystore" ]]; then
    # the keystore's password reaches WildFly in a file only this user can read, never on the command line (ps)
    local secrets="$base/https.properties"
    (umask 077 && printf '%s\n' "mcpee.https.keystore=$https_keystore" \
      "mcpee.https.alias=${MCPEE_HTTPS_ALIAS:-mcpee}" \
      "mcpee.https.keystore-password=${MCPEE_HTTPS_KEYSTORE_PASSWORD:?MCPEE_HTTPS_KEYSTORE_PASSWORD is required with MCPEE_HTTPS_KEYSTORE}" \
      > "$secrets")
    printf '%s\n' -P "$secrets"
  fi
}

stop() {
  if [[ -f "$watchfile" ]]; then
    local watchdog
    watchdog="$(cat "$watchfile")"
    # the watchdog itself ends in "wildfly.sh stop": it must not kill itself; nor a process that got its PID since
    if [[ "$watchdog" != "$$" ]] && tr '\0' ' ' < "/proc/$watchdog/cmdline" 2>/dev/null | grep -qF -- "$self"; then
      kill "$watchdog" 2>/dev/null || true
    fi
    rm -f "$watchfile"
  fi
  if ! running; then
    echo "wildfly.sh: no WildFly running from $base"
    rm -f "$pidfile"
    return 0
  fi
  local pid i
  pid="$(cat "$pidfile")"
  echo "wildfly.sh: stopping WildFly (PID $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for (( i = 0; i < 60; i++ )); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "wildfly.sh: WildFly (PID $pid) did not stop in 30 s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# Starts WildFly in the background; 0 when it is up with the WAR deployed, 2 when one of its ports was taken
# (by the time it bound them), 1 for any other failure. Leaves no server running unless it returns 0.
launch() {
  prepare
  local args
  mapfile -t args < <(server_args)
  echo "wildfly.sh: starting WildFly $home on $url/ (management port $management_port)"
  echo "wildfly.sh: server log in $base/log (console output: $console)"
  # setsid: a process of its own, holding none of the caller's streams (Maven waits for those to close)
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$pidfile" JBOSS_BASE_DIR="$base" \
    setsid nohup "$home/bin/standalone.sh" "${args[@]}" "${server_opts[@]}" > "$console" 2>&1 < /dev/null &
  if [[ "${MCPEE_STOP_WITH_PARENT:-false}" == true ]]; then
    local parent=$PPID
    setsid nohup bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; exec "$2" stop' watchdog \
      "$parent" "$self" > "$base/log/watchdog.log" 2>&1 < /dev/null &
    echo $! > "$watchfile"
  fi
  # up = boot finished (WFLYSRV0025) and the deployment scanner marked the WAR deployed
  local i marker="" booted="" booted_at=""
  for (( i = 0; i < timeout; i++ )); do
    marker="$(ls "$base/deployments" | grep -E "^${deployed//./\\.}\.(deployed|failed)\$" || true)"
    booted="$(grep -o 'WFLYSRV0025\|WFLYSRV0026' "$console" 2>/dev/null | head -n 1 || true)"
    [[ "$marker" == "$deployed.failed" || "$booted" == WFLYSRV0026 ]] && break
    [[ -n "$marker" && -n "$booted" ]] && break
    if [[ -n "$booted" ]]; then
      booted_at="${booted_at:-$i}"
      (( i > booted_at + 10 )) && break # booted, but the WAR was never deployed
    fi
    if (( i > 5 )) && ! running; then
      break
    fi
    sleep 1
  done
  if [[ "$marker" == "$deployed.deployed" && "$booted" == WFLYSRV0025 ]]; then
    echo "wildfly.sh: up in ${i} s: MCP endpoint $url/mcp, REST API $url/api/"
    return 0
  fi
  if grep -q 'Address already in use' "$console"; then
    echo "wildfly.sh: a port of WildFly was taken meanwhile" >&2
    stop
    return 2
  fi
  echo "wildfly.sh: WildFly did not come up with the WAR deployed (${marker:-no deployment marker}," \
    "${booted:-not booted}); the log says:" >&2
  grep -E 'ERROR|WFLYSRV0026|Caused by' "$console" | tail -n 20 >&2 || tail -n 20 "$console" >&2
  stop
  return 1
}

start() {
  if running; then
    echo "wildfly.sh: a WildFly left from an earlier run is still up, stopping it first"
    stop
  fi
  [[ -z "${MCPEE_PROPERTIES_FILE:-}" ]] || rm -f "$MCPEE_PROPERTIES_FILE"
  configure
  # other servers come and go on this machine: with MCPEE_HTTP_PORT_TRIES > 1, a taken port moves every port up
  local tries="${MCPEE_HTTP_PORT_TRIES:-1}" attempt status port taken
  for (( attempt = 0; attempt < tries; attempt++ )); do
    (( attempt == 0 )) || use_port $(( http_port + 1 ))
    taken=""
    for port in "${ports[@]}"; do
      port_in_use "$port" && taken="$port"
    done
    if [[ -n "$taken" ]]; then
      echo "wildfly.sh: port $taken on $bind is taken by another process"
      continue
    fi
    status=0
    launch || status=$?
    if (( status == 0 )); then
      if [[ -n "${MCPEE_PROPERTIES_FILE:-}" ]]; then
        mkdir -p "$(dirname "$MCPEE_PROPERTIES_FILE")"
        printf 'mcpee.wildfly.url=%s/\n' "$url" > "$MCPEE_PROPERTIES_FILE"
      fi
      return 0
    fi
    (( status == 2 )) || exit 1
  done
  fail "no free ports after $tries tries (last HTTP port tried: $http_port): choose another MCPEE_HTTP_PORT"
}

run() {
  configure
  prepare
  local args
  mapfile -t args < <(server_args)
  echo "mcp-ee: MCP endpoint will be at $url/mcp (REST API at $url/api/)"
  echo "mcp-ee: embedded H2 database in $data"
  JBOSS_BASE_DIR="$base" exec "$home/bin/standalone.sh" "${args[@]}" "${server_opts[@]}"
}

case "${1:-}" in
  configure) configure ;;
  start) start ;;
  stop) stop ;;
  run) run ;;
  *) fail "usage: wildfly.sh configure|start|stop|run" ;;
esac
