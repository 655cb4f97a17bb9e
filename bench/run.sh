#!/usr/bin/env bash
# Roster's benchmark in one command: builds the application and the harness, starts Roster on a
# free loopback port against a throw-away H2 data directory or PostgreSQL database, measures the
# time from process start to healthy and the resident memory, runs every scenario of the harness,
# prints the table, then stops the server and removes what it created.
#
#   bench/run.sh [--db h2|postgresql] [--quick] [--no-build] [--jfr] [--no-aot | --fat-jar]
#                [--jar FILE] [--starts N] [--start-only] [--jvm-opts "..."] [--prod-opts "..."]
#                [-- harness options, see: java -jar bench/target/roster-bench.jar --help]
#
# By default Roster runs as README's "Running in production" says: the jar extracted, an AOT cache
# from a training run that serves requests (deploy/train-aot-cache.sh), and the production JVM
# options (prod_opts below). --no-aot starts the extracted jar with the same options but no AOT
# cache; --fat-jar starts target/roster.jar itself with no options (the README's plain command, the
# default run). --jar FILE measures that jar instead of target/roster.jar (for an A/B: one jar built
# at each commit, runs alternating, the same harness).
# --starts N measures N starts (each on a new, empty database) and prints the median and the least
# of start-to-healthy, "Started RosterApplication in" and the resident memory 5 s after healthy; the
# harness then runs against the last one, unless --start-only. --jvm-opts adds options to the
# production ones (and to the training run); --prod-opts replaces the production ones (to compare).
#
# PostgreSQL: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD; the databases
# roster_bench_<pid>_<n> are created and dropped. Results: bench/target/results-<db>-<time>.md, the
# server's log beside it, and with --jfr a flight recording (bench/target/roster-<db>-<time>.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

db=h2
build=yes
jfr=no
aot=yes
jvm_opts=""
jar=""
starts=1
start_only=no
prod_override=""
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
    --starts) starts="$2"; shift 2 ;;
    --start-only) start_only=yes; shift ;;
    --prod-opts) prod_override="$2"; shift 2 ;;
    --) shift; harness+=("$@"); break ;;
    --jar) jar="$2"; shift 2 ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) harness+=("$1"); shift ;;
  esac
done
case "$db" in h2|postgresql) ;; *) echo "--db must be h2 or postgresql" >&2; exit 2 ;; esac

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

if [ -z "$jar" ] && { [ "$build" = yes ] || [ ! -f target/roster.jar ]; }; then
  echo "== building target/roster.jar"
  ./mvnw -B -q -DskipTests package
fi
jar=$(realpath "${jar:-target/roster.jar}")
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
pg_dbs=()
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  for name in "${pg_dbs[@]}"; do
    psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres -qc \
      "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The application as production runs it (README, "Running in production"): the jar extracted (a
