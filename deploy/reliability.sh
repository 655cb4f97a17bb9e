#!/usr/bin/env bash
# Roster's reliability suite in one command: two nodes (java -jar target/roster.jar) behind HAProxy
# (deploy/haproxy.cfg) on a throw-away PostgreSQL database, an SMTP sink, a webhook receiver, and
# fault scenarios under load — a license race over both nodes, kill -9 of a node, a PostgreSQL
# restart, SMTP down and hung, the webhook receiver failing and hung, SIGTERM of a node — each
# followed by checks (acknowledged writes stored, seats = ACTIVE rows, audit entries complete, no
# mail lost or sent twice, every webhook event delivered, signed and in order). Prints a table;
# exits 1 if a check failed. Loopback only; 6 to 10 minutes, at most 15. See RELIABILITY.md.
#
#   deploy/reliability.sh [--build] [--shared-postgres] [--rate N] [--only 1,4a,4b,3,2,6a,6b,5]
#
# --build          rebuild target/roster.jar even if it is newer than the sources
# --shared-postgres  use the PostgreSQL server at PGHOST:PGPORT (127.0.0.1:5432, user postgres) with a
#                  throw-away database, and restart that server with pg_ctlcluster in scenario 3 —
#                  everyone else's connections to it break too. By default the suite runs its own
#                  PostgreSQL (initdb into a temporary folder, a free port), which it may restart freely.
# --rate N         total requests a second of the load (default 20)
# --only LIST      run only these scenarios (numbers as in the table, run in the suite's order)
#
# Needs: a JDK 22+ (the harness is a multi-file Java source program; Roster itself needs 21+),
# haproxy, PostgreSQL 15+ (its server binaries, or a running server with --shared-postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source deploy/jdk.sh

build=auto
shared_pg=no
rate=20
only=1,4a,4b,3,2,6a,6b,5
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=yes; shift ;;
    --shared-postgres) shared_pg=yes; shift ;;
    --rate) rate="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

java=$(java_at_least 22)
command -v haproxy >/dev/null || { echo "haproxy is not installed: apt-get install haproxy" >&2; exit 1; }

if [ "$build" = yes ] || [ ! -f target/roster.jar ] \
    || [ -n "$(find src/main pom.xml -newer target/roster.jar -print -quit)" ]; then
  echo "== building target/roster.jar"
  ./mvnw -B -ntp -q -DskipTests package
fi

stamp=$(date +%Y%m%d-%H%M%S)
logs="$root/target/reliability/$stamp"
work=$(mktemp -d /tmp/roster-reliability.XXXXXX)
chmod 755 "$work"
mkdir -p "$logs"
pg_bin=""
pg_db=""
pg_port=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  if [ -f "$work/pids" ]; then
    while read -r pid; do kill -KILL "$pid" 2>/dev/null || true; done <"$work/pids"
  fi
  if [ -n "$pg_bin" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  elif [ -n "$pg_db" ]; then
    psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

if [ "$shared_pg" = yes ]; then
  PGHOST=${PGHOST:-127.0.0.1}
  PGPORT=${PGPORT:-5432}
  pg_port=$PGPORT
  pg_db="roster_rel_$$"
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -qc "CREATE DATABASE $pg_db"
  restart="pg_ctlcluster --skip-systemctl-redirect $version main restart"
  echo "== PostgreSQL: database $pg_db on $PGHOST:$PGPORT (cluster $version/main, restarted in scenario 3)"
else
  PGHOST=127.0.0.1
  pg_port=$(free_port)
  pg_bin="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -n 1)/bin"
  [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL's server binaries are not installed: apt-get install postgresql" >&2; exit 1; }
  mkdir "$work/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
  as_postgres "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --no-sync >"$logs/postgres-initdb.log"
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -k $work/pg" start >/dev/null
  pg_db=roster_reliability
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE $pg_db"
  if [ "$(id -u)" = 0 ]; then
    restart="runuser -u postgres -- $pg_bin/pg_ctl -D $work/pg -m fast -w restart"
  else
    restart="$pg_bin/pg_ctl -D $work/pg -m fast -w restart"
  fi
  echo "== PostgreSQL: a private server on 127.0.0.1:$pg_port ($work/pg)"
fi

# the harness reads the tables with the PostgreSQL driver the jar carries
unzip -q -j -o target/roster.jar 'BOOT-INF/lib/postgresql-*.jar' -d "$work"
driver=$(ls "$work"/postgresql-*.jar)

echo "== harness: $java, logs in $logs"
status=0
REL_JAR="$root/target/roster.jar" REL_WORK="$work" REL_LOGS="$logs" \
REL_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/$pg_db" REL_DB_USER=postgres REL_DB_PASSWORD="${PGPASSWORD:-}" \
REL_PG_RESTART="$restart" REL_HAPROXY_CFG="$root/deploy/haproxy.cfg" REL_RATE="$rate" REL_ONLY="$only" \
  timeout --kill-after=10 900 "$java" -cp "$driver" deploy/reliability/Reliability.java || status=$?
if [ -n "$pg_bin" ]; then cp "$work/pg/server.log" "$logs/postgres.log" 2>/dev/null || true; fi
exit $status
