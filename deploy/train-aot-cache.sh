#!/usr/bin/env bash
# Training run for the JDK's AOT cache (JDK 25+): starts the extracted application with
# -XX:AOTCacheOutput on a throw-away H2 database and a free port, signs in and serves a few typical
# requests (health, the console's sign-in page, API token, partner, company, user creation, search,
# a refused sign-in), then stops it; the JVM writes the cache as it exits. The classes loaded, linked
# and profiled while serving go into the cache as well as those of the start.
#
#   deploy/train-aot-cache.sh APP_DIR [JVM options of the production command]
#
# APP_DIR holds roster.jar and lib/ from `java -Djarmode=tools -jar roster.jar extract`; the cache is
# written to APP_DIR/roster.aot. Pass the production command's JVM options (heap, GC,
# -Dspring.aot.enabled=true) so that the training matches it; nothing touches a real database.
set -euo pipefail
app=$(cd "${1:?usage: $0 APP_DIR [JVM options]}" && pwd)
shift
source "$(dirname "$0")/jdk.sh"
java=$(java_at_least 25)   # -XX:AOTCacheOutput came with JDK 25
work=$(mktemp -d /tmp/roster-aot-training.XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

rm -f "$app/roster.aot"
email="aot-training@training.example"
password="training-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
( cd "$work" && exec env SERVER_PORT=0 ROSTER_BIND_ADDRESS=127.0.0.1 \
    ROSTER_DB_URL="jdbc:h2:file:$work/data/roster" ROSTER_DB_USER=sa ROSTER_DB_PASSWORD= \
    ROSTER_BOOTSTRAP_ADMIN_EMAIL="$email" ROSTER_BOOTSTRAP_ADMIN_PASSWORD="$password" \
    ROSTER_SHUTDOWN_DRAIN=0s SPRING_MAIL_HOST= "$java" "$@" -XX:AOTCacheOutput="$app/roster.aot" -jar "$app/roster.jar" ) \
  >"$work/training.log" 2>&1 &
pid=$!

port=""
for _ in $(seq 1 1200); do   # at most 120 s
  port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$work/training.log" | head -1)
  [ -n "$port" ] && curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
  port=""
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "the training run did not become healthy; last lines of its log:" >&2
  tail -40 "$work/training.log" >&2
  exit 1
fi

base="http://127.0.0.1:$port"
api="$base/api/v1"
json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -1; }
token=$(curl -fs -u "$email:$password" -X POST "$api/tokens" | json token)
auth="Authorization: Bearer $token"
post() { curl -fs -H "$auth" -H 'Content-Type: application/json' -d "$2" "$api$1"; }
partner=$(post /partners '{"name":"Training Partners"}' | json id)
company=$(post /companies "{\"name\":\"Training\",\"slug\":\"training\",\"licensesPurchased\":20,\"partnerId\":\"$partner\"}" | json id)
for i in $(seq 1 12); do
  post "/companies/$company/users" "{\"userId\":\"user$i\",\"firstName\":\"First$i\",\"lastName\":\"Last$i\",\
\"email\":\"user$i@training.example\",\"status\":\"ACTIVE\",\"roles\":[\"MEMBER\"],\
\"password\":\"a training password #$i\",\"emailVerified\":true}" >/dev/null
done
for q in u us user1 F; do
  curl -fs -H "$auth" "$api/companies/$company/users?limit=50&q=$q" >/dev/null
done
curl -fs -H "$auth" "$api/companies/$company/users?limit=5&sort=lastName" >/dev/null
curl -fs -H "$auth" "$api/companies/$company" >/dev/null
curl -fs -H "$auth" "$api/me" >/dev/null
curl -fs -u "user1:a training password #1" -X POST "$api/tokens" >/dev/null
curl -s -o /dev/null -u "user1:a wrong password" -X POST "$api/tokens"
curl -s -o /dev/null -u "nobody:a wrong password" -X POST "$api/tokens"
curl -s -o /dev/null "$api/companies/$company/users"
# the console: sign-in page, form sign-in with its CSRF token, the Users table
jar="$work/cookies"
csrf=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "login=$email" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$csrf" "$base/login"
curl -s -o /dev/null -c "$jar" -b "$jar" "$base/companies/$company/users"
curl -s -o /dev/null -b "$jar" "$base/"
for _ in $(seq 1 20); do curl -fs "$base/actuator/health" >/dev/null; done

kill -TERM "$pid"
wait "$pid" || true
pid=""
if [ ! -s "$app/roster.aot" ]; then
  echo "no AOT cache was written; last lines of the training log:" >&2
  tail -40 "$work/training.log" >&2
  exit 1
fi
echo "AOT cache: $app/roster.aot ($(du -m "$app/roster.aot" | cut -f1) MB)"
