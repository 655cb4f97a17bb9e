#!/usr/bin/env bash
# Where one scenario of the harness spends its time: starts Roster (the jar, on a throw-away H2
# directory or PostgreSQL database), fills the companies first when the scenario needs them, then
# records only the measured part: a flight recording sampling CPU time (JFR's jdk.CPUTimeSample,
# one sample per millisecond of CPU on any thread, virtual ones included) and, on PostgreSQL,
# pg_stat_statements (time, calls and rows of each statement). Prints the CPU by layer and the hot
# methods, and the top statements; writes them to bench/target/profile-<scenario>-<db>-<time>.md.
#
#   bench/profile.sh [--db h2|postgresql] [--no-build] SCENARIO [-- harness options]
#   SCENARIO: floor | create | search | cursor | signin | race | load | oidc-code | oidc-refresh
#             (see run.sh and the harness's --help; load records the CSV-import fill of the two
#             companies itself; the oidc ones record their setup and warm-up too: the client, the
#             people, 200 code flows, then the measured runs)
#
# pg_stat_statements needs `shared_preload_libraries = 'pg_stat_statements'` on the server (a
# restart); without it the statement table is skipped and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

db=h2
build=yes
scenario=""
harness=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --no-build) build=no; shift ;;
    --) shift; harness+=("$@"); break ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) scenario="$1"; shift ;;
  esac
done
case "$scenario" in floor|create|search|cursor|signin|race|load|oidc-code|oidc-refresh) ;; *) echo "name one scenario: floor, create, search, cursor, signin, race, load, oidc-code or oidc-refresh" >&2; exit 2 ;; esac
case "$db" in h2|postgresql) ;; *) echo "--db must be h2 or postgresql" >&2; exit 2 ;; esac

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
if [ "$build" = yes ] || [ ! -f target/roster.jar ]; then
  ./mvnw -B -q -DskipTests package
fi
if [ "$build" = yes ] || [ ! -f bench/target/roster-bench.jar ]; then
  ./mvnw -B -q -f bench/pom.xml package
fi
bench=(java -jar "$root/bench/target/roster-bench.jar")
bench[0]="${bin}java"

work=$(mktemp -d /tmp/roster-profile.XXXXXX)
stamp=$(date +%Y%m%d-%H%M%S)
out="$root/bench/target/profile-$scenario-$db-$stamp.md"
recording="$root/bench/target/profile-$scenario-$db-$stamp.jfr"
pid=""
pg_db=""
psql_=(psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}")
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  [ -n "$pg_db" ] && "${psql_[@]}" -d postgres -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$("${bench[@]}" free-port)
export SERVER_PORT="$port" ROSTER_BIND_ADDRESS=127.0.0.1 ROSTER_BOOTSTRAP_ADMIN_EMAIL="bench-operator@bench.example"
ROSTER_BOOTSTRAP_ADMIN_PASSWORD="bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export ROSTER_BOOTSTRAP_ADMIN_PASSWORD
statements=no
if [ "$db" = postgresql ]; then
  pg_db="roster_profile_$$"
  "${psql_[@]}" -d postgres -qc "CREATE DATABASE $pg_db"
  if "${psql_[@]}" -d "$pg_db" -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" 2>/dev/null \
      && "${psql_[@]}" -d "$pg_db" -Atc "SELECT count(*) FROM pg_stat_statements" >/dev/null 2>&1; then
    statements=yes
  fi
  export ROSTER_DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$pg_db"
  export ROSTER_DB_USER="${PGUSER:-postgres}" ROSTER_DB_PASSWORD="${PGPASSWORD:-}"
else
  export ROSTER_DB_URL="jdbc:h2:file:$work/data/roster;LOCK_TIMEOUT=10000;DEFAULT_LOCK_TIMEOUT=10000"
fi

echo "== starting Roster on 127.0.0.1:$port ($db)"
( cd "$work" && exec "${bin}java" -XX:FlightRecorderOptions:stackdepth=256 -jar "$root/target/roster.jar" ) \
  >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 3000); do
  curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
  kill -0 "$pid" 2>/dev/null || { tail -40 "$work/server.log" >&2; exit 1; }
  sleep 0.02
done

common=(--url "http://127.0.0.1:$port" --server-pid "$pid" --db "$db" ${pg_db:+--pg-database "$pg_db"})
reuse=()
if [ "$scenario" = search ] || [ "$scenario" = cursor ]; then
  echo "== filling the companies (not recorded)"
  "${bench[@]}" "${common[@]}" --scenarios load "${harness[@]}" | tee "$work/load.txt"
  read -r -a reuse <<<"$(sed -n 's/^filled: //p' "$work/load.txt")"
fi

"${bin}jfr" configure --input profile jdk.CPUTimeSample#enabled=true jdk.CPUTimeSample#throttle=1ms \
  --output "$work/cpu.jfc" >/dev/null
[ "$statements" = yes ] && "${psql_[@]}" -d "$pg_db" -qAtc "SELECT pg_stat_statements_reset()" >/dev/null
"${bin}jcmd" "$pid" JFR.start name=profile settings="$work/cpu.jfc" >/dev/null
echo "== running $scenario (recorded)"
"${bench[@]}" "${common[@]}" --scenarios "$scenario" "${reuse[@]}" "${harness[@]}" | tee "$work/run.txt"
"${bin}jcmd" "$pid" JFR.stop name=profile filename="$recording" >/dev/null

{
  echo "# Profile of '$scenario' on $db ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
  echo
  echo '```'
  grep -v '^  ' "$work/run.txt" | sed -n '/^scenario/,$p'
  echo '```'
  echo
  echo "## CPU of the server by layer and hot methods (JFR jdk.CPUTimeSample, 1 sample per ms of CPU)"
  echo
  echo '```'
  "${bin}java" "$root/bench/tools/JfrSummary.java" "$recording" --event jdk.CPUTimeSample --top 30
  echo
  "${bin}java" "$root/bench/tools/JfrSummary.java" "$recording" --event jdk.CPUTimeSample --top 40 --only io.roster. \
    | sed -n '/^inclusive/,$p'
  echo '```'
  echo
  if [ "$statements" = yes ]; then
    echo "## PostgreSQL statements (pg_stat_statements; time includes waiting for locks)"
    echo
    echo '```'
    "${psql_[@]}" -d "$pg_db" -c "SELECT calls, round(total_exec_time::numeric, 1) AS total_ms,
        round((total_exec_time / calls)::numeric, 3) AS ms_per_call, rows,
        left(regexp_replace(query, '\s+', ' ', 'g'), 140) AS statement
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND query NOT LIKE '%pg_stat_statements%'
      ORDER BY total_exec_time DESC LIMIT 30"
    echo '```'
  elif [ "$db" = postgresql ]; then
    echo "pg_stat_statements is not loaded on this server (shared_preload_libraries): no statement table."
  fi
} >"$out"
cat "$out"
echo
echo "Profile: $out"
echo "Flight recording: $recording (open it in JDK Mission Control, or: jfr print --events jdk.CPUTimeSample)"
