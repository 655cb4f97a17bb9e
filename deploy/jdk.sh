# Sourced by the scripts of deploy/: finds a `java` of at least a given version, since the machine's
# default `java` may be older than Roster needs (the Maven build finds its JDK by itself, these
# scripts start Roster directly).
#
#   source deploy/jdk.sh; java=$(java_at_least 25)
#
# Tries JAVA_HOME, then the `java` on the PATH, then the newest JDK under /usr/lib/jvm and /opt/java.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

java_at_least() {
  local wanted=$1 candidate major
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" \
      $(ls -d /usr/lib/jvm/*/bin/java /opt/java/*/bin/java 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$wanted" ]; then
      echo "$candidate"
      return 0
    fi
  done
  echo "No JDK $wanted or newer found (JAVA_HOME, PATH, /usr/lib/jvm, /opt/java): install one, e.g. Temurin $wanted" >&2
  return 1
}
