#!/usr/bin/env bash
# Search with and without the word range of issue 15 at 100,000 users, on PostgreSQL: fills a company
# of 100,000 accounts with French names (accents, compound first and last names) into an already
# migrated Roster database, then times each statement with pgbench (1 client, prepared, generic plan,
# as UsersTable runs it). old-*: the four ranges of before; new-*: with the words' range.
#   bench/search-words/run.sh <database>      (PGHOST, PGUSER as for psql; removes its rows at the end)
set -euo pipefail
cd "$(dirname "$0")"
db="$1"
psql -q -d "$db" -f fill.sql
for s in old-mar new-mar old-dup new-dup old-lef new-lef new-claire new-tour; do
  printf '%-11s ' "$s"
  PGOPTIONS="-c plan_cache_mode=force_generic_plan" pgbench -n -M prepared -c 1 -T 10 -f "$s.sql" "$db" 2>/dev/null \
    | grep -E 'latency average|tps' | tr '\n' ' '
  echo
done
psql -q -d "$db" -c "DELETE FROM accounts WHERE home_company_id = 'bench-company-100k';
  DELETE FROM companies WHERE id = 'bench-company-100k';"
