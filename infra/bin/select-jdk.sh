# Sourced by .ci/run and infra/local/stack: puts a JDK >= 21 on PATH and JAVA_HOME.
# Order: $JAVA_HOME, then `java` on PATH, then the newest JDK under the usual JVM directories.
# Shell library: no `set -e` here, callers decide.

SHOWFLOOR_MIN_JAVA=21

showfloor_java_major() {
  # Prints the feature release of the given java binary (17, 21, 25, ...), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java\.specification\.version/ {print $2; exit}' | cut -d. -f1
}

showfloor_select_jdk() {
  local candidates=() looked=() java_bin major dir
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(readlink -f "$(command -v java)")")
  fi
  for dir in $(ls -d /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* 2>/dev/null | sort -rV); do
    candidates+=("$dir/bin/java")
  done
  for java_bin in "${candidates[@]}"; do
    [ -x "$java_bin" ] || continue
    major=$(showfloor_java_major "$java_bin")
    looked+=("$java_bin (${major:-unknown})")
    if [ -n "$major" ] && [ "$major" -ge "$SHOWFLOOR_MIN_JAVA" ] 2>/dev/null; then
      JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java_bin")")")
      export JAVA_HOME
      PATH="$JAVA_HOME/bin:$PATH"
      export PATH
      return 0
    fi
  done
  {
    echo "error: Showfloor needs a JDK ${SHOWFLOOR_MIN_JAVA} or newer and found none."
    echo "  looked at: \$JAVA_HOME, java on PATH, /usr/lib/jvm/*, /usr/local/lib/jvm/*, /opt/java/*, /opt/jdk*"
    for java_bin in "${looked[@]}"; do echo "    - $java_bin"; done
    echo "  install one (for example Eclipse Temurin 21 or 25) or point JAVA_HOME at it."
  } >&2
  return 1
}