# plain class path, which the JDK's AOT cache needs), started in Spring AOT mode with a bounded heap
# and the serial collector, and, on JDK 25+, with the AOT cache of a training run that served a few
# requests (deploy/train-aot-cache.sh).
prod_opts=(-Dspring.aot.enabled=true -XX:+UseSerialGC -Xms32m -Xmx512m -XX:TrimNativeHeapInterval=2000
  -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
# shellcheck disable=SC2206
[ -n "$prod_override" ] && prod_opts=($prod_override)
echo "== extracting the jar"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
[ "$(basename "$jar")" = roster.jar ] || mv "$work/app/$(basename "$jar")" "$work/app/roster.jar"
app_jar="$work/app/roster.jar"
[ "$aot" = fat ] && app_jar="$jar"   # plain `java -jar target/roster.jar`, for comparison

echo "== timing one Argon2id check (the application's own Passwords), before the server starts"
hash_line=$("$java" -cp "$work/app/roster.jar:$work/app/lib/*" bench/tools/HashTime.java)
echo "   $hash_line"
hash_ms=$(sed -n 's/.*hash_ms=\([0-9.]*\).*/\1/p' <<<"$hash_line")
parallel=$(sed -n 's/.*parallel_per_s=\([0-9.]*\).*/\1/p' <<<"$hash_line")
echo "== timing one RS256 signature with a 2048-bit key (what each OIDC token costs to sign)"
rsa_line=$("$java" bench/tools/RsaSignTime.java)
echo "   $rsa_line"
rsa_ms=$(sed -n 's/.*rsa2048_sign_ms=\([0-9.]*\).*/\1/p' <<<"$rsa_line")
echo "== timing one ES256 signature with a P-256 key (what each OIDC access token costs to sign by default)"
es_line=$("$java" bench/tools/EsSignTime.java)
echo "   $es_line"
es_ms=$(sed -n 's/.*es256_sign_ms=\([0-9.]*\).*/\1/p' <<<"$es_line")

opts=()
[ "$aot" = fat ] || opts+=("${prod_opts[@]}")
# shellcheck disable=SC2206
opts+=($jvm_opts)
if [ "$aot" = yes ] && "$java" -XX:AOTMode=off -version >/dev/null 2>&1; then
  echo "== training run for the AOT cache: deploy/train-aot-cache.sh (a throw-away H2 database, a few requests)"
  deploy/train-aot-cache.sh "$work/app" "${opts[@]}"
  opts+=(-XX:AOTCache="$work/app/roster.aot")
fi
if [ "$jfr" = yes ]; then
  opts+=("-XX:StartFlightRecording=filename=$root/bench/target/roster-$db-$stamp.jfr,settings=profile,dumponexit=true")
fi

port=$("$java" -jar "$bench_jar" free-port)
export SERVER_PORT="$port" ROSTER_BIND_ADDRESS=127.0.0.1
export ROSTER_BOOTSTRAP_ADMIN_EMAIL="bench-operator@bench.example"
ROSTER_BOOTSTRAP_ADMIN_PASSWORD="bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export ROSTER_BOOTSTRAP_ADMIN_PASSWORD
# the webhooks scenario posts to a receiver of the harness on loopback
export ROSTER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true

# Starts Roster on an empty database (n: the how-manieth) and waits until it is healthy; sets pid,
# startup_ms, started_s, cpu_ms (the process's CPU, all threads, from start to healthy: unlike the
# wall time, it hardly moves when other work shares the machine) and rss_mb (VmRSS 5 s after
# healthy, of the process and any child it started).
start_on_empty_database() {
  local n=$1 log=$2
  if [ "$db" = postgresql ]; then
    pg_db="roster_bench_$$_$n"
    pg_dbs+=("$pg_db")
    psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres -qc "CREATE DATABASE $pg_db"
    export ROSTER_DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$pg_db"
    export ROSTER_DB_USER="${PGUSER:-postgres}" ROSTER_DB_PASSWORD="${PGPASSWORD:-}"
  else
    rm -rf "$work/data"
    export ROSTER_DB_URL="jdbc:h2:file:$work/data/roster;LOCK_TIMEOUT=10000;DEFAULT_LOCK_TIMEOUT=10000"
  fi
  local start_ns ready=""
  start_ns=$(date +%s%N)
  ( cd "$work" && exec "$java" "${opts[@]}" -jar "$app_jar" ) >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do   # at most 3000 × 20 ms = 60 s
    if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      ready=yes; break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
  done
  if [ -z "$ready" ]; then
    echo "Roster did not become healthy; last lines of its log:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  cpu_ms=$(cpu_ms_of "$pid")
  started_s=$(sed -n 's/.*Started RosterApplication in \([0-9.]*\) seconds.*/\1/p' "$log" | head -1)
  sleep 5
  rss_mb=$(tree_rss_mb "$pid")
}

# user + system CPU of a process and its waited-for children, in ms
cpu_ms_of() {
  awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); printf "%.0f", ($12 + $13 + $14 + $15) * 1000 / hz}' "/proc/$1/stat"
}

# VmRSS of a process plus that of its live descendants, in MB
tree_rss_mb() {
  local total=0 p kb
  for p in $1 $(pgrep -P "$1" 2>/dev/null) ; do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  awk -v kb="$total" 'BEGIN {printf "%.0f", kb / 1024}'
}

stop_server() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
}

# median and least of a list of numbers
median_min() { sort -g | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print "median " m ", min " v[1]}'; }

echo "== starting Roster on 127.0.0.1:$port ($db), $starts time(s): java ${opts[*]} -jar $(basename "$app_jar")"
echo "   machine load before: $(uptime | sed 's/.*load average/load average/')"
healthy=() started=() rss=() cpu=()
for n in $(seq 1 "$starts"); do
  log="$server_log"
  [ "$n" -lt "$starts" ] && log="$work/server-$n.log"
  start_on_empty_database "$n" "$log"
  echo "   start $n: healthy after $startup_ms ms ($cpu_ms ms of CPU); Started RosterApplication in $started_s s; VmRSS $rss_mb MB 5 s after healthy"
  healthy+=("$startup_ms") started+=("$started_s") rss+=("$rss_mb") cpu+=("$cpu_ms")
  [ "$n" -lt "$starts" ] && stop_server
done
if [ "$starts" -gt 1 ]; then
  echo "   start to healthy (ms):         $(printf '%s\n' "${healthy[@]}" | median_min)"
  echo "   CPU to healthy (ms):           $(printf '%s\n' "${cpu[@]}" | median_min)"
  echo "   Started RosterApplication (s): $(printf '%s\n' "${started[@]}" | median_min)"
  echo "   idle VmRSS (MB):               $(printf '%s\n' "${rss[@]}" | median_min)"
fi
echo "   machine load after:  $(uptime | sed 's/.*load average/load average/')"
[ "$start_only" = yes ] && exit 0

"$java" -XX:+UseSerialGC -Xmx1g -jar "$bench_jar" --url "http://127.0.0.1:$port" --server-pid "$pid" \
  --startup-ms "$startup_ms" --hash-ms "$hash_ms" --hash-pair-per-second "$parallel" --rsa-sign-ms "${rsa_ms:--1}" --es-sign-ms "${es_ms:--1}" --db "$db" --out "$out" \
  ${pg_db:+--pg-database "$pg_db"} \
  "${harness[@]}"
echo
echo "Results: $out"
echo "Server log: $server_log"
[ "$jfr" = yes ] && echo "Flight recording (written when the server stops): $root/bench/target/roster-$db-$stamp.jfr"
exit 0
