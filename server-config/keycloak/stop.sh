#!/usr/bin/env bash
# Stops the Keycloak that start.sh started in DIR (by the process group in DIR/keycloak.pid, nothing else):
# SIGTERM, then SIGKILL after 30 s.  Usage: stop.sh DIR
set -euo pipefail
dir="${1:?usage: stop.sh DIR}"
pidfile="$dir/keycloak.pid"
[ -f "$pidfile" ] || { echo "stop.sh: no $pidfile: nothing to stop"; exit 0; }
pid="$(cat "$pidfile")"
[[ "$pid" =~ ^[0-9]+$ ]] || { echo "stop.sh: $pidfile does not hold a pid" >&2; rm -f "$pidfile"; exit 1; }

# the group start.sh made with setsid: kc.sh and its JVM. A pid whose process is gone, or was reused by something
# that is not a Keycloak (after a reboot), is left alone.
alive() { kill -0 "$pid" 2>/dev/null || kill -0 -- "-$pid" 2>/dev/null; }
ours() { [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q keycloak; }
if ! alive; then
  echo "stop.sh: Keycloak (pid $pid) is not running"
  rm -f "$pidfile"
  exit 0
fi
if kill -0 "$pid" 2>/dev/null && ! ours; then
  echo "stop.sh: pid $pid is not a Keycloak; leaving it alone" >&2
  rm -f "$pidfile"
  exit 1
fi
kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 1 60); do
  alive || { echo "stop.sh: Keycloak (pid $pid) stopped"; rm -f "$pidfile"; exit 0; }
  sleep 0.5
done
echo "stop.sh: Keycloak (pid $pid) did not stop in 30 s; killing it"
kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
rm -f "$pidfile"
