#!/usr/bin/env bash
# The application's password check against BouncyCastle's Argon2BytesGenerator used other ways, A/B:
# password checks per second at the application's cost (the PHC string its Passwords writes), on 1
# and on 2 threads, each side behind the application's gate (bench/tools/Argon2AB.java says what each
# side does), with the production command's collector and heap (-XX:+UseSerialGC -Xms32m -Xmx512m)
# and with the JVM's defaults. The A/B that replaced our own Argon2id by the library (BENCHMARKS.md)
# ran this script at the commit before the switch, where the side "app" was still named "ours".
#
#   bench/argon2-ab.sh [--rounds N] [--checks N] [--impls "app bc bc-pool bc-fixed-pool"] [--no-build]
#                      [--mixed PAIRS | --mixed-only PAIRS]
#
# Every round runs each side once per flag set, each in a JVM of its own, the order of the sides
# rotated from round to round: on a shared machine, load from others then falls on all sides alike.
# Prints the median checks/s of each side and the median over rounds of its ratio to "app" in the
# same round (the paired figure, less sensitive to load that changes between rounds), and the median
# CPU time per check (the figure least moved by other people's load). Raw lines and
# the summary: bench/target/argon2-ab-<time>.txt. About 4 s per JVM: 7 rounds of 4 sides ≈ 4 min on
# a quiet machine (several times that under others' load).
# --mixed PAIRS then also runs, per flag set and per BouncyCastle side, one JVM holding "app" and
# that side, alternating batches of 4 checks PAIRS times (A B, B A, …): pairs seconds apart, for a
# load that changes faster than a JVM's run. --mixed-only PAIRS runs only that.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=7
checks=30
impls="app bc bc-pool bc-fixed-pool"
build=yes
mixed=0
rounds_on=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --checks) checks="$2"; shift 2 ;;
    --impls) impls="$2"; shift 2 ;;
    --no-build) build=no; shift ;;
    --mixed) mixed="$2"; shift 2 ;;
    --mixed-only) mixed="$2"; rounds_on=no; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

if [ "$build" = yes ] || [ ! -f target/roster.jar ]; then
  echo "== building target/roster.jar"
  ./mvnw -B -q -DskipTests package
fi
work=$(mktemp -d /tmp/roster-argon2-ab.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$java" -Djarmode=tools -jar target/roster.jar extract --destination "$work/app" >/dev/null
# the single-file program is compiled once, so that no round pays for javac
mkdir -p "$work/tool"
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$work/tool" -cp "$work/app/roster.jar:$work/app/lib/*" bench/tools/Argon2AB.java
cp="$work/tool:$work/app/roster.jar:$work/app/lib/*"

mkdir -p bench/target
out="bench/target/argon2-ab-$(date +%Y%m%d-%H%M%S).txt"
serial="-XX:+UseSerialGC -Xms32m -Xmx512m -XX:TrimNativeHeapInterval=2000"
read -r -a sides <<<"$impls"
{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, $("$java" -version 2>&1 | head -1), rounds=$rounds checks=$checks"
  echo "# load before: $(uptime | sed 's/.*load average/load average/')"
} | tee "$out"
[ "$rounds_on" = yes ] || rounds=0
for round in $(seq 1 "$rounds"); do
  for flags in serial default; do
    opts=()
    # shellcheck disable=SC2206
    [ "$flags" = serial ] && opts=($serial)
    n=${#sides[@]}
    for k in $(seq 0 $((n - 1))); do
      impl=${sides[$(( (k + round) % n ))]}
      line=$("$java" "${opts[@]}" -cp "$cp" Argon2AB "$impl" "$checks")
      echo "round=$round flags=$flags $line load1=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
    done
  done
done
for flags in serial default; do
  [ "$mixed" -gt 0 ] || break
  opts=()
  # shellcheck disable=SC2206
  [ "$flags" = serial ] && opts=($serial)
  for impl in "${sides[@]}"; do
    [ "$impl" = app ] && continue
    line=$("$java" "${opts[@]}" -cp "$cp" Argon2AB mixed app "$impl" "$mixed")
    echo "flags=$flags $line load1=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
  done
done
echo "# load after: $(uptime | sed 's/.*load average/load average/')" | tee -a "$out"
[ "$rounds_on" = yes ] || exit 0

# medians per flag set and side; ratios paired with "app" of the same round and flag set
awk '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  /^round=/ {
    for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    key = f["flags"] SUBSEP f["impl"]
    t1[key] = t1[key] " " f["t1_per_s"]; t2[key] = t2[key] " " f["t2_per_s"]
    alloc[key] = f["alloc_mb_per_check"]
    c1[key] = c1[key] " " f["cpu_ms_t1"]; c2[key] = c2[key] " " f["cpu_ms_t2"]
    r1[f["round"], key] = f["t1_per_s"]; r2[f["round"], key] = f["t2_per_s"]
    if (!(f["impl"] in seen)) { seen[f["impl"]] = 1; order[++sides] = f["impl"] }
    if (f["round"] > rounds) rounds = f["round"]
  }
  END {
    printf "\n%-8s %-14s %9s %9s %13s %13s %11s %11s %9s\n", "flags", "side", "1 thr /s", "2 thr /s", "1 thr vs app", "2 thr vs app", "CPU ms 1thr", "CPU ms 2thr", "MB/check"
    split("serial default", flagsets, " ")
    for (fs = 1; fs <= 2; fs++) {
      for (s = 1; s <= sides; s++) {
        key = flagsets[fs] SUBSEP order[s]; base = flagsets[fs] SUBSEP "app"
        q1 = ""; q2 = ""
        for (r = 1; r <= rounds; r++) if ((r, key) in r1 && (r, base) in r1) {
          q1 = q1 " " r1[r, key] / r1[r, base]; q2 = q2 " " r2[r, key] / r2[r, base]
        }
        printf "%-8s %-14s %9.1f %9.1f %12.0f%% %12.0f%% %11.1f %11.1f %9.2f\n", flagsets[fs], order[s], median(t1[key]), median(t2[key]),
          (median(q1) - 1) * 100, (median(q2) - 1) * 100, median(c1[key]), median(c2[key]), alloc[key]
      }
    }
  }' "$out" | tee -a "$out"
echo
echo "Raw lines and summary: $out"
