#!/usr/bin/env bash
# Manual check of a node's shutdown on a real SIGTERM: starts the jar on a throw-away H2 database
# and a free loopback port, sends requests, sends SIGTERM, and reports what callers saw meanwhile
# (readiness, answers and their Connection header during the drain) and how long the node took.
#
#   deploy/check-graceful-shutdown.sh [JAR] [JVM options]      (JAR: target/roster.jar)
#
# Settings come from the environment as usual (ROSTER_SHUTDOWN_DRAIN, ROSTER_SHUTDOWN_TIMEOUT,
# SPRING_MAIL_HOST to watch the dispatcher stop with an SMTP server, ...). Expected: readiness 503
# at once, every request of the drain answered 200 with "Connection: close", then connections
# refused, "Graceful shutdown complete" in the log, and an exit after about the drain.
set -euo pipefail
jar=$(realpath "${1:-target/roster.jar}")
shift || true
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work=$(mktemp -d /tmp/roster-shutdown-check.XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

email="shutdown-check@check.example"
password="check-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
( cd "$work" && exec env SERVER_PORT=0 ROSTER_BIND_ADDRESS=127.0.0.1 \
    ROSTER_DB_URL="jdbc:h2:file:$work/data/roster" ROSTER_DB_USER=sa ROSTER_DB_PASSWORD= \
    ROSTER_BOOTSTRAP_ADMIN_EMAIL="$email" ROSTER_BOOTSTRAP_ADMIN_PASSWORD="$password" \
    "$java" "$@" -jar "$jar" ) >"$work/node.log" 2>&1 &
pid=$!

port=""
for _ in $(seq 1 1200); do   # at most 120 s
  port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$work/node.log" | head -1)
  [ -n "$port" ] && curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"' && break
  port=""
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "the node did not become ready; last lines of its log:" >&2
  tail -40 "$work/node.log" >&2
  exit 1
fi
base="http://127.0.0.1:$port"
token=""
for _ in $(seq 1 300); do   # the operator is created just after the start: at most 30 s
  token=$(curl -s -u "$email:$password" -X POST "$base/api/v1/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] && break
  sleep 0.1
done
[ -n "$token" ] || { echo "could not sign in as the bootstrap operator" >&2; exit 1; }
echo "node ready on port $port (pid $pid); sending SIGTERM"

started=$(date +%s%N)
kill -TERM "$pid"
readiness=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/actuator/health/readiness" || true)
answered=0 closing=0 other=0
while kill -0 "$pid" 2>/dev/null; do
  headers=$(curl -s -D - -o /dev/null --max-time 5 -H "Authorization: Bearer $token" "$base/api/v1/me" || true)
  [ -z "$headers" ] && break   # connection refused: the web server stopped taking connections
  if grep -q '^HTTP/1.1 200' <<<"$headers"; then
    answered=$((answered + 1))
    grep -qi '^connection: close' <<<"$headers" && closing=$((closing + 1))
  else
    other=$((other + 1)); echo "  answered: $(head -1 <<<"$headers" | tr -d "\r")"
  fi
  sleep 0.1
done
refused_after=$((($(date +%s%N) - started) / 1000000))
status=0
wait "$pid" || status=$?
pid=""
elapsed=$((($(date +%s%N) - started) / 1000000))

echo "readiness right after SIGTERM:        HTTP $readiness (503 expected)"
echo "requests answered 200 during drain:   $answered ($closing with Connection: close), other answers: $other"
echo "new connections refused after:        ${refused_after} ms"
echo "process exited after:                 ${elapsed} ms, status $status (143 = ended by SIGTERM)"
grep -E "Shutting down|Graceful shutdown|mail-dispatcher|Mail .* not delivered" "$work/node.log" | sed 's/^/  log: /' || true
[ "$readiness" = 503 ] && [ "$other" = 0 ] && [ "$answered" = "$closing" ] && [ "$elapsed" -le 10000 ]
