#!/usr/bin/env bash
# Roster's benchmark in one command: builds the application and the harness, starts Roster on a
# free loopback port against a throw-away H2 data directory or PostgreSQL database, measures the
# time from process start to healthy and the resident memory, runs every scenario of the harness,
# prints the table, then stops the server and removes what it created.
#
#   bench/run.sh [--db h2|postgresql] [--quick] [--no-build] [--jfr] [--no-aot | --fat-jar]
#                [--jvm-opts "..."] [-- harness options, see: java -jar bench/target/roster-bench.jar --help]
#
# PostgreSQL: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD; the database
# roster_bench_<pid> is created and dropped. --no-aot starts the extracted jar without the AOT cache,
# --fat-jar starts target/roster.jar itself (the README's plain command). Results: bench/target/results-<db>-<time>.md, the
# server's log beside it, and with --jfr a flight recording (bench/target/roster-<db>-<time>.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

db=h2
build=yes
jfr=no
aot=yes
jvm_opts=""
harness=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --quick) harness+=(--quick); shift ;;
    --no-build) build=no; shift ;;
    --jfr) jfr=yes; shift ;;
    --no-aot) aot=no; shift ;;
    --fat-jar) aot=fat; shift ;;
    --jvm-opts) jvm_opts="$2"; shift 2 ;;
    --) shift; harness+=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) harness+=("$1"); shift ;;
  esac
done
case "$db" in h2|postgresql) ;; *) echo "--db must be h2 or postgresql" >&2; exit 2 ;; esac

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

if [ "$build" = yes ] || [ ! -f target/roster.jar ]; then
  echo "== building target/roster.jar"
  ./mvnw -B -q -DskipTests package
fi
if [ "$build" = yes ] || [ ! -f bench/target/roster-bench.jar ]; then
  echo "== building bench/target/roster-bench.jar"
  ./mvnw -B -q -f bench/pom.xml package
fi
bench_jar="$root/bench/target/roster-bench.jar"

work=$(mktemp -d /tmp/roster-bench.XXXXXX)
stamp=$(date +%Y%m%d-%H%M%S)
out="$root/bench/target/results-$db-$stamp.md"
server_log="$root/bench/target/server-$db-$stamp.log"
pid=""
pg_db=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  if [ -n "$pg_db" ]; then
    psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres -qc \
      "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The application as production should run it: the jar extracted (a plain class path, which the
# JDK's AOT cache needs) and, on JDK 25+, an AOT cache of classes loaded and linked during a
# training start that stops once the context is refreshed (-Dspring.context.exit=onRefresh).
echo "== extracting the jar"
"$java" -Djarmode=tools -jar target/roster.jar extract --destination "$work/app" >/dev/null
app_jar="$work/app/roster.jar"
[ "$aot" = fat ] && app_jar="$root/target/roster.jar"   # plain `java -jar target/roster.jar`, for comparison

echo "== timing one Argon2id check (the application's own Passwords), before the server starts"
hash_line=$("$java" -cp "$work/app/roster.jar:$work/app/lib/*" bench/tools/HashTime.java)
echo "   $hash_line"
hash_ms=$(sed -n 's/.*hash_ms=\([0-9.]*\).*/\1/p' <<<"$hash_line")
parallel=$(sed -n 's/.*parallel_per_s=\([0-9.]*\).*/\1/p' <<<"$hash_line")

port=$("$java" -jar "$bench_jar" free-port)
export SERVER_PORT="$port" ROSTER_BIND_ADDRESS=127.0.0.1
export ROSTER_BOOTSTRAP_ADMIN_EMAIL="bench-operator@bench.example"
ROSTER_BOOTSTRAP_ADMIN_PASSWORD="bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export ROSTER_BOOTSTRAP_ADMIN_PASSWORD
if [ "$db" = postgresql ]; then
  pg_db="roster_bench_$$"
  psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres -qc "CREATE DATABASE $pg_db"
  export ROSTER_DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$pg_db"
  export ROSTER_DB_USER="${PGUSER:-postgres}" ROSTER_DB_PASSWORD="${PGPASSWORD:-}"
else
  export ROSTER_DB_URL="jdbc:h2:file:$work/data/roster;LOCK_TIMEOUT=10000;DEFAULT_LOCK_TIMEOUT=10000"
fi

opts=()
if [ "$aot" = yes ] && "$java" -XX:AOTMode=off -version >/dev/null 2>&1; then
  echo "== training run for the AOT cache (an empty throw-away H2 database, stops after the context refresh)"
  ( cd "$work" && env ROSTER_DB_URL="jdbc:h2:mem:training" SERVER_PORT=0 \
      "$java" -XX:AOTCacheOutput="$work/app/roster.aot" -Dspring.context.exit=onRefresh -jar "$app_jar" \
      >"$work/training.log" 2>&1 ) || { tail -30 "$work/training.log"; exit 1; }
  opts+=(-XX:AOTCache="$work/app/roster.aot")
fi
if [ "$jfr" = yes ]; then
  opts+=("-XX:StartFlightRecording=filename=$root/bench/target/roster-$db-$stamp.jfr,settings=profile,dumponexit=true")
fi
# shellcheck disable=SC2206
opts+=($jvm_opts)

echo "== starting Roster on 127.0.0.1:$port ($db): java ${opts[*]} -jar roster.jar"
start_ns=$(date +%s%N)
( cd "$work" && exec "$java" "${opts[@]}" -jar "$app_jar" ) >"$server_log" 2>&1 &
pid=$!
ready=""
for _ in $(seq 1 3000); do   # at most 3000 × 20 ms = 60 s
  if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
    ready=yes; break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.02
done
if [ -z "$ready" ]; then
  echo "Roster did not become healthy; last lines of its log:" >&2
  tail -40 "$server_log" >&2
  exit 1
fi
startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
echo "   healthy after $startup_ms ms; $(grep -o 'Started RosterApplication.*' "$server_log" | head -1)"

"$java" -XX:+UseSerialGC -Xmx1g -jar "$bench_jar" --url "http://127.0.0.1:$port" --server-pid "$pid" \
  --startup-ms "$startup_ms" --hash-ms "$hash_ms" --hash-pair-per-second "$parallel" --db "$db" --out "$out" \
  ${pg_db:+--pg-database "$pg_db"} \
  "${harness[@]}"
echo
echo "Results: $out"
echo "Server log: $server_log"
[ "$jfr" = yes ] && echo "Flight recording (written when the server stops): $root/bench/target/roster-$db-$stamp.jfr"
exit 0
