#!/usr/bin/env bash
# Starts a throwaway Keycloak (dev mode, embedded H2) with the test realm "mcpee" (realm-mcpee.json beside this
# script) on 127.0.0.1:PORT, and returns once the realm issues a client_credentials token.
#
#   start.sh DIR PORT        DIR: working folder (the pom uses target/keycloak); PORT: e.g. 8180
#
# The distribution is the Maven artifact org.keycloak:keycloak-quarkus-dist:<version>:zip: $KEYCLOAK_ZIP, else the
# one keycloak-quarkus-dist-*.zip in DIR (mvn verify copies it there; by hand:
#   mvn dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:26.5.6:zip -DoutputDirectory=target/keycloak).
# It is unpacked once into DIR/dist and kept (its first start builds Quarkus' optimized image, ~30 s). Every start
# wipes DIR/dist/*/data, so the realm is always imported afresh from the JSON (--import-realm skips a realm that
# already exists). Keycloak runs in its own process group; DIR/keycloak.pid names it for stop.sh; its log is
# DIR/keycloak.log. Fails (exit 1) when PORT is taken, or when Keycloak exits or is not ready within
# $KEYCLOAK_START_TIMEOUT seconds (default 300; a cold start on 2 busy cores takes ~80 s).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:?usage: start.sh DIR PORT}"
port="${2:?usage: start.sh DIR PORT}"
timeout="${KEYCLOAK_START_TIMEOUT:-300}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
pidfile="$dir/keycloak.pid"
log="$dir/keycloak.log"
# the test realm's client and secret (realm-mcpee.json): only used to ask for a token as the readiness probe
probe_client=crm-agent
probe_secret=crm-agent-test-secret

zip="${KEYCLOAK_ZIP:-}"
if [ -z "$zip" ]; then
  shopt -s nullglob
  zips=("$dir"/keycloak-quarkus-dist-*.zip)
  shopt -u nullglob
  if [ "${#zips[@]}" -ne 1 ]; then
    echo "start.sh: expected one keycloak-quarkus-dist-*.zip in $dir (found ${#zips[@]}) or KEYCLOAK_ZIP; fetch it with" >&2
    echo "  mvn dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:26.5.6:zip -DoutputDirectory=$dir" >&2
    exit 1
  fi
  zip="${zips[0]}"
fi
[ -f "$zip" ] || { echo "start.sh: no Keycloak distribution at $zip" >&2; exit 1; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# a Keycloak of ours left behind by an aborted run (its JVM killed before stop.sh ran): stop it first
if [ -f "$pidfile" ]; then
  "$here/stop.sh" "$dir"
fi
if listening "$port"; then
  echo "start.sh: port $port on 127.0.0.1 is already in use; choose another port" >&2
  exit 1
fi

# unpack once per distribution: the marker names the zip and its size
dist="$dir/dist"
marker="$dist/.unpacked-from"
stamp="$(basename "$zip") $(stat -c %s "$zip")"
if [ ! -f "$marker" ] || [ "$(cat "$marker")" != "$stamp" ]; then
  echo "start.sh: unpacking $(basename "$zip") into $dist"
  rm -rf "$dist" "$dist.tmp"
  mkdir -p "$dist.tmp"
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$dist.tmp"
  else
    (cd "$dist.tmp" && jar xf "$zip") # the JDK's jar drops the execute bits
    chmod +x "$dist.tmp"/*/bin/*.sh
  fi
  echo "$stamp" > "$dist.tmp/.unpacked-from"
  mv "$dist.tmp" "$dist"
fi
home="$(find "$dist" -mindepth 1 -maxdepth 1 -type d -name 'keycloak-*' | head -1)"
[ -x "$home/bin/kc.sh" ] || { echo "start.sh: no bin/kc.sh under $dist" >&2; exit 1; }

rm -rf "$home/data"
mkdir -p "$home/data/import"
cp "$here/realm-mcpee.json" "$home/data/import/"

# Own process group (setsid), so that stop.sh ends kc.sh and its JVM together; every descriptor redirected, so
# whoever runs this script sees it end instead of waiting on Keycloak's output.
# A bounded heap: Keycloak's default takes a share of the machine's memory, which other builds here need.
KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx768m}" \
  setsid "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" --import-realm \
  </dev/null >"$log" 2>&1 &
pid=$!
echo "$pid" > "$pidfile"
echo "start.sh: Keycloak starting on 127.0.0.1:$port (pid $pid, log $log)"

token_endpoint_answers() {
  # HTTP by hand (bash /dev/tcp): neither curl nor wget is certain to be installed
  local body="grant_type=client_credentials&client_id=$probe_client&client_secret=$probe_secret" status=""
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'POST /realms/mcpee/protocol/openid-connect/token HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
    "$port" "${#body}" "$body" >&3
  IFS= read -r -t 20 status <&3 || true
  exec 3<&-
  [[ "$status" == "HTTP/1.1 200"* ]]
}

start=$SECONDS
while (( SECONDS - start < timeout )); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start.sh: Keycloak exited during start; the end of $log:" >&2
    tail -40 "$log" >&2
    rm -f "$pidfile"
    exit 1
  fi
  if (token_endpoint_answers) 2>/dev/null; then
    echo "start.sh: Keycloak ready after $(( SECONDS - start )) s: http://127.0.0.1:$port/realms/mcpee"
    exit 0
  fi
  sleep 2
done
echo "start.sh: Keycloak not ready after $timeout s; stopping it. The end of $log:" >&2
tail -40 "$log" >&2
"$here/stop.sh" "$dir"
exit 1
